/**
 * What the log cleaner keeps of one stored v2 batch (Kafka's LogCleaner checkBatchRetention and
 * shouldRetainRecord, applied as MemoryRecords.filterTo does):
 *  - data of an aborted transaction goes entirely;
 *  - otherwise a record stays if it holds its key's latest offset, and, for a tombstone, until the
 *    batch's delete horizon (KIP-534: stamped by the first clean that keeps it, now +
 *    delete.retention.ms; a later clean after it drops the tombstone); keyless records go;
 *  - a control batch keeps its marker until the marker is removable (cleaned-transaction-metadata.ts)
 *    and then for delete.retention.ms more, through the same horizon: the first clean that finds
 *    it removable stamps it, a clean after the horizon removes it;
 *  - the batch holding an active producer's last sequence (or, for a producer whose last write is
 *    a marker, that marker) is never removed: when none of its records stay, its header stays,
 *    empty, so that producer state rebuilt from the log still knows the producer's sequence and epoch.
 * Batches keep their base offset, last offset, producer fields and codec; one that keeps all its
 * records (and needs no new horizon) is copied byte for byte.
 */
import {
  DELETE_HORIZON_FLAG_MASK,
  MAX_TIMESTAMP_OFFSET,
  buildRecordBatch,
  decodeRecordBatch,
  isControl,
  isTransactional,
  readBatchHeader,
  timestampTypeOf,
  writeBatchCrc,
  writeInt64,
  type Record,
  type RecordBatchHeader,
} from '@tarn/protocol';
import type { CleanedTransactionMetadata } from './cleaned-transaction-metadata';
import { readEndTransactionMarker } from './end-transaction-marker';

/** An active producer's last write (Kafka's LastRecord): its last data offset (null: only markers) and epoch. */
export interface LastRecord {
  lastDataOffset: number | null;
  producerEpoch: number;
}

export interface BatchFilterContext {
  /** Latest offset of every key in the dirty section. */
  map: Map<string, number>;
  txns: CleanedTransactionMetadata;
  lastRecords: ReadonlyMap<number, LastRecord>;
  now: number;
  deleteRetentionMs: number;
  /** Records removed so far (the clean's statistics). */
  removed: { records: number };
}

function isLastRecordOfProducer(h: RecordBatchHeader, control: boolean, lastRecords: ReadonlyMap<number, LastRecord>): boolean {
  const last = lastRecords.get(h.producerId);
  if (last === undefined) return false;
  if (last.lastDataOffset !== null) return h.baseOffset + h.lastOffsetDelta === last.lastDataOffset;
  return control && h.producerEpoch === last.producerEpoch;
}

/** Kafka's writeEmptyHeader: the batch's offsets, producer fields and max timestamp, no records. */
function emptyBatch(h: RecordBatchHeader): Buffer {
  const out = buildRecordBatch([], {
    baseOffset: h.baseOffset,
    partitionLeaderEpoch: h.partitionLeaderEpoch,
    timestampType: timestampTypeOf(h.attributes),
    logAppendTime: h.maxTimestamp,
    producerId: h.producerId,
    producerEpoch: h.producerEpoch,
    baseSequence: h.baseSequence,
    isTransactional: isTransactional(h.attributes),
    isControl: isControl(h.attributes),
    lastOffsetDelta: h.lastOffsetDelta,
    now: -1,
  });
  writeInt64(out, h.maxTimestamp, MAX_TIMESTAMP_OFFSET);
  writeBatchCrc(out, 0, out.length);
  return out;
}

function rebuild(h: RecordBatchHeader, kept: readonly Record[], deleteHorizonMs: number | undefined): Buffer {
  return buildRecordBatch(
    kept.map((r) => ({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp })),
    {
      baseOffset: h.baseOffset,
      partitionLeaderEpoch: h.partitionLeaderEpoch,
      compression: h.attributes & 7,
      timestampType: timestampTypeOf(h.attributes),
      logAppendTime: h.maxTimestamp,
      producerId: h.producerId,
      producerEpoch: h.producerEpoch,
      baseSequence: h.baseSequence,
      isTransactional: isTransactional(h.attributes),
      isControl: isControl(h.attributes),
      offsetDeltas: kept.map((r) => r.offset - h.baseOffset),
      lastOffsetDelta: h.lastOffsetDelta,
      deleteHorizonMs,
    },
  );
}

/** The batch with only what is worth keeping: as is, rebuilt, emptied, or null when nothing stays. */
export function filterBatch(bytes: Buffer, ctx: BatchFilterContext): Buffer | null {
  const h = readBatchHeader(bytes);
  const control = isControl(h.attributes);
  const hasHorizon = (h.attributes & DELETE_HORIZON_FLAG_MASK) !== 0;
  const horizonPassed = hasHorizon && h.baseTimestamp <= ctx.now;
  const retainEmpty = h.producerId >= 0 && isLastRecordOfProducer(h, control, ctx.lastRecords);
  const nothingKept = (): Buffer | null => (retainEmpty ? (h.recordsCount === 0 ? Buffer.from(bytes) : emptyBatch(h)) : null);

  if (control) {
    const marker = readEndTransactionMarker(bytes);
    const removable = ctx.txns.onControlBatchRead(h, marker);
    if (marker === null || (removable && horizonPassed)) return nothingKept();
    if (removable && !hasHorizon)
      return rebuild(h, decodeRecordBatch(bytes, 0, { verifyCrc: false }).records, ctx.now + ctx.deleteRetentionMs);
    return Buffer.from(bytes);
  }

  if (ctx.txns.onBatchRead(h, isTransactional(h.attributes))) {
    ctx.removed.records += h.recordsCount;
    return nothingKept();
  }
  const { records } = decodeRecordBatch(bytes, 0, { verifyCrc: false });
  const kept = records.filter((r) => {
    if (r.key === null) return false;
    const latest = ctx.map.get(r.key.toString('latin1'));
    if (latest !== undefined && r.offset < latest) return false;
    return r.value !== null || !horizonPassed;
  });
  ctx.removed.records += records.length - kept.length;
  const keepsTombstones = kept.some((r) => r.value === null);
  if (kept.length === 0) return nothingKept();
  if (kept.length === records.length && (hasHorizon || !keepsTombstones)) return Buffer.from(bytes);
  return rebuild(h, kept, keepsTombstones ? (hasHorizon ? h.baseTimestamp : ctx.now + ctx.deleteRetentionMs) : undefined);
}
