'use client';
import Link from 'next/link';
import { Badge, Button, Card, DataTable, EmptyState, formatDuration, formatNumber, type Column } from '@tarn/ui';
import type { HeldPartition, OpenProducer, TransactionRow } from '../../lib/types';
import { elapsedSince, lsoGap, owningTransaction, tpName } from './transaction-format';

export interface HeldPartitionsTableProps {
  partitions: readonly HeldPartition[] | undefined;
  transactions: readonly TransactionRow[];
  fetchedAt: number;
  now: number | null;
  onAbort: (t: TransactionRow) => void;
  onAbortHanging: (p: HeldPartition, producer: OpenProducer) => void;
}

/**
 * The partitions whose last stable offset is held below the high watermark by an open transaction:
 * read_committed consumers stop at the LSO until every transaction open there ends. A transaction
 * no coordinator will end is hanging (kafka-transactions.sh find-hanging) and is aborted here by
 * its ABORT marker; one its coordinator knows is aborted by fencing its producer.
 */
export function HeldPartitionsTable({ partitions, transactions, fetchedAt, now, onAbort, onAbortHanging }: HeldPartitionsTableProps) {
  const hanging = partitions?.reduce((n, p) => n + p.open.filter((o) => o.hanging).length, 0) ?? 0;
  return (
    <Card
      title="Partitions held back by open transactions"
      description="Read_committed consumers read up to the last stable offset (LSO): the first offset of the oldest transaction still open on the partition. The gap to the high watermark is what they wait for."
      actions={hanging > 0 ? <Badge tone="danger">{formatNumber(hanging)} hanging</Badge> : undefined}
      flush
    >
      <DataTable<HeldPartition>
        caption="Partitions held back by open transactions"
        rows={partitions ?? []}
        loading={partitions === undefined}
        rowKey={tpName}
        empty={
          <EmptyState icon="✓" title="No partition is held back">
            Every partition&apos;s last stable offset equals its high watermark: read_committed consumers can read everything written.
          </EmptyState>
        }
        columns={columns(transactions, fetchedAt, now, onAbort, onAbortHanging)}
      />
    </Card>
  );
}

function columns(
  transactions: readonly TransactionRow[],
  fetchedAt: number,
  now: number | null,
  onAbort: (t: TransactionRow) => void,
  onAbortHanging: (p: HeldPartition, producer: OpenProducer) => void,
): Array<Column<HeldPartition>> {
  return [
    {
      key: 'tp',
      header: 'Partition',
      render: (p) => (
        <Link className="t-mono" href={`/topics/${encodeURIComponent(p.topic)}`} style={{ fontWeight: 600 }} data-testid="held-partition">
          {tpName(p)}
        </Link>
      ),
    },
    { key: 'leader', header: 'Leader', align: 'right', render: (p) => <span className="t-mono">{p.leader}</span> },
    {
      key: 'lso',
      header: 'LSO / high watermark',
      render: (p) => {
        const gap = lsoGap(p);
        return (
          <div
            className="t-stack-sm"
            style={{ gap: 2 }}
            data-testid={`lso-${tpName(p)}`}
            data-lso={p.lastStableOffset}
            data-hw={p.highWatermark}
          >
            <span className="t-num t-mono">
              {p.lastStableOffset < 0 ? '?' : formatNumber(p.lastStableOffset)} <span className="t-faint">&lt;</span>{' '}
              {p.highWatermark < 0 ? '?' : formatNumber(p.highWatermark)}
            </span>
            <span className="t-muted t-num" style={{ fontSize: 12 }}>
              {gap === null ? 'offsets unknown' : `${formatNumber(gap)} ${gap === 1 ? 'record' : 'records'} held back`}
            </span>
          </div>
        );
      },
    },
    {
      key: 'stuck',
      header: 'Stuck for',
      align: 'right',
      render: (p) => <span className="t-num">{formatDuration(elapsedSince(p.stuckForMs, fetchedAt, now))}</span>,
    },
    {
      key: 'open',
      header: 'Open transactions',
      render: (p) => (
        <div className="c-open-producers">
          {p.open.map((o) => (
            <OpenProducerLine
              key={`${o.producerId}:${o.producerEpoch}`}
              producer={o}
              owner={owningTransaction(transactions, o)}
              onAbort={onAbort}
              onAbortHanging={() => onAbortHanging(p, o)}
            />
          ))}
        </div>
      ),
    },
  ];
}

function OpenProducerLine({
  producer: o,
  owner,
  onAbort,
  onAbortHanging,
}: {
  producer: OpenProducer;
  owner: TransactionRow | null;
  onAbort: (t: TransactionRow) => void;
  onAbortHanging: () => void;
}) {
  return (
    <div className="c-open-producer" data-testid={`open-producer-${o.producerId}`}>
      <div className="t-stack-sm" style={{ gap: 2 }}>
        <span className="t-row" style={{ gap: 6 }}>
          {o.transactionalId !== null ? (
            <strong className="t-mono">{o.transactionalId}</strong>
          ) : (
            <span className="t-muted">unknown (hanging)</span>
          )}
          {o.hanging ? (
            <Badge
              tone="danger"
              title="No coordinator lists this partition in an ongoing transaction of this producer, or it has been open longer than transaction.max.timeout.ms: nothing will end it but an ABORT marker"
            >
              hanging
            </Badge>
          ) : null}
        </span>
        <span className="t-muted t-mono" style={{ fontSize: 12 }}>
          producer {o.producerId} · epoch {o.producerEpoch} · coordinator epoch {o.coordinatorEpoch} · from offset{' '}
          {formatNumber(o.firstOffset)}
        </span>
      </div>
      {o.hanging ? (
        <Button size="sm" variant="danger" onClick={onAbortHanging}>
          Abort hanging transaction
        </Button>
      ) : owner !== null ? (
        <Button size="sm" onClick={() => onAbort(owner)} aria-label={`Abort the transaction of ${owner.transactionalId}`}>
          Abort
        </Button>
      ) : null}
    </div>
  );
}
