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
  TRANSACTIONAL_FLAG_MASK,
  TimestampType,
  decodeRecordBatch,
  timestampTypeOf,
  type Record,
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
    if (size < LOG_OVERHEAD || pos + size > buf.length) break; // partial batch at the end
    const magic = buf.readInt8(pos + MAGIC_OFFSET);
    if (magic !== 2) throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, `${topic}-${partition}: unsupported magic ${magic} at ${pos}`);
    const batch = decodeBatch(topic, partition, buf, pos, options.checkCrcs);
    pos += size;
    batches++;
    const h = batch.header;
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
      const marker = batch.records[0]?.key;
      if (marker && marker.length >= 4 && marker.readInt16BE(2) === ABORT_MARKER) abortedProducers.delete(pid);
      continue;
    }
    if (options.readCommitted && (h.attributes & TRANSACTIONAL_FLAG_MASK) !== 0 && abortedProducers.has(pid)) continue;
    const tsType = timestampTypeOf(h.attributes) === TimestampType.LOG_APPEND_TIME ? 'LogAppendTime' : 'CreateTime';
    for (const r of batch.records) {
      if (r.offset < fetchOffset) continue;
      out.push(toConsumerRecord(topic, partition, r, tsType, h.partitionLeaderEpoch));
    }
  }
  return { records: out, nextOffset, lastEpoch, truncatedFirstBatch: batches === 0 && buf.length > 0 };
}

/** A batch that does not decode (CRC, compression, record framing) is the client's typed KafkaError naming the partition. */
function decodeBatch(topic: string, partition: number, buf: Buffer, pos: number, verifyCrc: boolean) {
  try {
    return decodeRecordBatch(buf, pos, { verifyCrc });
  } catch (err) {
    const code = err instanceof ProtocolKafkaError ? err.code : ErrorCode.CORRUPT_MESSAGE;
    throw new KafkaError(code, `${topic}-${partition} batch at byte ${pos}: ${(err as Error).message}`, { cause: err });
  }
}

function toConsumerRecord(
  topic: string,
  partition: number,
  r: Record,
  timestampType: 'CreateTime' | 'LogAppendTime',
  leaderEpoch: number,
): ConsumerRecord {
  return {
    topic,
    partition,
    offset: r.offset,
    timestamp: r.timestamp,
    timestampType,
    key: r.key,
    value: r.value,
    headers: r.headers,
    leaderEpoch,
    serializedKeySize: r.key === null ? -1 : r.key.length,
    serializedValueSize: r.value === null ? -1 : r.value.length,
  };
}
