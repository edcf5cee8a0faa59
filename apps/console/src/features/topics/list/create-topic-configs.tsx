'use client';
import { Button, TextInput } from '@tarn/ui';
import { configHint } from '../config-values';
import type { ConfigDefinition } from '../../../lib/types';

export interface ConfigRow {
  id: number;
  key: string;
  value: string;
}

let nextRowId = 1;

export interface CreateTopicConfigsProps {
  rows: ConfigRow[];
  onChange: (rows: ConfigRow[]) => void;
  /** A message per row id. */
  errors: Record<number, string> | undefined;
  /** The broker's topic configs, for the name picker and the hints. */
  definitions: readonly ConfigDefinition[];
  defs: ReadonlyMap<string, ConfigDefinition>;
}

/** The configs a new topic sets: name and value rows, each checked against the broker's definitions. */
export function CreateTopicConfigs({ rows, onChange, errors, definitions, defs }: CreateTopicConfigsProps) {
  return (
    <fieldset className="t-stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="t-label" style={{ marginBottom: 6 }}>
        Configs
      </legend>
      {rows.length === 0 ? (
        <span className="t-hint">None: the topic uses the broker&apos;s defaults (retention.ms, segment.bytes, cleanup.policy, …).</span>
      ) : null}
      <datalist id="topic-config-names">
        {definitions.map((d) => (
          <option key={d.name} value={d.name}>
            {d.doc}
          </option>
        ))}
      </datalist>
      <div className="c-rows">
        {rows.map((r, i) => {
          const err = errors?.[r.id];
          const def = defs.get(r.key.trim());
          return (
            <div key={r.id} className="t-stack-sm" style={{ gap: 4 }}>
              <div className="c-config-row">
                <TextInput
                  aria-label={`Config ${i + 1} name`}
                  list="topic-config-names"
                  mono
                  placeholder="retention.ms"
                  value={r.key}
                  invalid={err !== undefined}
                  onChange={(e) => onChange(rows.map((x) => (x.id === r.id ? { ...x, key: e.target.value } : x)))}
                />
                <TextInput
                  aria-label={`Config ${i + 1} value`}
                  mono
                  placeholder={def !== undefined ? `default ${def.default}` : 'value'}
                  value={r.value}
                  invalid={err !== undefined}
                  aria-describedby={err !== undefined ? `config-${r.id}-error` : undefined}
                  onChange={(e) => onChange(rows.map((x) => (x.id === r.id ? { ...x, value: e.target.value } : x)))}
                />
                <Button variant="ghost" aria-label={`Remove config ${i + 1}`} onClick={() => onChange(rows.filter((x) => x.id !== r.id))}>
                  ✕
                </Button>
              </div>
              {err !== undefined ? (
                <div className="t-field-error" id={`config-${r.id}-error`} role="alert">
                  <span aria-hidden="true">⚠</span>
                  <span>{err}</span>
                </div>
              ) : def !== undefined ? (
                <div className="t-hint">{configHint(def)}</div>
              ) : null}
            </div>
          );
        })}
      </div>
      <div>
        <Button size="sm" onClick={() => onChange([...rows, { id: nextRowId++, key: '', value: '' }])}>
          + Add config
        </Button>
      </div>
    </fieldset>
  );
}
