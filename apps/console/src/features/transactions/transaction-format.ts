/**
 * What the Transactions page computes from the overview: which states are open, filtering, ages
 * that keep ticking between two polls, how close an age is to the transaction's timeout, the gap a
 * held-back partition shows, and the ABORT marker (with the equivalent kafka-transactions.sh
 * command) that aborting a hanging transaction writes. Pure functions, unit-tested.
 */
import type { AbortHangingInput, HeldPartition, OpenProducer, TransactionRow } from '../../lib/types';
import type { TransactionsParams } from './url-state';

/** Open: the coordinator has partitions in the transaction and has not finished writing its markers. */
export function isOpenState(state: string): boolean {
  return state === 'Ongoing' || state === 'PrepareCommit' || state === 'PrepareAbort';
}

export function filterTransactions(rows: readonly TransactionRow[], p: TransactionsParams): TransactionRow[] {
  const q = p.q.toLowerCase();
  return rows.filter(
    (t) =>
      (q === '' || t.transactionalId.toLowerCase().includes(q)) &&
      (p.state === 'all' || t.state === p.state) &&
      (!p.open || isOpenState(t.state)),
  );
}

/**
 * A duration the broker measured at `fetchedAt` (the client's clock when the answer arrived), moved
 * on to `now`; unchanged before the first client tick (now null), so server and client render alike.
 */
export function elapsedSince(ms: number | null, fetchedAt: number, now: number | null): number | null {
  if (ms === null) return null;
  if (now === null || fetchedAt <= 0) return ms;
  return ms + Math.max(0, now - fetchedAt);
}

/** From this share of its timeout on, an open transaction's age is a warning. */
export const AGE_WARNING_SHARE = 0.8;

/** How an open transaction's age reads against its timeout: past it the coordinator aborts it. */
export function ageTone(ageMs: number | null, timeoutMs: number): 'neutral' | 'warning' | 'danger' {
  if (ageMs === null || timeoutMs <= 0) return 'neutral';
  if (ageMs >= timeoutMs) return 'danger';
  return ageMs >= timeoutMs * AGE_WARNING_SHARE ? 'warning' : 'neutral';
}

/** Records a read_committed consumer cannot read yet (HW − LSO); null when a broker did not say. */
export function lsoGap(p: Pick<HeldPartition, 'lastStableOffset' | 'highWatermark'>): number | null {
  if (p.lastStableOffset < 0 || p.highWatermark < 0) return null;
  return Math.max(0, p.highWatermark - p.lastStableOffset);
}

export const tpName = (tp: { topic: string; partition: number }) => `${tp.topic}-${tp.partition}`;

/** The ongoing transaction an open producer on a partition belongs to, when its coordinator lists one. */
export function owningTransaction(rows: readonly TransactionRow[], producer: OpenProducer): TransactionRow | null {
  if (producer.transactionalId === null) return null;
  return rows.find((t) => t.transactionalId === producer.transactionalId && t.state === 'Ongoing') ?? null;
}

/**
 * The ABORT marker that `abortHanging` writes for one open producer on one partition. A producer
 * no marker has reached yet has coordinator epoch -1; a marker carries 0 then (as the broker, and
 * kafka-transactions.sh, write it).
 */
export function hangingMarker(p: HeldPartition, producer: OpenProducer): AbortHangingInput {
  return {
    topic: p.topic,
    partition: p.partition,
    producerId: producer.producerId,
    producerEpoch: producer.producerEpoch,
    coordinatorEpoch: Math.max(0, producer.coordinatorEpoch),
  };
}

/** The same abort with Kafka's own tool (KIP-664). */
export function abortHangingCommand(bootstrap: string, m: AbortHangingInput): string {
  return [
    `kafka-transactions.sh --bootstrap-server ${bootstrap} abort`,
    `--topic ${m.topic} --partition ${m.partition}`,
    `--producer-id ${m.producerId} --producer-epoch ${m.producerEpoch} --coordinator-epoch ${m.coordinatorEpoch}`,
  ].join(' ');
}
