'use client';
/**
 * Consumer groups at a glance: how many there are by lag status and state, and the ones furthest
 * behind. Reads the first 500 groups (the admin API's largest page); beyond that it says so.
 */
import { useMemo } from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import {
  Card,
  DataTable,
  EmptyState,
  formatDuration,
  formatNumber,
  LAG_STATUS_MEANING,
  LAG_STATUSES,
  LagStatusBadge,
  lagStatusTone,
  Skeleton,
  type LagStatus,
} from '@tarn/ui';
import type { GroupSummary } from '../../lib/types';
import { useTRPC } from '../../trpc/provider';
import { GroupStatePill } from '../common/group-state-pill';
import { QueryError } from '../common/query-error';
import { groupHref } from '../groups/url-state';
import { ALL_GROUPS_INPUT } from './all-groups-input';

/** Groups counted by lag status, every status present (0 when none). */
export function countByStatus(groups: readonly GroupSummary[]): Record<LagStatus, number> {
  const out = Object.fromEntries(LAG_STATUSES.map((s) => [s, 0])) as Record<LagStatus, number>;
  for (const g of groups) out[g.status]++;
  return out;
}

export function GroupsSummary() {
  const trpc = useTRPC();
  const groups = useQuery(trpc.groups.list.queryOptions(ALL_GROUPS_INPUT, { refetchInterval: 10_000 }));
  const items = useMemo(() => groups.data?.items ?? [], [groups.data]);
  const counts = useMemo(() => countByStatus(items), [items]);
  const behind = useMemo(
    () =>
      items
        .filter((g) => g.totalLag > 0)
        .sort((a, b) => b.totalLag - a.totalLag)
        .slice(0, 5),
    [items],
  );
  const total = groups.data?.total ?? 0;

  return (
    <Card
      title={<Link href="/groups">Consumer groups</Link>}
      description={
        total > items.length
          ? `Lag status of the first ${formatNumber(items.length)} of ${formatNumber(total)} groups`
          : 'Lag status of every group, and the ones furthest behind'
      }
      flush
    >
      {groups.isError && groups.data === undefined ? (
        <div style={{ padding: 'var(--t-space-4)' }}>
          <QueryError title="Could not list consumer groups" error={groups.error} retry={() => void groups.refetch()} />
        </div>
      ) : groups.data === undefined ? (
        <div style={{ padding: 'var(--t-space-4)' }}>
          <Skeleton height={60} />
        </div>
      ) : total === 0 ? (
        <EmptyState icon="⚇" title="No consumer groups yet">
          Groups appear when a consumer joins one or commits offsets with a group.id.
        </EmptyState>
      ) : (
        <>
          <div className="c-status-counts" aria-label="Groups by lag status">
            <div className="c-status-count">
              <strong className="t-num">{formatNumber(total)}</strong>
              <span className="t-muted">{total === 1 ? 'group' : 'groups'}</span>
            </div>
            {LAG_STATUSES.map((s) => (
              <div
                key={s}
                className="c-status-count"
                data-tone={counts[s] > 0 ? lagStatusTone(s) : 'neutral'}
                title={LAG_STATUS_MEANING[s]}
                data-status={s}
              >
                <strong className="t-num">{formatNumber(counts[s])}</strong>
                <LagStatusBadge status={s} />
              </div>
            ))}
          </div>
          {behind.length === 0 ? (
            <p className="t-muted" style={{ padding: 'var(--t-space-3) var(--t-space-4)', margin: 0 }}>
              Every group is caught up: no lag anywhere.
            </p>
          ) : (
            <DataTable<GroupSummary>
              caption="Groups furthest behind"
              rows={behind}
              rowKey={(g) => g.groupId}
              columns={[
                {
                  key: 'id',
                  header: 'Furthest behind',
                  render: (g) => (
                    <Link href={groupHref(g.groupId)} className="t-mono">
                      {g.groupId}
                    </Link>
                  ),
                },
                { key: 'state', header: 'State', render: (g) => <GroupStatePill state={g.state} /> },
                { key: 'members', header: 'Members', align: 'right', render: (g) => formatNumber(g.members) },
                { key: 'lag', header: 'Lag', align: 'right', render: (g) => formatNumber(g.totalLag) },
                { key: 'lagMs', header: 'Lag time', align: 'right', render: (g) => (g.maxLagMs > 0 ? formatDuration(g.maxLagMs) : '—') },
                { key: 'status', header: 'Status', render: (g) => <LagStatusBadge status={g.status} /> },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
