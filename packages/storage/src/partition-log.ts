/**
 * The log of one partition: an ordered run of segments in `<log.dir>/<topic>-<partition>/`
 * (Kafka's UnifiedLog). Offsets are JS numbers (exact to 2^53, far beyond any real log).
 *
 * Appends are validated and given offsets at once, then written at the end of the event-loop turn
 * together with every other append issued in that turn (one writev per segment: group commit, in
 * append-queue.ts). `logEndOffset` moves only after the bytes are written, so a reader never sees a
 * partial batch. The segments themselves, with the log end offset and recovery point, are
 * local-log.ts's.
 * The high watermark is set by the replica manager; reads are bounded by whichever offset the
 * caller passes (high watermark for consumers, log end for followers).
 *
 * Batches with a producer id go through the producer state (producer-state-manager.ts) when their
 * offsets are assigned: a client's retry of one of its last five batches is answered with the
 * original offsets and writes nothing, sequence gaps and fenced epochs are refused.
 *
 * Transactions (KIP-98): once an append is written, the transactions it starts are ongoing and
 * those its markers end are completed; an aborted one goes into the transaction index of the
 * segment that received its marker, with the LSO of that moment. The last stable offset is Kafka's:
 * min(first unstable offset, high watermark), where a completed transaction stays unstable until
 * the high watermark passes its marker.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { AppendQueue, type LogAppendInfo, type PendingAppend } from './append-queue';
import { LocalLog, type FetchDataInfo } from './local-log';
import type { LogConfig } from './log-config';
import type { LogContext } from './log-context';
import type { LogEvent, LogEventBody } from './log-events';
import { loadLog } from './log-loader';
import { recompressIfNeeded } from './recompress';
import { offsetForTimestamp, offsetOfMaxTimestamp, type TimestampLookup } from './timestamp-lookup';
import type { FileSlice, LogSegment } from './log-segment';
import { LeaderEpochCache } from './leader-epoch-cache';
import { assignOffsets, summarize, validateBatches, type AppendOrigin } from './log-validator';
import { firstOffsetOf, type BatchMetadata } from './batch-metadata';
import type { CompletedTxn } from './ongoing-transactions';
import type { ProducerAppendInfo } from './producer-append-info';
import {
  DEFAULT_PRODUCER_ID_EXPIRATION_MS,
  ProducerStateManager,
  type ActiveProducer,
  type OngoingTransaction,
} from './producer-state-manager';
import { rebuildProducerState } from './producer-state-loader';
import type { AbortedTxn } from './transaction-index';

export interface OpenLogArgs {
  dir: string;
  topic: string;
  partition: number;
  config: LogConfig;
  recoveryPoint?: number;
  logStartOffset?: number;
  hadCleanShutdown?: boolean;
}

export interface AppendOptions {
  origin?: AppendOrigin;
  /** Stamped on every batch; the leader epoch cache learns where each epoch starts. */
  leaderEpoch?: number;
}

export class PartitionLog {
  private currentLogStartOffset: number;
  private currentHighWatermark: number;
  readonly leaderEpochCache: LeaderEpochCache;
  readonly producerStateManager: ProducerStateManager;
  /** Next offset to assign, running ahead of logEndOffset while appends are pending. */
  private nextOffset: number;
  private closed = false;
  private readonly localLog: LocalLog;
  private readonly appendQueue: AppendQueue;

  private constructor(
    private readonly ctx: LogContext,
    readonly dir: string,
    readonly topic: string,
    readonly partition: number,
    config: LogConfig,
    loaded: ReturnType<typeof loadLog>,
    hadCleanShutdown: boolean,
  ) {
    const segmentOptions = { indexIntervalBytes: config.indexIntervalBytes, maxIndexSize: config.segmentIndexBytes, files: ctx.files };
    this.localLog = new LocalLog(ctx, dir, topic, partition, config, segmentOptions, loaded, {
      rolled: (baseOffset) => {
        // A snapshot at the new base offset lets recovery of this segment start from it (Kafka does the same).
        this.producerStateManager.updateMapEndOffset(baseOffset);
        this.takeProducerSnapshot(true);
      },
      // The producer snapshot at a deleted segment's base offset goes with it.
      segmentDeleting: (baseOffset) => this.producerStateManager.removeAndMarkSnapshotForDeletion(baseOffset),
      oldestSegmentsDeleted: (baseOffset) => this.maybeIncrementLogStartOffset(baseOffset),
    });
    this.appendQueue = new AppendQueue(ctx, this.localLog, {
      written: (entry, segment) => this.afterWrite(entry, segment),
      writeFailed: () => {
        this.nextOffset = this.logEndOffset;
        // Every append not yet written fails, so the state of what is written is all there is.
        this.producerStateManager.discardPending();
      },
    });
    this.currentLogStartOffset = loaded.logStartOffset;
    this.nextOffset = loaded.logEndOffset;
    this.currentHighWatermark = Math.min(this.logEndOffset, Math.max(this.logStartOffset, 0));
    this.leaderEpochCache = new LeaderEpochCache(ctx.fsys, dir);
    this.leaderEpochCache.truncateFromEnd(this.logEndOffset);
    this.leaderEpochCache.truncateFromStart(this.logStartOffset);
    this.producerStateManager = loaded.producerState ?? newProducerStateManager(ctx, dir, topic, partition);
    // loading a snapshot drops expired producers; a state handed over by recovery must too
    if (loaded.producerState !== null) this.producerStateManager.removeExpiredProducers(ctx.time.milliseconds());
    this.producerStateManager.removeStraySnapshots(this.segments.map((s) => s.baseOffset));
    this.loadProducerState(hadCleanShutdown);
  }

  /**
   * Producer state up to the log end: the latest valid snapshot, then the batches after it. The
   * transactions the replay completes below the high watermark are stable at once.
   */
  private loadProducerState(reloadFromCleanShutdown: boolean): void {
    rebuildProducerState({
      psm: this.producerStateManager,
      fsys: this.ctx.fsys,
      segments: this.segments,
      logStartOffset: this.logStartOffset,
      lastOffset: this.logEndOffset,
      reloadFromCleanShutdown,
      nowMs: this.ctx.time.milliseconds(),
      warn: (m, c) => this.ctx.warn(m, { topic: this.topic, partition: this.partition, ...c }),
    });
    this.producerStateManager.onHighWatermarkUpdated(this.highWatermark);
  }

  static open(ctx: LogContext, args: OpenLogArgs): PartitionLog {
    const start = ctx.time.milliseconds();
    ctx.fsys.mkdirSync(args.dir, { recursive: true });
    const loaded = loadLog({
      fsys: ctx.fsys,
      dir: args.dir,
      newProducerStateManager: () => newProducerStateManager(ctx, args.dir, args.topic, args.partition),
      segmentOptions: { indexIntervalBytes: args.config.indexIntervalBytes, maxIndexSize: args.config.segmentIndexBytes, files: ctx.files },
      recoveryPoint: args.recoveryPoint ?? 0,
      logStartOffset: args.logStartOffset ?? 0,
      hadCleanShutdown: args.hadCleanShutdown ?? false,
      nowMs: start,
      warn: ctx.warn,
    });
    const log = new PartitionLog(ctx, args.dir, args.topic, args.partition, args.config, loaded, args.hadCleanShutdown ?? false);
    if (loaded.segmentsRecovered > 0) {
      log.emit({
        type: 'recovered',
        segmentsRecovered: loaded.segmentsRecovered,
        scannedBytes: loaded.scannedBytes,
        truncatedBytes: loaded.truncatedBytes,
        durationMs: ctx.time.milliseconds() - start,
        logEndOffset: log.logEndOffset,
      });
    }
    return log;
  }

  private emit(event: LogEventBody): void {
    this.ctx.emit({ ...event, topic: this.topic, partition: this.partition } as LogEvent);
  }

  /** The first offset a client may read; moved up by retention and DeleteRecords, never down but by truncation. */
  get logStartOffset(): number {
    return this.currentLogStartOffset;
  }

  /** Set by the replica manager (updateHighWatermark); consumers read below it. */
  get highWatermark(): number {
    return this.currentHighWatermark;
  }

  get segments(): readonly LogSegment[] {
    return this.localLog.segments;
  }

  /** Segments renamed `.deleted`, waiting out file.delete.delay.ms (readers may still hold them). */
  get pendingDeletes(): ReadonlySet<LogSegment> {
    return this.localLog.pendingDeletes;
  }

  /** Offset after the last written batch. */
  get logEndOffset(): number {
    return this.localLog.logEndOffset;
  }

  get recoveryPoint(): number {
    return this.localLog.recoveryPoint;
  }

  get config(): LogConfig {
    return this.localLog.config;
  }

  get activeSegment(): LogSegment {
    return this.localLog.activeSegment;
  }

  get size(): number {
    return this.localLog.size;
  }

  updateConfig(config: LogConfig): void {
    this.localLog.updateConfig(config);
  }

  private checkOpen(): void {
    if (this.closed) throw new KafkaError(ErrorCode.KAFKA_STORAGE_ERROR, `log ${this.topic}-${this.partition} is closed`);
  }

  // ---------------------------------------------------------------- append

  /**
   * Validates `records` (concatenated v2 batches), assigns offsets in place and queues the write.
   * Resolves once the batches are in the `.log` (and fsynced if flush.messages asks for it).
   * Throws synchronously-visible errors as a rejected promise; nothing is written then.
   */
  append(recordsIn: Buffer, options: AppendOptions = {}): Promise<LogAppendInfo> {
    try {
      this.checkOpen();
      const origin = options.origin ?? 'client';
      const now = this.ctx.time.milliseconds();
      const records = origin === 'client' ? recompressIfNeeded(recordsIn, this.config.compressionType) : recordsIn;
      const batches = validateBatches(records, this.config, origin, now);
      const logAppendTime = this.config.messageTimestampType === 'LogAppendTime' ? now : null;
      let producerUpdates: ProducerAppendInfo[];
      let completedTxns: readonly CompletedTxn[];
      if (origin !== 'replication') {
        // Producer state is checked against the offsets about to be assigned, so that a duplicate or
        // a refused batch leaves the buffer and the offsets untouched.
        const analysis = this.producerStateManager.analyzeAppend(records, batches, origin, { firstOffset: this.nextOffset, logAppendTime });
        if (analysis.duplicate !== null) return this.answerDuplicate(analysis.duplicate);
        producerUpdates = analysis.updates;
        completedTxns = analysis.completedTxns;
        assignOffsets(records, batches, this.nextOffset, options.leaderEpoch ?? -1, this.config, now);
      } else {
        if (batches[0]!.baseOffset < this.nextOffset) {
          throw new KafkaError(
            ErrorCode.INVALID_RECORD,
            `replicated batch at offset ${batches[0]!.baseOffset} is below the log end offset ${this.nextOffset}`,
          );
        }
        ({ updates: producerUpdates, completedTxns } = this.producerStateManager.analyzeAppend(records, batches, origin, null));
      }
      const summary = summarize(batches);
      this.nextOffset = summary.lastOffset + 1;
      this.producerStateManager.stage(producerUpdates);
      const info: LogAppendInfo = { ...summary, logAppendTime: logAppendTime ?? -1, logStartOffset: this.logStartOffset, duplicate: false };
      return this.appendQueue.add(records, info, producerUpdates, completedTxns);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /**
   * Kafka answers a retried batch with the original batch's offsets, and its timestamp as the log
   * append time, without writing anything. When the original is still being written, the answer
   * waits for it and shares its fate: a retry is never acknowledged for bytes that never landed.
   */
  private answerDuplicate(original: BatchMetadata): Promise<LogAppendInfo> {
    const [firstOffset, lastOffset, timestamp] = [firstOffsetOf(original), original.lastOffset, original.timestamp];
    const info: LogAppendInfo = {
      batches: [],
      firstOffset,
      lastOffset,
      maxTimestamp: timestamp,
      offsetOfMaxTimestamp: lastOffset,
      recordCount: 0,
      sizeInBytes: 0,
      logAppendTime: timestamp,
      logStartOffset: this.logStartOffset,
      duplicate: true,
    };
    if (lastOffset < this.logEndOffset) return Promise.resolve(info);
    const holder = this.appendQueue.holding(lastOffset);
    if (holder === undefined) throw new Error(`producer state above the log end (${lastOffset}) belongs to no queued append`);
    return holder.done.then(() => info);
  }

  /** Resolves once no write is in flight or queued. */
  idle(): Promise<void> {
    return this.appendQueue.idle();
  }

  private assertIdle(what: string): void {
    if (this.appendQueue.isBusy) {
      throw new KafkaError(ErrorCode.KAFKA_STORAGE_ERROR, `cannot ${what} ${this.topic}-${this.partition} while appends are being written`);
    }
  }

  private afterWrite(entry: PendingAppend, segment: LogSegment): void {
    const { info } = entry;
    for (const b of info.batches) {
      if (b.partitionLeaderEpoch > this.leaderEpochCache.latestEpoch) this.leaderEpochCache.assign(b.partitionLeaderEpoch, b.baseOffset);
    }
    this.localLog.updateLogEndOffset(info.lastOffset + 1);
    const psm = this.producerStateManager;
    psm.onAppendWritten(entry.producerUpdates, this.logEndOffset);
    // Kafka's order: the LSO an abort is indexed with is taken before the transaction completes.
    for (const txn of entry.completedTxns) {
      try {
        segment.updateTxnIndex(txn, psm.lastStableOffset(txn));
      } catch (err) {
        // the marker is in the log; recovery rebuilds the index from it after a restart
        this.ctx.warn('could not index an aborted transaction', { topic: this.topic, partition: this.partition, error: String(err) });
      }
      psm.completeTxn(txn);
    }
    this.localLog.addUnflushedMessages(info.recordCount);
    const { topic, partition } = this;
    const { firstOffset, lastOffset, recordCount: records, sizeInBytes: bytes } = info;
    this.ctx.emit({ type: 'appended', topic, partition, firstOffset, lastOffset, records, bytes });
  }

  /** Starts a new active segment at `newBaseOffset` (the next offset). */
  roll(newBaseOffset?: number): LogSegment {
    return this.localLog.roll(newBaseOffset);
  }

  /** A snapshot only shortens the next start's replay: failing to write one fails nothing else. */
  private takeProducerSnapshot(background = false): void {
    try {
      this.producerStateManager.takeSnapshot(background);
    } catch (err) {
      this.ctx.warn('could not write a producer state snapshot', { topic: this.topic, partition: this.partition, error: String(err) });
    }
  }

  /** fsyncs everything up to the log end and moves the recovery point there. */
  flush(): void {
    this.localLog.flush();
  }

  /** Forgets producers idle for producer.id.expiration.ms (called by the log manager's scheduler). */
  removeExpiredProducers(): number {
    return this.producerStateManager.removeExpiredProducers(this.ctx.time.milliseconds());
  }

  /** Flush when flush.ms has passed since the last one (called by the log manager's scheduler). */
  maybeFlushByTime(): void {
    this.localLog.maybeFlushByTime();
  }

  // ---------------------------------------------------------------- read

  private outOfRange(offset: number): KafkaError {
    return new KafkaError(
      ErrorCode.OFFSET_OUT_OF_RANGE,
      `Offset ${offset} is out of range for ${this.topic}-${this.partition}: log start offset ${this.logStartOffset}, log end offset ${this.logEndOffset}`,
    );
  }

  /**
   * Kafka's Log.read: up to `maxBytes` from the batch holding `startOffset`, never past `maxOffset`
   * (exclusive; high watermark or log end). `minOneMessage` returns a whole first batch even when it
   * is larger than `maxBytes`, so a consumer can always make progress.
   */
  read(startOffset: number, maxBytes: number, maxOffset: number = this.logEndOffset, minOneMessage = true): FetchDataInfo {
    this.checkOpen();
    const end = this.logEndOffset;
    if (startOffset === end) return { slice: null, firstEntryOffset: startOffset };
    if (startOffset < this.logStartOffset || startOffset > end) throw this.outOfRange(startOffset);
    return this.localLog.read(startOffset, maxBytes, maxOffset, minOneMessage);
  }

  /** Reads a slice's bytes (the broker writes them to the socket as they are). */
  readSlice(slice: FileSlice, allocate?: (length: number) => Buffer): Buffer {
    return this.localLog.readSlice(slice, allocate);
  }

  /** Convenience for tools and tests: the stored bytes from `startOffset` up to `maxOffset`. */
  readBytes(startOffset: number, maxBytes: number, maxOffset?: number): Buffer {
    const { slice } = this.read(startOffset, maxBytes, maxOffset);
    return slice === null ? Buffer.alloc(0) : this.readSlice(slice);
  }

  // ---------------------------------------------------------------- lookups

  /** ListOffsets by timestamp: see timestamp-lookup.ts. */
  offsetForTimestamp(timestamp: number): TimestampLookup | null {
    this.checkOpen();
    return offsetForTimestamp(this.localLog, this.logStartOffset, this.leaderEpochCache, timestamp);
  }

  /** ListOffsets MAX_TIMESTAMP (KIP-734): see timestamp-lookup.ts. */
  offsetOfMaxTimestamp(): TimestampLookup | null {
    return offsetOfMaxTimestamp(this.localLog, this.logStartOffset, this.leaderEpochCache);
  }

  // ---------------------------------------------------------------- high watermark, truncation

  updateHighWatermark(offset: number): void {
    this.currentHighWatermark = Math.max(this.logStartOffset, Math.min(offset, this.logEndOffset));
    this.producerStateManager.onHighWatermarkUpdated(this.currentHighWatermark);
  }

  // ---------------------------------------------------------------- transactions

  /**
   * The first offset of a transaction that is open, or whose marker the high watermark has not
   * passed yet, never below the log start offset (Kafka's firstUnstableOffset); null when none.
   */
  get firstUnstableOffset(): number | null {
    const offset = this.producerStateManager.firstUnstableOffset;
    return offset === null ? null : Math.max(offset, this.logStartOffset);
  }

  /** What read_committed consumers may read up to (Kafka's UnifiedLog.lastStableOffset). */
  get lastStableOffset(): number {
    const unstable = this.firstUnstableOffset;
    return unstable !== null && unstable < this.highWatermark ? unstable : this.highWatermark;
  }

  /**
   * The aborted transactions a read_committed fetch of [startOffset, upperBoundOffset) must report
   * (Kafka's collectAbortedTransactions); see LocalLog.collectAbortedTransactions. The result is
   * shared: do not modify it.
   */
  collectAbortedTransactions(startOffset: number, upperBoundOffset: number): readonly AbortedTxn[] {
    return this.localLog.collectAbortedTransactions(startOffset, upperBoundOffset);
  }

  /** Open transactions, oldest first (the console's hanging-transaction view). */
  ongoingTransactions(): OngoingTransaction[] {
    return this.producerStateManager.ongoingTransactions();
  }

  /** The producers with state in the log (what DescribeProducers answers). */
  activeProducers(): ActiveProducer[] {
    return this.producerStateManager.activeProducers();
  }

  /** DeleteRecords: moves the log start offset up to `offset` (at most the high watermark). */
  deleteRecordsBefore(offset: number): number {
    this.checkOpen();
    if (offset > this.highWatermark) {
      throw new KafkaError(
        ErrorCode.OFFSET_OUT_OF_RANGE,
        `Cannot increment the log start offset to ${offset} of ${this.topic}-${this.partition} since it is larger than the high watermark ${this.highWatermark}`,
      );
    }
    if (offset > this.logStartOffset) {
      this.maybeIncrementLogStartOffset(offset);
      this.deleteOldSegments();
    }
    return this.logStartOffset;
  }

  private maybeIncrementLogStartOffset(offset: number): void {
    if (offset <= this.logStartOffset) return;
    this.currentLogStartOffset = offset;
    this.leaderEpochCache.truncateFromStart(offset);
    this.producerStateManager.onLogStartOffsetIncremented(offset);
    this.emit({ type: 'log-start-offset-changed', logStartOffset: offset });
  }

  /** Removes everything from `targetOffset` on (a follower cutting a divergent tail). */
  truncateTo(targetOffset: number): void {
    this.checkOpen();
    this.assertIdle('truncate');
    if (targetOffset >= this.logEndOffset) return;
    const from = this.logEndOffset;
    if (targetOffset <= this.segments[0]!.baseOffset) {
      this.truncateFullyAndStartAt(targetOffset);
      return;
    }
    this.localLog.truncateTo(targetOffset);
    this.nextOffset = this.logEndOffset;
    this.currentHighWatermark = Math.min(this.highWatermark, this.logEndOffset);
    this.leaderEpochCache.truncateFromEnd(this.logEndOffset);
    // Kafka's truncateAndReload: the state is reloaded from a snapshot at or below the new end
    // and the log after it, which brings the transactions open at that point back.
    this.loadProducerState(false);
    this.emit({ type: 'truncated', fromOffset: from, toOffset: this.logEndOffset });
  }

  /** Drops every segment and starts empty at `newOffset`. */
  truncateFullyAndStartAt(newOffset: number): void {
    this.assertIdle('truncate');
    const from = this.logEndOffset;
    this.localLog.truncateFullyAndStartAt(newOffset);
    this.currentLogStartOffset = newOffset;
    this.nextOffset = newOffset;
    this.currentHighWatermark = newOffset;
    this.leaderEpochCache.clear();
    this.producerStateManager.truncateFullyAndStartAt(newOffset);
    this.loadProducerState(false);
    this.emit({ type: 'truncated', fromOffset: from, toOffset: newOffset });
  }

  // ---------------------------------------------------------------- retention

  /** Retention (see LocalLog.deleteOldSegments); the log start offset follows the first segment left. */
  deleteOldSegments(): number {
    this.checkOpen();
    // Segments change only between writes; the next retention round catches up.
    if (this.appendQueue.isWriting) return 0;
    return this.localLog.deleteOldSegments(this.highWatermark, this.logStartOffset);
  }

  /** Puts cleaned segments in place of `oldSegments` (see LocalLog.replaceSegments). */
  replaceSegments(newSegments: LogSegment[], oldSegments: LogSegment[], afterStep?: (step: string) => void): void {
    this.localLog.replaceSegments(newSegments, oldSegments, afterStep);
  }

  // ---------------------------------------------------------------- lifecycle

  /** Waits for queued writes, flushes, trims the indexes and closes the files (a clean shutdown). */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.idle();
    this.flush();
    // Kafka's snapshot at the log end on close: the next start loads it instead of scanning.
    this.takeProducerSnapshot();
    this.localLog.close();
    this.closed = true;
  }

  /** Closes without flushing (tests simulating a crash use this to drop descriptors). */
  closeFds(): void {
    this.localLog.closeFds();
    this.closed = true;
  }

  /** Removes the partition directory (topic deletion). */
  deleteDirectory(): void {
    this.closed = true;
    this.localLog.deleteDirectory();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  static dirFor(logDir: string, topic: string, partition: number): string {
    return LocalLog.dirFor(logDir, topic, partition);
  }
}

function newProducerStateManager(ctx: LogContext, dir: string, topic: string, partition: number): ProducerStateManager {
  return new ProducerStateManager(
    ctx.fsys,
    dir,
    `${topic}-${partition}`,
    { producerIdExpirationMs: ctx.producerIdExpirationMs ?? DEFAULT_PRODUCER_ID_EXPIRATION_MS },
    (m, c) => ctx.warn(m, { topic, partition, ...c }),
  );
}
