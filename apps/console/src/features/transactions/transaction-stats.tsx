'use client';
import { formatDuration, formatNumber, Skeleton, Stat } from '@tarn/ui';
import type { TransactionsOverview } from '../../lib/types';
import { ageTone, elapsedSince, isOpenState } from './transaction-format';

/** The figures over the tables: open transactions, held-back partitions, hanging ones, the oldest open. */
export function TransactionStats({
  overview: o,
  fetchedAt,
  now,
}: {
  overview: TransactionsOverview | undefined;
  fetchedAt: number;
  now: number | null;
}) {
  if (o === undefined) {
    return (
      <div className="t-grid">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} height={78} />
        ))}
      </div>
    );
  }
  const open = o.transactions.filter((t) => isOpenState(t.state));
  const hanging = o.partitions.reduce((n, p) => n + p.open.filter((x) => x.hanging).length, 0);
  let oldest: { age: number; timeoutMs: number } | null = null;
  for (const t of open) {
    const age = elapsedSince(t.ageMs, fetchedAt, now);
    if (age !== null && (oldest === null || age > oldest.age)) oldest = { age, timeoutMs: t.timeoutMs };
  }
  const tone = oldest === null ? 'neutral' : ageTone(oldest.age, oldest.timeoutMs);
  return (
    <div className="t-grid">
      <Stat label="Open transactions" value={formatNumber(open.length)} hint="ongoing, or preparing to commit or abort" />
      <Stat
        label="Partitions held back"
        value={formatNumber(o.partitions.length)}
        tone={o.partitions.length > 0 ? 'warning' : 'success'}
        hint="last stable offset below the high watermark"
      />
      <Stat
        label="Hanging"
        value={formatNumber(hanging)}
        tone={hanging > 0 ? 'danger' : 'success'}
        hint="open on a partition with no coordinator to end them"
      />
      <Stat
        label="Oldest open"
        value={oldest === null ? '—' : formatDuration(oldest.age)}
        tone={tone}
        hint={`transaction.max.timeout.ms ${formatDuration(o.maxTimeoutMs)}`}
      />
    </div>
  );
}
