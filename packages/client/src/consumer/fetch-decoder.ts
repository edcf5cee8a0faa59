/**
 * Turns one partition's Fetch answer into records, as Kafka's CompletedFetch does: every whole v2
 * batch (a trailing partial batch is what a size limit cut off — it is fetched again next time),
 * decompressed, CRC checked; records below the fetch offset dropped (a fetch from inside a batch
 * returns the whole batch); control batches skipped; and under read_committed, the batches of
 * transactions the aborted-transactions list names skipped up to their ABORT marker.
 */
import {
  CONTROL_FLAG_MASK,
  ErrorCode,
  KafkaError as ProtocolKafkaError,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  RECORDS_OFFSET,
  TRANSACTIONAL_FLAG_MASK,
  TimestampType,
  compressionCodecOf,
  decompress,
  isBatchCrcValid,
  readBatchHeader,
  readVarint,
  readVarlong,
  timestampTypeOf,
  type Cursor,
  type RecordBatchHeader,
  type RecordHeader,
} from '@tarn/protocol';
import { KafkaError } from '../errors';
import type { ConsumerRecord } from './consumer-record';

export interface AbortedTxn {
  producerId: bigint;
  firstOffset: bigint;
}

export interface DecodedFetch {
  records: ConsumerRecord[];
  /** Offset to fetch next: after the last batch seen (control and aborted batches included). */
  nextOffset: number;
  /** Leader epoch of the last batch seen. */
  lastEpoch: number;
  /** A first batch bigger than the whole response allowed (Kafka's RecordTooLargeException case). */
  truncatedFirstBatch: boolean;
}

const ABORT_MARKER = 0;

/**
 * Batch headers only: where the next fetch of this partition starts (after the last whole batch),
 * the last batch's leader epoch, and whether not even one whole batch came. Cheap — the records
 * are decoded later, when poll takes them, while the next fetch is already on its way.
 */
export function scanFetched(
  buf: Buffer | null,
  fetchOffset: number,
): { nextOffset: number; lastEpoch: number; truncatedFirstBatch: boolean } {
  let nextOffset = fetchOffset;
  let lastEpoch = -1;
  let pos = 0;
  let whole = 0;
  if (buf === null) return { nextOffset, lastEpoch, truncatedFirstBatch: false };
  while (buf.length - pos >= RECORDS_OFFSET) {
    const size = buf.readInt32BE(pos + 8) + LOG_OVERHEAD;
    if (size < RECORDS_OFFSET || pos + size > buf.length) break;
    const h = readBatchHeader(buf, pos);
    const last = h.baseOffset + h.lastOffsetDelta;
    if (last >= nextOffset) nextOffset = last + 1;
    lastEpoch = h.partitionLeaderEpoch;
    pos += size;
    whole++;
  }
  return { nextOffset, lastEpoch, truncatedFirstBatch: whole === 0 && buf.length > 0 };
}

export function decodeFetchedRecords(
  topic: string,
  partition: number,
  buf: Buffer | null,
  fetchOffset: number,
  options: { readCommitted: boolean; aborted: readonly AbortedTxn[] | null; checkCrcs: boolean },
): DecodedFetch {
  const out: ConsumerRecord[] = [];
  let nextOffset = fetchOffset;
  let lastEpoch = -1;
  if (buf === null || buf.length === 0) return { records: out, nextOffset, lastEpoch, truncatedFirstBatch: false };
  const aborted = options.readCommitted ? [...(options.aborted ?? [])].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : 1)) : [];
  const abortedProducers = new Set<bigint>();
  let nextAborted = 0;
  let pos = 0;
  let batches = 0;
  while (buf.length - pos >= LOG_OVERHEAD + 5) {
    const size = buf.readInt32BE(pos + 8) + LOG_OVERHEAD;
    if (pos + size > buf.length) break; // partial batch at the end
    if (size < RECORDS_OFFSET) corrupt(topic, partition, pos, `batch length ${size} is shorter than a batch header`);
    const magic = buf.readInt8(pos + MAGIC_OFFSET);
    if (magic !== 2) throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, `${topic}-${partition}: unsupported magic ${magic} at ${pos}`);
    if (options.checkCrcs && !isBatchCrcValid(buf, pos, size)) corrupt(topic, partition, pos, 'record batch CRC mismatch');
    const h = readBatchHeader(buf, pos);
    const start = pos;
    pos += size;
    batches++;
    const lastOffset = h.baseOffset + h.lastOffsetDelta;
    lastEpoch = h.partitionLeaderEpoch;
    if (lastOffset < fetchOffset) continue;
    nextOffset = lastOffset + 1;
    // Aborted transactions that start at or before this batch become active (Kafka's CompletedFetch).
    while (nextAborted < aborted.length && aborted[nextAborted]!.firstOffset <= BigInt(lastOffset)) {
      abortedProducers.add(aborted[nextAborted]!.producerId);
      nextAborted++;
    }
    const pid = BigInt(h.producerId);
    if ((h.attributes & CONTROL_FLAG_MASK) !== 0) {
      const records: ConsumerRecord[] = [];
      readRecords(records, topic, partition, buf, start, size, h, -1);
      const marker = records[0]?.key;
      if (marker && marker.length >= 4 && marker.readInt16BE(2) === ABORT_MARKER) abortedProducers.delete(pid);
      continue;
    }
    if (options.readCommitted && (h.attributes & TRANSACTIONAL_FLAG_MASK) !== 0 && abortedProducers.has(pid)) continue;
    readRecords(out, topic, partition, buf, start, size, h, fetchOffset);
  }
  return { records: out, nextOffset, lastEpoch, truncatedFirstBatch: batches === 0 && buf.length > 0 };
}

function corrupt(topic: string, partition: number, pos: number, why: string): never {
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, `${topic}-${partition} batch at byte ${pos}: ${why}`);
}

/**
 * Every record of the batch at `pos` at or after `fetchOffset`, straight into ConsumerRecords (one
 * object per record: the consumer's hot path). Lengths are checked against the record's own bounds.
 */
function readRecords(
  out: ConsumerRecord[],
  topic: string,
  partition: number,
  buf: Buffer,
  pos: number,
  size: number,
  h: RecordBatchHeader,
  fetchOffset: number,
): void {
  let payload: Buffer;
  try {
    payload = decompress(compressionCodecOf(h.attributes), buf.subarray(pos + RECORDS_OFFSET, pos + size));
  } catch (err) {
    const code = err instanceof ProtocolKafkaError ? err.code : ErrorCode.CORRUPT_MESSAGE;
    throw new KafkaError(code, `${topic}-${partition} batch at byte ${pos}: ${(err as Error).message}`, { cause: err });
  }
  const logAppend = timestampTypeOf(h.attributes) === TimestampType.LOG_APPEND_TIME;
  const timestampType = logAppend ? 'LogAppendTime' : 'CreateTime';
  const c: Cursor = { buf: payload, pos: 0 };
  for (let i = 0; i < h.recordsCount; i++) {
    const length = readVarint(c);
    const end = c.pos + length;
    if (length < 1 || end > payload.length) corrupt(topic, partition, pos, `record length ${length} overruns the batch`);
    c.pos += 1; // attributes
    const timestampDelta = readVarlong(c);
    const offset = h.baseOffset + readVarint(c);
    const key = readBytes(c, end, topic, partition, pos);
    const value = readBytes(c, end, topic, partition, pos);
    const headerCount = readVarint(c);
    if (headerCount < 0 || headerCount > end - c.pos) corrupt(topic, partition, pos, `invalid header count ${headerCount}`);
    const headers: RecordHeader[] = [];
    for (let j = 0; j < headerCount; j++) {
      const hk = readBytes(c, end, topic, partition, pos);
      if (hk === null) corrupt(topic, partition, pos, 'null header key');
      headers.push({ key: hk.toString('utf8'), value: readBytes(c, end, topic, partition, pos) });
    }
    if (c.pos !== end) corrupt(topic, partition, pos, `a record declares ${length} bytes but its fields take more or less`);
    if (offset < fetchOffset) continue;
    out.push({
      topic,
      partition,
      offset,
      timestamp: logAppend ? h.maxTimestamp : h.baseTimestamp + timestampDelta,
      timestampType,
      key,
      value,
      headers,
      leaderEpoch: h.partitionLeaderEpoch,
      serializedKeySize: key === null ? -1 : key.length,
      serializedValueSize: value === null ? -1 : value.length,
    });
  }
  if (c.pos !== payload.length) corrupt(topic, partition, pos, `${payload.length - c.pos} bytes follow the last record`);
}

function readBytes(c: Cursor, end: number, topic: string, partition: number, pos: number): Buffer | null {
  const len = readVarint(c);
  if (len < 0) {
    if (len !== -1) corrupt(topic, partition, pos, `invalid length ${len} in a record`);
    return null;
  }
  if (c.pos + len > end) corrupt(topic, partition, pos, 'a record field overruns its record');
  const b = c.buf.subarray(c.pos, c.pos + len);
  c.pos += len;
  return b;
}
