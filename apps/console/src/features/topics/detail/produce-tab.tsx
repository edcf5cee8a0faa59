'use client';
import { useState } from 'react';
import Link from 'next/link';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, ErrorPanel, Field, formatTimestamp, Notice, SegmentedControl, Select, TextArea, TextInput } from '@tarn/ui';
import type { TopicDetail } from '../../../lib/types';
import { describeError, kafkaErrorName } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';

type Format = 'text' | 'json';
interface HeaderRow {
  id: number;
  key: string;
  value: string;
}
type Errors = Partial<Record<'partition' | 'value' | 'form', string>> & { headers?: Record<number, string> };

let nextId = 1;

/** The JSON.parse complaint, or null when the text is valid JSON. */
export function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return `Not valid JSON: ${(err as Error).message}`;
  }
}

export function ProduceTab({ topic }: { topic: TopicDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [partition, setPartition] = useState<string>('auto');
  const [key, setKey] = useState('');
  const [nullKey, setNullKey] = useState(false);
  const [value, setValue] = useState('');
  const [format, setFormat] = useState<Format>('text');
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const produce = useMutation(
    trpc.messages.produce.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.topics.get.queryKey({ name: topic.name }) });
        void queryClient.invalidateQueries({ queryKey: trpc.messages.browse.queryKey() });
      },
      onError: (err) => {
        const name = kafkaErrorName(err);
        const message = describeError(err).message;
        if (name === 'INVALID_RECORD' || /json/i.test(message)) setErrors({ value: message });
        else if (name === 'UNKNOWN_TOPIC_OR_PARTITION' && partition !== 'auto') setErrors({ partition: message });
        else setErrors({ form: message });
      },
    }),
  );

  const liveJsonError = format === 'json' && value.trim() !== '' ? jsonProblem(value) : null;
  const valueError = errors.value ?? liveJsonError ?? undefined;

  const submit = () => {
    const next: Errors = {};
    if (format === 'json') {
      if (value.trim() === '') next.value = 'A JSON value cannot be empty: enter JSON, or switch to text.';
      else if (liveJsonError !== null) next.value = liveJsonError;
    }
    const headerErrors: Record<number, string> = {};
    for (const h of headers) if (h.key.trim() === '' && h.value !== '') headerErrors[h.id] = 'A header needs a name.';
    if (Object.keys(headerErrors).length > 0) next.headers = headerErrors;
    setErrors(next);
    if (next.value !== undefined || next.headers !== undefined) return;
    produce.mutate({
      topic: topic.name,
      partition: partition === 'auto' ? null : Number(partition),
      key: nullKey || key === '' ? null : key,
      value,
      format,
      headers: headers.filter((h) => h.key.trim() !== '').map((h) => ({ key: h.key.trim(), value: h.value })),
    });
  };

  const result = produce.data;
  return (
    <div className="t-grid-2" style={{ gridTemplateColumns: 'minmax(0, 2fr) minmax(260px, 1fr)', alignItems: 'start' }}>
      <Card title="Produce a record" description="Written with acks=all, like a Kafka producer would.">
        <form
          className="t-stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="t-grid-2" style={{ gridTemplateColumns: '200px minmax(0, 1fr)' }}>
            <Field id="produce-partition" label="Partition" error={errors.partition} hint={partition === 'auto' ? 'murmur2 of the key; round robin without one' : undefined}>
              <Select id="produce-partition" value={partition} onChange={(e) => setPartition(e.target.value)} invalid={errors.partition !== undefined}>
                <option value="auto">Automatic</option>
                {topic.partitions.map((p) => (
                  <option key={p.partition} value={p.partition}>
                    Partition {p.partition}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="produce-key" label="Key" hint={nullKey ? 'The record has no key (null).' : 'Empty means no key.'}>
              <div className="t-row" style={{ flexWrap: 'nowrap' }}>
                <TextInput id="produce-key" mono value={key} onChange={(e) => setKey(e.target.value)} disabled={nullKey} placeholder="customer-17" />
                <label className="t-check" style={{ whiteSpace: 'nowrap' }}>
                  <input type="checkbox" checked={nullKey} onChange={(e) => setNullKey(e.target.checked)} /> null key
                </label>
              </div>
            </Field>
          </div>
          <Field id="produce-value" label="Value" error={valueError}>
            <div className="t-stack-sm">
              <SegmentedControl
                name="format"
                label="Value format"
                value={format}
                options={[
                  { value: 'text', label: 'Text' },
                  { value: 'json', label: 'JSON' },
                ]}
                onChange={(f) => {
                  setFormat(f);
                  setErrors({});
                }}
              />
              <TextArea
                id="produce-value"
                rows={8}
                value={value}
                onChange={(e) => {
                  setValue(e.target.value);
                  if (errors.value !== undefined) setErrors({ ...errors, value: undefined });
                }}
                invalid={valueError !== undefined}
                aria-describedby={valueError !== undefined ? 'produce-value-error' : undefined}
                placeholder={format === 'json' ? '{"orderId": 42, "status": "paid"}' : 'hello, tarn'}
                spellCheck={false}
              />
            </div>
          </Field>
          <fieldset className="t-stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="t-label" style={{ marginBottom: 6 }}>
              Headers
            </legend>
            {headers.map((h, i) => (
              <div key={h.id} className="t-stack-sm" style={{ gap: 4 }}>
                <div className="c-config-row">
                  <TextInput aria-label={`Header ${i + 1} name`} mono placeholder="trace-id" value={h.key} invalid={errors.headers?.[h.id] !== undefined} onChange={(e) => setHeaders(headers.map((x) => (x.id === h.id ? { ...x, key: e.target.value } : x)))} />
                  <TextInput aria-label={`Header ${i + 1} value`} mono placeholder="value" value={h.value} onChange={(e) => setHeaders(headers.map((x) => (x.id === h.id ? { ...x, value: e.target.value } : x)))} />
                  <Button variant="ghost" aria-label={`Remove header ${i + 1}`} onClick={() => setHeaders(headers.filter((x) => x.id !== h.id))}>
                    ✕
                  </Button>
                </div>
                {errors.headers?.[h.id] !== undefined ? (
                  <div className="t-field-error" role="alert">
                    <span aria-hidden="true">⚠</span>
                    {errors.headers[h.id]}
                  </div>
                ) : null}
              </div>
            ))}
            <div>
              <Button size="sm" onClick={() => setHeaders([...headers, { id: nextId++, key: '', value: '' }])}>
                + Add header
              </Button>
            </div>
          </fieldset>
          {errors.form !== undefined ? <ErrorPanel title="The broker refused the record" error={{ ...describeError(produce.error), message: errors.form }} /> : null}
          <div className="t-row">
            <Button type="submit" variant="primary" busy={produce.isPending}>
              {produce.isPending ? 'Producing…' : 'Produce'}
            </Button>
          </div>
        </form>
      </Card>
      <Card title="Result">
        {result === undefined ? (
          <span className="t-muted">The partition and offset the record gets appear here.</span>
        ) : (
          <div className="t-stack-sm">
            <Notice tone="success">
              Written to partition <strong>{result.partition}</strong> at offset <strong>{result.offset}</strong>.
            </Notice>
            <span className="t-muted t-num">{formatTimestamp(result.timestamp)}</span>
            <Link href={`/topics/${encodeURIComponent(topic.name)}?tab=messages&partition=${result.partition}&seek=offset&offset=${result.offset}`}>See it in Messages →</Link>
          </div>
        )}
      </Card>
    </div>
  );
}
