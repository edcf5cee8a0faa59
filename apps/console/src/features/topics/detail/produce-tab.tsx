'use client';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, ErrorPanel, Field, Select, TextInput } from '@tarn/ui';
import type { TopicDetail } from '../../../lib/types';
import { describeError, kafkaErrorName } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';
import { ProduceHeaders, type HeaderRow } from './produce-headers';
import { ProduceResult } from './produce-result';
import { ProduceValueField, type ValueFormat } from './produce-value-field';

type Errors = Partial<Record<'partition' | 'value' | 'form', string>> & { headers?: Record<number, string> };

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
  const [format, setFormat] = useState<ValueFormat>('text');
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
            <Field
              id="produce-partition"
              label="Partition"
              error={errors.partition}
              hint={partition === 'auto' ? 'murmur2 of the key; round robin without one' : undefined}
            >
              <Select
                id="produce-partition"
                value={partition}
                onChange={(e) => setPartition(e.target.value)}
                invalid={errors.partition !== undefined}
              >
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
                <TextInput
                  id="produce-key"
                  mono
                  value={key}
                  onChange={(e) => setKey(e.target.value)}
                  disabled={nullKey}
                  placeholder="customer-17"
                />
                <label className="t-check" style={{ whiteSpace: 'nowrap' }}>
                  <input type="checkbox" checked={nullKey} onChange={(e) => setNullKey(e.target.checked)} /> null key
                </label>
              </div>
            </Field>
          </div>
          <ProduceValueField
            value={value}
            format={format}
            error={valueError}
            onValue={(v) => {
              setValue(v);
              if (errors.value !== undefined) setErrors({ ...errors, value: undefined });
            }}
            onFormat={(f) => {
              setFormat(f);
              setErrors({});
            }}
          />
          <ProduceHeaders headers={headers} errors={errors.headers} onChange={setHeaders} />
          {errors.form !== undefined ? (
            <ErrorPanel title="The broker refused the record" error={{ ...describeError(produce.error), message: errors.form }} />
          ) : null}
          <div className="t-row">
            <Button type="submit" variant="primary" busy={produce.isPending}>
              {produce.isPending ? 'Producing…' : 'Produce'}
            </Button>
          </div>
        </form>
      </Card>
      <ProduceResult topic={topic} result={result} />
    </div>
  );
}
