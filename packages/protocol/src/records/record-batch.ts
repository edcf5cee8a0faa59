/**
 * Whole v2 record batches: decode (with decompression) and build. The header layout lives in
 * record-batch-header.ts. Use these where records really are needed — compaction, the coordinator,
 * the console, tests — never on the broker's produce/fetch byte path.
 */
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';
import { compress, decompress, CompressionType } from './compression';
import { readRecord, prepareRecord, encodedRecordSize, writeRecord, type Record, type RecordInput } from './record';
import {
  ATTRIBUTES_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_LENGTH_OFFSET,
  CONTROL_FLAG_MASK,
  DELETE_HORIZON_FLAG_MASK,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  NO_PARTITION_LEADER_EPOCH,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORDS_COUNT_OFFSET,
  RECORDS_OFFSET,
  TIMESTAMP_TYPE_MASK,
  TRANSACTIONAL_FLAG_MASK,
  TimestampType,
  compressionCodecOf,
  isBatchCrcValid,
  readBatchHeader,
  timestampTypeOf,
  writeBatchCrc,
  writeInt64,
  type RecordBatchHeader,
} from './record-batch-header';

export interface RecordBatch {
  header: RecordBatchHeader;
  records: Record[];
}

function corrupt(message: string): never {
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, message);
}

/** Size of the batch starting at `pos` (batchLength + 12), after checking the bytes are there. */
export function batchSizeAt(buf: Buffer, pos = 0): number {
  if (buf.length - pos < LOG_OVERHEAD) corrupt('batch shorter than its length prefix');
  const size = buf.readInt32BE(pos + BATCH_LENGTH_OFFSET) + LOG_OVERHEAD;
  if (size < RECORDS_OFFSET || pos + size > buf.length) corrupt(`batch length ${size} does not fit the data`);
  return size;
}

/** Decodes the v2 batch at `pos`: header, CRC check, decompression, every record. */
export function decodeRecordBatch(buf: Buffer, pos = 0, options: { verifyCrc?: boolean } = {}): RecordBatch {
  const size = batchSizeAt(buf, pos);
  const magic = buf.readInt8(pos + MAGIC_OFFSET);
  if (magic !== 2) corrupt(`expected a magic 2 batch, found magic ${magic}`);
  if (options.verifyCrc !== false && !isBatchCrcValid(buf, pos, size)) corrupt('record batch CRC mismatch');
  const header = readBatchHeader(buf, pos);
  const payload = decompress(compressionCodecOf(header.attributes), buf.subarray(pos + RECORDS_OFFSET, pos + size));
  const override = timestampTypeOf(header.attributes) === TimestampType.LOG_APPEND_TIME ? header.maxTimestamp : null;
  const records: Record[] = [];
  const cursor = { buf: payload, pos: 0 };
  for (let i = 0; i < header.recordsCount; i++) {
    records.push(readRecord(cursor, header.baseOffset, header.baseTimestamp, override));
  }
  if (cursor.pos !== payload.length) corrupt(`${payload.length - cursor.pos} bytes follow the last record`);
  return { header, records };
}

/** Every batch in a buffer of concatenated v2 batches (e.g. a produce request's records field). */
export function* decodeRecordBatches(buf: Buffer): Generator<RecordBatch> {
  for (let pos = 0; pos < buf.length; pos += batchSizeAt(buf, pos)) yield decodeRecordBatch(buf, pos);
}

export interface BatchOptions {
  baseOffset?: number;
  partitionLeaderEpoch?: number;
  compression?: number;
  timestampType?: number;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  isTransactional?: boolean;
  isControl?: boolean;
  /** Record offset deltas; defaults to 0..n-1. Compaction keeps the original deltas. */
  offsetDeltas?: readonly number[];
  /** Overrides lastOffsetDelta (compaction keeps a batch's original last offset). */
  lastOffsetDelta?: number;
  /** Timestamp used when a record has none; defaults to now. */
  now?: number;
  /** maxTimestamp for LogAppendTime batches. */
  logAppendTime?: number;
  /**
   * KIP-534: when the cleaner may drop this batch's tombstones. Stored as the base timestamp with
   * attribute bit 6 set; record timestamp deltas are relative to it so timestamps stay exact.
   */
  deleteHorizonMs?: number;
}

/** Builds one v2 batch with a valid CRC. */
export function buildRecordBatch(records: readonly RecordInput[], options: BatchOptions = {}): Buffer {
  const now = options.now ?? Date.now();
  const timestamps = records.map((r) => r.timestamp ?? now);
  const baseTimestamp = options.deleteHorizonMs ?? (timestamps.length > 0 ? timestamps[0]! : now);
  let maxTimestamp = timestamps.length > 0 ? Math.max(...timestamps) : -1;
  const deltas = options.offsetDeltas ?? records.map((_, i) => i);
  const prepared = records.map((r, i) => prepareRecord(r, deltas[i]!, timestamps[i]! - baseTimestamp));
  const codec = options.compression ?? CompressionType.NONE;

  let body: Buffer = Buffer.allocUnsafe(prepared.reduce((n, r) => n + encodedRecordSize(r), 0));
  let pos = 0;
  for (const r of prepared) pos = writeRecord(body, r, pos);
  if (codec !== CompressionType.NONE) body = compress(codec, body);

  const timestampType = options.timestampType ?? TimestampType.CREATE_TIME;
  if (timestampType === TimestampType.LOG_APPEND_TIME) maxTimestamp = options.logAppendTime ?? now;
  let attributes = codec;
  if (timestampType === TimestampType.LOG_APPEND_TIME) attributes |= TIMESTAMP_TYPE_MASK;
  if (options.isTransactional) attributes |= TRANSACTIONAL_FLAG_MASK;
  if (options.isControl) attributes |= CONTROL_FLAG_MASK;
  if (options.deleteHorizonMs !== undefined) attributes |= DELETE_HORIZON_FLAG_MASK;

  const size = RECORDS_OFFSET + body.length;
  const out = Buffer.allocUnsafe(size);
  writeInt64(out, options.baseOffset ?? 0, 0);
  out.writeInt32BE(size - LOG_OVERHEAD, BATCH_LENGTH_OFFSET);
  out.writeInt32BE(options.partitionLeaderEpoch ?? NO_PARTITION_LEADER_EPOCH, PARTITION_LEADER_EPOCH_OFFSET);
  out.writeInt8(2, MAGIC_OFFSET);
  out.writeInt16BE(attributes, ATTRIBUTES_OFFSET);
  out.writeInt32BE(options.lastOffsetDelta ?? (deltas.length > 0 ? deltas[deltas.length - 1]! : 0), LAST_OFFSET_DELTA_OFFSET);
  writeInt64(out, baseTimestamp, BASE_TIMESTAMP_OFFSET);
  writeInt64(out, maxTimestamp, MAX_TIMESTAMP_OFFSET);
  writeInt64(out, options.producerId ?? NO_PRODUCER_ID, PRODUCER_ID_OFFSET);
  out.writeInt16BE(options.producerEpoch ?? NO_PRODUCER_EPOCH, PRODUCER_EPOCH_OFFSET);
  out.writeInt32BE(options.baseSequence ?? NO_SEQUENCE, BASE_SEQUENCE_OFFSET);
  out.writeInt32BE(records.length, RECORDS_COUNT_OFFSET);
  body.copy(out, RECORDS_OFFSET);
  writeBatchCrc(out, 0, size);
  return out;
}
