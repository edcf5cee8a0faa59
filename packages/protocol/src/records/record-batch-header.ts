/**
 * Record batch v2 header, read and patched in place on byte slices (reference/implementation.html):
 *
 *   offset  field                 type    notes
 *   0       baseOffset            int64
 *   8       batchLength           int32   bytes after this field (so a batch is batchLength + 12 bytes)
 *   12      partitionLeaderEpoch  int32
 *   16      magic                 int8    2
 *   17      crc                   uint32  CRC-32C of bytes [21, end of batch)
 *   21      attributes            int16   bits 0-2 compression, 3 timestamp type, 4 transactional,
 *                                         5 control, 6 delete horizon (KIP-534)
 *   23      lastOffsetDelta       int32
 *   27      baseTimestamp         int64
 *   35      maxTimestamp          int64
 *   43      producerId            int64
 *   51      producerEpoch         int16
 *   53      baseSequence          int32
 *   57      recordsCount          int32
 *   61      records...                    compressed as a whole when the codec is not none
 *
 * baseOffset, batchLength and magic sit at the same place in the magic 0/1 message format, which is
 * how a log scan tells the formats apart. The broker's produce and fetch paths use only these helpers:
 * they never decode records (DESIGN.md decision 4).
 */
import { crc32c } from '@node-rs/crc32';

export const BASE_OFFSET_OFFSET = 0;
export const BATCH_LENGTH_OFFSET = 8;
export const PARTITION_LEADER_EPOCH_OFFSET = 12;
export const MAGIC_OFFSET = 16;
export const CRC_OFFSET = 17;
export const ATTRIBUTES_OFFSET = 21;
export const LAST_OFFSET_DELTA_OFFSET = 23;
export const BASE_TIMESTAMP_OFFSET = 27;
export const MAX_TIMESTAMP_OFFSET = 35;
export const PRODUCER_ID_OFFSET = 43;
export const PRODUCER_EPOCH_OFFSET = 51;
export const BASE_SEQUENCE_OFFSET = 53;
export const RECORDS_COUNT_OFFSET = 57;
export const RECORDS_OFFSET = 61;

/** baseOffset + batchLength: the part of every log entry (any magic) that precedes its length. */
export const LOG_OVERHEAD = 12;
/** Size of a v2 batch header, i.e. of a batch with no records. */
export const RECORD_BATCH_OVERHEAD = RECORDS_OFFSET;

export const COMPRESSION_CODEC_MASK = 0x07;
export const TIMESTAMP_TYPE_MASK = 0x08;
export const TRANSACTIONAL_FLAG_MASK = 0x10;
export const CONTROL_FLAG_MASK = 0x20;
export const DELETE_HORIZON_FLAG_MASK = 0x40;

export const NO_PRODUCER_ID = -1;
export const NO_PRODUCER_EPOCH = -1;
export const NO_SEQUENCE = -1;
export const NO_PARTITION_LEADER_EPOCH = -1;
export const NO_TIMESTAMP = -1;

export const TimestampType = { CREATE_TIME: 0, LOG_APPEND_TIME: 1 } as const;

/** Reads an int64 as a JS number. Offsets, timestamps and producer ids stay far below 2^53. */
export function readInt64(buf: Buffer, pos: number): number {
  return buf.readInt32BE(pos) * 4294967296 + buf.readUInt32BE(pos + 4);
}

const INT64_MAX_AS_NUMBER = 2 ** 63;

/**
 * Writes a JS number as an int64. Beyond 2^53 a number is approximate: a timestamp of
 * Long.MAX_VALUE (which Kafka accepts) reads back as 2^63, so values outside the int64 range are
 * clamped to it instead of overflowing.
 */
export function writeInt64(buf: Buffer, value: number, pos: number): void {
  if (value >= INT64_MAX_AS_NUMBER || value < -INT64_MAX_AS_NUMBER) {
    buf.writeBigInt64BE(value > 0 ? 0x7fffffffffffffffn : -0x8000000000000000n, pos);
    return;
  }
  const hi = Math.floor(value / 4294967296);
  buf.writeInt32BE(hi, pos);
  buf.writeUInt32BE(value - hi * 4294967296, pos + 4);
}

export interface RecordBatchHeader {
  baseOffset: number;
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  attributes: number;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordsCount: number;
}

/** Decodes the 61-byte v2 header at `pos` (the caller has checked that the bytes are there). */
export function readBatchHeader(buf: Buffer, pos = 0): RecordBatchHeader {
  return {
    baseOffset: readInt64(buf, pos + BASE_OFFSET_OFFSET),
    batchLength: buf.readInt32BE(pos + BATCH_LENGTH_OFFSET),
    partitionLeaderEpoch: buf.readInt32BE(pos + PARTITION_LEADER_EPOCH_OFFSET),
    magic: buf.readInt8(pos + MAGIC_OFFSET),
    crc: buf.readUInt32BE(pos + CRC_OFFSET),
    attributes: buf.readInt16BE(pos + ATTRIBUTES_OFFSET),
    lastOffsetDelta: buf.readInt32BE(pos + LAST_OFFSET_DELTA_OFFSET),
    baseTimestamp: readInt64(buf, pos + BASE_TIMESTAMP_OFFSET),
    maxTimestamp: readInt64(buf, pos + MAX_TIMESTAMP_OFFSET),
    producerId: readInt64(buf, pos + PRODUCER_ID_OFFSET),
    producerEpoch: buf.readInt16BE(pos + PRODUCER_EPOCH_OFFSET),
    baseSequence: buf.readInt32BE(pos + BASE_SEQUENCE_OFFSET),
    recordsCount: buf.readInt32BE(pos + RECORDS_COUNT_OFFSET),
  };
}

export function compressionCodecOf(attributes: number): number {
  return attributes & COMPRESSION_CODEC_MASK;
}
export function isTransactional(attributes: number): boolean {
  return (attributes & TRANSACTIONAL_FLAG_MASK) !== 0;
}
export function isControl(attributes: number): boolean {
  return (attributes & CONTROL_FLAG_MASK) !== 0;
}
export function timestampTypeOf(attributes: number): number {
  return (attributes & TIMESTAMP_TYPE_MASK) !== 0 ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME;
}

/** CRC-32C of a v2 batch as stored in its header: over attributes through the end of the batch. */
export function computeBatchCrc(buf: Buffer, pos: number, size: number): number {
  return crc32c(buf.subarray(pos + ATTRIBUTES_OFFSET, pos + size)) >>> 0;
}

export function isBatchCrcValid(buf: Buffer, pos: number, size: number): boolean {
  return computeBatchCrc(buf, pos, size) === buf.readUInt32BE(pos + CRC_OFFSET);
}

/** Recomputes and stores the CRC after a change to a covered field (attributes and later). */
export function writeBatchCrc(buf: Buffer, pos: number, size: number): void {
  buf.writeUInt32BE(computeBatchCrc(buf, pos, size), pos + CRC_OFFSET);
}

/**
 * The complete batches at the start of `buf` (a fetch response may end in a batch cut short by the
 * size limit, which a follower must not append): a slice of `buf`, headers only read.
 */
export function completeBatches(buf: Buffer): Buffer {
  let pos = 0;
  while (pos + LOG_OVERHEAD <= buf.length) {
    const size = buf.readInt32BE(pos + BATCH_LENGTH_OFFSET) + LOG_OVERHEAD;
    if (size < LOG_OVERHEAD || pos + size > buf.length) break;
    pos += size;
  }
  return buf.subarray(0, pos);
}

/** Records in the complete v2 batches of `buf`, from their headers (older formats count 0). */
export function countRecords(buf: Buffer): number {
  let n = 0;
  for (let pos = 0; pos + RECORDS_COUNT_OFFSET + 4 <= buf.length;) {
    const size = buf.readInt32BE(pos + BATCH_LENGTH_OFFSET) + LOG_OVERHEAD;
    if (size <= 0 || pos + size > buf.length) break;
    if (buf.readInt8(pos + MAGIC_OFFSET) === 2) n += buf.readInt32BE(pos + RECORDS_COUNT_OFFSET);
    pos += size;
  }
  return n;
}
