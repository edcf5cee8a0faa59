'use client';
import { Button, describeMillis, TextInput } from '@tarn/ui';
import type { TopicDetail } from '../../../lib/types';

type Config = TopicDetail['configs'][number];

export interface ConfigValueCellProps {
  config: Config;
  /** The value being typed while this config is edited; null when it is not. */
  draft: string | null;
  /** Why the last change of this config was refused. */
  error: string | undefined;
  busy: boolean;
  onDraft: (value: string) => void;
  onSave: (value: string) => void;
  onCancel: () => void;
}

/** A config's effective value (with its duration spelled out for *.ms), or the form that changes it. */
export function ConfigValueCell({ config: c, draft, error, busy, onDraft, onSave, onCancel }: ConfigValueCellProps) {
  if (draft !== null) {
    return (
      <form
        className="t-stack-sm"
        style={{ gap: 4 }}
        onSubmit={(e) => {
          e.preventDefault();
          onSave(draft);
        }}
      >
        <div className="t-row" style={{ flexWrap: 'nowrap' }}>
          <TextInput
            aria-label={`Value of ${c.name}`}
            mono
            autoFocus
            value={draft}
            onChange={(e) => onDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') onCancel();
            }}
            invalid={error !== undefined}
            aria-describedby={error !== undefined ? `cfg-${c.name}-error` : undefined}
          />
          <Button type="submit" size="sm" variant="primary" busy={busy}>
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
        {error !== undefined ? (
          <div className="t-field-error" id={`cfg-${c.name}-error`} role="alert">
            <span aria-hidden="true">⚠</span>
            <span>{error}</span>
          </div>
        ) : null}
      </form>
    );
  }
  const human = describeMillis(c.value);
  return (
    <div className="t-stack-sm" style={{ gap: 2 }}>
      <code className="t-mono">{c.value}</code>
      {human !== null && c.name.endsWith('.ms') ? <span className="t-hint">{human}</span> : null}
      {error !== undefined ? (
        <div className="t-field-error" role="alert">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </div>
      ) : null}
    </div>
  );
}
