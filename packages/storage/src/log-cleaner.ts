/**
 * Compaction (Kafka's LogCleaner) for `cleanup.policy=compact`: keep the latest record of every key.
 *
 * A pass over one log:
 *  1. The dirty section runs from the first dirty offset (`cleaner-offset-checkpoint`, else the log
 *     start) to the first uncleanable offset: the active segment, the last stable offset (so never
 *     an undecided transaction, nor one whose marker is not replicated yet), and segments younger
 *     than min.compaction.lag.ms are never cleaned.
 *  2. An offset map records the last offset of every key in the dirty section, leaving out the
 *     records of aborted transactions (they must not hide a committed value).
 *  3. Every segment below that point is rewritten, in groups that fit one segment, keeping what
 *     cleaner-batch-filter.ts keeps: a key's latest record, tombstones and removable transaction
 *     markers until their delete horizon, nothing of aborted transactions, and the batch holding an
 *     active producer's last sequence, if only as an empty header. The walk follows transactions
 *     across groups (cleaned-transaction-metadata.ts) and writes each cleaned segment's `.txnindex`:
 *     the aborts whose markers it keeps while their data goes in this pass.
 *  4. The rewritten group goes `.cleaned` → `.swap` → live while the old segments go `.deleted`;
 *     the loader finishes or discards an interrupted swap, so a crash never loses a key's latest
 *     value.
 *
 * As in Kafka, a cleaned segment's `.txnindex` has no entry for an aborted transaction whose data
 * was already removed by an earlier pass: nothing of it is left for a read_committed consumer to skip.
 */
import { join } from 'node:path';
import { decodeRecordBatch, isControl, isTransactional, readBatchHeader } from '@tarn/protocol';
import { filterBatch, type BatchFilterContext, type LastRecord } from './cleaner-batch-filter';
import { CleanedTransactionMetadata } from './cleaned-transaction-metadata';
import { readEndTransactionMarker } from './end-transaction-marker';
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
    let bound = Math.min(log.activeSegment.baseOffset, log.lastStableOffset);
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
    const ctx: BatchFilterContext = {
      map,
      txns: new CleanedTransactionMetadata(),
      lastRecords: lastRecordsOfActiveProducers(log),
      now: this.time.milliseconds(),
      deleteRetentionMs: log.config.deleteRetentionMs,
      removed: { records: 0 },
    };
    for (const group of this.groupBySize(toClean, log.config.segmentBytes)) {
      this.cleanGroup(log, group, ctx, result, hooks);
    }
    result.recordsRemoved = ctx.removed.records;
    return result;
  }

  private buildOffsetMap(log: PartitionLog, from: number, to: number): { map: Map<string, number>; endOffset: number } {
    const map = new Map<string, number>();
    const txns = new CleanedTransactionMetadata();
    txns.addAbortedTransactions(log.collectAbortedTransactions(from, to));
    let endOffset = from;
    for (let i = 0; i < log.segments.length; i++) {
      const seg = log.segments[i]!;
      const next = log.segments[i + 1]?.baseOffset ?? log.logEndOffset;
      if (next <= from || seg.baseOffset >= to) continue;
      // Stop at a segment boundary when the map is full; the rest waits for the next pass.
      if (map.size >= this.maxMapEntries) break;
      seg.pin();
      try {
        this.mapSegment(seg, from, to, map, txns);
      } finally {
        seg.unpin();
      }
      endOffset = Math.min(next, to);
    }
    return { map, endOffset };
  }

  private mapSegment(seg: LogSegment, from: number, to: number, map: Map<string, number>, txns: CleanedTransactionMetadata): void {
    for (const { header, bytes } of new EntryScanner(this.fsys, seg.fd, 0, seg.size, false)) {
      if (header.magic !== 2 || header.lastOffset < from) continue;
      const h = readBatchHeader(bytes);
      if (isControl(h.attributes)) {
        txns.onControlBatchRead(h, readEndTransactionMarker(bytes));
        continue;
      }
      if (txns.onBatchRead(h, isTransactional(h.attributes))) continue; // aborted: hides no key
      for (const r of decodeRecordBatch(bytes, 0, { verifyCrc: false }).records) {
        if (r.offset >= from && r.offset < to && r.key !== null) map.set(r.key.toString('latin1'), r.offset);
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

  private cleanGroup(log: PartitionLog, group: LogSegment[], ctx: BatchFilterContext, result: CleanResult, hooks: CleanerHooks): void {
    const base = group[0]!.baseOffset;
    const options = { indexIntervalBytes: log.config.indexIntervalBytes, maxIndexSize: log.config.segmentIndexBytes, files: this.files };
    const cleanedPrefix = join(log.dir, `${String(base).padStart(20, '0')}`);
    for (const suffix of ['.log', '.index', '.timeindex', '.txnindex']) {
      const p = cleanedPrefix + suffix + CLEANED_FILE_SUFFIX;
      if (this.fsys.existsSync(p)) this.fsys.unlinkSync(p);
    }
    const cleaned = LogSegment.create(this.fsys, log.dir, base, options, this.time.milliseconds(), CLEANED_FILE_SUFFIX);
    ctx.txns.cleanedIndex = cleaned.txnIndex;
    for (const seg of group) seg.pin();
    try {
      this.copyGroup(log, group, cleaned, ctx, result);
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
  private copyGroup(log: PartitionLog, group: LogSegment[], cleaned: LogSegment, ctx: BatchFilterContext, result: CleanResult): void {
    for (const seg of group) {
      // Kafka collects over the segment's whole range: the cleaned .txnindex is rebuilt from scratch
      const i = log.segments.indexOf(seg);
      const upperBound = log.segments[i + 1]?.baseOffset ?? seg.readNextOffset();
      ctx.txns.addAbortedTransactions(log.collectAbortedTransactions(seg.baseOffset, upperBound));
      const out: SegmentAppend[] = [];
      for (const { header, bytes } of new EntryScanner(this.fsys, seg.fd, 0, seg.size, false)) {
        result.bytesBefore += header.size;
        if (header.magic !== 2) {
          out.push({ bytes: Buffer.from(bytes), lastOffset: header.lastOffset, maxTimestamp: header.maxTimestamp });
          continue;
        }
        const kept = filterBatch(bytes, ctx);
        if (kept !== null) out.push({ bytes: kept, lastOffset: header.lastOffset, maxTimestamp: header.maxTimestamp });
      }
      cleaned.append(out, seg.lastModifiedMs);
      for (const b of out) result.bytesAfter += b.bytes.length;
    }
  }
}

/** Kafka's lastRecordsOfActiveProducers: the write of each producer the cleaner must keep. */
function lastRecordsOfActiveProducers(log: PartitionLog): Map<number, LastRecord> {
  const out = new Map<number, LastRecord>();
  for (const p of log.activeProducers()) {
    out.set(p.producerId, { lastDataOffset: p.lastOffset >= 0 ? p.lastOffset : null, producerEpoch: p.producerEpoch });
  }
  return out;
}
