'use client';
/**
 * Live tail over `live.tail`. The broker sends batches about ten times a second, capped at the
 * chosen records/second (the rest are counted as skipped, never sent). Here batches queue up and are
 * merged once per animation frame into a buffer of the last BUFFER_SIZE records, and only the rows
 * in view are in the DOM (fixed-height rows, windowed), so the page stays responsive however fast
 * the topic is written. Scrolled away from the top, the view holds still while new rows arrive.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useSubscription } from '@trpc/tanstack-react-query';
import { Badge, Button, Card, EmptyState, Field, formatCompact, formatNumber, Select, TextInput } from '@tarn/ui';
import type { TailBatch, TailRecord, TopicDetail } from '../../../lib/types';
import { useTRPC } from '../../../trpc/provider';
import { LiveStatus } from '../../common/live-status';
import { useBootstrap } from '../../common/use-bootstrap';
import { PartitionPicker } from './partition-picker';

const BUFFER_SIZE = 1000;
const ROW_HEIGHT = 24;
const VIEW_HEIGHT = 560;
const OVERSCAN = 12;
const RATE_WINDOW_MS = 5000;
const RATES = [200, 2000, 5000, 20_000] as const;

interface Stats {
  received: number;
  skipped: number;
  filteredOut: number;
  heldWhilePaused: number;
  ratePerSecond: number;
}

const ZERO: Stats = { received: 0, skipped: 0, filteredOut: 0, heldWhilePaused: 0, ratePerSecond: 0 };

function clock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export interface TailTabProps {
  topic: TopicDetail;
  partition: number | null;
  filter: string;
  onChange: (changes: { partition?: number | null; filter?: string }) => void;
}

export function TailTab({ topic, partition, filter, onChange }: TailTabProps) {
  const trpc = useTRPC();
  const bootstrap = useBootstrap();
  const [paused, setPaused] = useState(false);
  const [maxPerSecond, setMaxPerSecond] = useState<number>(2000);
  const [draft, setDraft] = useState(filter);
  const [rows, setRows] = useState<TailRecord[]>([]);
  const [stats, setStats] = useState<Stats>(ZERO);

  const pending = useRef<TailBatch[]>([]);
  const buffer = useRef<TailRecord[]>([]);
  const totals = useRef<Stats>({ ...ZERO });
  const deliveries = useRef<Array<{ at: number; n: number }>>([]);
  const frame = useRef<number | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const holdBy = useRef(0);

  useEffect(() => setDraft(filter), [filter]);
  useEffect(() => {
    if (draft === filter) return;
    const t = setTimeout(() => onChange({ filter: draft }), 300);
    return () => clearTimeout(t);
  }, [draft, filter, onChange]);

  const flush = useCallback(() => {
    frame.current = null;
    const batches = pending.current;
    pending.current = [];
    const now = Date.now();
    let fresh: TailRecord[] = [];
    for (const b of batches) {
      totals.current.skipped += b.skipped;
      totals.current.filteredOut += b.filteredOut;
      totals.current.received += b.records.length;
      if (pausedRef.current) totals.current.heldWhilePaused += b.records.length;
      deliveries.current.push({ at: now, n: b.records.length });
      fresh = fresh.concat(b.records);
    }
    while (deliveries.current.length > 0 && deliveries.current[0]!.at < now - RATE_WINDOW_MS) deliveries.current.shift();
    totals.current.ratePerSecond = deliveries.current.reduce((n, d) => n + d.n, 0) / (RATE_WINDOW_MS / 1000);
    if (fresh.length > 0) {
      // newest first; only the last BUFFER_SIZE survive
      fresh.reverse();
      buffer.current = fresh.length >= BUFFER_SIZE ? fresh.slice(0, BUFFER_SIZE) : fresh.concat(buffer.current.slice(0, BUFFER_SIZE - fresh.length));
    }
    if (!pausedRef.current) {
      // someone reading further down keeps their place: shift by what was added above
      if (fresh.length > 0 && (viewport.current?.scrollTop ?? 0) > 0) holdBy.current += Math.min(fresh.length, BUFFER_SIZE) * ROW_HEIGHT;
      setRows(buffer.current);
    }
    setStats({ ...totals.current });
  }, []);

  const input = useMemo(() => ({ topic: topic.name, partitions: partition === null ? null : [partition], filter, maxPerSecond }), [topic.name, partition, filter, maxPerSecond]);
  // a new tail (other partition, filter or rate) starts with a clean slate
  useEffect(() => {
    pending.current = [];
    buffer.current = [];
    deliveries.current = [];
    totals.current = { ...ZERO };
    setRows([]);
    setStats(ZERO);
  }, [input]);
  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  const sub = useSubscription(
    trpc.live.tail.subscriptionOptions(input, {
      onData: (batch) => {
        pending.current.push(batch);
        frame.current ??= requestAnimationFrame(flush);
      },
    }),
  );

  useLayoutEffect(() => {
    const el = viewport.current;
    if (el !== null && holdBy.current > 0) {
      el.scrollTop += holdBy.current;
      holdBy.current = 0;
    }
  }, [rows]);

  const resume = () => {
    totals.current.heldWhilePaused = 0;
    setPaused(false);
    setRows(buffer.current);
    setStats({ ...totals.current });
  };

  return (
    <Card flush>
      <div className="t-toolbar">
        <div className="t-field" style={{ minWidth: 0 }}>
          <span className="t-label">Partition</span>
          <PartitionPicker id="tail-partition" partitions={topic.partitions.length} value={partition} onChange={(p) => onChange({ partition: p })} allowAll />
        </div>
        <Field id="tail-filter" label="Filter" hint="Substring of key or value, matched by the broker">
          <TextInput id="tail-filter" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="e.g. order-42" style={{ width: 240 }} maxLength={200} />
        </Field>
        <Field id="tail-rate" label="At most" hint="The broker skips the rest">
          <Select id="tail-rate" value={maxPerSecond} onChange={(e) => setMaxPerSecond(Number(e.target.value))} style={{ width: 180 }}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {formatNumber(r)} records/s
              </option>
            ))}
          </Select>
        </Field>
        <span className="t-spacer" />
        <div className="t-row">
          <LiveStatus status={sub.status} paused={paused} />
          {paused ? (
            <Button variant="primary" onClick={resume}>
              ▶ Resume{stats.heldWhilePaused > 0 ? ` (${formatCompact(stats.heldWhilePaused)} new)` : ''}
            </Button>
          ) : (
            <Button onClick={() => setPaused(true)}>❚❚ Pause</Button>
          )}
          <Button
            variant="ghost"
            onClick={() => {
              buffer.current = [];
              setRows([]);
            }}
          >
            Clear
          </Button>
        </div>
      </div>
      <div className="t-row" style={{ padding: 'var(--t-space-2) var(--t-space-4)', borderBottom: '1px solid var(--t-border)', fontSize: 12.5 }} aria-live="off">
        <Badge tone="accent" title="Records delivered per second, over the last five seconds">
          {formatCompact(stats.ratePerSecond)} rec/s delivered
        </Badge>
        <Badge title="Records delivered since the tail started">{formatNumber(stats.received)} received</Badge>
        <Badge tone={stats.skipped > 0 ? 'warning' : 'neutral'} title="Not delivered because of the records/s cap">
          {formatNumber(stats.skipped)} skipped
        </Badge>
        <Badge tone={stats.filteredOut > 0 ? 'info' : 'neutral'} title="Did not match the filter">
          {formatNumber(stats.filteredOut)} filtered out
        </Badge>
        <span className="t-muted" style={{ marginLeft: 'auto' }}>
          newest first · keeps the last {formatNumber(BUFFER_SIZE)}
        </span>
      </div>
      {rows.length === 0 ? (
        <EmptyState icon="◉" title={sub.status === 'pending' ? 'Waiting for new records…' : 'Connecting to the live tail…'}>
          The tail starts at the end of the log and shows records as they are written
          {filter !== '' ? ` whose key or value contains “${filter}”` : ''}. Produce some from the Produce tab, or with{' '}
          <code>
            kcat -P -b {bootstrap} -t {topic.name}
          </code>.
        </EmptyState>
      ) : (
        <div
          className="c-tail"
          role="log"
          aria-label={`Live records of ${topic.name}`}
          ref={viewport}
          style={{ height: VIEW_HEIGHT }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <div className="c-tail-row c-tail-head" aria-hidden="true">
            <span>Time</span>
            <span>Part.</span>
            <span>Offset</span>
            <span>Key</span>
            <span>Value</span>
          </div>
          <div style={{ position: 'relative', height: rows.length * ROW_HEIGHT }}>
            {visible(rows, scrollTop).map(({ r, index }) => (
              <TailRow key={`${r.partition}:${r.offset}`} r={r} top={index * ROW_HEIGHT} fresh={stats.ratePerSecond < 100} />
            ))}
          </div>
        </div>
      )}
    </Card>
  );
}

/** The rows in (and just around) the viewport, with their index in the buffer. */
function visible(rows: readonly TailRecord[], scrollTop: number): Array<{ r: TailRecord; index: number }> {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + VIEW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const out: Array<{ r: TailRecord; index: number }> = [];
  for (let i = first; i < last; i++) out.push({ r: rows[i]!, index: i });
  return out;
}

const TailRow = memo(function TailRow({ r, top, fresh }: { r: TailRecord; top: number; fresh: boolean }) {
  const value = r.value.text ?? 'null';
  const style: CSSProperties = { position: 'absolute', top, left: 0, right: 0, height: ROW_HEIGHT };
  return (
    <div className={fresh ? 'c-tail-row c-fresh' : 'c-tail-row'} style={style}>
      <span className="t-muted">{clock(r.timestamp)}</span>
      <span>{r.partition}</span>
      <span>{r.offset}</span>
      <span title={r.key.text ?? 'null'} className={r.key.encoding === 'null' ? 't-faint' : undefined}>
        {r.key.text ?? 'null'}
      </span>
      <span title={value.length > 200 ? `${value.slice(0, 2000)}…` : value} className={r.value.encoding === 'null' ? 't-faint' : undefined}>
        {value}
      </span>
    </div>
  );
});
