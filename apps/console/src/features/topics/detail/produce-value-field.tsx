'use client';
import { Field, SegmentedControl, TextArea } from '@tarn/ui';

export type ValueFormat = 'text' | 'json';

export interface ProduceValueFieldProps {
  value: string;
  format: ValueFormat;
  error: string | undefined;
  onValue: (value: string) => void;
  onFormat: (format: ValueFormat) => void;
}

/** The record's value, as text or as JSON (checked as it is typed). */
export function ProduceValueField({ value, format, error, onValue, onFormat }: ProduceValueFieldProps) {
  return (
    <Field id="produce-value" label="Value" error={error}>
      <div className="t-stack-sm">
        <SegmentedControl
          name="format"
          label="Value format"
          value={format}
          options={[
            { value: 'text', label: 'Text' },
            { value: 'json', label: 'JSON' },
          ]}
          onChange={onFormat}
        />
        <TextArea
          id="produce-value"
          rows={8}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          invalid={error !== undefined}
          aria-describedby={error !== undefined ? 'produce-value-error' : undefined}
          placeholder={format === 'json' ? '{"orderId": 42, "status": "paid"}' : 'hello, tarn'}
          spellCheck={false}
        />
      </div>
    </Field>
  );
}
