/**
 * The partition side of WriteTxnMarkers (Kafka's KafkaApis.handleWriteTxnMarkersRequest): a COMMIT or
 * ABORT control batch appended to each partition of a transaction that this broker leads, with
 * acks=all and origin 'coordinator' (the log checks the producer epoch and fences an older coordinator
 * epoch). A marker on a `__consumer_offsets` partition also completes the producer's pending offset
 * commits there: the group coordinator applies (COMMIT) or drops (ABORT) them.
 */
import { buildRecordBatch, ErrorCode } from '@tarn/protocol';
import { GROUP_METADATA_TOPIC_NAME } from '../metadata/topic-name';
import type { AppendResult } from '../replica/replica-manager';
import type { TopicPartition } from './transaction-metadata';

export type TxnResult = 'COMMIT' | 'ABORT';

export interface TxnMarker {
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  result: TxnResult;
  partitions: TopicPartition[];
}

/** Whoever keeps state that a transaction's end settles: the group coordinator's pending offsets. */
export interface TxnCompletionListener {
  onTxnCompletion(producerId: number, offsetsPartitions: readonly number[], result: TxnResult): void;
}

export interface MarkerAppender {
  /** The partition's KIP-890 verification guard for the producer goes with the marker. */
  getPartition(topic: string, partition: number): { clearVerification(producerId: number): void } | undefined;
  appendRecords(
    acks: number,
    timeoutMs: number,
    entries: Array<{ topic: string; partition: number; records: Buffer }>,
    origin: 'coordinator',
  ): Promise<AppendResult[]>;
}

const CONTROL_RECORD_VERSION = 0;
const MARKER_VALUE_VERSION = 0;

/**
 * One control batch holding one EndTransactionMarker record: key = version int16, type int16
 * (0 ABORT, 1 COMMIT); value = version int16, coordinator epoch int32. The log assigns its offset.
 */
export function endTxnMarkerBatch(marker: Omit<TxnMarker, 'partitions'>, timestamp: number): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(CONTROL_RECORD_VERSION, 0);
  key.writeInt16BE(marker.result === 'COMMIT' ? 1 : 0, 2);
  const value = Buffer.alloc(6);
  value.writeInt16BE(MARKER_VALUE_VERSION, 0);
  value.writeInt32BE(marker.coordinatorEpoch, 2);
  return buildRecordBatch([{ key, value, timestamp }], {
    now: timestamp,
    isControl: true,
    isTransactional: true,
    producerId: marker.producerId,
    producerEpoch: marker.producerEpoch,
  });
}

/** Appends the marker to each of its partitions here; the error code per partition (NONE when written). */
export async function appendTxnMarkers(
  appender: MarkerAppender,
  listener: TxnCompletionListener,
  marker: TxnMarker,
  timeoutMs: number,
  now: number = Date.now(),
): Promise<Array<{ tp: TopicPartition; error: number }>> {
  // a batch of its own per partition: the log assigns the offset and leader epoch in place, and the
  // write is queued, so one shared buffer would land in every partition with the last one's offset
  // in the same turn as the markers are appended: a write verified before them must not land after them
  for (const tp of marker.partitions) appender.getPartition(tp.topic, tp.partition)?.clearVerification(marker.producerId);
  const results = await appender.appendRecords(
    -1,
    timeoutMs,
    marker.partitions.map((tp) => ({ topic: tp.topic, partition: tp.partition, records: endTxnMarkerBatch(marker, now) })),
    'coordinator',
  );
  const offsetsPartitions = results
    .filter((r) => r.error === ErrorCode.NONE && r.topic === GROUP_METADATA_TOPIC_NAME)
    .map((r) => r.partition);
  if (offsetsPartitions.length > 0) listener.onTxnCompletion(marker.producerId, offsetsPartitions, marker.result);
  return results.map((r) => ({ tp: { topic: r.topic, partition: r.partition }, error: r.error }));
}
