/**
 * Checks the record batches of an append and assigns their offsets in place (Kafka's LogValidator,
 * on byte slices). Headers are always checked; records are walked only where it is cheap
 * (uncompressed batches: a length walk) or required (compacted topics need a key on every record).
 * Errors are Kafka's: a lying length or bad CRC is CORRUPT_MESSAGE, a batch breaking the format's
 * rules is INVALID_RECORD, an oversize batch MESSAGE_TOO_LARGE, an append bigger than a segment
 * RECORD_LIST_TOO_LARGE. Nothing is modified unless every batch passes.
 */
import {
  ATTRIBUTES_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_LENGTH_OFFSET,
  CompressionType,
  ErrorCode,
  KafkaError,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORD_BATCH_OVERHEAD,
  RECORDS_COUNT_OFFSET,
  RECORDS_OFFSET,
  TIMESTAMP_TYPE_MASK,
  compressionCodecOf,
  DEFAULT_DECOMPRESSION_LIMIT,
  decompress,
  isBatchCrcValid,
  isControl,
  isTransactional,
  readInt64,
  readVarint,
  readVarlong,
  writeBatchCrc,
  writeInt64,
} from '@tarn/protocol';
import type { LogConfig } from './log-config';

/** Where an append comes from: clients get offsets assigned; replicas bring their own. */
export type AppendOrigin = 'client' | 'coordinator' | 'replication';

export interface BatchInfo {
  /** Position of the batch inside the appended buffer. */
  position: number;
  size: number;
  baseOffset: number;
  lastOffset: number;
  recordsCount: number;
  maxTimestamp: number;
  partitionLeaderEpoch: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  isTransactional: boolean;
  isControl: boolean;
}

export interface ValidatedAppend {
  batches: BatchInfo[];
  firstOffset: number;
  lastOffset: number;
  maxTimestamp: number;
  offsetOfMaxTimestamp: number;
  recordCount: number;
  sizeInBytes: number;
}

function corrupt(message: string): never {
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, message);
}
function invalid(message: string): never {
  throw new KafkaError(ErrorCode.INVALID_RECORD, message);
}

/** Walks the records of an uncompressed or decompressed payload: lengths must add up exactly. */
function walkRecords(payload: Buffer, count: number, requireKey: boolean): void {
  const c = { buf: payload, pos: 0 };
  for (let i = 0; i < count; i++) {
    const length = readVarint(c);
    const end = c.pos + length;
    if (length < 1 || end > payload.length) corrupt(`record ${i} length ${length} overruns the batch`);
    if (requireKey) {
      c.pos += 1;
      readVarlong(c);
      readVarint(c);
      if (readVarint(c) < 0) invalid('Compacted topic cannot accept message without key.');
    }
    c.pos = end;
  }
  if (c.pos !== payload.length) corrupt(`batch declares ${count} records but holds ${payload.length - c.pos} more bytes`);
}

/** Validates without modifying anything; returns what the append will need. */
export function validateBatches(records: Buffer, config: LogConfig, origin: AppendOrigin, nowMs: number): BatchInfo[] {
  if (records.length === 0) invalid('append with no record batches');
  if (records.length > config.segmentBytes) {
    throw new KafkaError(
      ErrorCode.RECORD_LIST_TOO_LARGE,
      `Message batch size is ${records.length} bytes which exceeds the maximum configured segment size of ${config.segmentBytes}.`,
    );
  }
  const batches: BatchInfo[] = [];
  for (let pos = 0; pos < records.length;) {
    const remaining = records.length - pos;
    if (remaining < LOG_OVERHEAD + 5) corrupt(`${remaining} trailing bytes are not a record batch`);
    const size = records.readInt32BE(pos + BATCH_LENGTH_OFFSET) + LOG_OVERHEAD;
    const magic = records.readInt8(pos + MAGIC_OFFSET);
    // An old-format message set is a known format in the wrong place; anything else that does not
    // even fit its own length is corrupt.
    if (magic === 0 || magic === 1) invalid(`magic ${magic} message sets must be up-converted before they are appended`);
    if (size < RECORD_BATCH_OVERHEAD) corrupt(`record batch length ${size} is below the minimum of ${RECORD_BATCH_OVERHEAD}`);
    if (size > remaining) corrupt(`record batch claims ${size} bytes but only ${remaining} remain`);
    if (magic !== 2) invalid(`record batch magic ${magic} is not supported; only magic 2 is stored`);
    if (size > config.maxMessageBytes && origin !== 'replication') {
      throw new KafkaError(
        ErrorCode.MESSAGE_TOO_LARGE,
        `The record batch size ${size} exceeds max.message.bytes (${config.maxMessageBytes}).`,
      );
    }
    if (!isBatchCrcValid(records, pos, size)) corrupt('Record batch is corrupt (stored crc does not match the computed crc)');
    const attributes = records.readInt16BE(pos + ATTRIBUTES_OFFSET);
    const lastOffsetDelta = records.readInt32BE(pos + LAST_OFFSET_DELTA_OFFSET);
    const count = records.readInt32BE(pos + RECORDS_COUNT_OFFSET);
    const baseOffset = readInt64(records, pos);
    if (lastOffsetDelta < 0) invalid(`Batch has an invalid offset range: lastOffsetDelta ${lastOffsetDelta}`);
    // A replica copies what its leader holds, and a cleaned log holds empty batches (the header of
    // a producer's last batch, kept for its sequence): only new writes must carry records.
    if (count <= 0 && origin !== 'replication') invalid(`Invalid reported count for record batch: ${count}`);
    if (origin !== 'replication' && count !== lastOffsetDelta + 1) {
      invalid(`Inconsistent batch offset range [0, ${lastOffsetDelta}] and count of records ${count}`);
    }
    const control = isControl(attributes);
    if (control && origin === 'client') invalid('Clients are not allowed to write control records');
    const producerId = readInt64(records, pos + PRODUCER_ID_OFFSET);
    const baseSequence = records.readInt32BE(pos + BASE_SEQUENCE_OFFSET);
    if (producerId >= 0 && baseSequence < 0 && origin === 'client') invalid('Invalid sequence number for idempotent batch: -1');
    const codec = compressionCodecOf(attributes);
    if (codec > CompressionType.ZSTD) invalid(`unknown compression codec ${codec}`);
    const requireKey = config.cleanupPolicy.compact && !control && origin === 'client';
    // Every client batch is walked record by record, compressed ones decompressed (bounded), as
    // Kafka's LogValidator streams through them: a batch whose records do not add up — or a
    // "bomb" that inflates past the limit — is refused here rather than served to consumers. A
    // replica's batches were checked on the leader; the CRC still guards the copy.
    if (origin !== 'replication' || requireKey) {
      const inflated = decompress(
        codec,
        records.subarray(pos + RECORDS_OFFSET, pos + size),
        Math.max(DEFAULT_DECOMPRESSION_LIMIT, config.maxMessageBytes),
      );
      walkRecords(inflated, count, requireKey);
    }
    const maxTimestamp = readInt64(records, pos + MAX_TIMESTAMP_OFFSET);
    if (config.messageTimestampType === 'CreateTime' && origin === 'client') {
      const baseTimestamp = readInt64(records, pos + BASE_TIMESTAMP_OFFSET);
      if (baseTimestamp >= 0 && nowMs - baseTimestamp > config.messageTimestampBeforeMaxMs) {
        throw new KafkaError(ErrorCode.INVALID_TIMESTAMP, `Timestamp ${baseTimestamp} is out of range (message.timestamp.before.max.ms)`);
      }
      if (maxTimestamp - nowMs > config.messageTimestampAfterMaxMs) {
        throw new KafkaError(ErrorCode.INVALID_TIMESTAMP, `Timestamp ${maxTimestamp} is out of range (message.timestamp.after.max.ms)`);
      }
    }
    batches.push({
      position: pos,
      size,
      baseOffset,
      lastOffset: baseOffset + lastOffsetDelta,
      recordsCount: count,
      maxTimestamp,
      partitionLeaderEpoch: records.readInt32BE(pos + PARTITION_LEADER_EPOCH_OFFSET),
      producerId,
      producerEpoch: records.readInt16BE(pos + PRODUCER_EPOCH_OFFSET),
      baseSequence,
      isTransactional: isTransactional(attributes),
      isControl: control,
    });
    pos += size;
  }
  return batches;
}

/**
 * Assigns offsets from `nextOffset` and stamps the leader epoch, in place (neither field is
 * covered by the CRC). LogAppendTime topics get the broker's time as max timestamp, which is
 * covered, so the CRC is recomputed for them.
 */
export function assignOffsets(
  records: Buffer,
  batches: BatchInfo[],
  nextOffset: number,
  leaderEpoch: number,
  config: LogConfig,
  nowMs: number,
): void {
  let offset = nextOffset;
  for (const b of batches) {
    const delta = b.lastOffset - b.baseOffset;
    writeInt64(records, offset, b.position);
    records.writeInt32BE(leaderEpoch, b.position + PARTITION_LEADER_EPOCH_OFFSET);
    b.baseOffset = offset;
    b.lastOffset = offset + delta;
    b.partitionLeaderEpoch = leaderEpoch;
    if (config.messageTimestampType === 'LogAppendTime') {
      const attributes = records.readInt16BE(b.position + ATTRIBUTES_OFFSET);
      records.writeInt16BE(attributes | TIMESTAMP_TYPE_MASK, b.position + ATTRIBUTES_OFFSET);
      writeInt64(records, nowMs, b.position + MAX_TIMESTAMP_OFFSET);
      writeBatchCrc(records, b.position, b.size);
      b.maxTimestamp = nowMs;
    }
    offset = b.lastOffset + 1;
  }
}

/** Sums up batches for the append result. */
export function summarize(batches: readonly BatchInfo[]): ValidatedAppend {
  let maxTimestamp = -1;
  let offsetOfMaxTimestamp = -1;
  let recordCount = 0;
  let sizeInBytes = 0;
  for (const b of batches) {
    if (b.maxTimestamp > maxTimestamp) {
      maxTimestamp = b.maxTimestamp;
      offsetOfMaxTimestamp = b.lastOffset;
    }
    recordCount += b.recordsCount;
    sizeInBytes += b.size;
  }
  return {
    batches: batches as BatchInfo[],
    firstOffset: batches[0]!.baseOffset,
    lastOffset: batches[batches.length - 1]!.lastOffset,
    maxTimestamp,
    offsetOfMaxTimestamp,
    recordCount,
    sizeInBytes,
  };
}
