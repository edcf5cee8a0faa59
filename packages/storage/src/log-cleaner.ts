/**
 * Compaction (Kafka's LogCleaner) for `cleanup.policy=compact`: keep the latest record of every key.
 *
 * A pass over one log:
 *  1. The dirty section runs from the first dirty offset (`cleaner-offset-checkpoint`, else the log
 *     start) to the first uncleanable offset: the active segment, the high watermark, and segments
 *     younger than min.compaction.lag.ms are never cleaned.
 *  2. An offset map records the last offset of every key in the dirty section.
 *  3. Every segment below that point is rewritten, in groups that fit one segment, keeping a record
 *     only if no later offset holds its key. Keyless records go. Tombstones (null values) follow
 *     KIP-534: the first clean that keeps one stamps its batch with a delete horizon (now +
 *     delete.retention.ms); a clean after that horizon drops it. Batches keep their base offset,
 *     last offset, producer fields and codec; one that keeps all its records (and needs no new
 *     horizon) is copied byte for byte.
 *  4. The rewritten group goes `.cleaned` → `.swap` → live while the old segments go `.deleted`;
 *     the loader finishes or discards an interrupted swap, so a crash never loses a key's latest
 *     value.
 */
import { join } from 'node:path';
import {
  DELETE_HORIZON_FLAG_MASK,
  buildRecordBatch,
  decodeRecordBatch,
  readBatchHeader,
  timestampTypeOf,
  isControl,
  isTransactional,
  type RecordInput,
} from '@tarn/protocol';
import { EntryScanner } from './file-records';
import type { FileHandleCache } from './file-handle-cache';
import type { FileSystem } from './file-system';
import { CLEANED_FILE_SUFFIX } from './log-file-names';
import { LogSegment, type SegmentAppend } from './log-segment';
import type { PartitionLog } from './partition-log';
import type { Time } from './time';

export interface CleanResult {
  firstDirtyOffset: number;
  endOffset: number;
  segmentsCleaned: number;
  bytesBefore: number;
  bytesAfter: number;
  recordsRemoved: number;
}

export interface CleanerHooks {
  /** Called after each step of the swap (tests crash the process here). */
  afterStep?: (step: string) => void;
}

export class LogCleaner {
  constructor(
    private readonly fsys: FileSystem,
    private readonly time: Time,
    /** Upper bound on distinct keys per pass (log.cleaner.dedupe.buffer.size / 24 in Kafka terms). */
    private readonly maxMapEntries = 5_000_000,
    private readonly files?: FileHandleCache,
  ) {}

  /** The first offset the cleaner must not touch. */
  firstUncleanableOffset(log: PartitionLog): number {
    let bound = Math.min(log.activeSegment.baseOffset, log.highWatermark);
    const lag = log.config.minCompactionLagMs;
    if (lag > 0) {
      const now = this.time.milliseconds();
      const young = log.segments.find((s) => s.size > 0 && now - s.largestTimestamp < lag);
      if (young !== undefined) bound = Math.min(bound, young.baseOffset);
    }
    return bound;
  }

  /** Share of the cleanable bytes that is dirty (what min.cleanable.dirty.ratio compares against). */
  dirtyRatio(log: PartitionLog, firstDirtyOffset: number): number {
    const end = this.firstUncleanableOffset(log);
    let clean = 0;
    let dirty = 0;
    log.segments.forEach((s, i) => {
      const next = log.segments[i + 1]?.baseOffset ?? log.logEndOffset;
      if (s.baseOffset >= end) return;
      if (next <= firstDirtyOffset) clean += s.size;
      else dirty += s.size;
    });
    return clean + dirty === 0 ? 0 : dirty / (clean + dirty);
  }

  /** Runs one cleaning pass; null when there is nothing dirty to clean. */
  clean(log: PartitionLog, firstDirtyOffsetIn: number, hooks: CleanerHooks = {}): CleanResult | null {
    const firstDirtyOffset = Math.max(firstDirtyOffsetIn, log.logStartOffset);
    const uncleanable = this.firstUncleanableOffset(log);
    if (firstDirtyOffset >= uncleanable) return null;

    const { map, endOffset } = this.buildOffsetMap(log, firstDirtyOffset, uncleanable);
    if (endOffset <= firstDirtyOffset) return null;

    const toClean = log.segments.filter((s) => s.baseOffset < endOffset && s !== log.activeSegment);
    const result: CleanResult = { firstDirtyOffset, endOffset, segmentsCleaned: 0, bytesBefore: 0, bytesAfter: 0, recordsRemoved: 0 };
    for (const group of this.groupBySize(toClean, log.config.segmentBytes)) {
      this.cleanGroup(log, group, map, result, hooks);
    }
    return result;
  }

  private buildOffsetMap(log: PartitionLog, from: number, to: number): { map: Map<string, number>; endOffset: number } {
    const map = new Map<string, number>();
    let endOffset = from;
    for (let i = 0; i < log.segments.length; i++) {
      const seg = log.segments[i]!;
      const next = log.segments[i + 1]?.baseOffset ?? log.logEndOffset;
      if (next <= from || seg.baseOffset >= to) continue;
      // Stop at a segment boundary when the map is full; the rest waits for the next pass.
      if (map.size >= this.maxMapEntries) break;
      seg.pin();
      try {
        this.mapSegment(seg, from, to, map);
      } finally {
        seg.unpin();
      }
      endOffset = Math.min(next, to);
    }
    return { map, endOffset };
  }

  private mapSegment(seg: LogSegment, from: number, to: number, map: Map<string, number>): void {
    {
      for (const { header, bytes } of new EntryScanner(this.fsys, seg.fd, 0, seg.size, false)) {
        if (header.magic !== 2 || header.lastOffset < from) continue;
        if (isControl(bytes.readInt16BE(21))) continue;
        for (const r of decodeRecordBatch(bytes, 0, { verifyCrc: false }).records) {
          if (r.offset >= from && r.offset < to && r.key !== null) map.set(r.key.toString('latin1'), r.offset);
        }
      }
    }
  }

  /** Consecutive segments whose total size fits one segment (Kafka's groupSegmentsBySize). */
  private groupBySize(segments: LogSegment[], maxSize: number): LogSegment[][] {
    const groups: LogSegment[][] = [];
    let current: LogSegment[] = [];
    let size = 0;
    for (const s of segments) {
      if (current.length > 0 && size + s.size > maxSize) {
        groups.push(current);
        current = [];
        size = 0;
      }
      current.push(s);
      size += s.size;
    }
    if (current.length > 0) groups.push(current);
    return groups;
  }

  private cleanGroup(log: PartitionLog, group: LogSegment[], map: Map<string, number>, result: CleanResult, hooks: CleanerHooks): void {
    const base = group[0]!.baseOffset;
    const options = { indexIntervalBytes: log.config.indexIntervalBytes, maxIndexSize: log.config.segmentIndexBytes, files: this.files };
    const cleanedPrefix = join(log.dir, `${String(base).padStart(20, '0')}`);
    for (const suffix of ['.log', '.index', '.timeindex']) {
      const p = cleanedPrefix + suffix + CLEANED_FILE_SUFFIX;
      if (this.fsys.existsSync(p)) this.fsys.unlinkSync(p);
    }
    const cleaned = LogSegment.create(this.fsys, log.dir, base, options, this.time.milliseconds(), CLEANED_FILE_SUFFIX);
    const now = this.time.milliseconds();
    for (const seg of group) seg.pin();
    try {
      this.copyGroup(log, group, cleaned, map, now, result);
    } finally {
      for (const seg of group) seg.unpin();
    }
    cleaned.onBecomeInactive();
    cleaned.setLastModified(group[group.length - 1]!.lastModifiedMs);
    cleaned.flush(false);
    hooks.afterStep?.('cleaned');
    log.replaceSegments([cleaned], group, hooks.afterStep);
    result.segmentsCleaned += group.length;
  }

  /** The records of `group` worth keeping, written to the cleaned segment. */
  private copyGroup(
    log: PartitionLog,
    group: LogSegment[],
    cleaned: LogSegment,
    map: Map<string, number>,
    now: number,
    result: CleanResult,
  ): void {
    for (const seg of group) {
      const out: SegmentAppend[] = [];
      for (const { header, bytes } of new EntryScanner(this.fsys, seg.fd, 0, seg.size, false)) {
        result.bytesBefore += header.size;
        if (header.magic !== 2) {
          out.push({ bytes: Buffer.from(bytes), lastOffset: header.lastOffset, maxTimestamp: header.maxTimestamp });
          continue;
        }
        const kept = this.filterBatch(bytes, map, now, log.config.deleteRetentionMs, result);
        if (kept !== null) out.push({ bytes: kept, lastOffset: header.lastOffset, maxTimestamp: header.maxTimestamp });
      }
      cleaned.append(out, seg.lastModifiedMs);
      for (const b of out) result.bytesAfter += b.bytes.length;
    }
  }

  /** The batch with only the records worth keeping: as is, rebuilt, or null when none are. */
  private filterBatch(bytes: Buffer, map: Map<string, number>, now: number, deleteRetentionMs: number, result: CleanResult): Buffer | null {
    const header = readBatchHeader(bytes);
    if (isControl(header.attributes)) return Buffer.from(bytes);
    const hasHorizon = (header.attributes & DELETE_HORIZON_FLAG_MASK) !== 0;
    const horizonPassed = hasHorizon && header.baseTimestamp <= now;
    const { records } = decodeRecordBatch(bytes, 0, { verifyCrc: false });
    const kept = records.filter((r) => {
      if (r.key === null) return false;
      const latest = map.get(r.key.toString('latin1'));
      if (latest !== undefined && r.offset < latest) return false;
      return r.value !== null || !horizonPassed;
    });
    result.recordsRemoved += records.length - kept.length;
    const keepsTombstones = kept.some((r) => r.value === null);
    if (kept.length === 0) return null;
    if (kept.length === records.length && (hasHorizon || !keepsTombstones)) return Buffer.from(bytes);
    const inputs: RecordInput[] = kept.map((r) => ({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp }));
    return buildRecordBatch(inputs, {
      baseOffset: header.baseOffset,
      partitionLeaderEpoch: header.partitionLeaderEpoch,
      compression: header.attributes & 7,
      timestampType: timestampTypeOf(header.attributes),
      logAppendTime: header.maxTimestamp,
      producerId: header.producerId,
      producerEpoch: header.producerEpoch,
      baseSequence: header.baseSequence,
      isTransactional: isTransactional(header.attributes),
      offsetDeltas: kept.map((r) => r.offset - header.baseOffset),
      lastOffsetDelta: header.lastOffsetDelta,
      deleteHorizonMs: keepsTombstones ? (hasHorizon ? header.baseTimestamp : now + deleteRetentionMs) : undefined,
    });
  }
}
