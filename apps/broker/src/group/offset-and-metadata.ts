/**
 * A committed offset as the coordinator keeps it (Kafka's OffsetAndMetadata). Offsets stay bigint:
 * a client may commit any int64 and must read back exactly what it wrote.
 */
export interface OffsetAndMetadata {
  offset: bigint;
  /** -1 when the committer gave none. */
  leaderEpoch: number;
  metadata: string;
  commitTimestamp: number;
  /** Only commits made with an explicit retention time (OffsetCommit v2-4) carry one (value v1). */
  expireTimestamp: number | null;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

/** Map key of a topic-partition (topic names cannot contain a NUL). */
export const tpKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** A committed offset as a group holds it, with where its record landed in __consumer_offsets. */
export interface CommitRecord {
  tp: TopicPartition;
  /** null while the record is being appended */
  appendedBatchOffset: number | null;
  offsetAndMetadata: OffsetAndMetadata;
}
