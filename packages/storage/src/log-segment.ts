/**
 * One segment of a partition log: `<baseOffset>.log` with its `.index` and `.timeindex`
 * (file names: log-file-names.ts; the indexes and the state that decides their entries:
 * segment-indexes.ts) and, once a transaction aborts in it, its `.txnindex`
 * (transaction-index.ts). All four are renamed, truncated, flushed and deleted together.
 *
 * Invariants: `size` counts only bytes whose write completed, so readers never see a partial
 * batch; index entries always point at batch starts inside `size`.
 */
import { join } from 'node:path';
import { KafkaError } from '@tarn/protocol';
import { EntryHeaderReader, EntryScanner, type EntryHeader, type ScanStop } from './file-records';
import type { CachedFile, FileHandleCache } from './file-handle-cache';
import { writevFully, writevFullySync, type FileSystem } from './file-system';
import type { CompletedTxn } from './ongoing-transactions';
import type { ProducerStateManager } from './producer-state-manager';
import { TransactionIndex } from './transaction-index';
import { LOG_FILE_SUFFIX, TXN_INDEX_FILE_SUFFIX, filenamePrefixFromOffset } from './log-file-names';
import type { OffsetIndex } from './offset-index';
import { SegmentIndexes } from './segment-indexes';
import type { TimeIndex } from './time-index';

export interface SegmentOptions {
  indexIntervalBytes: number;
  maxIndexSize: number;
  /** Bounds open `.log` descriptors across logs (the log manager's); unbounded without one. */
  files?: FileHandleCache;
}

/** A batch about to be written: its bytes and what the indexes need to know about it. */
export interface SegmentAppend {
  bytes: Buffer;
  lastOffset: number;
  maxTimestamp: number;
}

export interface FileSlice {
  fd: number;
  position: number;
  length: number;
}

/** What segment recovery does besides the offset and time indexes. */
export interface RecoverOptions {
  /** The recovery point: see `recover`. */
  trustBelowOffset?: number;
  /**
   * The producer state as of `offset`, where the scan starts (Kafka passes recover a
   * ProducerStateManager built up to the segment's base offset). Every scanned batch is fed to it
   * and the transaction index is rebuilt from what it completes. Without it the transaction index
   * is left as it is.
   */
  producerStateAt?: (offset: number) => ProducerStateManager;
  warn?: (message: string, context?: Record<string, unknown>) => void;
}

/** A segment's record count and first timestamp, valid while its size is `size` (see segment-info.ts). */
export interface SegmentRecordCount {
  size: number;
  records: number;
  firstTimestamp: number;
}

export class LogSegment implements CachedFile {
  private fdOrNull: number | null = null;
  lastUsedMs = 0;
  pins = 0;
  private readonly headers: EntryHeaderReader;
  private readonly indexes: SegmentIndexes;
  /** Aborted transactions whose marker is in this segment. */
  readonly txnIndex: TransactionIndex;
  /** Visible (fully written) bytes of the `.log`. */
  size: number;
  /** Max timestamp of the first batch: what segment.ms counts from (Kafka's rollingBasedTimestamp). */
  private rollingBasedTimestamp: number | null = null;
  /** Creation time, for segment.ms when the segment holds no timestamps. */
  readonly createdMs: number;
  /** Last modification time in ms: used for retention without timestamps and the tombstone horizon. */
  lastModifiedMs: number;
  /** The last record count taken of this segment, null until one is. */
  recordCount: SegmentRecordCount | null = null;
  private suffix = '';

  constructor(
    readonly fsys: FileSystem,
    readonly dir: string,
    readonly baseOffset: number,
    private readonly options: SegmentOptions,
    size: number,
    nowMs: number,
    suffix = '',
  ) {
    this.headers = new EntryHeaderReader(fsys);
    this.size = size;
    this.suffix = suffix;
    this.createdMs = nowMs;
    this.lastModifiedMs = nowMs;
    const prefix = join(dir, filenamePrefixFromOffset(baseOffset));
    this.indexes = new SegmentIndexes(fsys, prefix, suffix, baseOffset, options.indexIntervalBytes, options.maxIndexSize, (position) =>
      this.entryAt(position),
    );
    this.txnIndex = new TransactionIndex(fsys, prefix + TXN_INDEX_FILE_SUFFIX + suffix, baseOffset);
  }

  /** A new, empty segment; its `.log` is created now. */
  static create(fsys: FileSystem, dir: string, baseOffset: number, options: SegmentOptions, nowMs: number, suffix = ''): LogSegment {
    const seg = new LogSegment(fsys, dir, baseOffset, options, 0, nowMs, suffix);
    seg.fdOrNull = fsys.openSync(seg.logPath, 'w+');
    seg.lastUsedMs = performance.now();
    options.files?.opened(seg);
    seg.indexes.initEmpty();
    seg.txnIndex.initEmpty();
    return seg;
  }

  /** An existing segment. Its indexes load lazily; `sanityCheck` tells whether they look usable. */
  static open(fsys: FileSystem, dir: string, baseOffset: number, options: SegmentOptions, suffix = ''): LogSegment {
    const path = join(dir, filenamePrefixFromOffset(baseOffset) + LOG_FILE_SUFFIX + suffix);
    const stat = fsys.statSync(path);
    const seg = new LogSegment(fsys, dir, baseOffset, options, stat.size, stat.mtimeMs, suffix);
    seg.lastModifiedMs = Math.floor(stat.mtimeMs);
    return seg;
  }

  get logPath(): string {
    return join(this.dir, filenamePrefixFromOffset(this.baseOffset) + LOG_FILE_SUFFIX + this.suffix);
  }

  get txnIndexPath(): string {
    return this.txnIndex.path;
  }

  get offsetIndex(): OffsetIndex {
    return this.indexes.offsetIndex;
  }

  get timeIndex(): TimeIndex {
    return this.indexes.timeIndex;
  }

  /** The `.log` descriptor, opened on first use so idle sealed segments hold no descriptor. */
  get fd(): number {
    this.lastUsedMs = performance.now();
    if (this.fdOrNull === null) {
      this.fdOrNull = this.fsys.openSync(this.logPath, 'r+');
      this.options.files?.opened(this);
    }
    return this.fdOrNull;
  }

  /** Keeps the descriptor open across turns (async writes, long scans). */
  pin(): void {
    this.pins++;
  }

  unpin(): void {
    this.pins--;
  }

  closeIdle(): void {
    if (this.pins === 0) this.closeFd();
  }

  /** Both indexes load and agree with the log's size; otherwise they must be rebuilt. */
  indexesLookValid(): boolean {
    return this.indexes.lookValid(this.size);
  }

  get maxTimestampSoFar(): number {
    return this.indexes.maxTimestampAndOffsetSoFar().timestamp;
  }

  get offsetOfMaxTimestampSoFar(): number {
    return this.indexes.maxTimestampAndOffsetSoFar().offset;
  }

  /**
   * Cheap start-up check (Kafka's sanityCheck): index files exist and hold whole entries, and the
   * transaction index, if there is one, reads cleanly. Null when sane, else what is wrong.
   */
  indexFilesProblem(): string | null {
    if (!this.indexes.filesLookSane()) return 'missing or damaged offset or time index';
    const txn = this.txnIndex.sanityCheck();
    return txn === null ? null : `corrupt transaction index: ${txn}`;
  }

  /** Kafka's updateTxnIndex: an aborted transaction whose marker was just written to this segment. */
  updateTxnIndex(txn: CompletedTxn, lastStableOffset: number): void {
    if (!txn.isAborted) return;
    this.txnIndex.append({ producerId: txn.producerId, firstOffset: txn.firstOffset, lastOffset: txn.lastOffset, lastStableOffset });
  }

  /** Largest timestamp in the segment, or its modification time when it has none (Kafka's rule). */
  get largestTimestamp(): number {
    const ts = this.maxTimestampSoFar;
    return ts >= 0 ? ts : this.lastModifiedMs;
  }

  /** Would appending `bytes` more overflow the segment, its indexes or its age? (LogSegment.shouldRoll) */
  shouldRoll(args: {
    /** Bytes queued for this segment but not yet written. */
    pendingBytes: number;
    bytes: number;
    maxTimestampInBatch: number;
    lastOffset: number;
    segmentBytes: number;
    rollMs: number;
    nowMs: number;
  }): boolean {
    const size = this.size + args.pendingBytes;
    if (size === 0) return false;
    const reachedRollMs = this.size > 0 && this.timeWaitedForRoll(args.nowMs, args.maxTimestampInBatch) > args.rollMs;
    return size > args.segmentBytes - args.bytes || reachedRollMs || this.indexes.isFull || args.lastOffset - this.baseOffset > 0x7fffffff;
  }

  private timeWaitedForRoll(nowMs: number, messageTimestamp: number): number {
    if (this.rollingBasedTimestamp === null && this.size > 0) {
      const first = this.headers.read(this.fd, 0, this.size);
      this.rollingBasedTimestamp = first?.maxTimestamp ?? -1;
    }
    const t = this.rollingBasedTimestamp ?? -1;
    return t >= 0 ? messageTimestamp - t : nowMs - this.createdMs;
  }

  /**
   * Writes batches at the end of the `.log` with writev (synchronously), then indexes them. On a
   * failed write or indexing the file is cut back to its previous size, so no batch of a failed
   * append survives (a restart's recovery scan would bring it back), and the error is rethrown.
   */
  append(batches: readonly SegmentAppend[], nowMs: number): void {
    if (batches.length === 0) return;
    const start = this.size;
    const fd = this.fd;
    try {
      writevFullySync(
        this.fsys,
        fd,
        batches.map((b) => b.bytes),
        start,
      );
      this.afterAppend(batches, start, nowMs);
    } catch (err) {
      this.cutBackTo(start);
      throw err;
    }
  }

  /**
   * The same on the thread pool, so the event loop can validate the next batches meanwhile.
   * The caller must not start another append (or roll, or truncate) before this one settles.
   */
  appendAsync(batches: readonly SegmentAppend[], nowMs: number): Promise<void> {
    if (batches.length === 0) return Promise.resolve();
    const start = this.size;
    const fd = this.fd;
    this.pin();
    return new Promise<void>((resolve, reject) => {
      writevFully(
        this.fsys,
        fd,
        batches.map((b) => b.bytes),
        start,
        (err) => {
          if (err !== null) {
            this.cutBackTo(start);
            reject(err);
            return;
          }
          // a throw here would escape into libuv's callback and leave the append unsettled forever
          try {
            this.afterAppend(batches, start, nowMs);
            resolve();
          } catch (afterErr) {
            this.cutBackTo(start);
            reject(afterErr as Error);
          }
        },
      );
    }).finally(() => this.unpin());
  }

  private cutBackTo(size: number): void {
    try {
      this.fsys.ftruncateSync(this.fd, size);
    } catch {
      // The recovery scan at next start-up cuts any partial tail.
    }
  }

  private afterAppend(batches: readonly SegmentAppend[], start: number, nowMs: number): void {
    let position = start;
    for (const b of batches) {
      this.indexBatch(position, b.bytes.length, b.lastOffset, b.maxTimestamp);
      position += b.bytes.length;
    }
    this.size = position;
    this.lastModifiedMs = nowMs;
  }

  private indexBatch(position: number, size: number, lastOffset: number, maxTimestamp: number): void {
    if (this.rollingBasedTimestamp === null && position === 0) this.rollingBasedTimestamp = maxTimestamp;
    this.indexes.indexBatch(position, size, lastOffset, maxTimestamp);
  }

  /** Header of the first entry whose last offset is >= `offset`, searching from `startPosition`. */
  translateOffset(offset: number, startPosition = 0): EntryHeader | null {
    const fromIndex = this.offsetIndex.lookup(offset).position;
    let position = Math.max(fromIndex, startPosition);
    for (;;) {
      const h = this.headers.read(this.fd, position, this.size);
      if (h === null) return null;
      if (h.lastOffset >= offset) return h;
      position += h.size;
    }
  }

  /** Header of the entry at a known position. */
  entryAt(position: number): EntryHeader | null {
    return this.headers.read(this.fd, position, this.size);
  }

  /**
   * Kafka's LogSegment.read: the bytes from the entry holding `startOffset` up to `maxSize` (at least
   * that whole first entry when `minOneMessage`) and never past `maxPosition`. A trailing entry may be
   * cut short, as Kafka does; clients drop partial batches. Null when the offset is past this segment.
   */
  read(startOffset: number, maxSize: number, maxPosition: number, minOneMessage: boolean): { slice: FileSlice; first: EntryHeader } | null {
    const first = this.translateOffset(startOffset);
    if (first === null) return null;
    const limit = Math.min(maxPosition, this.size);
    if (first.position >= limit) return { slice: { fd: this.fd, position: first.position, length: 0 }, first };
    const adjusted = minOneMessage ? Math.max(maxSize, first.size) : maxSize;
    const length = Math.min(limit - first.position, adjusted);
    return { slice: { fd: this.fd, position: first.position, length }, first };
  }

  /** Offset after the last entry (the next offset to assign), from the last index entry onward. */
  readNextOffset(): number {
    let position = this.offsetIndex.lastEntry().position;
    let next = this.baseOffset;
    for (;;) {
      const h = this.headers.read(this.fd, position, this.size);
      if (h === null) return next;
      next = h.lastOffset + 1;
      position += h.size;
    }
  }

  /**
   * Rebuilds the indexes from the `.log` and validates entries, cutting the file at the first torn
   * or corrupt one (or one whose offsets go backwards). Returns the bytes cut and why.
   * (Kafka's LogSegment.recover.)
   *
   * With `trustBelowOffset` (the recovery point: everything before it was fsynced together with
   * the indexes) and indexes that loaded cleanly, index entries below it are kept and only the
   * bytes after the last of them are scanned, which is what makes recovery of a large segment fast.
   * The transaction index keeps its entries below that point too (it is fsynced with the others).
   */
  recover(options: RecoverOptions = {}): { truncatedBytes: number; reason: ScanStop | 'offsets'; scannedBytes: number } {
    const fileSize = this.fsys.fstatSync(this.fd).size;
    let position = 0;
    let lastOffset: number | null = null;
    const trusted = options.trustBelowOffset !== undefined ? this.trustedPrefix(options.trustBelowOffset, fileSize) : null;
    if (trusted !== null) {
      position = trusted.position;
      lastOffset = trusted.lastOffset;
    } else {
      this.indexes.resetForRebuild();
    }
    const resumeOffset = lastOffset === null ? this.baseOffset : lastOffset + 1;
    const producerState = options.producerStateAt?.(resumeOffset) ?? null;
    if (producerState !== null) {
      if (trusted !== null) this.txnIndex.truncateTo(resumeOffset);
      else this.txnIndex.reset();
    }
    this.rollingBasedTimestamp = null;
    const scanStart = position;
    let reason: ScanStop | 'offsets' = 'end';
    const scanner = new EntryScanner(this.fsys, this.fd, position, fileSize, true);
    for (const { header: h, bytes } of scanner) {
      if (h.baseOffset < this.baseOffset || (lastOffset !== null && h.baseOffset <= lastOffset)) {
        reason = 'offsets';
        break;
      }
      this.indexBatch(h.position, h.size, h.lastOffset, h.maxTimestamp);
      if (producerState !== null) this.recoverProducerState(producerState, h, bytes, options.warn);
      lastOffset = h.lastOffset;
      position = h.position + h.size;
    }
    if (reason !== 'offsets') reason = scanner.stop;
    const truncatedBytes = fileSize - position;
    if (truncatedBytes > 0) this.fsys.ftruncateSync(this.fd, position);
    this.size = position;
    return { truncatedBytes, reason, scannedBytes: position - scanStart };
  }

  /** Kafka's LogSegment.updateProducerState: one recovered batch through the producer state, aborts into the index. */
  private recoverProducerState(psm: ProducerStateManager, h: EntryHeader, bytes: Buffer, warn: RecoverOptions['warn']): void {
    if (h.magic !== 2) {
      psm.updateMapEndOffset(h.lastOffset + 1);
      return;
    }
    let completed: CompletedTxn | null;
    try {
      completed = psm.replayBatch(bytes);
    } catch (err) {
      // A batch with a valid CRC that producer state refuses (a malformed marker) is skipped, as
      // the replay of producer-state-loader.ts does, rather than cut from the log with all after it.
      if (!(err instanceof KafkaError)) throw err;
      warn?.('skipping a batch while recovering producer state', { segment: this.baseOffset, offset: h.baseOffset, error: err.message });
      psm.updateMapEndOffset(h.lastOffset + 1);
      return;
    }
    if (completed === null) return;
    this.updateTxnIndex(completed, psm.lastStableOffset(completed));
    psm.completeTxn(completed);
  }

  /**
   * Restores the in-memory index state as it was right after the last batch that has an index
   * entry below `offset`, so a scan can resume after that batch. Null when nothing can be trusted.
   */
  private trustedPrefix(offset: number, fileSize: number): { position: number; lastOffset: number } | null {
    if (!this.indexesLookValid()) return null;
    const entry = this.offsetIndex.lookup(offset - 1);
    if (entry.position === 0) return null;
    this.size = fileSize;
    const batch = this.entryAt(entry.position);
    if (batch === null || batch.lastOffset !== entry.offset) return null;
    this.indexes.restoreAfter(entry.offset, batch.size);
    return { position: entry.position + batch.size, lastOffset: batch.lastOffset };
  }

  /** Called when a newer segment takes over appends: final time-index entry, indexes trimmed. */
  onBecomeInactive(): void {
    this.indexes.appendFinalTimeIndexEntry();
    if (this.size > 0) this.setLastModified(this.lastModifiedMs);
    this.indexes.persist(false, false);
  }

  /** Stamps the `.log`'s mtime, which retention and the tombstone horizon read after a restart. */
  setLastModified(ms: number): void {
    this.lastModifiedMs = ms;
    this.fsys.utimesSync(this.logPath, ms / 1000, ms / 1000);
  }

  /** Writes the indexes to disk; the active segment keeps its preallocated size. */
  persistIndexes(active: boolean, sync: boolean): void {
    this.indexes.persist(active, sync);
  }

  /** fsyncs the indexes on the thread pool; `done` gets the first error, if any. */
  fsyncIndexesInBackground(done: (err: Error | null) => void): void {
    this.indexes.fsyncInBackground((err) => {
      if (err !== null) done(err);
      else this.txnIndex.fsyncInBackground(done);
    });
  }

  /** fsyncs the `.log` and the indexes. */
  flush(active: boolean): void {
    if (this.size > 0 || this.fdOrNull !== null) this.fsys.fsyncSync(this.fd);
    this.persistIndexes(active, true);
    this.txnIndex.flush();
  }

  /**
   * Removes every entry from the one holding `offset` on (Kafka's truncateTo): a batch that
   * straddles `offset` goes entirely. Returns the bytes removed.
   */
  truncateTo(offset: number): number {
    const entry = this.translateOffset(offset);
    if (entry === null) return 0;
    const removed = this.size - entry.position;
    this.indexes.truncateTo(offset);
    this.txnIndex.truncateTo(offset);
    this.fsys.ftruncateSync(this.fd, entry.position);
    this.size = entry.position;
    if (this.size === 0) this.rollingBasedTimestamp = null;
    return removed;
  }

  /** Renames all of the segment's files from the current suffix to `suffix` ('' = live). */
  changeFileSuffix(suffix: string): void {
    const renames: Array<[string, string]> = [];
    const base = join(this.dir, filenamePrefixFromOffset(this.baseOffset));
    renames.push([base + LOG_FILE_SUFFIX + this.suffix, base + LOG_FILE_SUFFIX + suffix]);
    for (const [from, to] of renames) if (this.fsys.existsSync(from)) this.fsys.renameSync(from, to);
    this.indexes.renameTo(base, suffix);
    this.txnIndex.renameTo(base + TXN_INDEX_FILE_SUFFIX + suffix);
    this.suffix = suffix;
  }

  get fileSuffix(): string {
    return this.suffix;
  }

  /** Closes the `.log` descriptor; `active` adds the final time-index entry first, as Kafka's close does. */
  close(active: boolean): void {
    if (active) this.indexes.appendFinalTimeIndexEntry();
    this.persistIndexes(false, false);
    this.closeFd();
  }

  closeFd(): void {
    if (this.fdOrNull !== null) {
      this.fsys.closeSync(this.fdOrNull);
      this.fdOrNull = null;
      this.options.files?.closed(this);
    }
  }

  /** Removes the segment's files (whatever suffix they carry). */
  deleteFiles(): void {
    this.closeFd();
    if (this.fsys.existsSync(this.logPath)) this.fsys.unlinkSync(this.logPath);
    this.txnIndex.deleteFile();
    this.indexes.deleteFiles();
  }
}
