'use client';
/**
 * Live tail over `live.tail`. The broker sends batches about ten times a second, capped at the
 * chosen records/second (the rest are counted as skipped, never sent). Here batches queue up and are
 * merged once per animation frame into a buffer of the last BUFFER_SIZE records, and only the rows
 * in view are in the DOM (fixed-height rows, windowed), so the page stays responsive however fast
 * the topic is written. Scrolled away from the top, the view holds still while new rows arrive.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSubscription } from '@trpc/tanstack-react-query';
import { Card } from '@tarn/ui';
import type { TailBatch, TailRecord, TopicDetail } from '../../../lib/types';
import { useTRPC } from '../../../trpc/provider';
import { QueryError } from '../../common/query-error';
import { ROW_HEIGHT, TailLog } from './tail-log';
import { BUFFER_SIZE, TailStatsBar, ZERO_STATS, type TailStats } from './tail-stats';
import { TailToolbar } from './tail-toolbar';

const RATE_WINDOW_MS = 5000;

export interface TailTabProps {
  topic: TopicDetail;
  partition: number | null;
  filter: string;
  onChange: (changes: { partition?: number | null; filter?: string }) => void;
}

export function TailTab({ topic, partition, filter, onChange }: TailTabProps) {
  const trpc = useTRPC();
  const [paused, setPaused] = useState(false);
  const [maxPerSecond, setMaxPerSecond] = useState<number>(2000);
  const [draft, setDraft] = useState(filter);
  const [rows, setRows] = useState<TailRecord[]>([]);
  const [stats, setStats] = useState<TailStats>(ZERO_STATS);

  const pending = useRef<TailBatch[]>([]);
  const buffer = useRef<TailRecord[]>([]);
  const totals = useRef<TailStats>({ ...ZERO_STATS });
  const deliveries = useRef<Array<{ at: number; n: number }>>([]);
  const frame = useRef<number | null>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const viewport = useRef<HTMLDivElement>(null);
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
      buffer.current =
        fresh.length >= BUFFER_SIZE ? fresh.slice(0, BUFFER_SIZE) : fresh.concat(buffer.current.slice(0, BUFFER_SIZE - fresh.length));
    }
    if (!pausedRef.current) {
      // someone reading further down keeps their place: shift by what was added above
      if (fresh.length > 0 && (viewport.current?.scrollTop ?? 0) > 0) holdBy.current += Math.min(fresh.length, BUFFER_SIZE) * ROW_HEIGHT;
      setRows(buffer.current);
    }
    setStats({ ...totals.current });
  }, []);

  const input = useMemo(
    () => ({ topic: topic.name, partitions: partition === null ? null : [partition], filter, maxPerSecond }),
    [topic.name, partition, filter, maxPerSecond],
  );
  // a new tail (other partition, filter or rate) starts with a clean slate
  useEffect(() => {
    pending.current = [];
    buffer.current = [];
    deliveries.current = [];
    totals.current = { ...ZERO_STATS };
    setRows([]);
    setStats(ZERO_STATS);
  }, [input]);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

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
      <TailToolbar
        topic={topic}
        partition={partition}
        onChange={onChange}
        draft={draft}
        setDraft={setDraft}
        maxPerSecond={maxPerSecond}
        onMaxPerSecond={setMaxPerSecond}
        status={sub.status}
        paused={paused}
        heldWhilePaused={stats.heldWhilePaused}
        onPause={() => setPaused(true)}
        onResume={resume}
        onClear={() => {
          buffer.current = [];
          setRows([]);
        }}
      />
      {sub.status === 'error' && sub.error !== null ? (
        <div style={{ padding: 'var(--t-space-4)' }}>
          <QueryError title="The live tail stopped" error={sub.error} retry={() => sub.reset()} />
        </div>
      ) : null}
      <TailStatsBar stats={stats} />
      <TailLog topic={topic} filter={filter} status={sub.status} rows={rows} fresh={stats.ratePerSecond < 100} viewport={viewport} />
    </Card>
  );
}
