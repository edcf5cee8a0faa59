'use client';
/**
 * Every broker: its state (running, shutting down, offline), how many partitions it leads against
 * how many it should lead (preferred leadership), its replicas and how many of them are out of sync.
 * Broker, controller, leader and ISR changes arrive as events and refresh the table at once; the
 * history of broker and controller changes is replayed from the broker's event ring.
 */
import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { PageHeader, type TimelineItem } from '@tarn/ui';
import { useTRPC } from '../../trpc/provider';
import { LiveStatus } from '../common/live-status';
import { QueryError } from '../common/query-error';
import { BrokerHistory, historyItem } from './broker-history';
import { BrokerStats } from './broker-stats';
import { BrokersTable } from './brokers-table';

export const BROKER_EVENT_TYPES = ['broker-changed', 'controller-changed', 'leader-changed', 'isr-changed'];

/** Refetches at most every `ms` however many events arrive (a failover moves many leaders at once). */
function useThrottled(fn: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return () => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  };
}

export function BrokersView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery(trpc.cluster.overview.queryOptions(undefined, { refetchInterval: 5000 }));
  const refresh = useThrottled(() => void queryClient.invalidateQueries({ queryKey: trpc.cluster.overview.queryKey() }), 250);

  const [history, setHistory] = useState<TimelineItem[]>([]);
  const sub = useSubscription(
    trpc.live.events.subscriptionOptions(
      { types: BROKER_EVENT_TYPES, lastEventId: '0' },
      {
        onData: (e) => {
          refresh();
          const item = historyItem(e);
          if (item !== null) setHistory((prev) => (prev.some((x) => x.id === item.id) ? prev : [item, ...prev].slice(0, 100)));
        },
      },
    ),
  );

  const o = overview.data;
  return (
    <div className="t-stack">
      <PageHeader
        title="Brokers"
        description="Each broker's state, the partitions it leads and the replicas it holds, updating as brokers come and go."
        actions={<LiveStatus status={sub.status} />}
      />
      {overview.isError && o === undefined ? (
        <QueryError title="Could not load the brokers" error={overview.error} retry={() => void overview.refetch()} />
      ) : null}
      <BrokerStats overview={o} failed={overview.isError} />

      <BrokersTable overview={o} failed={overview.isError} refresh={refresh} />

      <BrokerHistory items={history} />
    </div>
  );
}
