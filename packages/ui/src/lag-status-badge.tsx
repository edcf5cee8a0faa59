import { Badge, type Tone } from './badge';

/** A consumer's lag status, Burrow-style, as the broker evaluates it from recent commits. */
export type LagStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'REWIND';

export const LAG_STATUSES: readonly LagStatus[] = ['OK', 'WARN', 'STALL', 'STOP', 'REWIND'];

const TONE: Record<LagStatus, Tone> = { OK: 'success', WARN: 'warning', REWIND: 'info', STALL: 'danger', STOP: 'danger' };

/** What each status means, for titles and legends. */
export const LAG_STATUS_MEANING: Record<LagStatus, string> = {
  OK: 'Caught up, or catching up',
  WARN: 'Lag keeps growing: the consumer commits but falls behind',
  STALL: 'Commits keep coming but the offset does not move',
  STOP: 'Lagging and no commits for a while: the consumer stopped',
  REWIND: 'The committed offset went backwards (a reset, or a replay)',
};

export function lagStatusTone(status: LagStatus): Tone {
  return TONE[status];
}

export function LagStatusBadge({ status }: { status: LagStatus }) {
  return (
    <Badge tone={TONE[status]} title={LAG_STATUS_MEANING[status]}>
      {status}
    </Badge>
  );
}
