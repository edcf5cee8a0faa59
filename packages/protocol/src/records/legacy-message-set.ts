/**
 * Magic 0 and 1 message sets (Kafka before 0.11): read for Produce v0-2 up-conversion and for logs
 * written with an old `message.format.version`, written for Fetch v0-3 down-conversion.
 *
 *   offset int64, messageSize int32 (bytes after this field), crc uint32 (CRC-32 IEEE over magic..end),
 *   magic int8, attributes int8 (bits 0-2 codec: none, gzip, snappy, lz4; bit 3 LogAppendTime, magic 1
 *   only), timestamp int64 (magic 1 only), key bytes (int32 length, -1 = null), value bytes (same)
 *
 * Each log entry is one message. A compressed message is a wrapper: key null, value = an inner
 * message set compressed with the wrapper's codec (legacy-compression.ts), inner messages
 * uncompressed. The wrapper carries the offset of the LAST inner message. In magic 1 inner offsets
 * are relative (0..n-1; absolute = wrapper offset - last inner offset + inner offset), except that a
 * wrapper offset of 0 means "relative to 0" (some librdkafka versions produce that); in magic 0 inner
 * offsets are absolute. A magic 1 wrapper's timestamp is the largest inner timestamp (CreateTime) or,
 * with the LogAppendTime bit, the time that applies to every inner message.
 *
 * Writing follows Kafka's MemoryRecordsBuilder so that converted data matches Kafka's byte for byte
 * wherever the compressor's output does.
 */
import { crc32 } from '@node-rs/crc32';
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';
import { CompressionType } from './compression';
import { compressLegacy, decompressLegacy } from './legacy-compression';
import { LOG_OVERHEAD, NO_TIMESTAMP, TimestampType, readInt64, writeInt64 } from './record-batch-header';

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

/** Where a key and a value sit in some buffer; length -1 = null. */
export interface KeyValueSlice {
  keyPos: number;
  keyLength: number;
  valuePos: number;
  valueLength: number;
}

/** One log entry's fields, read in place. Scans reuse one view, so they allocate nothing per message. */
export interface LegacyMessageView extends KeyValueSlice {
  offset: number;
  /** Entry size including offset and messageSize. */
  size: number;
  magic: number;
  attributes: number;
  /** As stored; NO_TIMESTAMP for magic 0. */
  timestamp: number;
}

export const LEGACY_CRC_OFFSET = LOG_OVERHEAD;
export const LEGACY_MAGIC_OFFSET = LOG_OVERHEAD + 4;
export const LEGACY_ATTRIBUTES_OFFSET = LEGACY_MAGIC_OFFSET + 1;
export const LEGACY_TIMESTAMP_OFFSET = LEGACY_ATTRIBUTES_OFFSET + 1;
/** Kafka's LegacyRecord.RECORD_OVERHEAD_V0/V1: messageSize of a message with null key and value. */
export const LEGACY_RECORD_OVERHEAD_V0 = 4 + 1 + 1 + 4 + 4;
export const LEGACY_RECORD_OVERHEAD_V1 = LEGACY_RECORD_OVERHEAD_V0 + 8;
export const LEGACY_TIMESTAMP_TYPE_MASK = 0x08;

function corrupt(message: string): never {
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, message);
}

function invalid(message: string): never {
  throw new KafkaError(ErrorCode.INVALID_RECORD, message);
}

export function newLegacyMessageView(): LegacyMessageView {
  return { offset: 0, size: 0, magic: 0, attributes: 0, timestamp: NO_TIMESTAMP, keyPos: 0, keyLength: -1, valuePos: 0, valueLength: -1 };
}

/** Size of the log entry at `pos` (messageSize + 12), checked against the buffer. */
export function legacyEntrySize(buf: Buffer, pos: number): number {
  if (buf.length - pos < LOG_OVERHEAD) corrupt('message shorter than its length prefix');
  const messageSize = buf.readInt32BE(pos + 8);
  if (messageSize < LEGACY_RECORD_OVERHEAD_V0 || pos + LOG_OVERHEAD + messageSize > buf.length) {
    corrupt(`message size ${messageSize} does not fit the data`);
  }
  return messageSize + LOG_OVERHEAD;
}

/**
 * Size of the entry (any magic) at `pos`, or 0 when the buffer ends inside it: Kafka's readers stop
 * there without an error (ByteBufferLogInputStream, DataLogInputStream). A size below the smallest
 * message is corrupt.
 */
export function completeEntrySize(buf: Buffer, pos: number): number {
  if (buf.length - pos < LOG_OVERHEAD) return 0;
  const messageSize = buf.readInt32BE(pos + 8);
  if (messageSize < LEGACY_RECORD_OVERHEAD_V0) corrupt(`entry size ${messageSize} is below the minimum ${LEGACY_RECORD_OVERHEAD_V0}`);
  return pos + LOG_OVERHEAD + messageSize > buf.length ? 0 : messageSize + LOG_OVERHEAD;
}

export function isLegacyCrcValid(buf: Buffer, pos: number, size: number): boolean {
  return crc32(buf.subarray(pos + LEGACY_MAGIC_OFFSET, pos + size)) >>> 0 === buf.readUInt32BE(pos + LEGACY_CRC_OFFSET);
}

function readLength(buf: Buffer, pos: number, end: number): number {
  if (pos + 4 > end) corrupt('message field truncated');
  const len = buf.readInt32BE(pos);
  if (len < -1 || pos + 4 + Math.max(len, 0) > end) corrupt(`message field length ${len} overruns the message`);
  return len;
}

/** Reads the magic 0/1 entry of `size` bytes at `pos` into `view`. Bytes after the value are ignored, as Kafka does. */
export function readLegacyMessage(buf: Buffer, pos: number, size: number, view: LegacyMessageView): void {
  const end = pos + size;
  const magic = buf.readInt8(pos + LEGACY_MAGIC_OFFSET);
  if (magic !== 0 && magic !== 1) corrupt(`unexpected magic ${magic} in a message set`);
  if (size - LOG_OVERHEAD < (magic === 0 ? LEGACY_RECORD_OVERHEAD_V0 : LEGACY_RECORD_OVERHEAD_V1))
    corrupt(`magic ${magic} message too short`);
  view.offset = readInt64(buf, pos);
  view.size = size;
  view.magic = magic;
  view.attributes = buf[pos + LEGACY_ATTRIBUTES_OFFSET]!;
  let p = pos + LEGACY_TIMESTAMP_OFFSET;
  if (magic === 1) {
    view.timestamp = readInt64(buf, p);
    p += 8;
  } else {
    view.timestamp = NO_TIMESTAMP;
  }
  view.keyLength = readLength(buf, p, end);
  view.keyPos = p + 4;
  p = view.keyPos + Math.max(view.keyLength, 0);
  view.valueLength = readLength(buf, p, end);
  view.valuePos = p + 4;
}

function slice(buf: Buffer, pos: number, length: number): Buffer | null {
  return length < 0 ? null : buf.subarray(pos, pos + length);
}

/**
 * Absolute offset of inner offset `inner`: `innerBase` comes from innerOffsetBase (magic 1) or is
 * null (magic 0: inner offsets are absolute).
 */
export function innerOffsetBase(wrapperMagic: number, wrapperOffset: number, lastInnerOffset: number): number | null {
  if (wrapperMagic === 0) return null;
  if (wrapperOffset === 0) return 0;
  if (wrapperOffset < lastInnerOffset) {
    invalid(`wrapper offset ${wrapperOffset} is less than the last inner offset ${lastInnerOffset} and not zero`);
  }
  return wrapperOffset - lastInnerOffset;
}

/** Every message in a magic 0/1 set, with compressed wrappers expanded to their inner messages. */
export function decodeLegacyMessageSet(buf: Buffer, options: { verifyCrc?: boolean } = {}): LegacyMessage[] {
  const verifyCrc = options.verifyCrc !== false;
  const out: LegacyMessage[] = [];
  const view = newLegacyMessageView();
  for (let pos = 0; pos < buf.length;) {
    const size = legacyEntrySize(buf, pos);
    if (verifyCrc && !isLegacyCrcValid(buf, pos, size)) corrupt('message CRC mismatch');
    readLegacyMessage(buf, pos, size, view);
    const codec = view.attributes & 0x07;
    const logAppendTime = view.magic === 1 && (view.attributes & LEGACY_TIMESTAMP_TYPE_MASK) !== 0;
    const timestampType = logAppendTime ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME;
    if (codec === CompressionType.NONE) {
      out.push({
        offset: view.offset,
        magic: view.magic as 0 | 1,
        codec,
        timestampType,
        timestamp: view.timestamp,
        key: slice(buf, view.keyPos, view.keyLength),
        value: slice(buf, view.valuePos, view.valueLength),
      });
    } else {
      if (view.valueLength < 0) invalid('compressed wrapper message without a value');
      const inner = decompressLegacy(codec, view.magic, buf.subarray(view.valuePos, view.valuePos + view.valueLength));
      decodeInner(inner, view.magic, view.offset, codec, timestampType, view.timestamp, verifyCrc, out);
    }
    pos += size;
  }
  return out;
}

function decodeInner(
  inner: Buffer,
  wrapperMagic: number,
  wrapperOffset: number,
  codec: number,
  timestampType: number,
  wrapperTimestamp: number,
  verifyCrc: boolean,
  out: LegacyMessage[],
): void {
  const first = out.length;
  const view = newLegacyMessageView();
  for (let pos = 0, size = completeEntrySize(inner, 0); size > 0; pos += size, size = completeEntrySize(inner, pos)) {
    if (verifyCrc && !isLegacyCrcValid(inner, pos, size)) corrupt('inner message CRC mismatch');
    readLegacyMessage(inner, pos, size, view);
    if ((view.attributes & 0x07) !== CompressionType.NONE) invalid('inner messages must not be compressed');
    const useWrapperTime = view.magic === 1 && timestampType === TimestampType.LOG_APPEND_TIME;
    out.push({
      offset: view.offset,
      magic: view.magic as 0 | 1,
      codec,
      timestampType,
      timestamp: useWrapperTime ? wrapperTimestamp : view.timestamp,
      key: slice(inner, view.keyPos, view.keyLength),
      value: slice(inner, view.valuePos, view.valueLength),
    });
  }
  if (out.length === first) invalid('compressed wrapper message with no inner messages');
  const base = innerOffsetBase(wrapperMagic, wrapperOffset, out[out.length - 1]!.offset);
  if (base !== null) for (let i = first; i < out.length; i++) out[i]!.offset += base;
}

/** Entry size of a message with these key and value lengths (-1 = null). */
export function legacyMessageSize(magic: number, keyLength: number, valueLength: number): number {
  const overhead = magic === 0 ? LEGACY_RECORD_OVERHEAD_V0 : LEGACY_RECORD_OVERHEAD_V1;
  return LOG_OVERHEAD + overhead + Math.max(keyLength, 0) + Math.max(valueLength, 0);
}

function writeField(out: Buffer, pos: number, src: Buffer | null, srcPos: number, length: number): number {
  out.writeInt32BE(length, pos);
  if (src === null || length <= 0) return pos + 4;
  return pos + 4 + src.copy(out, pos + 4, srcPos, srcPos + length);
}

function writeMessage(
  out: Buffer,
  pos: number,
  offset: number,
  magic: number,
  attributes: number,
  timestamp: number,
  keySrc: Buffer | null,
  keyPos: number,
  keyLength: number,
  valueSrc: Buffer | null,
  valuePos: number,
  valueLength: number,
): number {
  writeInt64(out, offset, pos);
  out.writeInt32BE(legacyMessageSize(magic, keyLength, valueLength) - LOG_OVERHEAD, pos + 8);
  out[pos + LEGACY_MAGIC_OFFSET] = magic;
  out[pos + LEGACY_ATTRIBUTES_OFFSET] = attributes;
  let p = pos + LEGACY_TIMESTAMP_OFFSET;
  if (magic === 1) {
    writeInt64(out, timestamp, p);
    p += 8;
  }
  p = writeField(out, p, keySrc, keyPos, keyLength);
  p = writeField(out, p, valueSrc, valuePos, valueLength);
  out.writeUInt32BE(crc32(out.subarray(pos + LEGACY_MAGIC_OFFSET, p)) >>> 0, pos + LEGACY_CRC_OFFSET);
  return p;
}

/**
 * Writes one message at `pos` (the caller sized `out` with legacyMessageSize) and returns the
 * position after it. `timestamp` is ignored for magic 0. Key and value are slices of `src`.
 */
export function writeLegacyMessageFrom(
  out: Buffer,
  pos: number,
  offset: number,
  magic: number,
  attributes: number,
  timestamp: number,
  src: Buffer,
  kv: KeyValueSlice,
): number {
  return writeMessage(out, pos, offset, magic, attributes, timestamp, src, kv.keyPos, kv.keyLength, src, kv.valuePos, kv.valueLength);
}

/** As writeLegacyMessageFrom, with key and value given as buffers. */
export function writeLegacyMessage(
  out: Buffer,
  pos: number,
  offset: number,
  magic: number,
  attributes: number,
  timestamp: number,
  key: Buffer | null,
  value: Buffer | null,
): number {
  const keyLength = key === null ? -1 : key.length;
  const valueLength = value === null ? -1 : value.length;
  return writeMessage(out, pos, offset, magic, attributes, timestamp, key, 0, keyLength, value, 0, valueLength);
}

/** Attributes of a magic 0/1 message (Kafka's LegacyRecord.computeAttributes). */
export function legacyAttributes(magic: number, codec: number, timestampType: number): number {
  return codec | (magic > 0 && timestampType === TimestampType.LOG_APPEND_TIME ? LEGACY_TIMESTAMP_TYPE_MASK : 0);
}

/** A compressed wrapper around an already encoded inner message set. */
export function buildLegacyWrapper(
  inner: Buffer,
  magic: number,
  codec: number,
  timestampType: number,
  lastOffset: number,
  timestamp: number,
): Buffer {
  const compressed = compressLegacy(codec, magic, inner);
  const out = Buffer.allocUnsafe(legacyMessageSize(magic, -1, compressed.length));
  writeLegacyMessage(out, 0, lastOffset, magic, legacyAttributes(magic, codec, timestampType), timestamp, null, compressed);
  return out;
}

export interface LegacyMessageInput {
  key?: Buffer | string | null;
  value?: Buffer | string | null;
  /** Ignored for magic 0; defaults to NO_TIMESTAMP (-1). */
  timestamp?: number;
  /** Defaults to the previous message's offset + 1 (the first: baseOffset). */
  offset?: number;
}

export interface LegacyMessageSetOptions {
  magic: 0 | 1;
  compression?: number;
  timestampType?: number;
  /** The time every message (and the wrapper) carries when timestampType is LogAppendTime. */
  logAppendTime?: number;
  /** Offset of the first message, and what magic 1 inner offsets are relative to. Default 0. */
  baseOffset?: number;
}

function toBytes(v: Buffer | string | null | undefined): Buffer | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}

/**
 * Builds a magic 0/1 message set as Kafka's MemoryRecordsBuilder does: one message per entry when
 * uncompressed, else one wrapper holding them all. No messages, no bytes.
 */
export function buildLegacyMessageSet(messages: readonly LegacyMessageInput[], options: LegacyMessageSetOptions): Buffer {
  const { magic } = options;
  const codec = options.compression ?? CompressionType.NONE;
  const timestampType = options.timestampType ?? TimestampType.CREATE_TIME;
  const logAppendTime = timestampType === TimestampType.LOG_APPEND_TIME;
  const baseOffset = options.baseOffset ?? 0;
  const appendTime = logAppendTime ? (options.logAppendTime ?? Date.now()) : NO_TIMESTAMP;
  const compressed = codec !== CompressionType.NONE;
  if (compressed && messages.length === 0) return Buffer.alloc(0);

  const keys = messages.map((m) => toBytes(m.key));
  const values = messages.map((m) => toBytes(m.value));
  let size = 0;
  for (let i = 0; i < messages.length; i++) size += legacyMessageSize(magic, keys[i]?.length ?? -1, values[i]?.length ?? -1);
  const out = Buffer.allocUnsafe(size);
  const attributes = legacyAttributes(magic, CompressionType.NONE, timestampType);
  let pos = 0;
  let offset = baseOffset - 1;
  let maxTimestamp = NO_TIMESTAMP;
  for (let i = 0; i < messages.length; i++) {
    offset = messages[i]!.offset ?? offset + 1;
    const timestamp = logAppendTime ? appendTime : (messages[i]!.timestamp ?? NO_TIMESTAMP);
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    // Kafka's toInnerOffset: magic 1 wrappers hold offsets relative to the builder's base offset.
    const stored = compressed && magic === 1 ? offset - baseOffset : offset;
    pos = writeLegacyMessage(out, pos, stored, magic, attributes, timestamp, keys[i]!, values[i]!);
  }
  if (!compressed) return out;
  return buildLegacyWrapper(out, magic, codec, timestampType, offset, logAppendTime ? appendTime : maxTimestamp);
}
