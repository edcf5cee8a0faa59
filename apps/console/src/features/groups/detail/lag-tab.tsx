'use client';
import { useMemo } from 'react';
import Link from 'next/link';
import type { TRPCSubscriptionStatus } from '@trpc/tanstack-react-query';
import {
  Card,
  DataTable,
  EmptyState,
  formatCompact,
  formatDuration,
  formatNumber,
  formatRelative,
  LagStatusBadge,
  Skeleton,
  ThroughputChart,
  type ChartPoint,
  type ChartSeries,
} from '@tarn/ui';
import { partitionOwners, shortId } from '../group-format';
import { chartTopics, type LagPoint } from '../lag-series';
import type { GroupDetail, PartitionLag } from '../../../lib/types';
import { useNow } from '../../../lib/use-now';
import { LiveStatus } from '../../common/live-status';
import { HeldByTransactionBadge } from './held-by-transaction';

const offset = (n: number | null) => (n === null ? <span className="t-faint">—</span> : formatNumber(n));

export function LagTab({
  group,
  points,
  status,
  historyLoading,
}: {
  group: GroupDetail;
  points: readonly LagPoint[];
  status: TRPCSubscriptionStatus;
  historyLoading: boolean;
}) {
  const now = useNow();
  const owners = useMemo(() => partitionOwners(group.members), [group.members]);
  const { series, data } = useMemo(() => {
    const { topics, other } = chartTopics(points);
    const series: ChartSeries[] =
      topics.length <= 1 && !other
        ? [{ key: 'total', label: topics[0] !== undefined ? `lag of ${topics[0]}` : 'lag' }]
        : [...topics.map((t, i) => ({ key: `t${i}`, label: t })), ...(other ? [{ key: 'other', label: 'other topics' }] : [])];
    const data: ChartPoint[] = points.map((p) => {
      const out: ChartPoint = { timeMs: p.timeMs, total: p.total };
      topics.forEach((t, i) => (out[`t${i}`] = p.byTopic[t] ?? 0));
      if (other) out.other = p.total - topics.reduce((n, t) => n + (p.byTopic[t] ?? 0), 0);
      return out;
    });
    return { series, data };
  }, [points]);
  const partitions = group.lag?.partitions ?? [];
  const latest = points.at(-1);

  return (
    <div className="t-stack">
      <Card
        title="Lag over time"
        description="Records the group has yet to read (high watermark − committed offset), per topic. Sampled every second while this page is open; earlier points are the broker's own samples."
        actions={
          <>
            {latest !== undefined ? <span className="t-muted t-num">now {formatNumber(latest.total)} records</span> : null}
            <LiveStatus status={status} />
          </>
        }
      >
        <div data-testid="lag-chart" data-latest={latest?.total ?? ''}>
          {historyLoading && points.length === 0 ? (
            <Skeleton height={240} />
          ) : points.length === 0 ? (
            <EmptyState icon="↗" title="No lag samples yet">
              The chart starts with the first sample, within a second.
            </EmptyState>
          ) : (
            <ThroughputChart
              label={`Lag of ${group.groupId} in records over time`}
              data={data}
              series={series}
              format={formatCompact}
              stacked={series.length > 1}
              height={240}
            />
          )}
        </div>
      </Card>
      <Card title="Partitions" description="Where the group is in each partition it has committed offsets for, and how far behind." flush>
        <DataTable<PartitionLag>
          caption={`Lag per partition of ${group.groupId}`}
          rows={partitions}
          rowKey={(p) => `${p.topic}:${p.partition}`}
          empty={
            <EmptyState icon="∅" title="No committed offsets">
              The group has not committed an offset yet: lag is measured from the last committed offset, so it appears after the first
              commit.
            </EmptyState>
          }
          columns={[
            { key: 'topic', header: 'Topic', render: (p) => <Link href={`/topics/${encodeURIComponent(p.topic)}`}>{p.topic}</Link> },
            { key: 'partition', header: 'Partition', align: 'right', render: (p) => <span className="t-mono">{p.partition}</span> },
            {
              key: 'owner',
              header: 'Consumer',
              render: (p) => {
                const m = owners.get(`${p.topic}:${p.partition}`);
                return m === undefined ? (
                  <span className="t-faint">unassigned</span>
                ) : (
                  <span className="t-mono" title={m.memberId}>
                    {m.clientId !== '' ? m.clientId : shortId(m.memberId)}
                  </span>
                );
              },
            },
            { key: 'committed', header: 'Committed offset', align: 'right', render: (p) => offset(p.committedOffset) },
            { key: 'leo', header: 'Log end', align: 'right', render: (p) => offset(p.logEndOffset) },
            { key: 'hw', header: 'High watermark', align: 'right', render: (p) => offset(p.highWatermark) },
            {
              key: 'lso',
              header: <abbr title="Last stable offset: where read_committed consumers stop while a transaction is open">LSO</abbr>,
              align: 'right',
              render: (p) => offset(p.lastStableOffset),
            },
            {
              key: 'lag',
              header: 'Lag',
              align: 'right',
              render: (p) => (
                <span className="t-stack-sm" style={{ gap: 2, alignItems: 'flex-end' }} data-testid={`lag-${p.topic}-${p.partition}`}>
                  <strong className="t-num">{offset(p.lag)}</strong>
                  {p.heldByTransaction ? <HeldByTransactionBadge /> : null}
                </span>
              ),
            },
            {
              key: 'lagMs',
              header: 'Lag time',
              align: 'right',
              render: (p) => (p.lagMs === null ? <span className="t-faint">—</span> : p.lagMs === 0 ? '0s' : formatDuration(p.lagMs)),
            },
            { key: 'status', header: 'Status', render: (p) => <LagStatusBadge status={p.status} /> },
            {
              key: 'commit',
              header: 'Last commit',
              render: (p) =>
                p.lastCommitMs === null || p.lastCommitMs < 0 ? (
                  <span className="t-faint">—</span>
                ) : (
                  <span className="t-muted t-num">{now === null ? '…' : formatRelative(p.lastCommitMs, now)}</span>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
