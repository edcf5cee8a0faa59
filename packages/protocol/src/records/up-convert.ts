/**
 * Produce v0-2 up-conversion: a magic 0/1 message set, as old clients send it, becomes one record
 * batch v2 — what Kafka's LogValidator does for a topic stored in message format v2
 * (convertAndAssignOffsetsNonCompressed for plain messages; validateMessagesAndAssignOffsetsCompressed
 * then buildRecordsAndAssignOffsets for a compressed wrapper). The result is what the log appends:
 *
 * - offsets relative from 0 (offset deltas 0..n-1, baseOffset 0: the log assigns real ones), whatever
 *   offsets the client wrote; producer id/epoch/sequence -1, not transactional, no headers;
 * - timestamps as the messages carry them (magic 0 has none: NO_TIMESTAMP, -1); baseTimestamp is the
 *   first record's, maxTimestamp the largest (-1 if none), or `now` for a LogAppendTime topic, whose
 *   records keep their own timestamps as deltas exactly as Kafka's builder writes them;
 * - the producer's codec, re-compressed (Kafka decompresses wrappers and compresses the batch anew),
 *   unless the topic's compression.type names another.
 *
 * Validation, in Kafka's order and with Kafka 3.x's error codes: every shallow CRC first
 * (CORRUPT_MESSAGE), entry size against max.message.bytes (MESSAGE_TOO_LARGE); all entries must share
 * the first one's magic, and a compressed set must be a single wrapper (INVALID_RECORD); a wrapper's
 * inner messages must exist, be uncompressed, have the wrapper's magic and a consistent wrapper
 * offset (INVALID_RECORD), and pass their own CRC (CORRUPT_MESSAGE, which wins over record errors
 * found before it, since Kafka throws it at once and collects the others). Per record: a key on a
 * compacted topic (INVALID_RECORD), CreateTime timestamps within the configured distance from `now`,
 * and no LogAppendTime set by the client (INVALID_TIMESTAMP). A trailing partial entry is dropped
 * without an error, as Kafka's ByteBufferLogInputStream does.
 */
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';
import { CompressionType, compress } from './compression';
import { decompressLegacy } from './legacy-compression';
import {
  LEGACY_MAGIC_OFFSET,
  LEGACY_TIMESTAMP_TYPE_MASK,
  completeEntrySize,
  innerOffsetBase,
  isLegacyCrcValid,
  newLegacyMessageView,
  readLegacyMessage,
  type LegacyMessageView,
} from './legacy-message-set';
import {
  ATTRIBUTES_OFFSET,
  BASE_SEQUENCE_OFFSET,
  BASE_TIMESTAMP_OFFSET,
  BATCH_LENGTH_OFFSET,
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  NO_PARTITION_LEADER_EPOCH,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NO_SEQUENCE,
  NO_TIMESTAMP,
  PARTITION_LEADER_EPOCH_OFFSET,
  PRODUCER_EPOCH_OFFSET,
  PRODUCER_ID_OFFSET,
  RECORDS_COUNT_OFFSET,
  RECORDS_OFFSET,
  TIMESTAMP_TYPE_MASK,
  TimestampType,
  readInt64,
  writeBatchCrc,
  writeInt64,
} from './record-batch-header';
import { sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from './varint';

export interface UpConvertOptions {
  /** The topic's message.timestamp.type. Default CreateTime. */
  timestampType?: number;
  /** Broker time: the LogAppendTime, and the reference for the timestamp range checks. Default Date.now(). */
  now?: number;
  /** log.message.timestamp.before.max.ms / after.max.ms (KIP-937; both are message.timestamp.difference.max.ms before 3.6). Default unlimited. */
  timestampBeforeMaxMs?: number;
  timestampAfterMaxMs?: number;
  /** cleanup.policy includes compact: records need keys. */
  compactedTopic?: boolean;
  /** max.message.bytes, checked against each shallow entry as Kafka does before converting. */
  maxMessageBytes?: number;
  /** The topic's compression.type as a codec; default keeps the producer's (compression.type=producer). */
  compression?: number;
  /** Written into the batch header; default -1 (the log stamps the leader epoch when it assigns offsets). */
  partitionLeaderEpoch?: number;
}

/** Whether a produce request's records are a magic 0/1 message set (Produce v0-2), i.e. need upConvertMessageSet. */
export function isLegacyMessageSet(records: Buffer): boolean {
  return records.length > MAGIC_OFFSET && records.readInt8(MAGIC_OFFSET) < 2;
}

function corrupt(message: string): KafkaError {
  return new KafkaError(ErrorCode.CORRUPT_MESSAGE, message);
}

function invalid(message: string): KafkaError {
  return new KafkaError(ErrorCode.INVALID_RECORD, message);
}

/** Where the records to convert live: the top-level entries (plain) or one wrapper's decompressed value. */
interface Source {
  buf: Buffer;
  /** Magic every record must have (the wrapper's, for inner messages). */
  magic: number;
  /** The wrapper's LogAppendTime flag and timestamp, which inner magic 1 messages take. */
  wrapperLogAppendTime: boolean;
  wrapperTimestamp: number;
  /** Inner messages are CRC-checked here; top-level ones were checked with the shallow entries. */
  inner: boolean;
}

function recordTimestamp(src: Source, view: LegacyMessageView): number {
  if (view.magic === 0) return NO_TIMESTAMP;
  return src.wrapperLogAppendTime ? src.wrapperTimestamp : view.timestamp;
}

function fieldSize(length: number): number {
  return length < 0 ? 1 : sizeOfVarint(length) + length;
}

function recordBodySize(view: LegacyMessageView, timestampDelta: number, offsetDelta: number): number {
  return 1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(offsetDelta) + fieldSize(view.keyLength) + fieldSize(view.valueLength) + 1;
}

/**
 * Converts a magic 0/1 message set (a Produce v0-2 partition's records) into one v2 batch ready for
 * the log's offset assignment. Returns an empty buffer when the set holds no complete message (Kafka
 * appends nothing then). Throws KafkaError with Kafka's error code for invalid input.
 */
export function upConvertMessageSet(messageSet: Buffer, options: UpConvertOptions = {}): Buffer {
  const view = newLegacyMessageView();

  // Shallow entries: what Kafka's UnifiedLog.analyzeAndValidateRecords checks before the validator.
  let firstMagic = -1;
  let sourceCodec: number = CompressionType.NONE;
  let entries = 0;
  let end = 0;
  let magicMismatch: KafkaError | null = null;
  for (let pos = 0, size = completeEntrySize(messageSet, 0); size > 0; pos += size, size = completeEntrySize(messageSet, pos)) {
    const magic = messageSet.readInt8(pos + MAGIC_OFFSET);
    if (firstMagic < 0) {
      firstMagic = magic;
      if (magic > 1) throw invalid(`magic ${magic} entry where a magic 0/1 message set was expected`);
    }
    if (options.maxMessageBytes !== undefined && size > options.maxMessageBytes) {
      throw new KafkaError(ErrorCode.MESSAGE_TOO_LARGE, `message of ${size} bytes exceeds max.message.bytes ${options.maxMessageBytes}`);
    }
    if (magic <= 1 && !isLegacyCrcValid(messageSet, pos, size)) throw corrupt(`message CRC mismatch at position ${pos}`);
    if (magic !== firstMagic)
      magicMismatch ??= invalid(`message magic ${magic} is not the same as the first message's magic ${firstMagic}`);
    const codec = messageSet[pos + LEGACY_MAGIC_OFFSET + 1]! & 0x07;
    if (codec > CompressionType.ZSTD) throw corrupt(`unknown compression codec ${codec}`);
    if (codec !== CompressionType.NONE) sourceCodec = codec;
    entries++;
    end = pos + size;
  }
  if (entries === 0) return Buffer.alloc(0);
  if (magicMismatch !== null) throw magicMismatch;
  if (sourceCodec !== CompressionType.NONE && entries > 1) throw invalid('compressed message set has more than one wrapper');

  let src: Source;
  if (sourceCodec === CompressionType.NONE) {
    src = {
      buf: messageSet.subarray(0, end),
      magic: firstMagic,
      wrapperLogAppendTime: false,
      wrapperTimestamp: NO_TIMESTAMP,
      inner: false,
    };
  } else {
    readLegacyMessage(messageSet, 0, end, view);
    if (view.valueLength < 0) throw invalid('compressed wrapper message without a value');
    const inner = decompressLegacy(sourceCodec, view.magic, messageSet.subarray(view.valuePos, view.valuePos + view.valueLength));
    const wrapperLogAppendTime = view.magic === 1 && (view.attributes & LEGACY_TIMESTAMP_TYPE_MASK) !== 0;
    src = { buf: inner, magic: view.magic, wrapperLogAppendTime, wrapperTimestamp: view.timestamp, inner: true };
    checkInnerOffsets(inner, view.magic, view.offset);
  }
  return buildBatch(src, sourceCodec, options);
}

/** Kafka's DeepRecordsIterator checks, made before any record is looked at. */
function checkInnerOffsets(inner: Buffer, wrapperMagic: number, wrapperOffset: number): void {
  let last = -1;
  let count = 0;
  for (let pos = 0, size = completeEntrySize(inner, 0); size > 0; pos += size, size = completeEntrySize(inner, pos)) {
    last = readInt64(inner, pos);
    count++;
  }
  if (count === 0) throw invalid('compressed wrapper message with no inner messages');
  innerOffsetBase(wrapperMagic, wrapperOffset, last);
}

function buildBatch(src: Source, sourceCodec: number, options: UpConvertOptions): Buffer {
  const timestampType = options.timestampType ?? TimestampType.CREATE_TIME;
  const logAppendTime = timestampType === TimestampType.LOG_APPEND_TIME;
  const before = options.timestampBeforeMaxMs ?? Infinity;
  const after = options.timestampAfterMaxMs ?? Infinity;
  const now = options.now ?? (logAppendTime || before !== Infinity || after !== Infinity ? Date.now() : 0);
  const codec = options.compression ?? sourceCodec;
  const view = newLegacyMessageView();

  // Pass 1: validate every record and size the batch.
  let count = 0;
  let baseTimestamp = NO_TIMESTAMP;
  let maxTimestamp = NO_TIMESTAMP;
  let bodySize = 0;
  let recordError: KafkaError | null = null;
  const buf = src.buf;
  for (let pos = 0, size = completeEntrySize(buf, 0); size > 0; pos += size, size = completeEntrySize(buf, pos)) {
    readLegacyMessage(buf, pos, size, view);
    if (src.inner) {
      if ((view.attributes & 0x07) !== CompressionType.NONE) throw invalid('inner messages must not be compressed');
      if (view.magic !== src.magic) recordError ??= invalid(`inner message magic ${view.magic} does not match wrapper magic ${src.magic}`);
      if (!isLegacyCrcValid(buf, pos, size)) throw corrupt(`inner message ${count} CRC mismatch`);
    }
    const timestamp = recordTimestamp(src, view);
    if (options.compactedTopic && view.keyLength < 0)
      recordError ??= invalid(`message ${count}: a compacted topic cannot accept a message without a key`);
    // The batch's timestamp type: the wrapper's for inner messages, the message's own otherwise.
    const ownLogAppendTime = view.magic === 1 && (view.attributes & LEGACY_TIMESTAMP_TYPE_MASK) !== 0;
    const batchLogAppendTime = src.inner ? src.wrapperLogAppendTime : ownLogAppendTime;
    if (!logAppendTime && timestamp !== NO_TIMESTAMP) {
      if (now - timestamp > before || timestamp - now > after) {
        recordError ??= new KafkaError(ErrorCode.INVALID_TIMESTAMP, `timestamp ${timestamp} of message ${count} is out of range`);
      }
    } else if (batchLogAppendTime) {
      recordError ??= new KafkaError(ErrorCode.INVALID_TIMESTAMP, `message ${count}: producers must not set LogAppendTime`);
    }
    // Kafka's builder refuses these with an IllegalArgumentException (an unknown server error on the wire).
    if (timestamp < 0 && timestamp !== NO_TIMESTAMP)
      recordError ??= new KafkaError(ErrorCode.INVALID_TIMESTAMP, `negative timestamp ${timestamp}`);
    if (count === 0) baseTimestamp = timestamp;
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    const body = recordBodySize(view, timestamp - baseTimestamp, count);
    bodySize += sizeOfVarint(body) + body;
    count++;
    // Plain messages are one batch each in Kafka, so their errors surface before the next message.
    if (!src.inner && recordError !== null) throw recordError;
  }
  if (recordError !== null) throw recordError;
  if (count === 0) throw invalid('no messages to convert');

  // Pass 2: write the records, straight into the batch when it stays uncompressed.
  const uncompressed = codec === CompressionType.NONE;
  let out = Buffer.allocUnsafe(uncompressed ? RECORDS_OFFSET + bodySize : bodySize);
  let p = uncompressed ? RECORDS_OFFSET : 0;
  let i = 0;
  for (let pos = 0, size = completeEntrySize(buf, 0); size > 0; pos += size, size = completeEntrySize(buf, pos)) {
    readLegacyMessage(buf, pos, size, view);
    const timestampDelta = recordTimestamp(src, view) - baseTimestamp;
    p = writeVarint(out, recordBodySize(view, timestampDelta, i), p);
    out[p++] = 0;
    p = writeVarlong(out, timestampDelta, p);
    p = writeVarint(out, i, p);
    p = writeField(out, p, buf, view.keyPos, view.keyLength);
    p = writeField(out, p, buf, view.valuePos, view.valueLength);
    out[p++] = 0; // no headers
    i++;
  }
  if (!uncompressed) {
    const compressed = compress(codec, out);
    out = Buffer.allocUnsafe(RECORDS_OFFSET + compressed.length);
    compressed.copy(out, RECORDS_OFFSET);
  }

  writeInt64(out, 0, 0);
  out.writeInt32BE(out.length - LOG_OVERHEAD, BATCH_LENGTH_OFFSET);
  out.writeInt32BE(options.partitionLeaderEpoch ?? NO_PARTITION_LEADER_EPOCH, PARTITION_LEADER_EPOCH_OFFSET);
  out.writeInt8(2, MAGIC_OFFSET);
  out.writeInt16BE(codec | (logAppendTime ? TIMESTAMP_TYPE_MASK : 0), ATTRIBUTES_OFFSET);
  out.writeInt32BE(count - 1, LAST_OFFSET_DELTA_OFFSET);
  writeInt64(out, baseTimestamp, BASE_TIMESTAMP_OFFSET);
  writeInt64(out, logAppendTime ? now : maxTimestamp, MAX_TIMESTAMP_OFFSET);
  writeInt64(out, NO_PRODUCER_ID, PRODUCER_ID_OFFSET);
  out.writeInt16BE(NO_PRODUCER_EPOCH, PRODUCER_EPOCH_OFFSET);
  out.writeInt32BE(NO_SEQUENCE, BASE_SEQUENCE_OFFSET);
  out.writeInt32BE(count, RECORDS_COUNT_OFFSET);
  writeBatchCrc(out, 0, out.length);
  return out;
}

function writeField(out: Buffer, pos: number, src: Buffer, srcPos: number, length: number): number {
  if (length < 0) return writeVarint(out, -1, pos);
  pos = writeVarint(out, length, pos);
  return pos + src.copy(out, pos, srcPos, srcPos + length);
}
