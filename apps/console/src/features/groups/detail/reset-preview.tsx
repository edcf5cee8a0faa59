'use client';
import { Badge, Card, DataTable, EmptyState, formatNumber, Skeleton } from '@tarn/ui';
import type { ResetInput, ResetPlan, ResetPlanEntry } from '../../../lib/types';

/** The broker's dry run of the reset: each partition's offset now and after. */
export function ResetPreview({
  input,
  current,
  planError,
}: {
  input: ResetInput | null;
  current: ResetPlan | undefined;
  planError: boolean;
}) {
  return (
    <Card
      title="Preview"
      description="The broker's dry run: where each partition is now and where it would be. Targets outside a partition's range are clamped to it, as kafka-consumer-groups.sh does."
      actions={
        current !== undefined ? (
          <Badge tone={current.applicable ? 'success' : 'warning'}>
            {current.applicable ? 'can be applied' : `group is ${current.state}`}
          </Badge>
        ) : undefined
      }
      flush
    >
      {input === null ? (
        <EmptyState icon="✎" title="Complete the form">
          The preview appears once the scope and strategy are valid.
        </EmptyState>
      ) : current === undefined ? (
        planError ? (
          <EmptyState icon="!" title="No preview">
            Fix the problems above.
          </EmptyState>
        ) : (
          <Skeleton height={120} />
        )
      ) : (
        <DataTable<ResetPlanEntry>
          caption="Reset preview"
          rows={current.partitions}
          rowKey={(p) => `${p.topic}:${p.partition}`}
          empty={<EmptyState title="Nothing in scope">The group has no committed offsets in this scope.</EmptyState>}
          columns={[
            { key: 'topic', header: 'Topic', render: (p) => p.topic },
            { key: 'partition', header: 'Partition', align: 'right', render: (p) => <span className="t-mono">{p.partition}</span> },
            {
              key: 'current',
              header: 'Current offset',
              align: 'right',
              render: (p) => (p.currentOffset === null ? <span className="t-faint">none</span> : formatNumber(p.currentOffset)),
            },
            {
              key: 'target',
              header: 'New offset',
              align: 'right',
              render: (p) =>
                p.targetOffset === null ? <span className="t-faint">—</span> : <strong>{formatNumber(p.targetOffset)}</strong>,
            },
            {
              key: 'delta',
              header: 'Change',
              align: 'right',
              render: (p) => {
                if (p.targetOffset === null || p.currentOffset === null) return <span className="t-faint">—</span>;
                const d = p.targetOffset - p.currentOffset;
                return d === 0 ? (
                  <span className="t-faint">none</span>
                ) : (
                  <Badge tone={d < 0 ? 'info' : 'warning'}>{d > 0 ? `+${formatNumber(d)} skipped` : `${formatNumber(-d)} re-read`}</Badge>
                );
              },
            },
            {
              key: 'lag',
              header: 'Lag after',
              align: 'right',
              render: (p) =>
                p.targetOffset === null || p.logEndOffset === null ? '—' : formatNumber(Math.max(0, p.logEndOffset - p.targetOffset)),
            },
            {
              key: 'range',
              header: 'Log start – end',
              align: 'right',
              render: (p) =>
                p.logStartOffset === null ? (
                  '—'
                ) : (
                  <span className="t-num t-muted">{`${formatNumber(p.logStartOffset)} – ${formatNumber(p.logEndOffset)}`}</span>
                ),
            },
            {
              key: 'error',
              header: '',
              render: (p) =>
                p.error !== null ? (
                  <span className="t-field-error">⚠ {p.error}</span>
                ) : p.warning !== null ? (
                  <span className="t-muted">{p.warning}</span>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}
