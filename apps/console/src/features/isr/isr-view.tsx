'use client';
/**
 * Replica and ISR history per partition: the current state (leader, replicas, ISR) from
 * `topics.get`, and every ISR shrink/expand and leader change from `live.events` — replayed from
 * the broker's event ring (lastEventId 0) and then followed live.
 */
import { useMemo, useState } from 'react';
import Link from 'next/link';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import {
  Badge,
  Card,
  EmptyState,
  formatNumber,
  PageHeader,
  ReplicaSet,
  Select,
  Skeleton,
  Stat,
  Timeline,
  type TimelineItem,
} from '@tarn/ui';
import type { EventMessage } from '../../lib/types';
import { ALL_TOPICS_INPUT, defaultIsrTopic, parseIsrParams } from './url-state';
import { useUrlState } from '../../lib/use-url-state';
import { useTRPC } from '../../trpc/provider';
import { LiveStatus } from '../common/live-status';
import { QueryError } from '../common/query-error';

export const ISR_EVENT_TYPES = ['isr-changed', 'leader-changed'];

function timelineItem(e: EventMessage): TimelineItem | null {
  const ev = e.data.event;
  const base = { id: e.id, timeMs: e.data.timeMs };
  if (ev.type === 'isr-changed') {
    const shrank = ev.isr.length < ev.previousIsr.length;
    const gone = ev.previousIsr.filter((r) => !ev.isr.includes(r));
    const back = ev.isr.filter((r) => !ev.previousIsr.includes(r));
    return {
      ...base,
      tone: shrank ? 'warning' : 'success',
      title: shrank ? `ISR shrank: ${gone.join(', ')} left` : `ISR expanded: ${back.join(', ')} caught up`,
      detail: `[${ev.previousIsr.join(', ')}] → [${ev.isr.join(', ')}] · ${ev.reason}`,
    };
  }
  if (ev.type === 'leader-changed') {
    return {
      ...base,
      tone: ev.leader < 0 ? 'danger' : 'info',
      title: ev.leader < 0 ? 'Leader lost: partition offline' : `Leader is now broker ${ev.leader}`,
      detail: `was ${ev.previousLeader < 0 ? 'none' : `broker ${ev.previousLeader}`} · epoch ${ev.leaderEpoch} · ${ev.reason}`,
    };
  }
  return null;
}

export function IsrView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setUrl] = useUrlState();
  const key = search.toString();
  const params = useMemo(() => parseIsrParams(new URLSearchParams(key)), [key]);
  const overview = useQuery(trpc.cluster.overview.queryOptions(undefined, { refetchInterval: 5000 }));
  const topics = useQuery(trpc.topics.list.queryOptions(ALL_TOPICS_INPUT));
  const names = topics.data?.items.map((t) => t.name) ?? [];
  const selected = params.topic ?? defaultIsrTopic(names);
  const detail = useQuery(trpc.topics.get.queryOptions({ name: selected ?? '' }, { enabled: selected !== null, refetchInterval: 5000 }));

  const [history, setHistory] = useState<Map<number, TimelineItem[]>>(new Map());
  const [forTopic, setForTopic] = useState<string | null>(selected);
  if (forTopic !== selected) {
    setForTopic(selected);
    setHistory(new Map());
  }
  const sub = useSubscription(
    trpc.live.events.subscriptionOptions(
      { types: ISR_EVENT_TYPES, topic: selected ?? '', lastEventId: '0' },
      {
        enabled: selected !== null,
        onData: (e) => {
          const ev = e.data.event;
          const item = timelineItem(e);
          if (item === null || !('partition' in ev) || typeof ev.partition !== 'number') return;
          const p = ev.partition;
          setHistory((prev) => {
            const next = new Map(prev);
            const list = next.get(p) ?? [];
            if (list.some((x) => x.id === item.id)) return prev;
            next.set(p, [item, ...list].slice(0, 100));
            return next;
          });
          if (selected !== null) void queryClient.invalidateQueries({ queryKey: trpc.topics.get.queryKey({ name: selected }) });
          // the cluster-wide counts (under-replicated, offline, brokers) change with it
          void queryClient.invalidateQueries({ queryKey: trpc.cluster.overview.queryKey() });
        },
      },
    ),
  );

  const o = overview.data;
  const t = detail.data;
  const singleNode = o !== undefined && o.brokers.length === 1;
  return (
    <div className="t-stack">
      <PageHeader
        title="Replicas & ISR"
        description="Which replicas are in sync, who leads each partition, and every change to either as it happens."
        actions={<LiveStatus status={sub.status} />}
      />
      {o === undefined ? (
        <div className="t-grid">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={78} />
          ))}
        </div>
      ) : (
        <div className="t-grid">
          <Stat label="Brokers" value={formatNumber(o.brokers.length)} hint={singleNode ? 'one replica per partition' : undefined} />
          <Stat label="Partitions" value={formatNumber(o.partitionCount)} />
          <Stat
            label="Under-replicated"
            value={formatNumber(o.underReplicatedPartitions)}
            tone={o.underReplicatedPartitions > 0 ? 'warning' : 'success'}
          />
          <Stat label="Offline" value={formatNumber(o.offlinePartitions)} tone={o.offlinePartitions > 0 ? 'danger' : 'success'} />
        </div>
      )}
      <Card
        title={
          selected === null ? (
            'Partitions'
          ) : (
            <>
              Partitions of <Link href={`/topics/${encodeURIComponent(selected)}`}>{selected}</Link>
            </>
          )
        }
        description="Current replica state on the left, its history on the right (newest first)."
        actions={
          names.length > 0 ? (
            <Select aria-label="Topic" value={selected ?? ''} onChange={(e) => setUrl({ topic: e.target.value })} style={{ width: 240 }}>
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          ) : undefined
        }
        flush
      >
        {topics.isError ? (
          <div style={{ padding: 'var(--t-space-4)' }}>
            <QueryError title="Could not list topics" error={topics.error} retry={() => void topics.refetch()} />
          </div>
        ) : topics.data === undefined ? (
          <Skeleton height={200} />
        ) : names.length === 0 ? (
          <EmptyState icon="≡" title="No topics yet" action={<Link href="/topics?create=1">Create a topic</Link>}>
            Replica state is per partition: create a topic (or produce to one) to see it here.
          </EmptyState>
        ) : detail.isError ? (
          <div style={{ padding: 'var(--t-space-4)' }}>
            <QueryError title={`Could not load ${selected}`} error={detail.error} retry={() => void detail.refetch()} />
          </div>
        ) : t === undefined ? (
          <Skeleton height={200} />
        ) : (
          t.partitions.map((p) => {
            const items = history.get(p.partition) ?? [];
            return (
              <section key={p.partition} className="c-isr-partition" aria-label={`Partition ${p.partition}`}>
                <div className="t-stack-sm">
                  <div className="t-row">
                    <strong>Partition {p.partition}</strong>
                    {p.outOfSync.length > 0 ? <Badge tone="warning">under-replicated</Badge> : <Badge tone="success">in sync</Badge>}
                  </div>
                  <dl className="t-dl">
                    <dt>Leader</dt>
                    <dd>{p.leader < 0 ? <Badge tone="danger">none</Badge> : `broker ${p.leader} (epoch ${p.leaderEpoch})`}</dd>
                    <dt>Replicas</dt>
                    <dd>
                      <ReplicaSet replicas={p.replicas} isr={p.isr} leader={p.leader} />
                    </dd>
                    <dt>ISR</dt>
                    <dd className="t-mono">[{p.isr.join(', ')}]</dd>
                    {p.outOfSync.length > 0 ? (
                      <>
                        <dt>Out of sync</dt>
                        <dd className="t-mono">[{p.outOfSync.join(', ')}]</dd>
                      </>
                    ) : null}
                  </dl>
                </div>
                <div>
                  {items.length > 0 ? (
                    <Timeline items={items} label={`History of partition ${p.partition}`} localTime />
                  ) : (
                    <EmptyState icon="◷" title="No ISR or leader changes recorded">
                      {singleNode
                        ? 'On a single node every partition has one replica: it is the leader and always in sync, so nothing changes. Changes appear here in a cluster, when a follower falls behind for replica.lag.time.max.ms, a broker stops, or leadership moves.'
                        : 'Changes appear here when a follower falls behind for replica.lag.time.max.ms and leaves the ISR, catches up and rejoins, or when leadership moves to another broker.'}
                    </EmptyState>
                  )}
                </div>
              </section>
            );
          })
        )}
      </Card>
    </div>
  );
}
