/**
 * The consumer's position is not in the partition's log, and `auto.offset.reset=none` forbids
 * choosing another (Kafka's OffsetOutOfRangeException and its subclass LogTruncationException).
 * Both keep Kafka's error code OFFSET_OUT_OF_RANGE as their `name`/`code`; the application seeks
 * (for a truncation, typically to the divergent offset) and polls again.
 */
import { ErrorCode, KafkaError } from '../errors';
import type { TopicPartition } from './assignors/types';

export interface PartitionFetchOffset extends TopicPartition {
  /** The position (fetch offset) that was found out of range or truncated. */
  offset: number;
}

export interface DivergentOffset extends TopicPartition {
  /** The first offset known to diverge: the new leader's end offset for the position's epoch. */
  offset: number;
  /** The epoch that offset ends. */
  leaderEpoch: number;
}

/** A fetch answered OFFSET_OUT_OF_RANGE and there is no reset policy (Kafka's OffsetOutOfRangeException). */
export class OffsetOutOfRangeError extends KafkaError {
  constructor(
    message: string,
    /** Kafka's offsetOutOfRangePartitions(): each partition with the fetch offset that was out of range. */
    readonly offsetOutOfRangePartitions: PartitionFetchOffset[],
  ) {
    super(ErrorCode.OFFSET_OUT_OF_RANGE, message);
  }

  override get retriable(): boolean {
    return false;
  }
}

/**
 * Validation after a leader change found the new leader's log ends before the position: records the
 * consumer already read are gone, replaced or about to be (an unclean leader election). Kafka's
 * LogTruncationException; `divergentOffsets` lists where each partition's log diverges, where known
 * (none when the new leader knows nothing of the position's epoch).
 */
export class LogTruncationError extends OffsetOutOfRangeError {
  constructor(
    message: string,
    fetchOffsets: PartitionFetchOffset[],
    /** Kafka's divergentOffsets(). */
    readonly divergentOffsets: DivergentOffset[],
  ) {
    super(message, fetchOffsets);
  }
}
