/**
 * Magic 0 and 1 message sets (Kafka before 0.11), read for Produce v0-2 up-conversion and for logs
 * written with an old `message.format.version`:
 *
 *   offset int64, messageSize int32, crc uint32 (CRC-32 IEEE over magic..end), magic int8,
 *   attributes int8 (bits 0-2 codec: none, gzip, snappy, lz4; bit 3 LogAppendTime, magic 1 only),
 *   timestamp int64 (magic 1 only), key bytes (int32 length, -1 = null), value bytes
 *
 * A compressed message is a wrapper whose value is a compressed message set. In magic 1 the inner
 * offsets are relative (0..n-1) and the wrapper carries the absolute offset of the last inner message;
 * in magic 0 inner offsets are absolute.
 */
import { crc32 } from '@node-rs/crc32';
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';
import { CompressionType, decompress } from './compression';
import { LOG_OVERHEAD, NO_TIMESTAMP, TimestampType, readInt64 } from './record-batch-header';

export interface LegacyMessage {
  offset: number;
  magic: 0 | 1;
  /** Codec of the wrapper this message came from (none for a plain message). */
  codec: number;
  timestampType: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
}

/** Header bytes before the key: crc, magic, attributes (+ timestamp for magic 1). */
const MAGIC_OFFSET = LOG_OVERHEAD + 4;
const MIN_MESSAGE_SIZE_V0 = 4 + 1 + 1 + 4 + 4;
const MIN_MESSAGE_SIZE_V1 = MIN_MESSAGE_SIZE_V0 + 8;

function corrupt(message: string): never {
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, message);
}

function readBytes(buf: Buffer, pos: number, end: number): [Buffer | null, number] {
  if (pos + 4 > end) corrupt('message field truncated');
  const len = buf.readInt32BE(pos);
  pos += 4;
  if (len < 0) return [null, pos];
  if (pos + len > end) corrupt('message field overruns the message');
  return [buf.subarray(pos, pos + len), pos + len];
}

/** Size of the log entry at `pos` (messageSize + 12), checked against the buffer. */
export function legacyEntrySize(buf: Buffer, pos: number): number {
  if (buf.length - pos < LOG_OVERHEAD) corrupt('message shorter than its length prefix');
  const messageSize = buf.readInt32BE(pos + 8);
  if (messageSize < MIN_MESSAGE_SIZE_V0 || pos + LOG_OVERHEAD + messageSize > buf.length) {
    corrupt(`message size ${messageSize} does not fit the data`);
  }
  return messageSize + LOG_OVERHEAD;
}

export function isLegacyCrcValid(buf: Buffer, pos: number, size: number): boolean {
  return (crc32(buf.subarray(pos + MAGIC_OFFSET, pos + size)) >>> 0) === buf.readUInt32BE(pos + LOG_OVERHEAD);
}

/** Every message in a magic 0/1 set, with compressed wrappers expanded to their inner messages. */
export function decodeLegacyMessageSet(buf: Buffer, options: { verifyCrc?: boolean } = {}): LegacyMessage[] {
  const out: LegacyMessage[] = [];
  for (let pos = 0; pos < buf.length; ) {
    const size = legacyEntrySize(buf, pos);
    decodeEntry(buf, pos, size, options.verifyCrc !== false, out);
    pos += size;
  }
  return out;
}

function decodeEntry(buf: Buffer, pos: number, size: number, verifyCrc: boolean, out: LegacyMessage[]): void {
  const end = pos + size;
  if (verifyCrc && !isLegacyCrcValid(buf, pos, size)) corrupt('message CRC mismatch');
  const offset = readInt64(buf, pos);
  const magic = buf.readInt8(pos + MAGIC_OFFSET);
  if (magic !== 0 && magic !== 1) corrupt(`unexpected magic ${magic} in a message set`);
  if (magic === 1 && size - LOG_OVERHEAD < MIN_MESSAGE_SIZE_V1) corrupt('magic 1 message too short');
  const attributes = buf.readInt8(pos + MAGIC_OFFSET + 1);
  let p = pos + MAGIC_OFFSET + 2;
  let timestamp = NO_TIMESTAMP;
  let timestampType: number = TimestampType.CREATE_TIME;
  if (magic === 1) {
    timestamp = readInt64(buf, p);
    p += 8;
    if ((attributes & 0x08) !== 0) timestampType = TimestampType.LOG_APPEND_TIME;
  }
  const [key, afterKey] = readBytes(buf, p, end);
  const [value] = readBytes(buf, afterKey, end);
  const codec = attributes & 0x07;
  if (codec === CompressionType.NONE) {
    out.push({ offset, magic, codec, timestampType, timestamp, key, value });
    return;
  }
  if (codec > CompressionType.LZ4) corrupt(`codec ${codec} is not valid for magic ${magic}`);
  if (value === null) corrupt('compressed wrapper message without a value');
  const inner = decodeLegacyMessageSet(decompress(codec, value), { verifyCrc });
  const lastRelative = inner.length > 0 ? inner[inner.length - 1]!.offset : 0;
  for (const m of inner) {
    out.push({
      ...m,
      offset: magic === 1 ? offset - lastRelative + m.offset : m.offset,
      codec,
      // LogAppendTime on the wrapper applies to every inner message.
      timestamp: timestampType === TimestampType.LOG_APPEND_TIME ? timestamp : m.timestamp,
      timestampType,
    });
  }
}
