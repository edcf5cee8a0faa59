'use client';
import Link from 'next/link';
import { Badge, Card, DataTable, formatBytes, formatNumber, ReplicaSet } from '@tarn/ui';
import type { TopicDetail } from '../../../lib/types';

type Partition = TopicDetail['partitions'][number];

const offset = (n: number | null) => (n === null ? <span className="t-faint">—</span> : formatNumber(n));

/** The last stable offset; below the high watermark an open transaction holds read_committed consumers there. */
function LastStableOffset({ p }: { p: Partition }) {
  const held = p.lastStableOffset !== null && p.highWatermark !== null && p.lastStableOffset < p.highWatermark;
  return (
    <span className="t-stack-sm" style={{ gap: 2, alignItems: 'flex-end' }} data-testid={`partition-lso-${p.partition}`} data-held={held}>
      <span className="t-num">{offset(p.lastStableOffset)}</span>
      {held ? (
        <Link href="/transactions" title="An open transaction holds read_committed consumers at the last stable offset; see Transactions">
          <Badge tone="warning">held by an open transaction</Badge>
        </Link>
      ) : null}
    </span>
  );
}

export function PartitionsTab({ topic, onOpenSegments }: { topic: TopicDetail; onOpenSegments: (partition: number) => void }) {
  return (
    <Card
      title="Partitions"
      description="Leader, replicas and in-sync replicas (ISR); offsets bound what consumers can read: up to the high watermark, and read_committed consumers up to the last stable offset (LSO)."
      flush
    >
      <DataTable<Partition>
        caption={`Partitions of ${topic.name}`}
        rows={topic.partitions}
        rowKey={(p) => String(p.partition)}
        columns={[
          { key: 'p', header: 'Partition', render: (p) => <strong className="t-mono">{p.partition}</strong> },
          {
            key: 'leader',
            header: 'Leader',
            render: (p) => (p.leader < 0 ? <Badge tone="danger">none</Badge> : <span className="t-mono">{p.leader}</span>),
          },
          { key: 'epoch', header: 'Epoch', align: 'right', render: (p) => formatNumber(p.leaderEpoch) },
          { key: 'replicas', header: 'Replicas', render: (p) => <ReplicaSet replicas={p.replicas} isr={p.isr} leader={p.leader} /> },
          {
            key: 'isr',
            header: 'ISR',
            render: (p) =>
              p.outOfSync.length > 0 ? (
                <Badge tone="warning" title={`Out of sync: ${p.outOfSync.join(', ')}`}>
                  {p.isr.length}/{p.replicas.length} · {p.outOfSync.join(', ')} out of sync
                </Badge>
              ) : (
                <Badge tone="success">
                  {p.isr.length}/{p.replicas.length} in sync
                </Badge>
              ),
          },
          { key: 'start', header: 'Log start', align: 'right', render: (p) => offset(p.logStartOffset) },
          { key: 'hw', header: 'High watermark', align: 'right', render: (p) => offset(p.highWatermark) },
          {
            key: 'lso',
            header: <abbr title="Last stable offset: where read_committed consumers stop">LSO</abbr>,
            align: 'right',
            render: (p) => <LastStableOffset p={p} />,
          },
          { key: 'leo', header: 'Log end', align: 'right', render: (p) => offset(p.logEndOffset) },
          {
            key: 'records',
            header: 'Records',
            align: 'right',
            render: (p) => (p.highWatermark === null || p.logStartOffset === null ? '—' : formatNumber(p.highWatermark - p.logStartOffset)),
          },
          { key: 'size', header: 'Size', align: 'right', render: (p) => formatBytes(p.sizeBytes) },
          {
            key: 'segments',
            header: 'Segments',
            align: 'right',
            render: (p) =>
              p.segments === null ? (
                '—'
              ) : (
                <button
                  type="button"
                  className="t-btn"
                  data-variant="ghost"
                  data-size="sm"
                  onClick={() => onOpenSegments(p.partition)}
                  title="Show this partition's segments"
                >
                  {formatNumber(p.segments)} →
                </button>
              ),
          },
        ]}
      />
    </Card>
  );
}
