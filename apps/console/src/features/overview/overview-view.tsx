'use client';
import { useQuery } from '@tanstack/react-query';
import {
  Badge,
  Card,
  DataTable,
  formatBytes,
  formatDuration,
  formatNumber,
  formatTimestamp,
  Meter,
  PageHeader,
  Skeleton,
  Stat,
  StatusPill,
} from '@tarn/ui';
import Link from 'next/link';
import type { ClusterOverview } from '../../lib/types';
import { useNow } from '../../lib/use-now';
import { useTRPC } from '../../trpc/provider';
import { QueryError } from '../common/query-error';
import { GroupsSummary } from './groups-summary';
import { ThroughputPanel } from './throughput-panel';

type Broker = ClusterOverview['brokers'][number];
type LogDir = ClusterOverview['logDirs'][number];

export function OverviewView() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.cluster.overview.queryOptions(undefined, { refetchInterval: 5000 }));
  const now = useNow();
  const o = overview.data;

  return (
    <div className="t-stack">
      <PageHeader
        title="Overview"
        description="The cluster at a glance: identity, health, storage and traffic, updating live."
        actions={
          o !== undefined ? (
            <StatusPill tone={o.offlinePartitions > 0 ? 'danger' : o.underReplicatedPartitions > 0 ? 'warning' : 'success'}>
              {o.offlinePartitions > 0 ? 'Partitions offline' : o.underReplicatedPartitions > 0 ? 'Under-replicated' : 'Healthy'}
            </StatusPill>
          ) : undefined
        }
      />
      {overview.isError && o === undefined ? (
        <QueryError title="Could not load the cluster overview" error={overview.error} retry={() => void overview.refetch()} />
      ) : null}
      {o === undefined ? (
        overview.isError ? null : (
          <div className="t-grid">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} height={78} />
            ))}
          </div>
        )
      ) : (
        <div className="t-grid">
          <Stat label="Cluster id" value={o.clusterId} small hint={`controller: broker ${o.controllerId}`} />
          <Stat label="Version" value={`tarn ${o.version}`} small hint={o.listeners.join(', ')} />
          <Stat
            label="Uptime"
            value={formatDuration(now === null ? o.uptimeMs : now - o.startedAtMs)}
            hint={`since ${formatTimestamp(o.startedAtMs, { millis: false })}`}
          />
          <Stat label="Brokers" value={formatNumber(o.brokers.length)} hint={o.brokers.length === 1 ? 'single node' : 'cluster'} />
          <Stat
            label="Topics"
            value={<Link href="/topics">{formatNumber(o.topicCount)}</Link>}
            hint={`+ ${o.internalTopicCount} internal`}
          />
          <Stat label="Partitions" value={formatNumber(o.partitionCount)} hint="all topics, internal included" />
          <Stat
            label="Under-replicated"
            value={<Link href="/isr">{formatNumber(o.underReplicatedPartitions)}</Link>}
            tone={o.underReplicatedPartitions > 0 ? 'warning' : 'success'}
            hint="ISR smaller than the replica set"
          />
          <Stat
            label="Offline"
            value={formatNumber(o.offlinePartitions)}
            tone={o.offlinePartitions > 0 ? 'danger' : 'success'}
            hint="no live leader"
          />
        </div>
      )}

      <GroupsSummary />

      <ThroughputPanel />

      <div className="t-grid-2">
        <Card title="Brokers" description="Leadership and replica counts per broker" flush>
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
                  </span>
                ),
              },
              {
                key: 'endpoint',
                header: 'Endpoint',
                render: (b) => <span className="t-mono">{b.host === null ? '—' : `${b.host}:${b.port}`}</span>,
              },
              ...(o?.brokers.some((b) => b.rack !== null) === true
                ? [{ key: 'rack', header: 'Rack', render: (b: Broker) => b.rack ?? '—' }]
                : []),
              {
                key: 'state',
                header: 'State',
                render: (b) => (
                  <StatusPill tone={b.state === 'running' ? 'success' : b.state === 'offline' ? 'danger' : 'warning'}>{b.state}</StatusPill>
                ),
              },
              { key: 'leaders', header: 'Leader for', align: 'right', render: (b) => formatNumber(b.leaderPartitions) },
              { key: 'replicas', header: 'Replicas', align: 'right', render: (b) => formatNumber(b.replicas) },
            ]}
          />
        </Card>
        <Card title="Log directories" description="Where partitions live on disk" flush>
          <DataTable<LogDir>
            caption="Log directories"
            rows={o?.logDirs ?? []}
            loading={o === undefined && !overview.isError}
            rowKey={(d) => d.path}
            columns={[
              { key: 'path', header: 'Path', render: (d) => <span className="t-mono">{d.path}</span> },
              { key: 'partitions', header: 'Partitions', align: 'right', render: (d) => formatNumber(d.partitions) },
              { key: 'size', header: 'Data', align: 'right', render: (d) => formatBytes(d.sizeBytes) },
              {
                key: 'disk',
                header: 'Disk used',
                width: 180,
                render: (d) =>
                  d.totalBytes === null || d.freeBytes === null ? (
                    <span className="t-faint">unknown</span>
                  ) : (
                    <div className="t-stack-sm" style={{ gap: 4 }}>
                      <Meter value={1 - d.freeBytes / d.totalBytes} label={`Disk use of ${d.path}`} />
                      <span className="t-faint" style={{ fontSize: 12 }}>
                        {formatBytes(d.freeBytes)} free of {formatBytes(d.totalBytes)}
                      </span>
                    </div>
                  ),
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
