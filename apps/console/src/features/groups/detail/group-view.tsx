'use client';
/**
 * One consumer group: header and live figures, then tabs — lag (chart and per-partition table),
 * members, rebalance timeline, offset reset. Two subscriptions run while the page is open, whatever
 * the tab: `live.lag` (every second; it refreshes the group's lag in the query cache and feeds the
 * chart) and `live.events` for this group's coordinator events (new generations go straight into
 * the rebalance history; membership changes refetch the group).
 */
import { useCallback, useMemo, useState } from 'react';
import Link from 'next/link';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import {
  Badge,
  EmptyState,
  formatDuration,
  formatNumber,
  LagStatusBadge,
  PageHeader,
  Skeleton,
  Stat,
  TabPanel,
  Tabs,
  type TabItem,
} from '@tarn/ui';
import { mergeRebalance, nextPending, parseGroupEvent, rebalanceFromEvent, type PendingRebalance } from '../group-events';
import { shortId } from '../group-format';
import { appendPoint, pointFromLag, pointsFromHistory, type LagPoint } from '../lag-series';
import { parseGroupParams, type GroupTab } from '../url-state';
import { useUrlState } from '../../../lib/use-url-state';
import { kafkaErrorName } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';
import { AccessSection } from '../../acls/access-section';
import { GroupStatePill } from '../../common/group-state-pill';
import { QueryError } from '../../common/query-error';
import { HeldByTransactionNotice } from './held-by-transaction';
import { LagTab } from './lag-tab';
import { MembersTab } from './members-tab';
import { RebalancesTab } from './rebalances-tab';
import { ResetTab } from './reset-tab';

export function GroupView({ groupId }: { groupId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setUrl] = useUrlState();
  const key = search.toString();
  const params = useMemo(() => parseGroupParams(new URLSearchParams(key)), [key]);
  const input = { groupId };
  const group = useQuery(trpc.groups.get.queryOptions(input, { refetchInterval: 5000 }));
  const history = useQuery(trpc.groups.lagHistory.queryOptions(input));
  const rebalances = useQuery(trpc.groups.rebalances.queryOptions(input, { refetchInterval: 30_000 }));

  // the chart: the broker's history first, then a point per live sample
  const [live, setLive] = useState<LagPoint[]>([]);
  const points = useMemo(() => {
    let out = pointsFromHistory(history.data ?? []);
    for (const p of live) out = appendPoint(out, p);
    return out;
  }, [history.data, live]);

  const lagSub = useSubscription(
    trpc.live.lag.subscriptionOptions(
      { groupId, intervalMs: 1000 },
      {
        onData: (s) => {
          setLive((prev) => appendPoint(prev, pointFromLag(s.timeMs, s.lag)));
          if (s.lag !== null)
            queryClient.setQueryData(trpc.groups.get.queryKey(input), (old) => (old === undefined ? old : { ...old, lag: s.lag }));
        },
      },
    ),
  );

  const [pending, setPending] = useState<PendingRebalance | null>(null);
  const eventSub = useSubscription(
    trpc.live.events.subscriptionOptions(
      // the ring's events for this group first (lastEventId 0), then live ones
      { types: ['group-'], group: groupId, lastEventId: '0' },
      {
        onData: (msg) => {
          const e = parseGroupEvent(msg.data.event);
          if (e === null) return;
          setPending((p) => nextPending(p, e, msg.id, msg.data.timeMs));
          if (e.type === 'group-rebalance-completed') {
            queryClient.setQueryData(trpc.groups.rebalances.queryKey(input), (old) => mergeRebalance(old, rebalanceFromEvent(e)));
            void queryClient.invalidateQueries({ queryKey: trpc.groups.get.queryKey(input) });
            void queryClient.invalidateQueries({ queryKey: trpc.groups.resetPlan.queryKey() });
          }
        },
      },
    ),
  );

  const setTab = useCallback((tab: GroupTab) => setUrl({ tab: tab === 'lag' ? null : tab }, 'push'), [setUrl]);

  const g = group.data;
  if (g === undefined) {
    if (group.isError) {
      return (
        <div className="t-stack">
          <PageHeader title={groupId} breadcrumbs={<Link href="/groups">Consumer groups</Link>} />
          {kafkaErrorName(group.error) === 'GROUP_ID_NOT_FOUND' ? (
            <EmptyState icon="?" title={`There is no group “${groupId}”`} action={<Link href="/groups">Back to the groups</Link>}>
              It may have been deleted, or its offsets expired (offsets.retention.minutes) after its last member left. Group ids are
              case-sensitive.
            </EmptyState>
          ) : (
            <QueryError title="Could not load the group" error={group.error} retry={() => void group.refetch()} />
          )}
        </div>
      );
    }
    return (
      <div className="t-stack">
        <Skeleton width={260} height={30} />
        <Skeleton height={78} />
        <Skeleton height={320} />
      </div>
    );
  }

  const lag = g.lag;
  const tabs: ReadonlyArray<TabItem<GroupTab>> = [
    { id: 'lag', label: 'Lag' },
    { id: 'members', label: 'Members', adornment: <Badge>{g.members.length}</Badge> },
    {
      id: 'rebalances',
      label: 'Rebalances',
      adornment: rebalances.data !== undefined ? <Badge>{rebalances.data.length}</Badge> : undefined,
    },
    { id: 'reset', label: 'Reset offsets' },
    { id: 'access', label: 'Access' },
  ];
  return (
    <div>
      <PageHeader
        breadcrumbs={
          <>
            <Link href="/groups">Consumer groups</Link>
            <span aria-hidden="true">/</span>
          </>
        }
        title={
          <span className="t-row" style={{ gap: 10 }}>
            <span className="t-mono" style={{ fontSize: 22 }}>
              {g.groupId}
            </span>
            <GroupStatePill state={g.state} />
            {lag !== null ? <LagStatusBadge status={lag.status} /> : null}
          </span>
        }
        description={
          <span className="t-num">
            {g.protocolType === ''
              ? 'offsets only (no group protocol)'
              : `${g.protocolType}${g.protocol !== '' ? ` · ${g.protocol} assignor` : ''}`}{' '}
            · generation {g.generationId < 0 ? '—' : g.generationId} · coordinator: __consumer_offsets-{g.coordinatorPartition}
          </span>
        }
      />
      <div className="t-grid" style={{ marginBottom: 'var(--t-space-4)' }}>
        <Stat
          label="Members"
          value={formatNumber(g.members.length)}
          hint={g.leaderId !== null && g.members.length > 0 ? `leader ${shortId(g.leaderId)}` : 'no active consumers'}
        />
        <Stat
          label="Total lag"
          value={<span data-testid="total-lag">{formatNumber(lag?.totalLag ?? 0)}</span>}
          hint="records not yet consumed"
          tone={lag !== null && lag.totalLag > 0 && lag.status !== 'OK' ? 'warning' : 'neutral'}
        />
        <Stat
          label="Max lag time"
          value={lag !== null && lag.maxLagMs > 0 ? formatDuration(lag.maxLagMs) : '0s'}
          hint="age of the oldest unread record"
        />
        <Stat label="Partitions" value={formatNumber(lag?.partitions.length ?? 0)} hint="with committed offsets" />
      </div>
      <HeldByTransactionNotice partitions={lag?.partitions ?? []} />
      <Tabs idPrefix="group" label={`Group ${g.groupId}`} items={tabs} value={params.tab} onChange={setTab} />
      <TabPanel idPrefix="group" id={params.tab}>
        {params.tab === 'lag' ? <LagTab group={g} points={points} status={lagSub.status} historyLoading={history.isPending} /> : null}
        {params.tab === 'members' ? <MembersTab group={g} /> : null}
        {params.tab === 'rebalances' ? (
          <RebalancesTab
            rebalances={rebalances.data}
            error={rebalances.error}
            retry={() => void rebalances.refetch()}
            pending={pending}
            status={eventSub.status}
          />
        ) : null}
        {params.tab === 'reset' ? <ResetTab group={g} /> : null}
        {params.tab === 'access' ? <AccessSection resourceType="GROUP" name={g.groupId} /> : null}
      </TabPanel>
    </div>
  );
}
