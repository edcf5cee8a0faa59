/**
 * One partition replica hosted by this broker (Kafka's Partition): its log, its leader state from
 * metadata, and the high watermark. On the leader, the high watermark is the smallest log end offset
 * over the ISR; with a single replica that is the leader's own log end offset. acks=all producers wait
 * for it to pass their batch; consumers read only below it.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { FetchDataInfo, LogAppendInfo, PartitionLog, AppendOrigin } from '@tarn/storage';
import type { PartitionState } from '../metadata/cluster-metadata';

export type FetchIsolation = 'log-end' | 'high-watermark' | 'txn-committed';

interface HighWatermarkWaiter {
  offset: number;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

export class Partition {
  private waiters: HighWatermarkWaiter[] = [];
  private readonly hwListeners = new Set<() => void>();

  constructor(
    readonly topic: string,
    readonly partition: number,
    public topicId: string,
    readonly log: PartitionLog,
    public state: PartitionState,
    private readonly localNodeId: number,
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

  /** Without transactions the last stable offset is the high watermark. */
  get lastStableOffset(): number {
    return this.log.highWatermark;
  }

  private notLeader(): KafkaError {
    return new KafkaError(ErrorCode.NOT_LEADER_OR_FOLLOWER, `Broker ${this.localNodeId} is not the leader of ${this.topic}-${this.partition} (leader: ${this.state.leader})`);
  }

  /** Kafka's leader epoch fencing for requests that carry the epoch the client believes in. */
  checkLeaderEpoch(currentLeaderEpoch: number): void {
    if (currentLeaderEpoch < 0) return;
    if (currentLeaderEpoch < this.state.leaderEpoch) {
      throw new KafkaError(ErrorCode.FENCED_LEADER_EPOCH, `Leader epoch ${currentLeaderEpoch} of ${this.topic}-${this.partition} is older than the current ${this.state.leaderEpoch}`);
    }
    if (currentLeaderEpoch > this.state.leaderEpoch) {
      throw new KafkaError(ErrorCode.UNKNOWN_LEADER_EPOCH, `Leader epoch ${currentLeaderEpoch} of ${this.topic}-${this.partition} is newer than the current ${this.state.leaderEpoch}`);
    }
  }

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
      this.maybeIncrementHighWatermark();
      return info;
    });
  }

  /** High watermark = min log end offset over the ISR (just this replica until replication lands). */
  maybeIncrementHighWatermark(): void {
    const candidate = this.log.logEndOffset;
    if (candidate <= this.log.highWatermark) return;
    this.log.updateHighWatermark(candidate);
    const hw = this.log.highWatermark;
    const still: HighWatermarkWaiter[] = [];
    for (const w of this.waiters) {
      if (w.offset <= hw) {
        clearTimeout(w.timer);
        w.resolve(true);
      } else still.push(w);
    }
    this.waiters = still;
    for (const l of this.hwListeners) l();
  }

  /** Resolves true once the high watermark reaches `offset`, false after `timeoutMs`. */
  waitForHighWatermark(offset: number, timeoutMs: number): Promise<boolean> {
    if (this.log.highWatermark >= offset) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: HighWatermarkWaiter = {
        offset,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(this.log.highWatermark >= offset);
        }, Math.max(0, timeoutMs)),
      };
      this.waiters.push(waiter);
    });
  }

  onHighWatermarkChange(listener: () => void): () => void {
    this.hwListeners.add(listener);
    return () => this.hwListeners.delete(listener);
  }

  /** Reads for a consumer (up to the high watermark or last stable offset) or a follower (log end). */
  read(fetchOffset: number, maxBytes: number, isolation: FetchIsolation, minOneMessage: boolean): FetchDataInfo {
    if (!this.isLeader) throw this.notLeader();
    const maxOffset = isolation === 'log-end' ? this.log.logEndOffset : isolation === 'txn-committed' ? this.lastStableOffset : this.highWatermark;
    return this.log.read(fetchOffset, maxBytes, maxOffset, minOneMessage);
  }

  /** Fails pending acks=all waits, e.g. when leadership moves away or the topic goes. */
  close(): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(false);
    }
    this.waiters = [];
    this.hwListeners.clear();
  }
}
