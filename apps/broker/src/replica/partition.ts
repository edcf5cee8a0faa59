/**
 * One partition replica hosted by this broker (Kafka's Partition): its log, its state from metadata
 * (replicas, ISR, leader, leader epoch) and, on the leader, what it knows of each follower.
 *
 * On the leader the high watermark is the smallest log end offset over the ISR, learnt from the
 * followers' fetch offsets; a follower that has not fetched since this broker became leader holds
 * it back. acks=all producers wait for it to pass their batch; consumers read only below it.
 * A follower in the ISR that has not caught up for replica.lag.time.max.ms is dropped from it; one
 * outside that reaches the high watermark is added back. ISR changes are conditional writes to the
 * metadata store (through `alterIsr`), the same store the controller writes leaders to.
 *
 * On a follower the log is written by the replica fetcher, and the high watermark is the leader's,
 * capped at the local log end.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import {
  readLogRecords,
  type AppendOrigin,
  type FetchDataInfo,
  type FileSlice,
  type LogAppendInfo,
  type PartitionLog,
  type ReadRecordsOptions,
  type TimestampLookup,
} from '@tarn/storage';
import type { PartitionState } from '../metadata/cluster-metadata';

export type FetchIsolation = 'log-end' | 'high-watermark' | 'txn-committed';

interface HighWatermarkWaiter {
  offset: number;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

/** What the leader knows of one follower (Kafka's Replica state). */
export interface FollowerState {
  /** The follower's log end offset (its last fetch offset); -1 until it fetches from this leader. */
  logEndOffset: number;
  /** Last time the follower had everything the leader had (Kafka's lastCaughtUpTimeMs). */
  lastCaughtUpTimeMs: number;
  lastFetchLeaderLogEndOffset: number;
  lastFetchTimeMs: number;
}

export interface ReplicationHooks {
  /** Writes a new ISR for this partition (a conditional write on its epoch); false when it lost a race. */
  alterIsr(partition: Partition, isr: number[], reason: string): Promise<boolean>;
  /** Whether a replica may join the ISR: registered and not shutting down (Kafka's eligible replicas). */
  isEligible(replicaId: number): boolean;
  replicaLagTimeMaxMs: number;
}

export class Partition {
  private readonly verificationGuards = new Map<number, object>();
  private waiters: HighWatermarkWaiter[] = [];
  private readonly dataListeners = new Set<() => void>();
  readonly followers = new Map<number, FollowerState>();
  private isrChangeInFlight = false;

  constructor(
    readonly topic: string,
    readonly partition: number,
    public topicId: string,
    readonly log: PartitionLog,
    public state: PartitionState,
    private readonly localNodeId: number,
    private readonly hooks: ReplicationHooks,
  ) {}

  get isLeader(): boolean {
    return this.state.leader === this.localNodeId;
  }

  get leaderEpoch(): number {
    return this.state.leaderEpoch;
  }

  get highWatermark(): number {
    return this.log.highWatermark;
  }

  /** Where read_committed consumers stop: the first offset of the oldest open transaction, or the high watermark. */
  get lastStableOffset(): number {
    return this.log.lastStableOffset;
  }

  /**
   * The aborted transactions a read_committed consumer reading from `startOffset` up to
   * `upperBoundOffset` must know of, to skip their records (from the `.txnindex` files).
   */
  abortedTransactions(startOffset: number, upperBoundOffset: number): Array<{ producerId: number; firstOffset: number }> {
    return this.log
      .collectAbortedTransactions(startOffset, upperBoundOffset)
      .map((t) => ({ producerId: t.producerId, firstOffset: t.firstOffset }));
  }

  /** The producers this replica tracks (DescribeProducers). */
  activeProducers(): ReturnType<PartitionLog['producerStateManager']['activeProducers']> {
    return this.log.producerStateManager.activeProducers();
  }

  /**
   * Whether the producer has a transaction open here under this epoch: its further transactional
   * writes need no verification with the coordinator (KIP-890).
   */
  hasOngoingTransaction(producerId: number, producerEpoch: number): boolean {
    const entry = this.log.producerStateManager.lastEntry(producerId);
    return entry !== null && entry.currentTxnFirstOffset !== null && entry.producerEpoch === producerEpoch;
  }

  /**
   * KIP-890's verification guard: taken before asking the coordinator whether a producer's write
   * belongs to its transaction, dropped when a marker for the producer is written here. A write whose
   * guard is gone by the time the coordinator answered came after its transaction ended (a marker
   * landed meanwhile) and must not open a new one that nothing would close. Requests of one producer
   * verified at the same time (pipelined, as every client sends them) share the guard, as Kafka's
   * maybeCreateVerificationStateEntry does: a second one must not void the first's.
   */
  startVerification(producerId: number): object {
    let guard = this.verificationGuards.get(producerId);
    if (guard === undefined) this.verificationGuards.set(producerId, (guard = {}));
    return guard;
  }

  isVerificationValid(producerId: number, guard: object): boolean {
    return this.verificationGuards.get(producerId) === guard;
  }

  clearVerification(producerId: number): void {
    this.verificationGuards.delete(producerId);
  }

  get logStartOffset(): number {
    return this.log.logStartOffset;
  }

  get logEndOffset(): number {
    return this.log.logEndOffset;
  }

  get minInsyncReplicas(): number {
    return this.log.config.minInsyncReplicas;
  }

  private notLeader(): KafkaError {
    return new KafkaError(
      ErrorCode.NOT_LEADER_OR_FOLLOWER,
      `Broker ${this.localNodeId} is not the leader of ${this.topic}-${this.partition} (leader: ${this.state.leader})`,
    );
  }

  /** Kafka's leader epoch fencing for requests that carry the epoch the client believes in. */
  checkLeaderEpoch(currentLeaderEpoch: number): void {
    if (currentLeaderEpoch < 0) return;
    if (currentLeaderEpoch < this.state.leaderEpoch) {
      throw new KafkaError(
        ErrorCode.FENCED_LEADER_EPOCH,
        `Leader epoch ${currentLeaderEpoch} of ${this.topic}-${this.partition} is older than the current ${this.state.leaderEpoch}`,
      );
    }
    if (currentLeaderEpoch > this.state.leaderEpoch) {
      throw new KafkaError(
        ErrorCode.UNKNOWN_LEADER_EPOCH,
        `Leader epoch ${currentLeaderEpoch} of ${this.topic}-${this.partition} is newer than the current ${this.state.leaderEpoch}`,
      );
    }
  }

  // ------------------------------------------------------------ leadership

  /** This broker leads from now on: the new epoch starts at the log end, followers start unknown. */
  becomeLeader(state: PartitionState, nowMs: number): void {
    this.state = state;
    this.followers.clear();
    for (const r of state.replicas) {
      if (r === this.localNodeId) continue;
      // ISR members get the benefit of the doubt for replica.lag.time.max.ms, as in Kafka
      this.followers.set(r, {
        logEndOffset: -1,
        lastCaughtUpTimeMs: state.isr.includes(r) ? nowMs : 0,
        lastFetchLeaderLogEndOffset: -1,
        lastFetchTimeMs: 0,
      });
    }
    // Kafka records where the new epoch starts; an empty log's first batch will do that (and a
    // checkpoint write per new partition is costly when thousands are created)
    if (this.log.logEndOffset > 0 || this.log.leaderEpochCache.latestEpoch >= 0)
      this.log.leaderEpochCache.assign(state.leaderEpoch, this.log.logEndOffset);
    this.maybeIncrementHighWatermark();
  }

  /** Another broker leads: pending acks=all waits end, consumers go elsewhere. */
  becomeFollower(state: PartitionState): void {
    this.state = state;
    this.followers.clear();
    this.failWaiters();
  }

  /** The metadata changed without a leadership change (ISR, epoch). */
  updateState(state: PartitionState): void {
    this.state = state;
    if (!this.isLeader) return;
    // replicas added by a reassignment start out of sync; removed ones are forgotten
    for (const r of state.replicas) {
      if (r !== this.localNodeId && !this.followers.has(r))
        this.followers.set(r, { logEndOffset: -1, lastCaughtUpTimeMs: 0, lastFetchLeaderLogEndOffset: -1, lastFetchTimeMs: 0 });
    }
    for (const r of this.followers.keys()) if (!state.replicas.includes(r)) this.followers.delete(r);
    this.maybeIncrementHighWatermark();
  }

  // ------------------------------------------------------------ the leader's side

  /**
   * Appends on the leader. With acks=all the ISR must hold at least min.insync.replicas replicas
   * (NOT_ENOUGH_REPLICAS otherwise). Synchronous up to the log's offset assignment, so requests
   * handled in order are appended in order.
   */
  appendRecordsToLeader(records: Buffer, requiredAcks: number, origin: AppendOrigin = 'client'): Promise<LogAppendInfo> {
    if (!this.isLeader) return Promise.reject(this.notLeader());
    const minIsr = this.log.config.minInsyncReplicas;
    if (requiredAcks === -1 && this.state.isr.length < minIsr) {
      return Promise.reject(
        new KafkaError(
          ErrorCode.NOT_ENOUGH_REPLICAS,
          `The size of the current ISR [${this.state.isr.join(',')}] is insufficient to satisfy the min.isr requirement of ${minIsr} for partition ${this.topic}-${this.partition}`,
        ),
      );
    }
    return this.log.append(records, { origin, leaderEpoch: this.state.leaderEpoch }).then((info) => {
      this.notifyData();
      this.maybeIncrementHighWatermark();
      return info;
    });
  }

  /**
   * A follower fetched at `fetchOffset` (its log end offset). Kafka's rule for "caught up": it has
   * everything the leader has now, or everything the leader had at its previous fetch.
   */
  updateFollowerFetchState(replicaId: number, fetchOffset: number, nowMs: number): void {
    const f = this.followers.get(replicaId);
    if (f === undefined) return;
    const leaderEnd = this.log.logEndOffset;
    if (fetchOffset >= leaderEnd) f.lastCaughtUpTimeMs = nowMs;
    else if (fetchOffset >= f.lastFetchLeaderLogEndOffset && f.lastFetchLeaderLogEndOffset >= 0)
      f.lastCaughtUpTimeMs = Math.max(f.lastCaughtUpTimeMs, f.lastFetchTimeMs);
    f.logEndOffset = fetchOffset;
    f.lastFetchLeaderLogEndOffset = leaderEnd;
    f.lastFetchTimeMs = nowMs;
    this.maybeExpandIsr(replicaId);
    this.maybeIncrementHighWatermark();
  }

  /** High watermark = the smallest log end offset over the ISR. */
  maybeIncrementHighWatermark(): void {
    if (!this.isLeader) return;
    let candidate = this.log.logEndOffset;
    for (const r of this.state.isr) {
      if (r === this.localNodeId) continue;
      const f = this.followers.get(r);
      if (f === undefined || f.logEndOffset < 0) return; // not heard from yet: no progress
      candidate = Math.min(candidate, f.logEndOffset);
    }
    if (candidate <= this.log.highWatermark) return;
    this.log.updateHighWatermark(candidate);
    this.onHighWatermarkMoved();
  }

  private onHighWatermarkMoved(): void {
    const hw = this.log.highWatermark;
    const still: HighWatermarkWaiter[] = [];
    for (const w of this.waiters) {
      if (w.offset <= hw) {
        clearTimeout(w.timer);
        w.resolve(true);
      } else still.push(w);
    }
    this.waiters = still;
    this.notifyData();
  }

  private maybeExpandIsr(replicaId: number): void {
    if (this.state.isr.includes(replicaId) || this.isrChangeInFlight || !this.hooks.isEligible(replicaId)) return;
    const f = this.followers.get(replicaId)!;
    // caught up to the high watermark and into the current leader epoch
    const epochStart = this.log.leaderEpochCache.entries.find((e) => e.epoch === this.state.leaderEpoch)?.startOffset ?? 0;
    if (f.logEndOffset < this.log.highWatermark || f.logEndOffset < epochStart) return;
    this.changeIsr([...this.state.isr, replicaId], `replica ${replicaId} caught up`);
  }

  /** Drops ISR followers that have not caught up within replica.lag.time.max.ms. */
  maybeShrinkIsr(nowMs: number): void {
    if (!this.isLeader || this.isrChangeInFlight) return;
    const lagging = this.state.isr.filter((r) => {
      if (r === this.localNodeId) return false;
      const f = this.followers.get(r);
      return f !== undefined && nowMs - f.lastCaughtUpTimeMs > this.hooks.replicaLagTimeMaxMs;
    });
    if (lagging.length === 0) return;
    this.changeIsr(
      this.state.isr.filter((r) => !lagging.includes(r)),
      `replica ${lagging.join(',')} not caught up for more than replica.lag.time.max.ms (${this.hooks.replicaLagTimeMaxMs})`,
    );
  }

  private changeIsr(isr: number[], reason: string): void {
    this.isrChangeInFlight = true;
    this.hooks
      .alterIsr(this, isr, reason)
      .catch(() => false)
      .finally(() => {
        this.isrChangeInFlight = false;
        this.maybeIncrementHighWatermark();
      });
  }

  /**
   * DeleteRecords on the leader (Kafka's deleteRecordsOnLeader): moves the log start offset to
   * `offset` (-1: the high watermark); only where cleanup.policy includes delete.
   */
  deleteRecordsOnLeader(offset: number): number {
    if (!this.isLeader) throw this.notLeader();
    if (!this.log.config.cleanupPolicy.delete) {
      throw new KafkaError(
        ErrorCode.POLICY_VIOLATION,
        `Records of partition ${this.topic}-${this.partition} can not be deleted due to the configured policy`,
      );
    }
    const target = offset === -1 ? this.highWatermark : offset;
    if (target < 0) throw new KafkaError(ErrorCode.OFFSET_OUT_OF_RANGE, `Cannot delete records before offset ${offset}`);
    return this.log.deleteRecordsBefore(target);
  }

  /** OffsetForLeaderEpoch (KIP-279): the largest epoch ≤ `leaderEpoch` and where it ends in this log. */
  lastOffsetForLeaderEpoch(leaderEpoch: number): { epoch: number; endOffset: number } {
    return this.log.leaderEpochCache.endOffsetFor(leaderEpoch, this.log.logEndOffset);
  }

  /** The leader epoch of the batch holding `offset` (-1 when unknown). */
  epochForOffset(offset: number): number {
    return this.log.leaderEpochCache.epochForOffset(offset);
  }

  /** ListOffsets by timestamp: the first offset whose record timestamp is ≥ `timestamp`. */
  fetchOffsetForTimestamp(timestamp: number): TimestampLookup | null {
    return this.log.offsetForTimestamp(timestamp);
  }

  /** ListOffsets -3 (KIP-734): the offset of the record with the largest timestamp. */
  offsetOfMaxTimestamp(): TimestampLookup | null {
    return this.log.offsetOfMaxTimestamp();
  }

  /**
   * ListOffsets v0 (Kafka's legacyFetchOffsetsBefore): base offsets of segments last modified
   * before `timestamp` (-1 latest, -2 earliest), newest first, at most `maxNumOffsets`.
   */
  legacyFetchOffsetsBefore(timestamp: number, maxNumOffsets: number, nowMs: number): number[] {
    const segments = this.log.segments;
    const candidates = segments.map((s) => ({ offset: s.baseOffset, time: s.lastModifiedMs }));
    if (segments.at(-1)!.size > 0) candidates.push({ offset: this.highWatermark, time: nowMs });
    let picked: number[];
    if (timestamp === -1) picked = candidates.map((c) => c.offset);
    else if (timestamp === -2) picked = [this.log.logStartOffset];
    else picked = candidates.filter((c) => c.time <= timestamp).map((c) => c.offset);
    return [...new Set(picked)].sort((a, b) => b - a).slice(0, Math.max(0, maxNumOffsets));
  }

  // ------------------------------------------------------------ the follower's side

  /** Appends what the leader sent (offsets, epochs and timestamps as the leader assigned them). */
  appendRecordsToFollower(records: Buffer): Promise<LogAppendInfo> {
    return this.log.append(records, { origin: 'replication' });
  }

  /** Resolves when no append is in flight (before truncating). */
  idle(): Promise<void> {
    return this.log.idle();
  }

  /** The latest leader epoch this replica's log has batches of (-1: none). */
  get latestEpoch(): number {
    return this.log.leaderEpochCache.latestEpoch;
  }

  /** Cuts the log back to `offset` (a divergent tail, KIP-279); the high watermark follows. */
  truncateTo(offset: number): void {
    this.log.truncateTo(offset);
    this.log.updateHighWatermark(Math.min(this.log.highWatermark, this.log.logEndOffset));
  }

  /** Empties the log and starts it again at `offset` (a follower behind the leader's log start). */
  truncateFullyAndStartAt(offset: number): void {
    this.log.truncateFullyAndStartAt(offset);
  }

  /** A follower follows the leader's log start offset (retention, DeleteRecords) within what it has committed. */
  maybeIncrementLogStartOffset(leaderLogStartOffset: number): void {
    if (leaderLogStartOffset > this.log.logStartOffset && leaderLogStartOffset <= this.log.highWatermark)
      this.log.deleteRecordsBefore(leaderLogStartOffset);
  }

  /** The leader's high watermark, as a follower learns it from fetch responses. */
  updateFollowerHighWatermark(leaderHighWatermark: number): void {
    const hw = Math.min(leaderHighWatermark, this.log.logEndOffset);
    if (hw > this.log.highWatermark) {
      this.log.updateHighWatermark(hw);
      this.notifyData();
    }
  }

  // ------------------------------------------------------------ waiting and reading

  /** Resolves true once the high watermark reaches `offset`; false after `timeoutMs` or on losing leadership. */
  waitForHighWatermark(offset: number, timeoutMs: number): Promise<boolean> {
    if (this.log.highWatermark >= offset) return Promise.resolve(true);
    if (!this.isLeader) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: HighWatermarkWaiter = {
        offset,
        resolve,
        timer: setTimeout(
          () => {
            this.waiters = this.waiters.filter((w) => w !== waiter);
            resolve(this.log.highWatermark >= offset);
          },
          Math.max(0, timeoutMs),
        ),
      };
      this.waiters.push(waiter);
    });
  }

  /** Called when the high watermark or the log end moved (fetch purgatory, live tail). */
  onDataChange(listener: () => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  notifyData(): void {
    for (const l of this.dataListeners) l();
  }

  /** Reads for a consumer (up to the high watermark or last stable offset) or a follower (log end). */
  read(fetchOffset: number, maxBytes: number, isolation: FetchIsolation, minOneMessage: boolean): FetchDataInfo {
    if (!this.isLeader) throw this.notLeader();
    const maxOffset =
      isolation === 'log-end' ? this.log.logEndOffset : isolation === 'txn-committed' ? this.lastStableOffset : this.highWatermark;
    return this.log.read(fetchOffset, maxBytes, maxOffset, minOneMessage);
  }

  /** The bytes of a slice `read` found, in a buffer of `allocate`'s. */
  readRecords(slice: FileSlice, allocate?: (length: number) => Buffer): Buffer {
    return this.log.readSlice(slice, allocate);
  }

  /** The records from `offset` on, decoded (the console's tail and lag, the offsets topic's replay). */
  records(offset: number, options?: ReadRecordsOptions): ReturnType<typeof readLogRecords> {
    return readLogRecords(this.log, offset, options);
  }

  private failWaiters(): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(false);
    }
    this.waiters = [];
  }

  /** Fails pending acks=all waits, e.g. when leadership moves away or the topic goes. */
  close(): void {
    this.failWaiters();
    this.dataListeners.clear();
  }
}
