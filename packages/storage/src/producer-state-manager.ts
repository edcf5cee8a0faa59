/**
 * Idempotent-producer state of one partition (KIP-98; Kafka's ProducerStateManager): per producer id
 * its epoch and last five batches, so that a retried batch is answered with its original offsets and
 * a gap or a zombie producer is refused.
 *
 * Two layers, because appends get their offsets (and so must be checked) when `append()` is called,
 * while their bytes reach the file later, on the thread pool:
 *  - `producers`: the state of what the log holds, up to `mapEndOffset` (= the log end offset). This
 *    is what snapshots record and admin views show.
 *  - `pendingProducers`: for producers with appends that have offsets but are not written yet, their
 *    state as it will be once those are written. New appends are checked against this layer first, so
 *    a retry of a batch still in flight is seen as a duplicate. A failed write throws it away: every
 *    pending append fails with it, and `producers` is exactly what reached the log.
 *
 * Snapshots (producer-snapshot-file.ts) are taken when a segment rolls, at its base offset, and at
 * clean shutdown, at the log end offset. One lives as long as its segment does; at start-up the
 * latest valid one is loaded and the batches after it are replayed (producer-state-loader.ts).
 *
 * Transactions (KIP-98): the written layer also tracks the transactions that hold back the last
 * stable offset (ongoing-transactions.ts). A snapshot records each producer's open transaction
 * (currentTxnFirstOffset), which is all loading one needs to rebuild the ongoing list; completed
 * but unreplicated ones are not in snapshots: after a reload the high watermark is at most the log
 * end, and the replay brings back those above it.
 */
import { join } from 'node:path';
import { readBatchHeader } from '@tarn/protocol';
import { writeFileAtomically, writeFileFsyncInBackground, type FileSystem } from './file-system';
import { readEndTransactionMarker } from './end-transaction-marker';
import { lastSequenceOf, type BatchMetadata } from './batch-metadata';
import { DELETED_FILE_SUFFIX } from './log-file-names';
import type { AppendOrigin, BatchInfo } from './log-validator';
import { OngoingTransactions, type CompletedTxn } from './ongoing-transactions';
import { ProducerAppendInfo, producerBatchOf } from './producer-append-info';
import { ProducerStateEntry } from './producer-state-entry';
import {
  CorruptSnapshotError,
  decodeProducerSnapshot,
  encodeProducerSnapshot,
  offsetFromSnapshotFileName,
  producerSnapshotFileName,
  type ProducerSnapshotEntry,
} from './producer-snapshot-file';

/** Kafka's `producer.id.expiration.ms` default: a producer idle this long is forgotten. */
export const DEFAULT_PRODUCER_ID_EXPIRATION_MS = 86_400_000;
/** Kafka's `producer.id.expiration.check.interval.ms` default. */
export const DEFAULT_PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS = 600_000;

export interface ProducerStateManagerConfig {
  producerIdExpirationMs: number;
}

/** One producer as admin views show it (the fields of Kafka's DescribeProducers, plus the last offset). */
export interface ActiveProducer {
  producerId: number;
  producerEpoch: number;
  lastSequence: number;
  /** Last offset of the producer's last data batch, -1 if it has none in the log. */
  lastOffset: number;
  lastTimestamp: number;
  coordinatorEpoch: number;
  currentTxnStartOffset: number;
}

/** An open transaction as the console's hanging-transaction view shows it. */
export interface OngoingTransaction {
  producerId: number;
  producerEpoch: number;
  firstOffset: number;
  /** The producer's last write (data or marker) on this partition. */
  lastTimestamp: number;
}

export interface ProducerAppendAnalysis {
  /** A client batch that repeats a cached one: nothing is written and the original offsets are answered. */
  duplicate: BatchMetadata | null;
  /** Per producer, what the append changes; applied by `stage` and, once written, `onAppendWritten`. */
  updates: ProducerAppendInfo[];
  /** Transactions the append's markers end, in offset order; completed once written (see completeTxn). */
  completedTxns: readonly CompletedTxn[];
}

const NO_COMPLETED_TXNS: readonly CompletedTxn[] = Object.freeze([]);

export class ProducerStateManager {
  private readonly producers = new Map<number, ProducerStateEntry>();
  private readonly pendingProducers = new Map<number, { entry: ProducerStateEntry; appends: number }>();
  private readonly transactions = new OngoingTransactions();
  /** Offsets of the snapshot files on disk, ascending. */
  private snapshots: number[];
  private lastMapOffset = 0;
  private lastSnapOffset = 0;

  constructor(
    private readonly fsys: FileSystem,
    private readonly dir: string,
    private readonly topicPartition: string,
    public config: ProducerStateManagerConfig,
    private readonly warn: (message: string, context?: Record<string, unknown>) => void,
  ) {
    this.snapshots = this.listSnapshots();
  }

  // ---------------------------------------------------------------- appends

  /** The producer's state as the next append sees it: including appends not yet written. */
  lastEntry(producerId: number): ProducerStateEntry | null {
    return this.pendingProducers.get(producerId)?.entry ?? this.producers.get(producerId) ?? null;
  }

  prepareUpdate(producerId: number, origin: AppendOrigin): ProducerAppendInfo {
    const current = this.lastEntry(producerId) ?? ProducerStateEntry.empty(producerId);
    return new ProducerAppendInfo(this.topicPartition, producerId, current, origin, this.warn);
  }

  /**
   * Kafka's analyzeAndValidateProducerState, run before offsets are assigned. With `assignment` the
   * batches will get offsets from `firstOffset` on (and the broker's time, for LogAppendTime topics);
   * without it they keep their own (replication). For client appends, the first batch that repeats
   * one of the producer's cached batches makes the whole append a duplicate. Throws the batch's
   * KafkaError (INVALID_PRODUCER_EPOCH, OUT_OF_ORDER_SEQUENCE_NUMBER, …); nothing changes until `stage`.
   */
  analyzeAppend(
    records: Buffer,
    batches: readonly BatchInfo[],
    origin: AppendOrigin,
    assignment: { firstOffset: number; logAppendTime: number | null } | null,
  ): ProducerAppendAnalysis {
    const updates = new Map<number, ProducerAppendInfo>();
    let completedTxns: CompletedTxn[] | null = null;
    let nextOffset = assignment?.firstOffset ?? 0;
    for (const b of batches) {
      const firstOffset = assignment !== null ? nextOffset : b.baseOffset;
      const lastOffset = firstOffset + (b.lastOffset - b.baseOffset);
      nextOffset = lastOffset + 1;
      if (b.producerId < 0) continue;
      if (origin === 'client') {
        const lastSeq = lastSequenceOf(b.baseSequence, lastOffset - firstOffset);
        const duplicate = this.lastEntry(b.producerId)?.findDuplicateBatch(b.producerEpoch, b.baseSequence, lastSeq) ?? null;
        if (duplicate !== null) return { duplicate, updates: [], completedTxns: NO_COMPLETED_TXNS };
      }
      let info = updates.get(b.producerId);
      if (info === undefined) {
        info = this.prepareUpdate(b.producerId, origin);
        updates.set(b.producerId, info);
      }
      const logAppendTime = assignment?.logAppendTime ?? null;
      const completed = info.append({
        producerEpoch: b.producerEpoch,
        baseSequence: b.baseSequence,
        firstOffset,
        lastOffset,
        maxTimestamp: logAppendTime ?? b.maxTimestamp,
        isTransactional: b.isTransactional,
        isControl: b.isControl,
        marker: b.isControl ? readEndTransactionMarker(records.subarray(b.position, b.position + b.size), logAppendTime) : null,
      });
      if (completed !== null) (completedTxns ??= []).push(completed);
    }
    return { duplicate: null, updates: [...updates.values()], completedTxns: completedTxns ?? NO_COMPLETED_TXNS };
  }

  /** The append has its offsets: later appends are checked against it. */
  stage(updates: readonly ProducerAppendInfo[]): void {
    for (const info of updates) {
      const pending = this.pendingProducers.get(info.producerId);
      if (pending !== undefined) {
        pending.entry.update(info.toEntry());
        pending.appends++;
        continue;
      }
      const committed = this.producers.get(info.producerId);
      const entry = committed?.clone() ?? info.toEntry().clone();
      if (committed !== undefined) entry.update(info.toEntry());
      this.pendingProducers.set(info.producerId, { entry, appends: 1 });
    }
  }

  /** A staged append is in the log, which now ends at `nextOffset`. Appends complete in offset order. */
  onAppendWritten(updates: readonly ProducerAppendInfo[], nextOffset: number): void {
    for (const info of updates) {
      this.update(info);
      const pending = this.pendingProducers.get(info.producerId);
      if (pending !== undefined && --pending.appends === 0) this.pendingProducers.delete(info.producerId);
    }
    this.lastMapOffset = nextOffset;
  }

  /** A write failed and every append not yet written failed with it. */
  discardPending(): void {
    this.pendingProducers.clear();
  }

  /** Applies an append that is in the log (Kafka's update); the transactions it starts are ongoing. */
  update(info: ProducerAppendInfo): void {
    const current = this.producers.get(info.producerId);
    if (current !== undefined) current.update(info.toEntry());
    else this.producers.set(info.producerId, info.toEntry().clone());
    for (const txn of info.startedTransactions) this.transactions.start(txn.producerId, txn.firstOffset);
  }

  /**
   * Kafka's LogSegment.updateProducerState: one stored batch (whole bytes) read back by segment
   * recovery, applied without checks. Returns the transaction its marker ends; the caller indexes
   * it and then calls completeTxn.
   */
  replayBatch(bytes: Buffer): CompletedTxn | null {
    const h = readBatchHeader(bytes, 0);
    let completed: CompletedTxn | null = null;
    if (h.producerId >= 0) {
      const info = this.prepareUpdate(h.producerId, 'replication');
      completed = info.append(producerBatchOf(h, bytes));
      this.update(info);
    }
    this.lastMapOffset = h.baseOffset + h.lastOffsetDelta + 1;
    return completed;
  }

  // ---------------------------------------------------------------- transactions

  /** The LSO to record with `txn` in the transaction index (see OngoingTransactions.lastStableOffset). */
  lastStableOffset(txn: CompletedTxn): number {
    return this.transactions.lastStableOffset(txn);
  }

  /** `txn`'s marker is written (and indexed): it waits for the high watermark to pass it. */
  completeTxn(txn: CompletedTxn): void {
    if (!this.transactions.complete(txn)) {
      this.warn(`Attempted to complete transaction ${JSON.stringify(txn)} on partition ${this.topicPartition} which was not started`);
    }
  }

  /** Transactions whose marker is below the high watermark are stable now (Kafka's onHighWatermarkUpdated). */
  onHighWatermarkUpdated(highWatermark: number): void {
    this.transactions.removeUnreplicatedBelow(highWatermark);
  }

  /** The first offset of a transaction undecided or not yet replicated; null when none. */
  get firstUnstableOffset(): number | null {
    return this.transactions.firstUnstableOffset;
  }

  /** The first offset of the oldest open transaction; null when none. */
  get firstUndecidedOffset(): number | null {
    return this.transactions.firstUndecidedOffset;
  }

  /** Open transactions, oldest first, with their producer's epoch and last write. */
  ongoingTransactions(): OngoingTransaction[] {
    return this.transactions.ongoingTxns.map((t) => {
      const e = this.producers.get(t.producerId);
      return {
        producerId: t.producerId,
        producerEpoch: e?.producerEpoch ?? -1,
        firstOffset: t.firstOffset,
        lastTimestamp: e?.lastTimestamp ?? -1,
      };
    });
  }

  // ---------------------------------------------------------------- views

  get mapEndOffset(): number {
    return this.lastMapOffset;
  }

  updateMapEndOffset(offset: number): void {
    this.lastMapOffset = offset;
  }

  get isEmpty(): boolean {
    return this.producers.size === 0 && !this.transactions.hasUnreplicated;
  }

  /** Producers with state in the log (appends still being written are not included). */
  activeProducers(): ActiveProducer[] {
    return [...this.producers.values()].map((e) => ({
      producerId: e.producerId,
      producerEpoch: e.producerEpoch,
      lastSequence: e.lastSeq,
      lastOffset: e.lastDataOffset,
      lastTimestamp: e.lastTimestamp,
      coordinatorEpoch: e.coordinatorEpoch,
      currentTxnStartOffset: e.currentTxnFirstOffset ?? -1,
    }));
  }

  /** The written state of one producer (what a snapshot would record). */
  committedEntry(producerId: number): ProducerStateEntry | null {
    return this.producers.get(producerId) ?? null;
  }

  // ---------------------------------------------------------------- expiration and log start

  private isProducerExpired(nowMs: number, entry: ProducerStateEntry): boolean {
    return entry.currentTxnFirstOffset === null && nowMs - entry.lastTimestamp >= this.config.producerIdExpirationMs;
  }

  /**
   * Whether a producer's data is still in the log. Producers with no data batch (only markers) are
   * kept until they expire, and so are producers with a transaction open: forgetting one would
   * leave its transaction holding the LSO back forever, since its marker would complete nothing
   * (Kafka 3.x keeps every producer until it expires).
   */
  private isProducerRetained(entry: ProducerStateEntry, logStartOffset: number): boolean {
    if (entry.isEmpty || entry.currentTxnFirstOffset !== null) return true;
    entry.removeBatchesOlderThan(logStartOffset);
    return !entry.isEmpty;
  }

  /** Forgets producers idle for producer.id.expiration.ms (none with an open transaction or pending appends). */
  removeExpiredProducers(nowMs: number): number {
    let removed = 0;
    for (const [id, entry] of this.producers) {
      if (!this.pendingProducers.has(id) && this.isProducerExpired(nowMs, entry)) {
        this.producers.delete(id);
        removed++;
      }
    }
    return removed;
  }

  /**
   * The log start offset moved up: producers whose data is all below it are forgotten (as Kafka did
   * before 2.8; Kafka 3.x keeps them until they expire), and so are snapshots below it.
   */
  onLogStartOffsetIncremented(logStartOffset: number): void {
    for (const [id, entry] of this.producers) {
      if (!this.isProducerRetained(entry, logStartOffset)) this.producers.delete(id);
    }
    for (const { entry } of this.pendingProducers.values()) {
      if (entry.currentTxnFirstOffset === null) entry.removeBatchesOlderThan(logStartOffset);
    }
    this.transactions.removeUnreplicatedBelow(logStartOffset);
    if (this.lastMapOffset < logStartOffset) this.lastMapOffset = logStartOffset;
    this.deleteSnapshotsBefore(logStartOffset);
    this.lastSnapOffset = this.latestSnapshotOffset ?? logStartOffset;
  }

  // ---------------------------------------------------------------- snapshots

  private snapshotPath(offset: number): string {
    return join(this.dir, producerSnapshotFileName(offset));
  }

  private listSnapshots(): number[] {
    const offsets: number[] = [];
    for (const name of this.fsys.readdirSync(this.dir)) {
      const offset = offsetFromSnapshotFileName(name);
      if (offset !== null) offsets.push(offset);
    }
    return offsets.sort((a, b) => a - b);
  }

  get latestSnapshotOffset(): number | null {
    return this.snapshots.at(-1) ?? null;
  }

  get oldestSnapshotOffset(): number | null {
    return this.snapshots[0] ?? null;
  }

  snapshotOffsets(): readonly number[] {
    return this.snapshots;
  }

  /** The written state in the snapshot format (entries in the order producers were first seen or loaded). */
  encodeSnapshot(): Buffer {
    const entries: ProducerSnapshotEntry[] = [];
    for (const e of this.producers.values()) {
      entries.push({
        producerId: e.producerId,
        producerEpoch: e.producerEpoch,
        lastSequence: e.lastSeq,
        lastOffset: e.lastDataOffset,
        offsetDelta: e.lastOffsetDelta,
        timestamp: e.lastTimestamp,
        coordinatorEpoch: e.coordinatorEpoch,
        currentTxnFirstOffset: e.currentTxnFirstOffset ?? -1,
      });
    }
    return encodeProducerSnapshot(entries);
  }

  /** Writes a snapshot at the map end offset unless the latest one is already there. */
  /**
   * `background` (a roll): written in place now and fsynced on the thread pool, as Kafka flushes
   * roll-time snapshots asynchronously; a torn file after a crash fails its CRC and is skipped on load.
   */
  takeSnapshot(background = false): void {
    if (this.lastMapOffset <= this.lastSnapOffset) return;
    const offset = this.lastMapOffset;
    const path = this.snapshotPath(offset);
    if (background) {
      writeFileFsyncInBackground(this.fsys, path, this.encodeSnapshot(), (err) => {
        if (err !== null) this.warn('could not write a producer state snapshot', { path, error: String(err) });
      });
    } else writeFileAtomically(this.fsys, path, this.encodeSnapshot());
    if (!this.snapshots.includes(offset)) {
      this.snapshots.push(offset);
      this.snapshots.sort((a, b) => a - b);
    }
    this.lastSnapOffset = offset;
  }

  private removeAndDeleteSnapshot(offset: number): void {
    const i = this.snapshots.indexOf(offset);
    if (i < 0) return;
    this.snapshots.splice(i, 1);
    const path = this.snapshotPath(offset);
    if (this.fsys.existsSync(path)) this.fsys.unlinkSync(path);
  }

  /**
   * For a segment on its way out: its snapshot is renamed `.deleted` now and removed by the returned
   * function when the segment's files go. Null when there is no snapshot at that offset.
   */
  removeAndMarkSnapshotForDeletion(offset: number): (() => void) | null {
    const i = this.snapshots.indexOf(offset);
    if (i < 0) return null;
    this.snapshots.splice(i, 1);
    const path = this.snapshotPath(offset);
    const doomed = path + DELETED_FILE_SUFFIX;
    if (!this.fsys.existsSync(path)) return null;
    this.fsys.renameSync(path, doomed);
    return () => {
      if (this.fsys.existsSync(doomed)) this.fsys.unlinkSync(doomed);
    };
  }

  deleteSnapshotsBefore(offset: number): void {
    for (const o of this.snapshots.filter((s) => s < offset)) this.removeAndDeleteSnapshot(o);
  }

  /**
   * Kafka's removeStraySnapshots: snapshots that match no segment go, except the newest one when it
   * is above every segment's base offset (the one clean shutdown writes at the log end).
   */
  removeStraySnapshots(segmentBaseOffsets: readonly number[]): void {
    const bases = new Set(segmentBaseOffsets);
    const maxBase = segmentBaseOffsets.length > 0 ? Math.max(...segmentBaseOffsets) : null;
    this.snapshots = this.listSnapshots();
    const strays = this.snapshots.filter((o) => !bases.has(o));
    const latestStray = strays.at(-1);
    for (const o of strays.slice(0, -1)) this.removeAndDeleteSnapshot(o);
    if (latestStray !== undefined && maxBase !== null && latestStray < maxBase) this.removeAndDeleteSnapshot(latestStray);
  }

  /**
   * Kafka's truncateAndReload: snapshots outside (logStartOffset, logEndOffset] go; unless the state
   * already ends at logEndOffset it is cleared and reloaded from the latest snapshot left (the caller
   * replays the log after it).
   */
  truncateAndReload(logStartOffset: number, logEndOffset: number, nowMs: number): void {
    for (const o of [...this.snapshots]) if (o > logEndOffset || o <= logStartOffset) this.removeAndDeleteSnapshot(o);
    if (logEndOffset !== this.lastMapOffset) {
      this.producers.clear();
      this.pendingProducers.clear();
      // the log end is at or below the high watermark here, so no completed transaction is unreplicated
      this.transactions.clear();
      this.loadFromSnapshot(logStartOffset, nowMs);
    } else {
      this.onLogStartOffsetIncremented(logStartOffset);
    }
  }

  /** Drops all state and every snapshot; the log now starts empty at `offset`. */
  truncateFullyAndStartAt(offset: number): void {
    this.producers.clear();
    this.pendingProducers.clear();
    this.transactions.clear();
    for (const o of [...this.snapshots]) this.removeAndDeleteSnapshot(o);
    this.lastSnapOffset = 0;
    this.lastMapOffset = offset;
  }

  /** Loads the latest snapshot; a corrupt one is deleted and the next older one tried. */
  private loadFromSnapshot(logStartOffset: number, nowMs: number): void {
    for (;;) {
      const latest = this.latestSnapshotOffset;
      if (latest === null) {
        this.lastSnapOffset = logStartOffset;
        this.lastMapOffset = logStartOffset;
        return;
      }
      const path = this.snapshotPath(latest);
      try {
        for (const e of decodeProducerSnapshot(this.fsys.readFileSync(path))) {
          const batches =
            e.lastOffset >= 0
              ? [{ lastSeq: e.lastSequence, lastOffset: e.lastOffset, offsetDelta: e.offsetDelta, timestamp: e.timestamp }]
              : [];
          const txn = e.currentTxnFirstOffset >= 0 ? e.currentTxnFirstOffset : null;
          const entry = new ProducerStateEntry(e.producerId, e.producerEpoch, e.coordinatorEpoch, e.timestamp, txn, batches);
          if (!this.isProducerExpired(nowMs, entry) && this.isProducerRetained(entry, logStartOffset)) {
            this.producers.set(e.producerId, entry);
            if (txn !== null) this.transactions.start(e.producerId, txn);
          }
        }
        this.lastSnapOffset = latest;
        this.lastMapOffset = latest;
        return;
      } catch (err) {
        if (!(err instanceof CorruptSnapshotError)) throw err;
        this.warn('ignoring a corrupt producer snapshot', { path, error: err.message });
        this.producers.clear();
        this.transactions.clear();
        this.removeAndDeleteSnapshot(latest);
      }
    }
  }
}
