/**
 * One batch being filled for a partition, then sent (and maybe resent) as a v2 record batch (Kafka's
 * ProducerBatch + MemoryRecordsBuilder): each record is encoded into the batch's buffer as it is
 * appended (offset delta = its index, timestamp delta from the first record), so a batch holds bytes,
 * not record objects. When drained the body is compressed once and the 61-byte header written
 * around it; a retry under a new producer epoch or sequence rewrites those header fields and the CRC
 * in place, without re-encoding or re-compressing.
 */
import {
  ATTRIBUTES_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_LENGTH_OFFSET,
  CompressionType,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  NO_PARTITION_LEADER_EPOCH,
  NO_SEQUENCE,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORDS_COUNT_OFFSET,
  RECORDS_OFFSET,
  TRANSACTIONAL_FLAG_MASK,
  compress,
  encodedSizeOfBody,
  recordBodySize,
  recordFieldsSize,
  writeBatchCrc,
  writeInt64,
  writeRecordParts,
  type EncodedHeader,
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

/** A record ready to append: its fields as bytes and what they take encoded (computed once, at send). */
export interface AppendRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: ReadonlyArray<EncodedHeader>;
  fieldsSize: number;
}

export function appendRecord(key: Buffer | null, value: Buffer | null, headers: ReadonlyArray<EncodedHeader> = []): AppendRecord {
  return { key, value, headers, fieldsSize: recordFieldsSize(key, value, headers) };
}

/** Bytes a v2 batch spends outside its records (Kafka's RECORD_BATCH_OVERHEAD). */
export const BATCH_OVERHEAD = RECORDS_OFFSET;

export class ProducerBatch {
  readonly completions: Completion[] = [];
  /** Each record's timestamp, for its RecordMetadata. */
  readonly timestamps: number[] = [];
  /** The batch being built: room for its header, then the records (written as appended). */
  private body: Buffer;
  /** Bytes of records in `body`, after the header's RECORDS_OFFSET bytes. */
  private bodyLength = 0;
  private baseTimestamp = 0;
  private maxTimestamp = -1;
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
    capacity: number,
  ) {
    this.body = Buffer.allocUnsafe(Math.max(RECORDS_OFFSET + 64, capacity));
  }

  get recordCount(): number {
    return this.completions.length;
  }

  get isRetry(): boolean {
    return this.attempts > 0;
  }

  get hasSequence(): boolean {
    return this.baseSequence !== NO_SEQUENCE;
  }

  /** Estimated size on the wire (exact before compression). */
  get sizeBytes(): number {
    return this.encoded?.length ?? RECORDS_OFFSET + this.bodyLength;
  }

  /**
   * Encodes the record into the batch if it fits in `batchSize` (a first record always fits);
   * returns its encoded size, or -1 when a new batch is needed.
   */
  tryAppend(record: AppendRecord, timestamp: number, batchSize: number, completion: Completion): number {
    if (this.closed) return -1;
    const offsetDelta = this.completions.length;
    if (offsetDelta === 0) this.baseTimestamp = timestamp;
    const timestampDelta = timestamp - this.baseTimestamp;
    const bodySize = recordBodySize(offsetDelta, timestampDelta, record.fieldsSize);
    const size = encodedSizeOfBody(bodySize);
    const end = RECORDS_OFFSET + this.bodyLength;
    if (offsetDelta > 0 && end + size > batchSize) return -1;
    if (end + size > this.body.length) {
      const grown = Buffer.allocUnsafe(Math.max(end + size, this.body.length * 2));
      this.body.copy(grown, 0, 0, end);
      this.body = grown;
    }
    const { key, value, headers } = record;
    this.bodyLength = writeRecordParts(this.body, end, bodySize, offsetDelta, timestampDelta, key, value, headers) - RECORDS_OFFSET;
    if (timestamp > this.maxTimestamp) this.maxTimestamp = timestamp;
    this.completions.push(completion);
    this.timestamps.push(timestamp);
    return size;
  }

  /**
   * The batch's bytes for a ProduceRequest, with the producer fields it is sent under. Uncompressed,
   * the header is written in front of the records where they are (no copy, unless the batch is
   * under half full).
   */
  encode(compression: number, transactional: boolean): Buffer {
    if (this.encoded === null) {
      let out: Buffer;
      if (compression === CompressionType.NONE) {
        out = this.body.subarray(0, RECORDS_OFFSET + this.bodyLength);
        // a batch sent half empty (linger.ms passed) would keep its whole buffer until acknowledged
        if (out.length < this.body.length / 2) out = Buffer.from(out);
      } else {
        const records = compress(compression, this.body.subarray(RECORDS_OFFSET, RECORDS_OFFSET + this.bodyLength));
        out = Buffer.allocUnsafe(RECORDS_OFFSET + records.length);
        records.copy(out, RECORDS_OFFSET);
      }
      writeInt64(out, 0, 0);
      out.writeInt32BE(out.length - LOG_OVERHEAD, BATCH_LENGTH_OFFSET);
      out.writeInt32BE(NO_PARTITION_LEADER_EPOCH, PARTITION_LEADER_EPOCH_OFFSET);
      out.writeInt8(2, MAGIC_OFFSET);
      out.writeInt16BE(compression | (transactional ? TRANSACTIONAL_FLAG_MASK : 0), ATTRIBUTES_OFFSET);
      out.writeInt32BE(this.completions.length - 1, LAST_OFFSET_DELTA_OFFSET);
      writeInt64(out, this.baseTimestamp, BASE_TIMESTAMP_OFFSET);
      writeInt64(out, this.maxTimestamp, MAX_TIMESTAMP_OFFSET);
      out.writeInt32BE(this.completions.length, RECORDS_COUNT_OFFSET);
      this.encoded = out;
      this.body = EMPTY; // the records now live in `encoded`
    }
    const buf = this.encoded;
    writeInt64(buf, this.producerId, PRODUCER_ID_OFFSET);
    buf.writeInt16BE(this.producerEpoch, PRODUCER_EPOCH_OFFSET);
    buf.writeInt32BE(this.baseSequence, BASE_SEQUENCE_OFFSET);
    writeBatchCrc(buf, 0, buf.length);
    return buf;
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

const EMPTY = Buffer.alloc(0);
