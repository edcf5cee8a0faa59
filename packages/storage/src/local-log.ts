/**
 * The segments of one partition directory (Kafka's LocalLog with its LogSegments): the ordered
 * segment list, the log end offset and recovery point that describe it on disk, and what changes
 * it — rolling, retention's deletions, truncation, the cleaner's swaps, the directory itself.
 * What offsets mean to clients (log start, high watermark, producer state, leader epochs) is
 * partition-log.ts's; it hears of rolls and deletions through `SegmentListener`.
 *
 * Invariants: the list is never empty, sorted by base offset; the last segment is the active one.
 * A segment leaves in Kafka's two steps: renamed `.deleted` at once (readers holding its
 * descriptor keep working) and removed after file.delete.delay.ms.
 */
import { join } from 'node:path';
import { readFully } from './file-system';
import type { LogConfig } from './log-config';
import type { LogContext } from './log-context';
import type { LogEvent, LogEventBody, SegmentDeleteReason } from './log-events';
import { DELETED_FILE_SUFFIX } from './log-file-names';
import { LogSegment, type FileSlice, type SegmentOptions } from './log-segment';
import type { AbortedTxn } from './transaction-index';

const NO_ABORTED_TXNS: readonly AbortedTxn[] = Object.freeze([]);

/** What the partition log keeps beside the segments, told when they change. */
export interface SegmentListener {
  /** A new active segment starts at `baseOffset`. */
  rolled(baseOffset: number): void;
  /**
   * The segment at `baseOffset` is on its way out and no new segment takes its base offset; what
   * this returns runs once the segment's files are gone.
   */
  segmentDeleting(baseOffset: number): (() => void) | null;
  /** Retention deleted the oldest segments; the first one left starts at `baseOffset`. */
  oldestSegmentsDeleted(baseOffset: number): void;
}

export interface FetchDataInfo {
  /** Bytes to send as stored: whole batches, except that the last one may be cut short. */
  slice: FileSlice | null;
  /** Base offset of the first entry in the slice. */
  firstEntryOffset: number;
}

export interface LocalLogState {
  segments: LogSegment[];
  logEndOffset: number;
  recoveryPoint: number;
}

export class LocalLog {
  private segmentList: LogSegment[];
  private readonly deleting = new Set<LogSegment>();
  private currentLogEndOffset: number;
  private currentRecoveryPoint: number;
  /** Records written since the last flush (what flush.messages counts). */
  private unflushedMessages = 0;
  private lastFlushMs: number;

  constructor(
    private readonly ctx: LogContext,
    readonly dir: string,
    readonly topic: string,
    readonly partition: number,
    private currentConfig: LogConfig,
    private readonly segmentOptions: SegmentOptions,
    state: LocalLogState,
    private readonly listener: SegmentListener,
  ) {
    this.segmentList = state.segments;
    this.currentLogEndOffset = state.logEndOffset;
    this.currentRecoveryPoint = state.recoveryPoint;
    this.lastFlushMs = ctx.time.milliseconds();
  }

  get segments(): readonly LogSegment[] {
    return this.segmentList;
  }

  /** Segments renamed `.deleted`, waiting out file.delete.delay.ms (readers may still hold them). */
  get pendingDeletes(): ReadonlySet<LogSegment> {
    return this.deleting;
  }

  /** Offset after the last written batch. */
  get logEndOffset(): number {
    return this.currentLogEndOffset;
  }

  /** Everything below it is fsynced, with its indexes: recovery after a crash starts here. */
  get recoveryPoint(): number {
    return this.currentRecoveryPoint;
  }

  get config(): LogConfig {
    return this.currentConfig;
  }

  get activeSegment(): LogSegment {
    return this.segmentList[this.segmentList.length - 1]!;
  }

  get size(): number {
    return this.segmentList.reduce((n, s) => n + s.size, 0);
  }

  updateConfig(config: LogConfig): void {
    this.currentConfig = config;
  }

  /** Batches up to `offset` (exclusive) are written: readers may see them. */
  updateLogEndOffset(offset: number): void {
    this.currentLogEndOffset = offset;
  }

  /** `records` more records are written; flush once flush.messages of them are unflushed. */
  addUnflushedMessages(records: number): void {
    this.unflushedMessages += records;
    if (this.unflushedMessages >= this.currentConfig.flushMessages) this.flush();
  }

  private emit(event: LogEventBody): void {
    this.ctx.emit({ ...event, topic: this.topic, partition: this.partition } as LogEvent);
  }

  /**
   * The segment walk of Kafka's LocalLog.read: up to `maxBytes` from the batch holding
   * `startOffset` (at least that whole batch when `minOneMessage`), never past `maxOffset`.
   */
  read(startOffset: number, maxBytes: number, maxOffset: number, minOneMessage: boolean): FetchDataInfo {
    if (startOffset >= maxOffset) return { slice: null, firstEntryOffset: startOffset };
    const segments = this.segmentList;
    for (let i = this.segmentIndexFor(startOffset); i >= 0 && i < segments.length; i++) {
      const seg = segments[i]!;
      const result = seg.read(startOffset, maxBytes, this.maxPositionIn(seg, i, maxOffset), minOneMessage);
      if (result !== null) {
        return { slice: result.slice.length > 0 ? result.slice : null, firstEntryOffset: result.first.baseOffset };
      }
    }
    return { slice: null, firstEntryOffset: startOffset };
  }

  /**
   * Kafka's collectAbortedTransactions: the aborted transactions overlapping [startOffset,
   * upperBoundOffset), from the transaction indexes of the segment holding `startOffset` and the
   * ones after it, until an entry shows no later abort can overlap (see
   * TransactionIndex.collectAbortedTxns). Indexes are cached in memory, so this reads no file once
   * warm, and allocates nothing while no segment in range has an aborted transaction.
   */
  collectAbortedTransactions(startOffset: number, upperBoundOffset: number): readonly AbortedTxn[] {
    const segments = this.segmentList;
    let out: AbortedTxn[] | null = null;
    for (let i = Math.max(0, this.segmentIndexFor(startOffset)); i < segments.length; i++) {
      const index = segments[i]!.txnIndex;
      if (index.isEmpty) continue;
      out ??= [];
      if (index.collectAbortedTxns(startOffset, upperBoundOffset, out)) break;
    }
    return out === null || out.length === 0 ? NO_ABORTED_TXNS : out;
  }

  /** Index of the segment holding `offset` (the last one starting at or below it); -1 below the first. */
  private segmentIndexFor(offset: number): number {
    const segments = this.segmentList;
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (segments[mid]!.baseOffset <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** File position in `seg` (at `index` in the list) where data at or after `maxOffset` begins. */
  private maxPositionIn(seg: LogSegment, index: number, maxOffset: number): number {
    if (maxOffset >= this.logEndOffset) return seg.size;
    const next = this.segmentList[index + 1];
    if (next !== undefined && next.baseOffset <= maxOffset) return seg.size;
    if (maxOffset <= seg.baseOffset) return 0;
    return seg.translateOffset(maxOffset)?.position ?? seg.size;
  }

  /**
   * Reads a slice's bytes (the broker writes them to the socket as they are), into a buffer of
   * `allocate`'s (the broker's reuses them once written).
   */
  readSlice(slice: FileSlice, allocate: (length: number) => Buffer = Buffer.allocUnsafe): Buffer {
    const buf = allocate(slice.length);
    const n = readFully(this.ctx.fsys, slice.fd, buf, 0, slice.length, slice.position);
    return n === slice.length ? buf : buf.subarray(0, n);
  }

  /** Starts a new active segment at `newBaseOffset` (the next offset). */
  roll(newBaseOffset = this.logEndOffset): LogSegment {
    const previous = this.activeSegment;
    if (previous.size === 0 && previous.baseOffset === newBaseOffset) return previous;
    previous.onBecomeInactive();
    const seg = LogSegment.create(this.ctx.fsys, this.dir, newBaseOffset, this.segmentOptions, this.ctx.time.milliseconds());
    seg.persistIndexes(true, false);
    this.segmentList.push(seg);
    this.listener.rolled(newBaseOffset);
    this.emit({ type: 'segment-rolled', baseOffset: newBaseOffset, previousBaseOffset: previous.baseOffset, previousSize: previous.size });
    // As Kafka does, make the sealed segment durable in the background (on the thread pool: under
    // heavy writes one fsync can take the filesystem's whole journal commit) and then move the
    // recovery point.
    previous.pin(); // the descriptor must outlive the background fsync
    this.ctx.fsys.fsync(previous.fd, (err) => {
      previous.unpin();
      if (err !== null) return; // closed or deleted meanwhile; the next flush covers it
      try {
        previous.persistIndexes(false, false);
      } catch {
        return; // the segment went away (deleted or replaced) before its flush
      }
      previous.fsyncIndexesInBackground((indexErr) => {
        if (indexErr === null) this.currentRecoveryPoint = Math.max(this.recoveryPoint, newBaseOffset);
      });
    });
    return seg;
  }

  /** fsyncs everything up to the log end and moves the recovery point there. */
  flush(): void {
    const target = this.logEndOffset;
    for (const seg of this.segmentList) {
      const next = this.segmentList[this.segmentList.indexOf(seg) + 1];
      if (next !== undefined && next.baseOffset <= this.recoveryPoint) continue;
      seg.flush(seg === this.activeSegment);
    }
    this.currentRecoveryPoint = Math.max(this.recoveryPoint, target);
    this.unflushedMessages = 0;
    this.lastFlushMs = this.ctx.time.milliseconds();
  }

  /** Flush when flush.ms has passed since the last one. */
  maybeFlushByTime(): void {
    if (this.unflushedMessages > 0 && this.ctx.time.milliseconds() - this.lastFlushMs >= this.currentConfig.flushMs) this.flush();
  }

  // ---------------------------------------------------------------- retention

  /**
   * Kafka's deleteOldSegments: segments wholly below the log start offset, past retention.ms, or
   * beyond retention.bytes go — oldest first, never past the high watermark. When every segment
   * qualifies, a new empty active segment is rolled first so the log always has one.
   */
  deleteOldSegments(highWatermark: number, logStartOffset: number): number {
    let deleted = this.deleteSegmentsWhile(
      'log-start-offset',
      highWatermark,
      (seg, next) => next !== null && next.baseOffset <= logStartOffset,
    );
    const config = this.currentConfig;
    if (config.cleanupPolicy.delete) {
      const now = this.ctx.time.milliseconds();
      if (config.retentionMs >= 0) {
        deleted += this.deleteSegmentsWhile('retention.ms', highWatermark, (seg) => now - seg.largestTimestamp > config.retentionMs);
      }
      if (config.retentionBytes >= 0) {
        let diff = this.size - config.retentionBytes;
        deleted += this.deleteSegmentsWhile('retention.bytes', highWatermark, (seg) => {
          if (diff - seg.size < 0) return false;
          diff -= seg.size;
          return true;
        });
      }
    }
    return deleted;
  }

  private deleteSegmentsWhile(
    reason: SegmentDeleteReason,
    highWatermark: number,
    predicate: (seg: LogSegment, next: LogSegment | null) => boolean,
  ): number {
    const deletable: LogSegment[] = [];
    for (let i = 0; i < this.segmentList.length; i++) {
      const seg = this.segmentList[i]!;
      const next = this.segmentList[i + 1] ?? null;
      const upperBound = next?.baseOffset ?? this.logEndOffset;
      const isLastAndEmpty = next === null && seg.size === 0;
      if (highWatermark >= upperBound && !isLastAndEmpty && predicate(seg, next)) deletable.push(seg);
      else break;
    }
    if (deletable.length === 0) return 0;
    if (deletable.length === this.segmentList.length) this.roll(this.logEndOffset);
    for (const seg of deletable) this.asyncDeleteSegment(seg, reason);
    this.segmentList = this.segmentList.slice(deletable.length);
    this.listener.oldestSegmentsDeleted(this.segmentList[0]!.baseOffset);
    return deletable.length;
  }

  /**
   * Kafka's two-step delete: rename to `.deleted` now (readers holding the descriptor keep working),
   * remove after file.delete.delay.ms. What the listener keeps at the segment's base offset (the
   * producer snapshot) goes with it, unless a replacing segment starts at the same offset.
   */
  private asyncDeleteSegment(seg: LogSegment, reason: SegmentDeleteReason, replacedAtSameOffset = false): void {
    seg.changeFileSuffix(DELETED_FILE_SUFFIX);
    this.deleting.add(seg);
    const deleteCompanions = replacedAtSameOffset ? null : this.listener.segmentDeleting(seg.baseOffset);
    this.emit({ type: 'segment-marked-deleted', baseOffset: seg.baseOffset, size: seg.size, reason });
    this.ctx.scheduler.schedule(
      `delete-file ${this.topic}-${this.partition} ${seg.baseOffset}`,
      () => {
        this.deleting.delete(seg);
        try {
          seg.deleteFiles();
          deleteCompanions?.();
          this.emit({ type: 'segment-deleted', baseOffset: seg.baseOffset });
        } catch (err) {
          this.ctx.warn('failed to delete segment files', { dir: this.dir, baseOffset: seg.baseOffset, error: String(err) });
        }
      },
      this.currentConfig.fileDeleteDelayMs,
    );
  }

  /**
   * Puts cleaned segments in place of `oldSegments` (Kafka's replaceSegments): the new files carry
   * `.swap` while the old ones are renamed `.deleted`, then the swap suffix goes. A crash at any
   * point is resolved by the loader.
   */
  replaceSegments(newSegments: LogSegment[], oldSegments: LogSegment[], afterStep?: (step: string) => void): void {
    for (const s of newSegments) s.changeFileSuffix('.swap');
    afterStep?.('swap');
    const oldSet = new Set(oldSegments);
    const newBases = new Set(newSegments.map((s) => s.baseOffset));
    for (const s of oldSegments) this.asyncDeleteSegment(s, 'compaction', newBases.has(s.baseOffset));
    afterStep?.('deleted');
    for (const s of newSegments) s.changeFileSuffix('');
    afterStep?.('live');
    const kept = this.segmentList.filter((s) => !oldSet.has(s));
    this.segmentList = [...kept, ...newSegments].sort((a, b) => a.baseOffset - b.baseOffset);
  }

  // ---------------------------------------------------------------- truncation

  /**
   * Removes everything from `targetOffset` on, which must lie above the first segment's base
   * offset: later segments go, the one holding it is cut (a straddling batch goes entirely).
   */
  truncateTo(targetOffset: number): void {
    const keep = this.segmentList.filter((s) => s.baseOffset < targetOffset);
    for (const s of this.segmentList.slice(keep.length)) this.asyncDeleteSegment(s, 'truncation');
    this.segmentList = keep;
    this.activeSegment.truncateTo(targetOffset);
    this.activeSegment.persistIndexes(true, false);
    this.currentLogEndOffset = this.activeSegment.readNextOffset();
    this.currentRecoveryPoint = Math.min(this.recoveryPoint, this.logEndOffset);
  }

  /** Drops every segment and starts empty at `newOffset`. */
  truncateFullyAndStartAt(newOffset: number): void {
    for (const s of this.segmentList) this.asyncDeleteSegment(s, 'truncation');
    const seg = LogSegment.create(this.ctx.fsys, this.dir, newOffset, this.segmentOptions, this.ctx.time.milliseconds());
    seg.persistIndexes(true, false);
    this.segmentList = [seg];
    this.currentLogEndOffset = newOffset;
    this.currentRecoveryPoint = newOffset;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Closes every segment; the active one gets its final time-index entry (a clean shutdown). */
  close(): void {
    for (const s of this.segmentList) s.close(s === this.activeSegment);
  }

  /** Closes the descriptors without flushing anything. */
  closeFds(): void {
    for (const s of this.segmentList) s.closeFd();
  }

  /** Removes the partition directory (topic deletion). */
  deleteDirectory(): void {
    this.closeFds();
    this.ctx.fsys.rmSync(this.dir, { recursive: true, force: true });
  }

  static dirName(topic: string, partition: number): string {
    return `${topic}-${partition}`;
  }

  static dirFor(logDir: string, topic: string, partition: number): string {
    return join(logDir, LocalLog.dirName(topic, partition));
  }
}
