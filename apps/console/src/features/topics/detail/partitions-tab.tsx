'use client';
import { Badge, Card, DataTable, formatBytes, formatNumber, ReplicaSet } from '@tarn/ui';
import type { TopicDetail } from '../../../lib/types';

type Partition = TopicDetail['partitions'][number];

const offset = (n: number | null) => (n === null ? <span className="t-faint">—</span> : formatNumber(n));

export function PartitionsTab({ topic, onOpenSegments }: { topic: TopicDetail; onOpenSegments: (partition: number) => void }) {
  return (
    <Card
      title="Partitions"
      description="Leader, replicas and in-sync replicas (ISR); offsets bound what consumers can read (up to the high watermark)."
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
