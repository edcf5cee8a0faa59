/**
 * One batch being filled for a partition, then sent (and maybe resent) as a v2 record batch: the
 * records, the callers waiting on them, and the idempotence fields it was sent with (Kafka's
 * ProducerBatch). The batch is encoded once, with @tarn/protocol's encoder; a retry under a new
 * producer epoch or sequence rewrites those header fields and the CRC in place instead of
 * re-encoding (and re-compressing) the records.
 */
import {
  BASE_SEQUENCE_OFFSET,
  NO_SEQUENCE,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  buildRecordBatch,
  writeBatchCrc,
  writeInt64,
  type CompressionType,
  type RecordInput,
} from '@tarn/protocol';

export interface RecordMetadata {
  topic: string;
  partition: number;
  /** The record's offset; -1 with acks=0 (no answer) or when the broker answered an old duplicate without offsets. */
  offset: number;
  /** CreateTime as sent, or the broker's LogAppendTime for topics that use it. */
  timestamp: number;
}

export type Completion = (err: Error | null, metadata: RecordMetadata | null) => void;

/** Bytes a v2 batch spends outside its records (Kafka's RECORD_BATCH_OVERHEAD). */
export const BATCH_OVERHEAD = 61;

/** An upper bound of a record's encoded size (lengths as 5-byte varints, as Kafka's estimate does). */
export function estimateRecordSize(
  key: Buffer | null,
  value: Buffer | null,
  headers: ReadonlyArray<{ key: string; value: Buffer | null }>,
): number {
  let size = 21 + (key?.length ?? 0) + (value?.length ?? 0) + 5;
  for (const h of headers) size += 10 + Buffer.byteLength(h.key) + (h.value?.length ?? 0);
  return size;
}

export class ProducerBatch {
  readonly records: RecordInput[] = [];
  readonly timestamps: number[] = [];
  readonly completions: Completion[] = [];
  /** Estimated encoded size, records plus the batch overhead. */
  sizeBytes = BATCH_OVERHEAD;
  /** Bytes reserved from buffer.memory for this batch, released when it completes. */
  reservedBytes = 0;
  /** No more records go in (it was drained, or it is full). */
  closed = false;
  attempts = 0;
  /** When a retry may be sent (retry.backoff.ms after a failure). */
  retryAtMs = 0;
  producerId = -1;
  producerEpoch = -1;
  baseSequence = NO_SEQUENCE;
  private encoded: Buffer | null = null;
  private finished = false;
  private doneWaiters: Array<() => void> = [];

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly createdMs: number,
  ) {}

  get recordCount(): number {
    return this.records.length;
  }

  get isRetry(): boolean {
    return this.attempts > 0;
  }

  get hasSequence(): boolean {
    return this.baseSequence !== NO_SEQUENCE;
  }

  /** Adds a record if it fits in `batchSize` (a first record always fits); false means open a new batch. */
  tryAppend(record: RecordInput, timestamp: number, size: number, batchSize: number, completion: Completion): boolean {
    if (this.closed || (this.records.length > 0 && this.sizeBytes + size > batchSize)) return false;
    this.records.push(record);
    this.timestamps.push(timestamp);
    this.completions.push(completion);
    this.sizeBytes += size;
    return true;
  }

  /** The batch's bytes for a ProduceRequest, with the producer fields it is sent under. */
  encode(compression: CompressionType, transactional: boolean): Buffer {
    if (this.encoded === null) {
      this.encoded = buildRecordBatch(this.records, {
        compression,
        producerId: this.producerId,
        producerEpoch: this.producerEpoch,
        baseSequence: this.baseSequence,
        isTransactional: transactional,
      });
      return this.encoded;
    }
    const buf = this.encoded;
    writeInt64(buf, this.producerId, PRODUCER_ID_OFFSET);
    buf.writeInt16BE(this.producerEpoch, PRODUCER_EPOCH_OFFSET);
    buf.writeInt32BE(this.baseSequence, BASE_SEQUENCE_OFFSET);
    writeBatchCrc(buf, 0, buf.length);
    return buf;
  }

  /** Exact size once encoded, the estimate before. */
  get wireSize(): number {
    return this.encoded?.length ?? this.sizeBytes;
  }

  /** Completes every record: offsets from the base offset, or the error for all. */
  complete(err: Error | null, baseOffset = -1, logAppendTime = -1): void {
    if (this.finished) return;
    this.finished = true;
    for (const w of this.doneWaiters.splice(0)) w();
    for (let i = 0; i < this.completions.length; i++) {
      const cb = this.completions[i]!;
      if (err !== null) cb(err, null);
      else
        cb(null, {
          topic: this.topic,
          partition: this.partition,
          offset: baseOffset < 0 ? -1 : baseOffset + i,
          timestamp: logAppendTime >= 0 ? logAppendTime : this.timestamps[i]!,
        });
    }
  }

  get isDone(): boolean {
    return this.finished;
  }

  /** Resolves once every record of the batch is completed (either way). */
  whenDone(): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => this.doneWaiters.push(resolve));
  }
}
