'use client';
/**
 * Every broker: its state (running, shutting down, offline), how many partitions it leads against
 * how many it should lead (preferred leadership), its replicas and how many of them are out of sync.
 * Broker, controller, leader and ISR changes arrive as events and refresh the table at once; the
 * history of broker and controller changes is replayed from the broker's event ring.
 */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { Badge, Button, Card, DataTable, EmptyState, ErrorPanel, formatNumber, formatRelative, Meter, Notice, PageHeader, Skeleton, Stat, StatusPill, Timeline, type TimelineItem } from '@tarn/ui';
import type { ClusterOverview, EventMessage, Outputs } from '../../lib/types';
import { useNow } from '../../lib/use-now';
import { describeError } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { LiveStatus } from '../common/live-status';
import { QueryError } from '../common/query-error';

type Broker = ClusterOverview['brokers'][number];
type Election = Outputs['cluster']['electPreferredLeaders'];

export const BROKER_EVENT_TYPES = ['broker-changed', 'controller-changed', 'leader-changed', 'isr-changed'];

const STATE_TONE = { running: 'success', 'shutting-down': 'warning', offline: 'danger' } as const;

function historyItem(e: EventMessage): TimelineItem | null {
  const ev = e.data.event;
  const base = { id: e.id, timeMs: e.data.timeMs };
  if (ev.type === 'broker-changed') {
    return {
      ...base,
      tone: STATE_TONE[ev.state],
      title: ev.state === 'offline' ? `Broker ${ev.nodeId} went offline` : ev.state === 'shutting-down' ? `Broker ${ev.nodeId} is shutting down` : `Broker ${ev.nodeId} is running`,
      detail: `was ${ev.previousState}`,
    };
  }
  if (ev.type === 'controller-changed') {
    return {
      ...base,
      tone: ev.controllerId < 0 ? 'danger' : 'info',
      title: ev.controllerId < 0 ? 'No active controller' : `Broker ${ev.controllerId} is the controller`,
      detail: `was ${ev.previousControllerId < 0 ? 'none' : `broker ${ev.previousControllerId}`}`,
    };
  }
  return null;
}

/** Refetches at most every `ms` however many events arrive (a failover moves many leaders at once). */
function useThrottled(fn: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
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
  const now = useNow();
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

  const [election, setElection] = useState<Election | null>(null);
  const elect = useMutation(
    trpc.cluster.electPreferredLeaders.mutationOptions({
      onSuccess: (result) => {
        setElection(result);
        refresh();
      },
    }),
  );

  const o = overview.data;
  const running = o?.brokers.filter((b) => b.state === 'running').length ?? 0;
  return (
    <div className="t-stack">
      <PageHeader
        title="Brokers"
        description="Each broker's state, the partitions it leads and the replicas it holds, updating as brokers come and go."
        actions={<LiveStatus status={sub.status} />}
      />
      {overview.isError && o === undefined ? <QueryError title="Could not load the brokers" error={overview.error} retry={() => void overview.refetch()} /> : null}
      {o === undefined ? (
        overview.isError ? null : (
          <div className="t-grid">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} height={78} />
            ))}
          </div>
        )
      ) : (
        <div className="t-grid">
          <Stat label="Running" value={`${formatNumber(running)} / ${formatNumber(o.brokers.length)}`} tone={running < o.brokers.length ? 'warning' : 'success'} hint="brokers registered and serving" />
          <Stat label="Controller" value={o.controllerId < 0 ? 'none' : `broker ${o.controllerId}`} tone={o.controllerId < 0 ? 'danger' : undefined} hint="elects leaders, shrinks and grows ISRs" />
          <Stat
            label="Not on preferred leader"
            value={formatNumber(o.notOnPreferredLeader)}
            tone={o.notOnPreferredLeader > 0 ? 'warning' : 'success'}
            hint="partitions led by other than their first replica"
          />
          <Stat label="Offline partitions" value={formatNumber(o.offlinePartitions)} tone={o.offlinePartitions > 0 ? 'danger' : 'success'} hint="no live leader" />
        </div>
      )}

      <Card
        title="Brokers"
        description="Leader for: partitions this broker leads now (bar: its share of all partitions); preferred: partitions whose first replica it is."
        actions={
          <Button
            variant="default"
            busy={elect.isPending}
            disabled={o === undefined || o.notOnPreferredLeader === 0}
            title="Move leadership back to each partition's first replica where that replica is in sync (ElectLeaders, preferred)"
            onClick={() => {
              setElection(null);
              elect.mutate();
            }}
          >
            Elect preferred leaders
          </Button>
        }
        flush
      >
        {elect.isError ? (
          <div style={{ padding: 'var(--t-space-4)' }}>
            <ErrorPanel title="Preferred leader election failed" error={describeError(elect.error)} />
          </div>
        ) : election !== null ? (
          <div style={{ padding: 'var(--t-space-4)' }}>
            <Notice tone={election.elected > 0 ? 'success' : 'info'}>
              {election.elected > 0 ? `Moved leadership of ${formatNumber(election.elected)} partition${election.elected === 1 ? '' : 's'} to the preferred replica.` : 'No leader moved.'}
              {election.unavailable > 0 ? ` ${formatNumber(election.unavailable)} preferred replica${election.unavailable === 1 ? ' is' : 's are'} offline or out of sync.` : ''}
              {election.failed > 0 ? ` ${formatNumber(election.failed)} changed concurrently; try again.` : ''}
            </Notice>
          </div>
        ) : null}
        <DataTable<Broker>
          caption="Brokers"
          rows={o?.brokers ?? []}
          loading={o === undefined && !overview.isError}
          rowKey={(b) => String(b.nodeId)}
          columns={[
            {
              key: 'id',
              header: 'Broker',
              render: (b) => (
                <span className="t-row">
                  <strong className="t-mono">{b.nodeId}</strong>
                  {b.isController ? <Badge tone="accent">controller</Badge> : null}
                  {b.isLocal ? <Badge title="The broker whose admin API this console talks to">this console</Badge> : null}
                </span>
              ),
            },
            { key: 'state', header: 'State', render: (b) => <StatusPill tone={STATE_TONE[b.state]}>{b.state}</StatusPill> },
            { key: 'endpoint', header: 'Endpoint', render: (b) => <span className="t-mono">{b.host === null ? '—' : `${b.host}:${b.port}`}</span> },
            ...(o?.brokers.some((b) => b.rack !== null) === true ? [{ key: 'rack', header: 'Rack', render: (b: Broker) => b.rack ?? '—' }] : []),
            {
              key: 'leaders',
              header: 'Leader for',
              width: 180,
              render: (b) => (
                <div className="t-stack-sm" style={{ gap: 4 }}>
                  <span className="t-mono" data-testid={`leaders-${b.nodeId}`}>
                    {formatNumber(b.leaderPartitions)}
                  </span>
                  <Meter kind="share" value={o === undefined || o.partitionCount === 0 ? 0 : b.leaderPartitions / o.partitionCount} label={`Share of partition leadership on broker ${b.nodeId}`} />
                </div>
              ),
            },
            {
              key: 'preferred',
              header: 'Preferred',
              align: 'right',
              render: (b) => (
                <span className="t-mono" title={b.leaderPartitions !== b.preferredLeaderPartitions ? 'Leads a different number of partitions than it should' : undefined}>
                  {formatNumber(b.preferredLeaderPartitions)}
                  {b.leaderPartitions !== b.preferredLeaderPartitions ? ' ≠' : ''}
                </span>
              ),
            },
            { key: 'replicas', header: 'Replicas', align: 'right', render: (b) => formatNumber(b.replicas) },
            {
              key: 'outOfSync',
              header: 'Out of sync',
              align: 'right',
              render: (b) => (b.outOfSyncReplicas > 0 ? <Badge tone="warning">{formatNumber(b.outOfSyncReplicas)}</Badge> : <span className="t-faint">0</span>),
            },
            {
              key: 'since',
              header: 'Registered',
              render: (b) => (b.registeredAtMs === null ? <span className="t-faint">—</span> : now === null ? '' : formatRelative(b.registeredAtMs, now)),
            },
          ]}
        />
      </Card>

      <Card title="History" description="Brokers joining, leaving and shutting down; controller changes (newest first)">
        {history.length === 0 ? (
          <EmptyState icon="⇆" title="No broker changes yet">
            Brokers starting, stopping or losing their registration show here as they happen.
          </EmptyState>
        ) : (
          <Timeline items={history} label="Broker history" localTime />
        )}
      </Card>
    </div>
  );
}
