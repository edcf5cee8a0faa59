'use client';
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  Field,
  formatBytes,
  formatTimestamp,
  SegmentedControl,
  Select,
  SkeletonRows,
  TextInput,
} from '@tarn/ui';
import type { MessageView, TopicDetail } from '../../../lib/types';
import { fromLocalInput, toLocalInput } from '../../../lib/local-time';
import { browseInput, MESSAGE_LIMITS, type SeekType, type TopicParams } from '../url-state';
import { describeError, kafkaErrorName } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';
import { QueryError } from '../../common/query-error';
import { DecodedValue } from './decoded-value';
import { PartitionPicker } from './partition-picker';

const SEEKS: ReadonlyArray<{ value: SeekType; label: string }> = [
  { value: 'newest', label: 'Newest' },
  { value: 'offset', label: 'From offset' },
  { value: 'timestamp', label: 'From time' },
];

export interface MessagesTabProps {
  topic: TopicDetail;
  params: TopicParams;
  onChange: (changes: Partial<Pick<TopicParams, 'partition' | 'seek' | 'offset' | 'ts' | 'limit'>>) => void;
}

export function MessagesTab({ topic, params, onChange }: MessagesTabProps) {
  const trpc = useTRPC();
  const input = browseInput(topic.name, params);
  const messages = useQuery(trpc.messages.browse.queryOptions(input, { staleTime: 5_000 }));
  // the seek form edits a draft; "Seek" puts it in the URL
  const [seek, setSeek] = useState<SeekType>(params.seek);
  const [offset, setOffset] = useState(params.offset === null ? '' : String(params.offset));
  const [time, setTime] = useState('');
  const [formError, setFormError] = useState<{ offset?: string; time?: string }>({});
  useEffect(() => {
    setSeek(params.seek);
    setOffset(params.offset === null ? '' : String(params.offset));
    setTime(toLocalInput(params.ts));
  }, [params.seek, params.offset, params.ts]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (seek === 'offset') {
      if (!/^\d+$/.test(offset.trim())) return setFormError({ offset: 'Enter an offset: a whole number, 0 or more.' });
      setFormError({});
      onChange({ seek, offset: Number(offset.trim()), ts: null });
    } else if (seek === 'timestamp') {
      const ts = fromLocalInput(time);
      if (ts === null) return setFormError({ time: 'Pick a date and time.' });
      setFormError({});
      onChange({ seek, ts, offset: null });
    } else {
      setFormError({});
      onChange({ seek, offset: null, ts: null });
    }
    void messages.refetch();
  };

  const outOfRange = messages.isError && kafkaErrorName(messages.error) === 'OFFSET_OUT_OF_RANGE' && params.seek === 'offset';
  const offsetError = formError.offset ?? (outOfRange ? describeError(messages.error).message : undefined);
  const list = messages.data?.messages;
  const hwInfo = params.partition !== null ? topic.partitions[params.partition] : undefined;

  return (
    <Card flush>
      <form className="t-toolbar" onSubmit={submit} noValidate aria-label="Seek">
        <div className="t-field" style={{ minWidth: 0 }}>
          <span className="t-label">Partition</span>
          <PartitionPicker
            id="messages-partition"
            partitions={topic.partitions.length}
            value={params.partition}
            onChange={(p) => onChange({ partition: p })}
            allowAll
          />
        </div>
        <div className="t-field" style={{ minWidth: 0 }}>
          <span className="t-label">Seek</span>
          <SegmentedControl name="seek" label="Seek" value={seek} options={SEEKS} onChange={setSeek} />
        </div>
        {seek === 'offset' ? (
          <Field id="seek-offset" label="Offset" error={offsetError} className="c-seek-field">
            <TextInput
              id="seek-offset"
              inputMode="numeric"
              mono
              value={offset}
              onChange={(e) => setOffset(e.target.value)}
              invalid={offsetError !== undefined}
              aria-describedby={offsetError !== undefined ? 'seek-offset-error' : undefined}
              placeholder="0"
              style={{ width: 160 }}
            />
          </Field>
        ) : null}
        {seek === 'timestamp' ? (
          <Field id="seek-time" label="From (your time zone)" error={formError.time}>
            <TextInput
              id="seek-time"
              type="datetime-local"
              step={1}
              value={time}
              onChange={(e) => setTime(e.target.value)}
              invalid={formError.time !== undefined}
            />
          </Field>
        ) : null}
        <Field id="seek-limit" label="Show">
          <Select id="seek-limit" value={params.limit} onChange={(e) => onChange({ limit: Number(e.target.value) })} style={{ width: 140 }}>
            {MESSAGE_LIMITS.map((l) => (
              <option key={l} value={l}>
                {l} records
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="primary">
          Seek
        </Button>
        <Button onClick={() => void messages.refetch()} busy={messages.isFetching} aria-label="Refresh">
          ↻
        </Button>
      </form>
      <div style={{ padding: 'var(--t-space-2) var(--t-space-4)', borderBottom: '1px solid var(--t-border)' }} className="t-row t-muted">
        {params.seek === 'newest' ? <Badge tone="info">newest first</Badge> : <Badge tone="info">oldest first</Badge>}
        {hwInfo !== undefined ? (
          <span className="t-num" style={{ fontSize: 12.5 }}>
            partition {hwInfo.partition}: offsets {hwInfo.logStartOffset ?? '—'} to {hwInfo.highWatermark ?? '—'} (high watermark)
          </span>
        ) : (
          <span style={{ fontSize: 12.5 }}>all {topic.partitions.length} partitions, merged by timestamp</span>
        )}
        {list !== undefined ? (
          <span className="t-num" style={{ marginLeft: 'auto', fontSize: 12.5 }}>
            {list.length} shown
          </span>
        ) : null}
      </div>
      {messages.isError && !outOfRange ? (
        <div style={{ padding: 'var(--t-space-4)' }}>
          <QueryError title="Could not read messages" error={messages.error} retry={() => void messages.refetch()} />
        </div>
      ) : outOfRange ? (
        <EmptyState icon="⇥" title="Nothing to show at that offset">
          Pick an offset below the high watermark, or seek to the newest records.
        </EmptyState>
      ) : list === undefined ? (
        <SkeletonRows rows={6} height={36} label="Loading messages…" />
      ) : list.length === 0 ? (
        <EmptyState icon="✉" title="No messages here">
          {params.seek === 'timestamp'
            ? 'No record has a timestamp at or after that time. Try an earlier time or seek to the newest.'
            : 'This topic (or partition) has no records yet. Produce one from the Produce tab, or watch them arrive in Live tail.'}
        </EmptyState>
      ) : (
        <div className="c-messages">
          {list.map((m) => (
            <MessageRow key={`${m.partition}-${m.offset}`} m={m} />
          ))}
        </div>
      )}
    </Card>
  );
}

function MessageRow({ m }: { m: MessageView }) {
  return (
    <article className="c-message" aria-label={`Partition ${m.partition} offset ${m.offset}`}>
      <div className="c-message-meta">
        <strong>
          {m.partition}:{m.offset}
        </strong>
        <span title={m.timestampType}>{formatTimestamp(m.timestamp)}</span>
        <span className="t-row" style={{ gap: 4 }}>
          <Badge title="Timestamp type">{m.timestampType === 'LogAppendTime' ? 'append time' : 'create time'}</Badge>
          <Badge mono title="Compression codec of the batch">
            {m.compression === 'none' ? 'uncompressed' : m.compression}
          </Badge>
        </span>
        <span>batch {formatBytes(m.batchSizeBytes)}</span>
      </div>
      <div className="c-kv">
        <span>Key</span>
        <DecodedValue value={m.key} compact />
        <span>Value</span>
        <DecodedValue value={m.value} />
        {m.headers.length > 0 ? (
          <>
            <span>Headers</span>
            <div className="t-stack-sm" style={{ gap: 6 }}>
              {m.headers.map((h, i) => (
                <div key={i} className="t-row" style={{ alignItems: 'flex-start' }}>
                  <code className="t-mono" style={{ fontWeight: 600 }}>
                    {h.key}
                  </code>
                  <DecodedValue value={h.value} compact />
                </div>
              ))}
            </div>
          </>
        ) : null}
      </div>
    </article>
  );
}
