/**
 * Fetch v0-3 down-conversion: stored batches, exactly as a log read returns them, become the magic 0
 * (Fetch v0-1) or magic 1 (Fetch v2-3) message set Kafka 3.x sends for them (RecordsUtil.downConvert
 * driven by LazyDownConversionRecords / LazyDownConversionRecordsSend):
 *
 * - Only complete entries count; a batch cut short by the fetch size limit is not converted. If no
 *   complete entry is newer than the target magic, the slice goes out unchanged (hasCompatibleMagic).
 * - Control batches are dropped. An uncompressed v2 batch becomes one plain message per record at
 *   its absolute offset, skipping records before `firstOffset` (the fetch offset; librdkafka relies
 *   on it). A compressed batch becomes one wrapper with the same codec holding all its records
 *   (inner offsets relative to the first record for magic 1, absolute for magic 0; the wrapper
 *   carries the last offset and, for magic 1, the largest timestamp or the LogAppendTime).
 *   Headers are dropped; magic 1 keeps timestamps and the batch's timestamp type. Batches already in
 *   the target format are copied; a magic 1 entry going to magic 0 is re-encoded.
 * - zstd has no magic 0/1 form: if the first batch that would produce output is zstd, the fetch fails
 *   for this partition with UNSUPPORTED_COMPRESSION_TYPE; a zstd batch met later ends the conversion
 *   (the client reads what came before and fetches the zstd batch next, getting the error then).
 *
 * Size, where Kafka's lazy send leaves its mark on the bytes: the response's records field was sized
 * before conversion as max(slice length, size of the first converted batch). Converted output longer
 * than that is cut off mid-message (clients ignore a partial trailing message), so at least the first
 * batch's messages always arrive whole; output shorter than that is padded with "overflow" entries:
 * offset -1, a length of max(remaining + 1, 61) that runs past the end, zeros, each at most 128 KiB.
 * A slice whose complete entries all convert to nothing is answered with one 12-byte overflow entry.
 * Kafka converts in chunks of up to 128 KiB of input after the first converted batch; a zstd batch
 * loses its whole chunk, so that is reproduced too.
 *
 * Deviation: when batches before the first converted one convert to nothing (e.g. the fetch offset
 * points at a transaction marker), Kafka 3.x's iterator re-converts that first batch after sending
 * it, duplicating its messages in the response; tarn sends them once.
 *
 * Records are walked in place (record-view.ts) and written straight into the output; per batch there
 * is one decompressed buffer and, for compressed batches, one inner message set to compress.
 */
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';
import { CompressionType, decompress } from './compression';
import { compressLegacy, decompressLegacy } from './legacy-compression';
import {
  LEGACY_ATTRIBUTES_OFFSET,
  completeEntrySize,
  innerOffsetBase,
  legacyAttributes,
  legacyMessageSize,
  newLegacyMessageView,
  readLegacyMessage,
  writeLegacyMessage,
  writeLegacyMessageFrom,
  type LegacyMessageView,
} from './legacy-message-set';
import {
  ATTRIBUTES_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  CONTROL_FLAG_MASK,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  NO_TIMESTAMP,
  RECORDS_COUNT_OFFSET,
  RECORDS_OFFSET,
  RECORD_BATCH_OVERHEAD,
  TIMESTAMP_TYPE_MASK,
  TimestampType,
  readInt64,
} from './record-batch-header';
import { newRecordView, readRecordView } from './record-view';

/** LazyDownConversionRecordsSend.MAX_READ_SIZE: input per conversion chunk, and the largest overflow entry. */
const CHUNK_SIZE = 128 * 1024;
/** LazyDownConversionRecordsSend.MIN_OVERFLOW_MESSAGE_LENGTH. */
const MIN_OVERFLOW_LENGTH = LOG_OVERHEAD;
/** Most a record grows by: a v2 record takes at least 7 bytes besides key and value, a magic 1 message 34. */
const MAX_GROWTH_PER_RECORD = 27;
const MIN_RECORD_SIZE = 7;

/** Message format of a Fetch response: v0-1 carry magic 0, v2-3 magic 1, v4 and later record batches v2. */
export function fetchResponseMagic(fetchVersion: number): 0 | 1 | 2 {
  return fetchVersion <= 1 ? 0 : fetchVersion <= 3 ? 1 : 2;
}

/** A growable output buffer: conversions write at `length` after reserving room with ensure(). */
class ByteSink {
  buf: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(needed, this.buf.length * 2));
    this.buf.copy(grown, 0, 0, this.length);
    this.buf = grown;
  }
}

function corrupt(message: string): never {
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, message);
}

function codecOf(records: Buffer, pos: number): number {
  const magic = records.readInt8(pos + MAGIC_OFFSET);
  return (magic >= 2 ? records.readInt16BE(pos + ATTRIBUTES_OFFSET) : records[pos + LEGACY_ATTRIBUTES_OFFSET]!) & 0x07;
}

/** RecordsUtil.downConvert's refusal: a zstd entry that is not a control batch (those are skipped first). */
function isUnconvertible(records: Buffer, pos: number): boolean {
  const magic = records.readInt8(pos + MAGIC_OFFSET);
  if (magic >= 2 && (records.readInt16BE(pos + ATTRIBUTES_OFFSET) & CONTROL_FLAG_MASK) !== 0) return false;
  return codecOf(records, pos) === CompressionType.ZSTD;
}

/**
 * The records field of a Fetch v0-3 response for `records` (a log read: concatenated entries, the last
 * possibly partial), converted to `toMagic`. `firstOffset` is the partition's fetch offset. Returns
 * `records` itself when nothing needs converting. Throws KafkaError(UNSUPPORTED_COMPRESSION_TYPE) when
 * the first batch to convert is zstd, and CORRUPT_MESSAGE for stored data that cannot be read.
 */
export function downConvertRecords(records: Buffer, toMagic: 0 | 1, firstOffset: number): Buffer {
  let needed = false;
  for (let pos = 0, size = completeEntrySize(records, 0); size > 0 && !needed; pos += size, size = completeEntrySize(records, pos)) {
    needed = records.readInt8(pos + MAGIC_OFFSET) > toMagic;
  }
  if (!needed) return records;

  const converter = new Converter(records, toMagic, firstOffset);
  const out = converter.out;

  // The first chunk: entry by entry until one yields messages (LazyDownConversionRecords' constructor).
  let pos = 0;
  let firstChunkSize = -1;
  for (let size = completeEntrySize(records, 0); size > 0 && firstChunkSize < 0; pos += size, size = completeEntrySize(records, pos)) {
    if (isUnconvertible(records, pos)) {
      throw new KafkaError(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, 'down-conversion of zstd-compressed batches is not supported');
    }
    converter.convertEntry(pos, size);
    if (out.length > 0) firstChunkSize = out.length;
  }
  if (firstChunkSize < 0) return overflowOnly();

  // Later chunks (LazyDownConversionRecordsSend), until the committed size is filled.
  const limit = Math.max(records.length, firstChunkSize);
  while (out.length < limit) {
    let chunkEnd = pos;
    for (let size = completeEntrySize(records, pos); size > 0; size = completeEntrySize(records, chunkEnd)) {
      if (chunkEnd > pos && chunkEnd - pos + size > CHUNK_SIZE) break;
      chunkEnd += size;
    }
    if (chunkEnd === pos) break;
    let unconvertible = false;
    for (let p = pos; p < chunkEnd && !unconvertible; p += completeEntrySize(records, p)) unconvertible = isUnconvertible(records, p);
    if (unconvertible) break;
    for (let size = 0; pos < chunkEnd && out.length < limit; pos += size) {
      size = completeEntrySize(records, pos);
      converter.convertEntry(pos, size);
    }
    pos = chunkEnd;
  }

  out.ensure(Math.max(0, limit - out.length));
  writeOverflow(out.buf, Math.min(out.length, limit), limit - Math.min(out.length, limit));
  return out.buf.subarray(0, limit);
}

function overflowOnly(): Buffer {
  const out = Buffer.allocUnsafe(MIN_OVERFLOW_LENGTH);
  writeOverflow(out, 0, MIN_OVERFLOW_LENGTH);
  return out;
}

/** Kafka's buildOverflowBatch, repeated until `remaining` bytes are filled. */
function writeOverflow(buf: Buffer, pos: number, remaining: number): void {
  while (remaining > 0) {
    const size = Math.min(Math.max(MIN_OVERFLOW_LENGTH, Math.min(remaining + 1, CHUNK_SIZE)), remaining);
    const header = Buffer.alloc(LOG_OVERHEAD);
    header.writeInt32BE(-1, 0);
    header.writeInt32BE(-1, 4);
    header.writeInt32BE(Math.max(remaining + 1, RECORD_BATCH_OVERHEAD), 8);
    header.copy(buf, pos, 0, Math.min(LOG_OVERHEAD, size));
    if (size > LOG_OVERHEAD) buf.fill(0, pos + LOG_OVERHEAD, pos + size);
    pos += size;
    remaining -= size;
  }
}

/** Converts single entries into `out`; `inner` collects the inner message set of each wrapper. */
class Converter {
  readonly out: ByteSink;
  private readonly inner = new ByteSink(0);
  private readonly record = newRecordView();
  private readonly message: LegacyMessageView = newLegacyMessageView();

  constructor(
    private readonly records: Buffer,
    private readonly toMagic: 0 | 1,
    private readonly firstOffset: number,
  ) {
    this.out = new ByteSink(records.length + 64);
  }

  convertEntry(pos: number, size: number): void {
    const magic = this.records.readInt8(pos + MAGIC_OFFSET);
    if (magic > 2 || magic < 0) corrupt(`unknown magic ${magic} at position ${pos}`);
    if (magic === 2) {
      this.convertBatch(pos, size);
    } else if (magic <= this.toMagic) {
      this.out.ensure(size);
      this.out.length += this.records.copy(this.out.buf, this.out.length, pos, pos + size);
    } else {
      this.convertMessage(pos, size);
    }
  }

  private convertBatch(pos: number, size: number): void {
    const { records, toMagic, out } = this;
    if (size < RECORD_BATCH_OVERHEAD) corrupt(`batch of ${size} bytes at position ${pos} is shorter than its header`);
    const attributes = records.readInt16BE(pos + ATTRIBUTES_OFFSET);
    if ((attributes & CONTROL_FLAG_MASK) !== 0) return;
    const codec = attributes & 0x07;
    const timestampType = (attributes & TIMESTAMP_TYPE_MASK) !== 0 ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME;
    const logAppendTime = timestampType === TimestampType.LOG_APPEND_TIME;
    const baseOffset = readInt64(records, pos);
    const baseTimestamp = readInt64(records, pos + BASE_TIMESTAMP_OFFSET);
    const maxTimestamp = readInt64(records, pos + MAX_TIMESTAMP_OFFSET);
    const count = records.readInt32BE(pos + RECORDS_COUNT_OFFSET);
    const payload = decompress(codec, records.subarray(pos + RECORDS_OFFSET, pos + size));
    if (count < 0 || count * MIN_RECORD_SIZE > payload.length) {
      corrupt(`batch at position ${pos} declares ${count} records in ${payload.length} bytes`);
    }
    const messageAttributes = legacyAttributes(toMagic, CompressionType.NONE, timestampType);
    const cursor = { buf: payload, pos: 0 };
    const record = this.record;

    // Kafka's builder writes relative inner offsets from the first record kept, the last offset on the wrapper.
    const compressed = codec !== CompressionType.NONE;
    const sink = compressed ? this.inner : out;
    if (compressed) sink.length = 0;
    sink.ensure(payload.length + count * MAX_GROWTH_PER_RECORD);
    let firstRecordOffset = -1;
    let lastOffset = -1;
    let largestTimestamp = NO_TIMESTAMP;
    for (let i = 0; i < count; i++) {
      readRecordView(cursor, record);
      const offset = baseOffset + record.offsetDelta;
      if (!compressed && offset < this.firstOffset) continue;
      const timestamp = logAppendTime ? maxTimestamp : baseTimestamp + record.timestampDelta;
      if (firstRecordOffset < 0) firstRecordOffset = offset;
      const stored = compressed && toMagic === 1 ? offset - firstRecordOffset : offset;
      sink.length = writeLegacyMessageFrom(sink.buf, sink.length, stored, toMagic, messageAttributes, timestamp, payload, record);
      lastOffset = offset;
      if (timestamp > largestTimestamp) largestTimestamp = timestamp;
    }
    if (cursor.pos !== payload.length)
      corrupt(`${payload.length - cursor.pos} bytes follow the last record of the batch at position ${pos}`);
    if (compressed && firstRecordOffset >= 0) {
      this.writeWrapper(codec, timestampType, lastOffset, logAppendTime ? maxTimestamp : largestTimestamp);
    }
  }

  /** A magic 1 entry going to magic 0: timestamps go, inner offsets become absolute. */
  private convertMessage(pos: number, size: number): void {
    const { records, out } = this;
    const message = this.message;
    readLegacyMessage(records, pos, size, message);
    const codec = message.attributes & 0x07;
    if (codec === CompressionType.NONE) {
      if (message.offset < this.firstOffset) return;
      out.ensure(legacyMessageSize(0, message.keyLength, message.valueLength));
      out.length = writeLegacyMessageFrom(out.buf, out.length, message.offset, 0, 0, NO_TIMESTAMP, records, message);
      return;
    }
    if (message.valueLength < 0) corrupt(`wrapper message at position ${pos} has no value`);
    const inner = decompressLegacy(codec, message.magic, records.subarray(message.valuePos, message.valuePos + message.valueLength));
    const wrapperMagic = message.magic;
    const wrapperOffset = message.offset;
    let last = -1;
    let count = 0;
    for (let p = 0, s = completeEntrySize(inner, 0); s > 0; p += s, s = completeEntrySize(inner, p)) {
      last = readInt64(inner, p);
      count++;
    }
    if (count === 0) corrupt(`wrapper message at position ${pos} holds no messages`);
    const base = innerOffsetBase(wrapperMagic, wrapperOffset, last) ?? 0;
    const sink = this.inner;
    sink.length = 0;
    sink.ensure(inner.length);
    let lastOffset = -1;
    for (let p = 0, s = completeEntrySize(inner, 0); s > 0; p += s, s = completeEntrySize(inner, p)) {
      readLegacyMessage(inner, p, s, message);
      lastOffset = base + message.offset;
      sink.length = writeLegacyMessageFrom(sink.buf, sink.length, lastOffset, 0, 0, NO_TIMESTAMP, inner, message);
    }
    this.writeWrapper(codec, TimestampType.CREATE_TIME, lastOffset, NO_TIMESTAMP);
  }

  private writeWrapper(codec: number, timestampType: number, lastOffset: number, timestamp: number): void {
    const compressed = compressLegacy(codec, this.toMagic, this.inner.buf.subarray(0, this.inner.length));
    this.out.ensure(legacyMessageSize(this.toMagic, -1, compressed.length));
    this.out.length = writeLegacyMessage(
      this.out.buf,
      this.out.length,
      lastOffset,
      this.toMagic,
      legacyAttributes(this.toMagic, codec, timestampType),
      timestamp,
      null,
      compressed,
    );
  }
}
