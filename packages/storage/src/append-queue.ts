/**
 * Group commit for one partition log. Appends arrive validated, with their offsets assigned; those
 * queued in one event-loop turn (or while a write is in flight) are written together: one writev
 * per segment, rolling between appends when needed. One write is in flight at a time.
 *
 * The partition log learns of each written append through `written` before any writer is
 * resolved, and of a failed write through `writeFailed` before the queued appends are rejected.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { INLINE_WRITE_MAX_BYTES, SLOW_DISK_BACKOFF_MS, inlineWriteTook, inlineWritesNow } from './inline-writes';
import type { LocalLog } from './local-log';
import type { LogContext } from './log-context';
import type { LogSegment, SegmentAppend } from './log-segment';
import type { ValidatedAppend } from './log-validator';
import type { CompletedTxn } from './ongoing-transactions';
import type { ProducerAppendInfo } from './producer-append-info';

export interface LogAppendInfo extends ValidatedAppend {
  /** Broker time for LogAppendTime topics, -1 otherwise (a duplicate: the original batch's timestamp). */
  logAppendTime: number;
  logStartOffset: number;
  /**
   * The append repeated a batch the producer had already written (a retry): nothing was written and
   * firstOffset/lastOffset are the original batch's. `batches` is empty, the counts are zero.
   */
  duplicate: boolean;
}

export interface PendingAppend {
  records: Buffer;
  info: LogAppendInfo;
  producerUpdates: ProducerAppendInfo[];
  /** Transactions the append's markers end (indexed in the segment that receives them). */
  completedTxns: readonly CompletedTxn[];
  resolve: (info: LogAppendInfo) => void;
  reject: (err: unknown) => void;
  /** Settles with the append (what a retry of one of its batches waits for). */
  done: Promise<LogAppendInfo>;
}

export interface AppendQueueListener {
  /** `entry`'s batches are in `segment`'s `.log`; called in offset order. */
  written(entry: PendingAppend, segment: LogSegment): void;
  /** A write failed: every append not yet written is about to fail. */
  writeFailed(): void;
}

export class AppendQueue {
  private pending: PendingAppend[] = [];
  /** Appends taken by the current write. */
  private inFlight: PendingAppend[] = [];
  private writeScheduled = false;
  private writing = false;
  private idleWaiters: Array<() => void> = [];
  /** Appends written by the current write, resolved when it ends. */
  private written: PendingAppend[] = [];

  constructor(
    private readonly ctx: LogContext,
    private readonly log: LocalLog,
    private readonly listener: AppendQueueListener,
  ) {}

  /** Queues an append; resolves once its batches are written (see the listener). */
  add(
    records: Buffer,
    info: LogAppendInfo,
    producerUpdates: ProducerAppendInfo[],
    completedTxns: readonly CompletedTxn[],
  ): Promise<LogAppendInfo> {
    let resolve!: (info: LogAppendInfo) => void;
    let reject!: (err: unknown) => void;
    const done = new Promise<LogAppendInfo>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.pending.push({ records, info, producerUpdates, completedTxns, resolve, reject, done });
    // Appends issued in this event-loop turn (or while a write is in flight) go out together.
    if (!this.writeScheduled && !this.writing) {
      this.writeScheduled = true;
      this.ctx.scheduler.runSoon(() => {
        this.writeScheduled = false;
        this.startWrite();
      });
    }
    return done;
  }

  /** The queued or in-flight append holding `offset`, if any. */
  holding(offset: number): PendingAppend | undefined {
    return [...this.inFlight, ...this.pending].find((e) => e.info.firstOffset <= offset && offset <= e.info.lastOffset);
  }

  /** A write is in flight: the segment list must not change under it. */
  get isWriting(): boolean {
    return this.writing;
  }

  /** Appends are queued or being written. */
  get isBusy(): boolean {
    return this.writing || this.pending.length > 0;
  }

  /** Resolves once no write is in flight or queued. */
  idle(): Promise<void> {
    if (!this.writing && this.pending.length === 0 && !this.writeScheduled) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.push(() => void this.idle().then(resolve));
    });
  }

  /**
   * Writes every queued append: one writev per segment, rolling between appends when needed. One
   * write is in flight at a time; whatever is queued meanwhile goes out together in the next one.
   */
  private startWrite(): void {
    if (this.writing || this.pending.length === 0) return;
    const queue = this.pending;
    this.pending = [];
    this.inFlight = queue;
    this.writing = true;
    void this.writeQueue(queue).finally(() => {
      // Settle the writers only once the log is idle again, so that code resuming after an
      // append sees a quiet log (unless more appends were queued meanwhile).
      this.writing = false;
      this.inFlight = [];
      for (const e of this.written.splice(0)) e.resolve(e.info);
      for (const waiter of this.idleWaiters.splice(0)) waiter();
      this.startWrite();
    });
  }

  private async writeQueue(queue: PendingAppend[]): Promise<void> {
    const now = this.ctx.time.milliseconds();
    for (let i = 0; i < queue.length;) {
      if (this.needsRoll(queue[i]!.info, 0, 0, now)) {
        try {
          this.log.roll(queue[i]!.info.firstOffset);
        } catch (err) {
          this.failPending(queue.slice(i), err);
          return;
        }
      }
      const run: SegmentAppend[] = [];
      let runBytes = 0;
      let j = i;
      while (j < queue.length && (j === i || !this.needsRoll(queue[j]!.info, runBytes, run.length, now))) {
        const entry = queue[j]!;
        runBytes += entry.info.sizeInBytes;
        for (const b of entry.info.batches) {
          run.push({
            bytes: entry.records.subarray(b.position, b.position + b.size),
            lastOffset: b.lastOffset,
            maxTimestamp: b.maxTimestamp,
          });
        }
        j++;
      }
      const segment = this.log.activeSegment;
      try {
        await this.writeRun(segment, run, now);
      } catch (err) {
        this.failPending(queue.slice(i), err);
        return;
      }
      for (const e of queue.slice(i, j)) this.afterWrite(e, segment);
      i = j;
    }
  }

  /** Writes one run of batches into the active segment: inline while that is cheap (inline-writes.ts), else on the thread pool. */
  private writeRun(segment: LogSegment, run: SegmentAppend[], now: number): Promise<void> | void {
    let bytes = 0;
    for (const b of run) bytes += b.bytes.length;
    const inline = bytes <= INLINE_WRITE_MAX_BYTES && (this.ctx.inlineWrites ?? inlineWritesNow());
    if (!inline) return segment.appendAsync(run, now);
    const t0 = performance.now();
    try {
      segment.append(run, now);
    } finally {
      // a device that blocks and then fails must send the next appends to the pool too
      this.timedInlineWrite(performance.now() - t0, bytes);
    }
  }

  private timedInlineWrite(ms: number, bytes: number): void {
    if (inlineWriteTook(ms)) {
      const { topic, partition } = this.log;
      this.ctx.warn(
        'writes to the page cache blocked the event loop again and again (a slow or failing disk); appends go through the thread pool for a while',
        {
          topic,
          partition,
          bytes,
          ms: Math.round(ms),
          backoffMs: SLOW_DISK_BACKOFF_MS,
        },
      );
    }
  }

  /** Would `info`, written after a run of `runBytes` bytes in `runBatches` batches, need a new segment? */
  private needsRoll(info: LogAppendInfo, runBytes: number, runBatches: number, now: number): boolean {
    const seg = this.log.activeSegment;
    const config = this.log.config;
    return (
      seg.shouldRoll({
        pendingBytes: runBytes,
        bytes: info.sizeInBytes,
        maxTimestampInBatch: info.maxTimestamp,
        lastOffset: info.lastOffset,
        segmentBytes: config.segmentBytes,
        rollMs: config.segmentMs - config.segmentJitterMs,
        nowMs: now,
      }) ||
      // each batch may add one index entry: keep room for all of them
      seg.offsetIndex.entries + runBatches + info.batches.length >= seg.offsetIndex.maxEntries
    );
  }

  private afterWrite(entry: PendingAppend, segment: LogSegment): void {
    this.listener.written(entry, segment);
    this.written.push(entry);
  }

  /** A failed write loses nothing acknowledged: queued appends fail (and the log rewinds its offsets). */
  private failPending(entries: PendingAppend[], err: unknown): void {
    this.listener.writeFailed();
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    const { topic, partition } = this.log;
    this.ctx.warn('append failed; the log is unchanged', { topic, partition, error: String(err) });
    const failure = new KafkaError(
      ErrorCode.KAFKA_STORAGE_ERROR,
      `I/O error appending to ${topic}-${partition} (${code}): ${(err as Error).message}`,
      { cause: err },
    );
    for (const e of entries) e.reject(failure);
    // Anything queued behind the failure was assigned offsets past the rewind point.
    const rest = this.pending;
    this.pending = [];
    for (const e of rest) e.reject(failure);
  }
}
