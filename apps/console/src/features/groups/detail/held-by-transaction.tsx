'use client';
/**
 * Lag held back by an open transaction: the group has read up to a partition's last stable offset,
 * and what remains of its lag are records of a transaction still open, which read_committed
 * consumers cannot read until it commits or aborts. Waiting, not falling behind.
 */
import Link from 'next/link';
import { Badge, Notice } from '@tarn/ui';
import type { PartitionLag } from '../../../lib/types';

/** Beside a partition's lag. */
export function HeldByTransactionBadge() {
  return (
    <Link
      href="/transactions"
      title="The group has read up to the last stable offset; the rest of its lag is an open transaction's records, readable once it commits or aborts"
    >
      <Badge tone="info">waiting for an open transaction</Badge>
    </Link>
  );
}

/** In the group's summary, when any partition's lag is held back. */
export function HeldByTransactionNotice({ partitions }: { partitions: readonly PartitionLag[] }) {
  const held = partitions.filter((p) => p.heldByTransaction);
  if (held.length === 0) return null;
  return (
    <div style={{ marginBottom: 'var(--t-space-4)' }} data-testid="held-by-transaction">
      <Notice tone="info">
        Lag on {held.length === 1 ? 'partition' : 'partitions'}{' '}
        <span className="t-mono">{held.map((p) => `${p.topic}-${p.partition}`).join(', ')}</span> is held back by an open transaction: the
        group has read up to the last stable offset and waits for the transaction to commit or abort.{' '}
        <Link href="/transactions">See the open transactions</Link>
      </Notice>
    </div>
  );
}
