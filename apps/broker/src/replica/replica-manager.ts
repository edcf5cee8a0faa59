/**
 * The partitions this broker hosts and the two data paths through them (Kafka's ReplicaManager):
 * appends with acks semantics, and fetches that long-poll until `min.bytes` are ready or
 * `max.wait.ms` passes. Partitions follow the metadata store: created, grown and deleted as topics
 * change.
 */
import { ErrorCode, KafkaError, errorCodeOf } from '@tarn/protocol';
import type { AppendOrigin, FetchDataInfo, LogAppendInfo, LogManager } from '@tarn/storage';
import type { ReplicationConfig as ReplicationSettings } from '../config/broker-config';
import type { FaultInjection } from '../faults';
import type { Logger } from '../logger';
import type { PartitionState, TopicMetadata } from '../metadata/cluster-metadata';
import type { MetadataChange, MetadataStore } from '../metadata/metadata-store';
import { Partition, type FetchIsolation, type ReplicationHooks } from './partition';
import { ReplicaFetcher, type FetcherConfig } from './replica-fetcher';

export interface AppendEntry {
  topic: string;
  partition: number;
  records: Buffer;
}

export interface AppendResult {
  topic: string;
  partition: number;
  error: number;
  errorMessage: string | null;
  info: LogAppendInfo | null;
}

export interface FetchPartition {
  topic: string;
  partition: number;
  fetchOffset: number;
  partitionMaxBytes: number;
  currentLeaderEpoch: number;
}

export interface FetchParams {
  replicaId: number;
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  /** Fetch v0-2 had no response size limit: every partition may return its first batch whole. */
  hardMaxBytesLimit: boolean;
  isolation: FetchIsolation;
  partitions: FetchPartition[];
  /** Where the records read go (the fetch handler's buffers, reused once the answer is written). */
  allocate?: (length: number) => Buffer;
}

/** One partition's part of a fetch before its bytes are read: the partition and where its answer lies. */
interface LocalRead {
  fp: FetchPartition;
  partition: Partition | null;
  error: number;
  info: FetchDataInfo | null;
}

export interface FetchResult {
  topic: string;
  partition: number;
  error: number;
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  /** Stored bytes, possibly ending in a partial batch, as Kafka serves them. */
  records: Buffer | null;
  /** Base offset of the first batch in `records`. */
  firstEntryOffset: number;
  /** read_committed: the aborted transactions overlapping the records (null for other isolations). */
  abortedTransactions: Array<{ producerId: number; firstOffset: number }> | null;
}

export const partitionKey = (topic: string, partition: number): string => `${topic}-${partition}`;

/** The replication section of the broker's configuration, with how followers reach their leaders. */
export type ReplicationConfig = Omit<ReplicationSettings, 'fetcher'> & { fetcher: FetcherConfig };

/** How long one event-loop turn may spend creating a new topic's logs (see ensureReplicasInTurns). */
const CREATE_BUDGET_MS = 10;
/** …but the first turn creates at least this many, so that an ordinary topic (and __consumer_offsets, whose
 * leaders the group coordinator loads as soon as the topic exists) is whole when CreateTopics answers. */
const CREATE_AT_LEAST = 200;

export class ReplicaManager {
  private readonly partitions = new Map<string, Partition>();
  private readonly fetchers = new Map<number, ReplicaFetcher>();
  private readonly consumerFetchListeners = new Set<(topic: string, records: Buffer) => void>();
  private unsubscribe: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];
  private readonly hooks: ReplicationHooks;

  constructor(
    private readonly nodeId: number,
    readonly logManager: LogManager,
    private readonly metadata: MetadataStore,
    private readonly logger: Logger,
    private readonly faults: FaultInjection,
    private readonly config: ReplicationConfig,
    private readonly interBrokerListener = 'PLAINTEXT',
  ) {
    this.hooks = {
      replicaLagTimeMaxMs: config.replicaLagTimeMaxMs,
      alterIsr: (p, isr, reason) => this.alterIsr(p, isr, reason),
      isEligible: (id) => this.metadata.brokers().some((b) => b.nodeId === id && b.state === 'running'),
    };
  }

  /** Opens a replica for every partition assigned to this broker and follows metadata changes. */
  start(): void {
    for (const topic of this.metadata.topics()) this.ensureReplicas(topic, 0);
    this.unsubscribe = this.metadata.onChange((c) => this.onMetadataChange(c));
    const every = (ms: number, task: () => void) => {
      const t = setInterval(() => {
        try {
          task();
        } catch (err) {
          this.logger.warn({ err }, 'replica manager task failed');
        }
      }, ms);
      t.unref();
      this.timers.push(t);
    };
    every(Math.max(100, Math.floor(this.config.replicaLagTimeMaxMs / 2)), () => {
      const now = Date.now();
      for (const p of this.partitions.values()) p.maybeShrinkIsr(now);
    });
    every(this.config.highWatermarkCheckpointIntervalMs, () => this.logManager.checkpointHighWatermarks(true));
  }

  stop(): void {
    this.unsubscribe?.();
    for (const t of this.timers.splice(0)) clearInterval(t);
    for (const f of this.fetchers.values()) f.stop();
    this.fetchers.clear();
    for (const p of this.partitions.values()) p.close();
  }

  private onMetadataChange(change: MetadataChange): void {
    try {
      switch (change.type) {
        case 'topic-created':
        case 'partitions-added': {
          const topic = this.metadata.topic(change.topic);
          if (topic) this.ensureReplicasInTurns(topic, change.type === 'partitions-added' ? change.from : 0);
          break;
        }
        case 'topic-deleted':
          for (const [key, p] of this.partitions) {
            if (p.topic !== change.topic) continue;
            this.dropReplica(key, p);
          }
          break;
        case 'topic-configs-changed': {
          const topic = this.metadata.topic(change.topic);
          if (topic) this.logManager.updateTopicConfig(topic.name, topic.configs);
          break;
        }
        case 'partition-changed':
          this.applyPartitionState(change.topic, change.current);
          break;
      }
    } catch (err) {
      this.logger.error({ change, err }, 'failed to apply a metadata change');
    }
  }

  private dropReplica(key: string, p: Partition): void {
    this.fetchers.get(p.state.leader)?.remove(p);
    p.close();
    this.partitions.delete(key);
    this.logManager.deleteLog(p.topic, p.partition);
  }

  private ensureReplicas(topic: TopicMetadata, from: number): void {
    for (const state of topic.partitions.slice(from)) this.applyPartitionState(topic.name, state, topic);
  }

  /**
   * The same for a new topic or new partitions, in turns of a few milliseconds: creating a log
   * costs file operations, and 10,000 partitions at once (what one request may ask) would keep
   * every other client waiting for seconds. Kafka creates logs off its network threads too; clients
   * asking for a partition not yet created get NOT_LEADER_OR_FOLLOWER / UNKNOWN_TOPIC_OR_PARTITION
   * and retry. A topic deleted or recreated meanwhile stops the rest.
   */
  private ensureReplicasInTurns(topic: TopicMetadata, from: number, atLeast = CREATE_AT_LEAST): void {
    const until = performance.now() + CREATE_BUDGET_MS;
    let next = from;
    while (next < topic.partitions.length && (next - from < atLeast || performance.now() < until)) {
      this.applyPartitionState(topic.name, topic.partitions[next]!, topic);
      next++;
    }
    if (next >= topic.partitions.length) return;
    setImmediate(() => {
      const current = this.metadata.topic(topic.name);
      if (current === undefined || current.topicId !== topic.topicId) return;
      try {
        this.ensureReplicasInTurns(current, next, 1);
      } catch (err) {
        this.logger.error({ topic: topic.name, err }, 'failed to create partitions');
      }
    });
  }

  /** Brings this broker's replica of a partition in line with its metadata: leader, follower or none. */
  private applyPartitionState(topicName: string, state: PartitionState, topicMeta?: TopicMetadata): void {
    const key = partitionKey(topicName, state.partition);
    let p = this.partitions.get(key);
    if (!state.replicas.includes(this.nodeId)) {
      if (p !== undefined) this.dropReplica(key, p); // reassigned away
      return;
    }
    const topic = topicMeta ?? this.metadata.topic(topicName);
    if (topic === undefined) return;
    const previous = p?.state;
    if (p === undefined) {
      const log = this.logManager.getOrCreateLog(topic.name, state.partition, topic.configs);
      p = new Partition(topic.name, state.partition, topic.topicId, log, state, this.nodeId, this.hooks);
      this.partitions.set(key, p);
    }
    const leadershipChanged = previous === undefined || previous.leader !== state.leader || previous.leaderEpoch !== state.leaderEpoch;
    if (state.leader === this.nodeId) {
      if (leadershipChanged) {
        if (previous !== undefined) this.fetchers.get(previous.leader)?.remove(p);
        p.becomeLeader(state, Date.now());
        this.logger.info({ topic: topicName, partition: state.partition, leaderEpoch: state.leaderEpoch }, 'became leader');
      } else p.updateState(state);
    } else if (leadershipChanged) {
      if (previous !== undefined) this.fetchers.get(previous.leader)?.remove(p);
      p.becomeFollower(state);
      if (state.leader >= 0) this.fetcherFor(state.leader).add(p);
    } else {
      p.updateState(state);
    }
  }

  private fetcherFor(leaderId: number): ReplicaFetcher {
    let f = this.fetchers.get(leaderId);
    if (f === undefined) {
      f = new ReplicaFetcher(
        leaderId,
        () => {
          const b = this.metadata.brokers().find((r) => r.nodeId === leaderId);
          if (b === undefined) return null;
          // the leader's inter-broker listener (inter.broker.listener.name)
          const l = b.listeners?.find((x) => x.name === this.interBrokerListener);
          return l ?? { host: b.host, port: b.port };
        },
        this.nodeId,
        this.config.fetcher,
        this.logger,
        () => this.faults.fetchersPaused,
      );
      this.fetchers.set(leaderId, f);
    }
    return f;
  }

  /** The leader's ISR change: a conditional write on the partition epoch, like Kafka's AlterPartition. */
  private async alterIsr(p: Partition, isr: number[], reason: string): Promise<boolean> {
    const previous = p.state;
    const ok = await this.metadata.updatePartition(p.topic, { ...previous, isr, reason }, previous.partitionEpoch);
    if (ok) this.logger.info({ topic: p.topic, partition: p.partition, isr, previousIsr: previous.isr, reason }, 'ISR changed');
    return ok;
  }

  getPartition(topic: string, partition: number): Partition | undefined {
    return this.partitions.get(partitionKey(topic, partition));
  }

  /** The partition if this broker leads it; Kafka's errors otherwise. */
  leaderPartition(topic: string, partition: number): Partition {
    const p = this.partitions.get(partitionKey(topic, partition));
    if (p === undefined) {
      const t = this.metadata.topic(topic);
      if (t !== undefined && partition >= 0 && partition < t.partitions.length) {
        throw new KafkaError(ErrorCode.NOT_LEADER_OR_FOLLOWER, `This broker does not host ${topic}-${partition}`);
      }
      throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `This server does not host ${topic}-${partition}`);
    }
    if (!p.isLeader)
      throw new KafkaError(ErrorCode.NOT_LEADER_OR_FOLLOWER, `Broker ${this.nodeId} is not the leader of ${topic}-${partition}`);
    return p;
  }

  allPartitions(): Partition[] {
    return [...this.partitions.values()];
  }

  /**
   * Appends to every partition, then waits as `acks` asks: 0 and 1 once the local write is done,
   * -1 once the high watermark passes the batch (up to `timeoutMs`, then REQUEST_TIMED_OUT).
   * The appends themselves are issued synchronously, in request order.
   */
  async appendRecords(acks: number, timeoutMs: number, entries: AppendEntry[], origin: AppendOrigin = 'client'): Promise<AppendResult[]> {
    const pending = entries.map((e) => {
      try {
        const p = this.leaderPartition(e.topic, e.partition);
        return { e, p, promise: p.appendRecordsToLeader(e.records, acks, origin) };
      } catch (err) {
        return { e, p: null, promise: Promise.reject(err) };
      }
    });
    return Promise.all(
      pending.map(async ({ e, p, promise }): Promise<AppendResult> => {
        try {
          const info = await promise;
          if (acks === -1 && p !== null) {
            if (!(await p.waitForHighWatermark(info.lastOffset + 1, timeoutMs))) {
              if (!p.isLeader)
                return appendFailed(e, info, ErrorCode.NOT_LEADER_OR_FOLLOWER, 'leadership moved before the ISR had the batch');
              return appendFailed(e, info, ErrorCode.REQUEST_TIMED_OUT, 'the high watermark did not reach the batch in time');
            }
            // Kafka's NOT_ENOUGH_REPLICAS_AFTER_APPEND: written and replicated to the ISR, but the ISR shrank below min.insync.replicas
            if (p.state.isr.length < p.minInsyncReplicas) {
              return appendFailed(
                e,
                info,
                ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND,
                `the ISR [${p.state.isr.join(',')}] shrank below min.insync.replicas (${p.minInsyncReplicas}) after the append`,
              );
            }
          }
          return { topic: e.topic, partition: e.partition, error: ErrorCode.NONE, errorMessage: null, info };
        } catch (err) {
          return { topic: e.topic, partition: e.partition, error: this.codeFor(err, e), errorMessage: (err as Error).message, info: null };
        }
      }),
    );
  }

  private codeFor(err: unknown, where: { topic: string; partition: number }): number {
    const code = errorCodeOf(err);
    if (code === ErrorCode.UNKNOWN_SERVER_ERROR) this.logger.error({ err, ...where }, 'unexpected error on the data path');
    return code;
  }

  /**
   * Where every partition's answer lies (Kafka's readFromLocalLog), sharing the response byte
   * budget: file slices, not bytes, so that a parked fetch can check readiness on every wake-up
   * without copying anything; the bytes are read once, when the fetch completes (`complete`).
   */
  private readFromLocalLog(params: FetchParams): LocalRead[] {
    let limitBytes = params.maxBytes;
    let minOneMessage = !params.hardMaxBytesLimit;
    return params.partitions.map((fp): LocalRead => {
      try {
        const p = this.leaderPartition(fp.topic, fp.partition);
        p.checkLeaderEpoch(fp.currentLeaderEpoch);
        const fetchSize = params.hardMaxBytesLimit ? fp.partitionMaxBytes : Math.min(fp.partitionMaxBytes, limitBytes);
        const info = p.read(fp.fetchOffset, fetchSize, params.isolation, minOneMessage);
        const size = info.slice?.length ?? 0;
        if (size > 0) minOneMessage = false;
        limitBytes = Math.max(0, limitBytes - size);
        return { fp, partition: p, error: ErrorCode.NONE, info };
      } catch (err) {
        return { fp, partition: null, error: this.codeFor(err, fp), info: null };
      }
    });
  }

  /** The answer of a fetch: the bytes of every slice, read now, in the same turn as the slices were found. */
  private complete(params: FetchParams, reads: LocalRead[]): FetchResult[] {
    const results = reads.map(({ fp, partition: p, error, info }): FetchResult => {
      if (p === null || info === null)
        return {
          topic: fp.topic,
          partition: fp.partition,
          error,
          highWatermark: -1,
          lastStableOffset: -1,
          logStartOffset: -1,
          records: null,
          firstEntryOffset: fp.fetchOffset,
          abortedTransactions: null,
        };
      return {
        topic: fp.topic,
        partition: fp.partition,
        error: ErrorCode.NONE,
        highWatermark: p.highWatermark,
        lastStableOffset: p.lastStableOffset,
        logStartOffset: p.logStartOffset,
        records: info.slice === null ? null : p.readRecords(info.slice, params.allocate),
        firstEntryOffset: info.firstEntryOffset,
        abortedTransactions:
          params.isolation !== 'txn-committed'
            ? null
            : info.slice === null
              ? []
              : p.abortedTransactions(fp.fetchOffset, p.lastStableOffset),
      };
    });
    if (params.replicaId < 0 && this.consumerFetchListeners.size > 0) {
      for (const r of results) if (r.records !== null) for (const l of this.consumerFetchListeners) l(r.topic, r.records);
    }
    return results;
  }

  /** What consumers were served (the console's throughput meters); followers' fetches are not counted. */
  onConsumerFetch(listener: (topic: string, records: Buffer) => void): () => void {
    this.consumerFetchListeners.add(listener);
    return () => this.consumerFetchListeners.delete(listener);
  }

  /**
   * A fetch: answered at once when it has `minBytes`, an error, or no wait; otherwise parked until
   * a partition's data moves enough or `maxWaitMs` passes (the fetch purgatory). A follower's fetch
   * state is updated once per request, before anything is read, as Kafka does.
   */
  fetchMessages(params: FetchParams): Promise<FetchResult[]> {
    if (params.replicaId >= 0) {
      const now = Date.now();
      for (const fp of params.partitions)
        this.partitions.get(partitionKey(fp.topic, fp.partition))?.updateFollowerFetchState(params.replicaId, fp.fetchOffset, now);
    }
    const first = this.readFromLocalLog(params);
    if (params.maxWaitMs <= 0 || params.partitions.length === 0 || enoughToAnswer(first, params.minBytes))
      return Promise.resolve(this.complete(params, first));
    return new Promise((resolve) => {
      let done = false;
      let checkScheduled = false;
      const unsubscribes: Array<() => void> = [];
      const finish = (reads: LocalRead[]) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        for (const u of unsubscribes) u();
        resolve(this.complete(params, reads));
      };
      const check = () => {
        checkScheduled = false;
        if (done) return;
        const reads = this.readFromLocalLog(params);
        if (enoughToAnswer(reads, params.minBytes)) finish(reads);
      };
      const timer = setTimeout(() => finish(this.readFromLocalLog(params)), params.maxWaitMs);
      for (const fp of params.partitions) {
        const p = this.partitions.get(partitionKey(fp.topic, fp.partition));
        if (p === undefined) continue;
        unsubscribes.push(
          p.onDataChange(() => {
            // several partitions may move in one turn: check once
            if (!checkScheduled) {
              checkScheduled = true;
              setImmediate(check);
            }
          }),
        );
      }
    });
  }

  /** Adopts logs found on disk that metadata does not know (e.g. a log dir written by Kafka). */
  strayLogs(): Array<{ topic: string; partitions: number }> {
    const byTopic = new Map<string, number>();
    for (const log of this.logManager.allLogs()) {
      if (this.metadata.topic(log.topic) !== undefined) continue;
      byTopic.set(log.topic, Math.max(byTopic.get(log.topic) ?? 0, log.partition + 1));
    }
    return [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
  }

  static singleReplicaState(partition: number, nodeId: number): PartitionState {
    return { partition, replicas: [nodeId], isr: [nodeId], leader: nodeId, leaderEpoch: 0, partitionEpoch: 0 };
  }
}

/** An append written locally but not acknowledged as acks=-1 asks (a module function: no closure per request). */
function appendFailed(e: AppendEntry, info: LogAppendInfo, error: number, errorMessage: string): AppendResult {
  return { topic: e.topic, partition: e.partition, error, errorMessage, info };
}

/** Whether a fetch may be answered now: an error to report, or min.bytes of records. */
function enoughToAnswer(reads: LocalRead[], minBytes: number): boolean {
  let bytes = 0;
  for (const r of reads) {
    if (r.error !== ErrorCode.NONE) return true;
    bytes += r.info?.slice?.length ?? 0;
  }
  return bytes >= minBytes;
}
