/**
 * What producer state remembers of one appended batch (Kafka's BatchMetadata): its last sequence and
 * last offset, how many offsets it spans and its max timestamp. A retried batch whose sequence range
 * matches one of these is a duplicate and is answered with these offsets.
 *
 * Sequence numbers are int32 and wrap from Int32 max to 0 (DefaultRecordBatch.incrementSequence), so
 * first and last sequences are derived with wrapping arithmetic, never plain subtraction.
 */
import { NO_SEQUENCE } from '@tarn/protocol';

const INT32_MAX = 0x7fffffff;

export interface BatchMetadata {
  lastSeq: number;
  lastOffset: number;
  /** lastOffset - firstOffset. */
  offsetDelta: number;
  /** Max timestamp of the batch (the broker's time for LogAppendTime topics). */
  timestamp: number;
}

export function incrementSequence(sequence: number, increment: number): number {
  if (sequence > INT32_MAX - increment) return increment - (INT32_MAX - sequence) - 1;
  return sequence + increment;
}

export function decrementSequence(sequence: number, decrement: number): number {
  if (sequence < decrement) return INT32_MAX - (decrement - sequence) + 1;
  return sequence - decrement;
}

/** Last sequence of a batch from its base sequence and last offset delta (RecordBatch.lastSequence). */
export function lastSequenceOf(baseSequence: number, lastOffsetDelta: number): number {
  return baseSequence === NO_SEQUENCE ? NO_SEQUENCE : incrementSequence(baseSequence, lastOffsetDelta);
}

export function firstSeqOf(batch: BatchMetadata): number {
  return decrementSequence(batch.lastSeq, batch.offsetDelta);
}

export function firstOffsetOf(batch: BatchMetadata): number {
  return batch.lastOffset - batch.offsetDelta;
}
