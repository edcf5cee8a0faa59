/**
 * `.log` files: every entry shallowly (one BatchEvent per v2 batch or magic 0/1 message) or, with
 * deep iteration, every record inside (compressed batches and wrapper messages decompressed), with
 * the fields Kafka's DumpLogSegments prints for each.
 */
import {
  CompressionType,
  ErrorCode,
  KafkaError,
  LEGACY_CRC_OFFSET,
  LEGACY_TIMESTAMP_TYPE_MASK,
  TimestampType,
  compressionCodecOf,
  decodeRecordBatch,
  decompressLegacy,
  innerOffsetBase,
  isBatchCrcValid,
  isControl,
  isLegacyCrcValid,
  isTransactional,
  newLegacyMessageView,
  readBatchHeader,
  readLegacyMessage,
  timestampTypeOf,
  RECORD_BATCH_OVERHEAD,
  type LegacyMessageView,
} from '@tarn/protocol';
import { resolve } from 'node:path';
import { incrementSequence, type BatchEvent, type DumpEvent, type RecordEvent, type TimestampTypeName } from './dump-events';
import { SegmentFile, type SegmentEntry } from './segment-file';
import type { RecordParser } from './record-parsers';
import type { DumpProblems } from './dump-problems';

export interface LogDumpOptions {
  deepIteration: boolean;
  /** Where records whose offsets are not consecutive are reported (deep iteration). */
  problems: DumpProblems;
  /** Set with --print-data-log (or a decoder): how keys and values are rendered; null prints none. */
  parser: RecordParser | null;
}

/** Kafka's CompressionType names as 2.1's DumpLogSegments prints them. */
const CODEC_NAMES = ['NONE', 'GZIP', 'SNAPPY', 'LZ4', 'ZSTD'];

function codecName(codec: number): string {
  return CODEC_NAMES[codec] ?? `UNKNOWN(${codec})`;
}

function timestampTypeName(type: number): TimestampTypeName {
  return type === TimestampType.LOG_APPEND_TIME ? 'LogAppendTime' : 'CreateTime';
}

function corrupt(file: string, position: number, err: unknown): KafkaError {
  const message = err instanceof Error ? err.message : String(err);
  return new KafkaError(ErrorCode.CORRUPT_MESSAGE, `${file}: entry at position ${position}: ${message}`, { cause: err });
}

export function* dumpLogFile(path: string, baseOffset: number, fileName: string, options: LogDumpOptions): Generator<DumpEvent> {
  yield { type: 'log-start', offset: baseOffset };
  const file = SegmentFile.open(path);
  try {
    let validBytes = 0;
    let lastOffset = -1;
    const absolute = resolve(path);
    for (const entry of file.entries()) {
      const magic = entry.buf.readInt8(16);
      try {
        const events = magic === 2 ? dumpBatch(entry, options) : magic === 0 || magic === 1 ? dumpLegacyEntry(entry, options) : null;
        if (events === null) throw new Error(`unknown magic ${magic}`);
        for (const e of events) {
          if (e.type === 'record') {
            if (lastOffset !== -1 && e.offset !== lastOffset + 1) options.problems.nonConsecutiveOffsets(absolute, lastOffset, e.offset);
            lastOffset = e.offset;
          }
          yield e;
        }
      } catch (err) {
        throw corrupt(path, entry.position, err);
      }
      validBytes = entry.position + entry.buf.length;
    }
    if (file.size > validBytes) yield { type: 'trailing-bytes', bytes: file.size - validBytes, fileName };
  } finally {
    file.close();
  }
}

function* dumpBatch({ position, buf }: SegmentEntry, options: LogDumpOptions): Generator<DumpEvent> {
  if (buf.length < RECORD_BATCH_OVERHEAD) throw new Error(`batch of ${buf.length} bytes is shorter than its header`);
  const h = readBatchHeader(buf);
  const timestampType = timestampTypeName(timestampTypeOf(h.attributes));
  const codec = codecName(compressionCodecOf(h.attributes));
  const transactional = isTransactional(h.attributes);
  if (!options.deepIteration) {
    yield {
      type: 'batch',
      magic: 2,
      baseOffset: h.baseOffset,
      lastOffset: h.baseOffset + h.lastOffsetDelta,
      count: h.recordsCount,
      baseSequence: h.baseSequence,
      lastSequence: h.baseSequence < 0 ? -1 : incrementSequence(h.baseSequence, h.lastOffsetDelta),
      producerId: h.producerId,
      producerEpoch: h.producerEpoch,
      partitionLeaderEpoch: h.partitionLeaderEpoch,
      isTransactional: transactional,
      isControl: isControl(h.attributes),
      position,
      timestampType,
      maxTimestamp: h.maxTimestamp,
      isValid: isBatchCrcValid(buf, 0, buf.length),
      size: buf.length,
      compressCodec: codec,
      crc: h.crc,
    } satisfies BatchEvent;
    return;
  }
  const { records } = decodeRecordBatch(buf, 0, { verifyCrc: false });
  for (const r of records) {
    const event: RecordEvent = {
      type: 'record',
      offset: r.offset,
      position,
      timestampType,
      timestamp: r.timestamp,
      // a v2 record has no checksum of its own: Kafka validates the batch only
      isValid: true,
      keySize: r.key?.length ?? -1,
      valueSize: r.value?.length ?? -1,
      magic: 2,
      compressCodec: codec,
      producerId: h.producerId,
      producerEpoch: h.producerEpoch,
      sequence: h.baseSequence < 0 ? -1 : incrementSequence(h.baseSequence, r.offset - h.baseOffset),
      isTransactional: transactional,
      headerKeys: r.headers.map((x) => x.key),
    };
    if (isControl(h.attributes)) describeControlRecord(r.key, r.value, event);
    else if (options.parser !== null) Object.assign(event, options.parser.parse(r.key, r.value));
    yield event;
  }
}

/** COMMIT/ABORT markers: key = version int16, type int16; value = version int16, coordinatorEpoch int32. */
function describeControlRecord(key: Buffer | null, value: Buffer | null, event: RecordEvent): void {
  if (key === null || key.length < 4) throw new Error('control record without a valid key');
  const typeId = key.readInt16BE(2);
  if (typeId === 0 || typeId === 1) {
    if (value === null || value.length < 6) throw new Error('end transaction marker without a valid value');
    event.endTxnMarker = { controlType: typeId === 0 ? 'ABORT' : 'COMMIT', coordinatorEpoch: value.readInt32BE(2) };
  } else {
    event.controlType = `UNKNOWN(${typeId})`;
  }
}

function* dumpLegacyEntry({ position, buf }: SegmentEntry, options: LogDumpOptions): Generator<DumpEvent> {
  const view = newLegacyMessageView();
  readLegacyMessage(buf, 0, buf.length, view);
  const codec = view.attributes & 0x07;
  const timestampType = legacyTimestampType(view);
  if (!options.deepIteration) {
    yield {
      type: 'batch',
      magic: view.magic,
      baseOffset: view.offset,
      lastOffset: view.offset,
      count: null,
      baseSequence: -1,
      lastSequence: -1,
      producerId: -1,
      producerEpoch: -1,
      partitionLeaderEpoch: -1,
      isTransactional: false,
      isControl: false,
      position,
      timestampType,
      maxTimestamp: view.timestamp,
      isValid: isLegacyCrcValid(buf, 0, buf.length),
      size: buf.length,
      compressCodec: codecName(codec),
      crc: buf.readUInt32BE(LEGACY_CRC_OFFSET),
    } satisfies BatchEvent;
    return;
  }
  if (codec === CompressionType.NONE) {
    yield legacyRecord(buf, view, position, codec, timestampType, view.timestamp, view.offset, options);
    return;
  }
  if (view.valueLength < 0) throw new Error('compressed wrapper message without a value');
  const wrapper = { ...view };
  const inner = decompressLegacy(codec, view.magic, buf.subarray(view.valuePos, view.valuePos + view.valueLength));
  const messages: { pos: number; size: number; view: LegacyMessageView }[] = [];
  for (let pos = 0; pos + 12 <= inner.length;) {
    const size = inner.readInt32BE(pos + 8) + 12;
    if (size < 26 || pos + size > inner.length) break;
    const v = newLegacyMessageView();
    readLegacyMessage(inner, pos, size, v);
    messages.push({ pos, size, view: v });
    pos += size;
  }
  if (messages.length === 0) throw new Error('compressed wrapper message with no inner messages');
  const base = innerOffsetBase(wrapper.magic, wrapper.offset, messages[messages.length - 1]!.view.offset);
  const useWrapperTime = wrapper.magic === 1 && timestampType === 'LogAppendTime';
  for (const m of messages) {
    const offset = base === null ? m.view.offset : base + m.view.offset;
    const timestamp = useWrapperTime ? wrapper.timestamp : m.view.timestamp;
    const entry = inner.subarray(m.pos, m.pos + m.size);
    const v = { ...m.view, keyPos: m.view.keyPos - m.pos, valuePos: m.view.valuePos - m.pos };
    yield legacyRecord(entry, v, position, codec, timestampType, timestamp, offset, options);
  }
}

function legacyTimestampType(view: LegacyMessageView): TimestampTypeName {
  if (view.magic === 0) return 'NoTimestampType';
  return (view.attributes & LEGACY_TIMESTAMP_TYPE_MASK) !== 0 ? 'LogAppendTime' : 'CreateTime';
}

function legacyRecord(
  entry: Buffer,
  view: LegacyMessageView,
  position: number,
  codec: number,
  timestampType: TimestampTypeName,
  timestamp: number,
  offset: number,
  options: LogDumpOptions,
): RecordEvent {
  const key = view.keyLength < 0 ? null : entry.subarray(view.keyPos, view.keyPos + view.keyLength);
  const value = view.valueLength < 0 ? null : entry.subarray(view.valuePos, view.valuePos + view.valueLength);
  const event: RecordEvent = {
    type: 'record',
    offset,
    position,
    timestampType,
    timestamp,
    isValid: isLegacyCrcValid(entry, 0, entry.length),
    keySize: view.keyLength,
    valueSize: view.valueLength,
    magic: view.magic,
    compressCodec: codecName(codec),
    crc: entry.readUInt32BE(LEGACY_CRC_OFFSET),
  };
  if (options.parser !== null) Object.assign(event, options.parser.parse(key, value));
  return event;
}
