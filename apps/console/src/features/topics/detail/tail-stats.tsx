'use client';
import { Badge, formatCompact, formatNumber } from '@tarn/ui';

/** How many records the tail keeps (newest first). */
export const BUFFER_SIZE = 1000;

export interface TailStats {
  received: number;
  skipped: number;
  filteredOut: number;
  heldWhilePaused: number;
  ratePerSecond: number;
}

export const ZERO_STATS: TailStats = { received: 0, skipped: 0, filteredOut: 0, heldWhilePaused: 0, ratePerSecond: 0 };

/** What the tail delivered, skipped (records/s cap) and filtered out. */
export function TailStatsBar({ stats }: { stats: TailStats }) {
  return (
    <div
      className="t-row"
      style={{ padding: 'var(--t-space-2) var(--t-space-4)', borderBottom: '1px solid var(--t-border)', fontSize: 12.5 }}
      aria-live="off"
    >
      <Badge tone="accent" title="Records delivered per second, over the last five seconds">
        {formatCompact(stats.ratePerSecond)} rec/s delivered
      </Badge>
      <Badge title="Records delivered since the tail started">{formatNumber(stats.received)} received</Badge>
      <Badge tone={stats.skipped > 0 ? 'warning' : 'neutral'} title="Not delivered because of the records/s cap">
        {formatNumber(stats.skipped)} skipped
      </Badge>
      <Badge tone={stats.filteredOut > 0 ? 'info' : 'neutral'} title="Did not match the filter">
        {formatNumber(stats.filteredOut)} filtered out
      </Badge>
      <span className="t-muted" style={{ marginLeft: 'auto' }}>
        newest first · keeps the last {formatNumber(BUFFER_SIZE)}
      </span>
    </div>
  );
}
