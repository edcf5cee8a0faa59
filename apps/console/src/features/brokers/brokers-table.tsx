'use client';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Badge, Button, Card, DataTable, ErrorPanel, formatNumber, formatRelative, Meter, Notice, StatusPill, type Column } from '@tarn/ui';
import type { ClusterOverview, Outputs } from '../../lib/types';
import { useNow } from '../../lib/use-now';
import { describeError } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { STATE_TONE } from './broker-state-tone';

type Broker = ClusterOverview['brokers'][number];
type Election = Outputs['cluster']['electPreferredLeaders'];

/** Every broker, and the button that moves leadership back to each partition's preferred replica. */
export function BrokersTable({
  overview: o,
  failed,
  refresh,
}: {
  overview: ClusterOverview | undefined;
  failed: boolean;
  refresh: () => void;
}) {
  const trpc = useTRPC();
  const now = useNow();
  const [election, setElection] = useState<Election | null>(null);
  const elect = useMutation(
    trpc.cluster.electPreferredLeaders.mutationOptions({
      onSuccess: (result) => {
        setElection(result);
        refresh();
      },
    }),
  );

  return (
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
      <ElectionOutcome election={election} error={elect.isError ? elect.error : null} />
      <DataTable<Broker>
        caption="Brokers"
        rows={o?.brokers ?? []}
        loading={o === undefined && !failed}
        rowKey={(b) => String(b.nodeId)}
        columns={columns(o, now)}
      />
    </Card>
  );
}

/** What the last election did, or why it failed. */
function ElectionOutcome({ election, error }: { election: Election | null; error: unknown }) {
  return error !== null ? (
    <div style={{ padding: 'var(--t-space-4)' }}>
      <ErrorPanel title="Preferred leader election failed" error={describeError(error)} />
    </div>
  ) : election !== null ? (
    <div style={{ padding: 'var(--t-space-4)' }}>
      <Notice tone={election.elected > 0 ? 'success' : 'info'}>
        {election.elected > 0
          ? `Moved leadership of ${formatNumber(election.elected)} partition${election.elected === 1 ? '' : 's'} to the preferred replica.`
          : 'No leader moved.'}
        {election.unavailable > 0
          ? ` ${formatNumber(election.unavailable)} preferred replica${election.unavailable === 1 ? ' is' : 's are'} offline or out of sync.`
          : ''}
        {election.failed > 0 ? ` ${formatNumber(election.failed)} changed concurrently; try again.` : ''}
      </Notice>
    </div>
  ) : null;
}

function columns(o: ClusterOverview | undefined, now: number | null): Array<Column<Broker>> {
  return [
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
          <Meter
            kind="share"
            value={o === undefined || o.partitionCount === 0 ? 0 : b.leaderPartitions / o.partitionCount}
            label={`Share of partition leadership on broker ${b.nodeId}`}
          />
        </div>
      ),
    },
    {
      key: 'preferred',
      header: 'Preferred',
      align: 'right',
      render: (b) => (
        <span
          className="t-mono"
          title={b.leaderPartitions !== b.preferredLeaderPartitions ? 'Leads a different number of partitions than it should' : undefined}
        >
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
      render: (b) =>
        b.outOfSyncReplicas > 0 ? <Badge tone="warning">{formatNumber(b.outOfSyncReplicas)}</Badge> : <span className="t-faint">0</span>,
    },
    {
      key: 'since',
      header: 'Registered',
      render: (b) =>
        b.registeredAtMs === null ? <span className="t-faint">—</span> : now === null ? '' : formatRelative(b.registeredAtMs, now),
    },
  ];
}
