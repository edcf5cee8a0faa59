'use client';
import { Button, TextInput } from '@tarn/ui';

export interface HeaderRow {
  id: number;
  key: string;
  value: string;
}

let nextId = 1;

/** The record's headers: name and value rows, added and removed one by one. */
export function ProduceHeaders({
  headers,
  errors,
  onChange,
}: {
  headers: HeaderRow[];
  errors: Record<number, string> | undefined;
  onChange: (headers: HeaderRow[]) => void;
}) {
  return (
    <fieldset className="t-stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="t-label" style={{ marginBottom: 6 }}>
        Headers
      </legend>
      {headers.map((h, i) => (
        <div key={h.id} className="t-stack-sm" style={{ gap: 4 }}>
          <div className="c-config-row">
            <TextInput
              aria-label={`Header ${i + 1} name`}
              mono
              placeholder="trace-id"
              value={h.key}
              invalid={errors?.[h.id] !== undefined}
              onChange={(e) => onChange(headers.map((x) => (x.id === h.id ? { ...x, key: e.target.value } : x)))}
            />
            <TextInput
              aria-label={`Header ${i + 1} value`}
              mono
              placeholder="value"
              value={h.value}
              onChange={(e) => onChange(headers.map((x) => (x.id === h.id ? { ...x, value: e.target.value } : x)))}
            />
            <Button variant="ghost" aria-label={`Remove header ${i + 1}`} onClick={() => onChange(headers.filter((x) => x.id !== h.id))}>
              ✕
            </Button>
          </div>
          {errors?.[h.id] !== undefined ? (
            <div className="t-field-error" role="alert">
              <span aria-hidden="true">⚠</span>
              {errors[h.id]}
            </div>
          ) : null}
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => onChange([...headers, { id: nextId++, key: '', value: '' }])}>
          + Add header
        </Button>
      </div>
    </fieldset>
  );
}
