/**
 * tarn's Kafka consumer, after Kafka's KafkaConsumer: `subscribe` (topics or a RegExp, as a group
 * member) or `assign` (partitions chosen by the application, no group), then `poll` — or
 * `for await (const record of consumer)`. Positions, commits (auto every `auto.commit.interval.ms`,
 * or commitSync/commitAsync), seeks, pause/resume and offsetsForTimes work as in Kafka. Positions
 * and commits carry leader epochs (KIP-320): after a leader change a position is validated against
 * the new leader's log before fetching, and a truncated log moves it back to where the logs diverge.
 *
 *   const consumer = new Consumer({ 'bootstrap.servers': 'localhost:9092', 'group.id': 'g' },
 *     { valueDeserializer: StringDeserializer });
 *   consumer.subscribe(['orders']);
 *   for await (const r of consumer) console.log(r.offset, r.value);
 */
import { Cluster } from '../cluster/cluster';
import type { ConsumerGroupMetadata } from '../producer/transaction-manager';
import type { ClientProperties } from '../config/properties';
import { stringProp } from '../config/properties';
import { ErrorCode, KafkaError, isRetriable } from '../errors';
import { tpKey, type TopicPartition } from './assignors/types';
import { consumerConfig, type ConsumerConfig } from './consumer-config';
import { ConsumerCoordinator, type RebalanceListener } from './consumer-coordinator';
import { ConsumerRecords, type ConsumerRecord } from './consumer-record';
import { CoordinatorConnection } from './coordinator-connection';
import { BufferDeserializer, deserializeRecords, deserializerByName, type Deserializer } from './deserializers';
import { SILENT_LOGGER, type ConsumerLogger } from './consumer-logger';
import { Fetcher } from './fetcher';
import { GroupMember } from './group-member';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, offsetsAt, type OffsetAndTimestamp } from './list-offsets';
import { commitOffsets, fetchCommittedOffsets, type OffsetAndMetadata } from './offset-commits';
import { metadataRejoinReason } from './metadata-watch';
import { OffsetsForLeaderEpochClient } from './offsets-for-leader-epoch-client';
import { updateFetchPositions, validPosition } from './positions';
import { SubscriptionState } from './subscription-state';
import { WakeupError } from './wakeup-error';

export { WakeupError };

export interface ConsumerOptions<K, V> {
  keyDeserializer?: Deserializer<K>;
  valueDeserializer?: Deserializer<V>;
  /** Where truncations, offset resets and the like are reported, in Kafka's words (default: nowhere). */
  logger?: ConsumerLogger;
}

/** A partition with an offset (commit input, committed/offsetsForTimes output). */
export interface TopicPartitionOffset extends TopicPartition {
  offset: number;
  metadata?: string | null;
  leaderEpoch?: number;
}

export class Consumer<K = Buffer | null, V = Buffer | null> implements AsyncIterable<ConsumerRecord<K, V>> {
  readonly config: ConsumerConfig;
  private readonly subscriptions: SubscriptionState;
  private cluster: Cluster | null = null;
  private connecting: Promise<Cluster> | null = null;
  private fetcher: Fetcher | null = null;
  private validator: OffsetsForLeaderEpochClient | null = null;
  private readonly logger: ConsumerLogger;
  private coordinatorConn: CoordinatorConnection | null = null;
  private coordinator: ConsumerCoordinator | null = null;
  private member: GroupMember | null = null;
  private readonly keyDeserializer: Deserializer<K>;
  private readonly valueDeserializer: Deserializer<V>;
  private nextAutoCommit = 0;
  private closed = false;
  private wakeUp: (() => void) | null = null;
  private pendingListener: RebalanceListener | null = null;

  constructor(props: ClientProperties, options: ConsumerOptions<K, V> = {}) {
    this.config = consumerConfig(props);
    this.subscriptions = new SubscriptionState(this.config.autoOffsetReset);
    this.logger = options.logger ?? SILENT_LOGGER;
    this.keyDeserializer =
      options.keyDeserializer ?? ((deserializerByName(stringProp(props, 'key.deserializer')) ?? BufferDeserializer) as Deserializer<K>);
    this.valueDeserializer =
      options.valueDeserializer ?? ((deserializerByName(stringProp(props, 'value.deserializer')) ?? BufferDeserializer) as Deserializer<V>);
  }

  private wake = (): void => {
    const w = this.wakeUp;
    this.wakeUp = null;
    w?.();
  };

  private async ready(): Promise<Cluster> {
    if (this.closed) throw new KafkaError(ErrorCode.INVALID_REQUEST, 'This consumer has already been closed.');
    if (this.cluster !== null) return this.cluster;
    this.connecting ??= (async () => {
      const cluster = await Cluster.connect(this.config.client);
      this.cluster = cluster;
      const validator = new OffsetsForLeaderEpochClient(cluster, this.config, this.subscriptions, this.logger, this.wake);
      this.validator = validator;
      this.fetcher = new Fetcher(cluster, this.config, this.subscriptions, this.wake, () => validator.sendValidations(), this.logger);
      if (this.config.groupId !== null) {
        this.coordinatorConn = new CoordinatorConnection(cluster, this.config.groupId);
        this.coordinator = new ConsumerCoordinator(cluster, this.config, this.subscriptions);
        this.coordinator.listener = this.pendingListener;
        this.coordinator.commitBeforeRevoke = (tps) => this.autoCommitPartitions(tps);
        this.coordinator.onRebalanced = () => this.fetcher?.clear();
        this.member = new GroupMember(this.coordinatorConn, this.config, this.coordinator, this.wake);
        this.coordinator.bindRejoin((reason) => this.member!.requestRejoin(reason));
      }
      return cluster;
    })();
    try {
      return await this.connecting;
    } finally {
      this.connecting = null;
    }
  }

  // ---- subscription

  /** Joins the group for these topics (or every topic matching a RegExp). Needs `group.id`. */
  subscribe(topics: readonly string[] | RegExp, listener?: RebalanceListener): void {
    if (this.config.groupId === null) throw noGroupId();
    if (listener !== undefined) this.setListener(listener);
    if (topics instanceof RegExp) this.subscriptions.subscribePattern(topics);
    else if (this.subscriptions.subscribe(topics)) this.member?.requestRejoin('subscription changed');
    this.patternCheckedAt = 0;
  }

  private setListener(listener: RebalanceListener): void {
    this.pendingListener = listener;
    if (this.coordinator !== null) this.coordinator.listener = listener;
  }

  /** Takes these partitions without a group (Kafka's assign); positions from committed offsets or the reset policy. */
  assign(partitions: readonly TopicPartition[]): void {
    this.subscriptions.assignFromUser(partitions);
    this.fetcher?.clear();
  }

  assignment(): TopicPartition[] {
    return this.subscriptions.assigned();
  }

  subscription(): string[] {
    return this.subscriptions.subscribedTopics();
  }

  /** Leaves the group (revoking partitions) or drops the manual assignment. */
  async unsubscribe(): Promise<void> {
    if (this.member !== null && this.subscriptions.isGroupSubscription()) {
      await this.revokeAll();
      await this.member.leaveGroup('the consumer unsubscribed');
    }
    this.subscriptions.unsubscribe();
    this.fetcher?.clear();
  }

  // ---- polling

  /** Waits up to `timeoutMs` for records (Kafka's poll(Duration)); joins the group, commits, fetches meanwhile. */
  async poll(timeoutMs = 0): Promise<ConsumerRecords<K, V>> {
    const cluster = await this.ready();
    if (this.subscriptions.type === 'NONE')
      throw new KafkaError(ErrorCode.INVALID_REQUEST, 'Consumer is not subscribed to any topics or assigned any partitions');
    const deadline = Date.now() + timeoutMs;
    if (this.pendingError !== null) {
      const err = this.pendingError;
      this.pendingError = null;
      throw err;
    }
    for (;;) {
      if (this.closed) return ConsumerRecords.empty();
      this.checkWakeup();
      if (this.member !== null && this.subscriptions.isGroupSubscription()) {
        this.member.lastPollAt = Date.now();
        if (this.member.fatal !== null) throw this.member.fatal;
        await this.maybeCheckMetadata(cluster);
        if (this.member.needsRejoin) {
          const join = this.member.ensureActiveGroup();
          join.catch(() => {});
          if (!(await this.until(join, deadline))) {
            this.checkWakeup();
            return ConsumerRecords.empty();
          }
        }
      }
      this.maybeAutoCommit();
      try {
        await this.updateFetchPositions(cluster, Math.max(0, deadline - Date.now()));
      } catch (err) {
        // A coordinator or leader not reachable yet: no records this round, as Kafka's poll(timer) does.
        if (!isRetriable(err)) throw err;
      }
      const records = this.fetcher!.collect(this.config.maxPollRecords);
      this.fetcher!.sendFetches();
      if (records.length > 0) return new ConsumerRecords(this.deserialize(records));
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        this.checkWakeup();
        return ConsumerRecords.empty();
      }
      await this.waitForWake(remaining);
    }
  }

  /** `for await (const record of consumer)`: polls until the consumer is closed. */
  async *[Symbol.asyncIterator](): AsyncIterator<ConsumerRecord<K, V>> {
    while (!this.closed) {
      const batch = await this.poll(1000);
      for (const r of batch) {
        yield r;
        if (this.closed) return;
      }
    }
  }

  /** Waits for `p` until the deadline (or a wakeup); false when it is not done by then. */
  private async until(p: Promise<void>, deadline: number): Promise<boolean> {
    let done = false;
    const finished = p.then(() => (done = true));
    while (!done && !this.wakeupRequested && !this.closed && Date.now() < deadline) {
      await Promise.race([finished, this.waitForWake(deadline - Date.now())]);
    }
    return done;
  }

  private waitForWake(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  /** Deserializes in place; on a bad record, rewinds and keeps the error for now or the next poll. */
  private deserialize(records: ConsumerRecord[]): ConsumerRecord<K, V>[] {
    const { good, error, rest } = deserializeRecords(records, this.keyDeserializer, this.valueDeserializer);
    if (error === null) return good;
    // every partition back to its first record not returned, as Kafka's consumer leaves them
    const rewound = new Set<string>();
    for (const r of rest) {
      if (rewound.has(tpKey(r)) || !this.subscriptions.isAssigned(r)) continue;
      rewound.add(tpKey(r));
      // the batch's epoch stands in for the previous record's: validation after a leader change still works
      this.subscriptions.seek(r, r.offset, r.leaderEpoch);
      this.fetcher?.clear([r]);
    }
    if (good.length === 0) throw error;
    this.pendingError = error;
    return good;
  }

  /** An error found after some records of a poll were already good: thrown by the next poll. */
  private pendingError: Error | null = null;

  private patternCheckedAt = 0;

  /** Every metadata.max.age.ms: pattern matches and the leader's partition counts (metadata-watch.ts). */
  private async maybeCheckMetadata(cluster: Cluster): Promise<void> {
    if (Date.now() - this.patternCheckedAt < this.config.client.metadataMaxAgeMs) return;
    this.patternCheckedAt = Date.now();
    const snapshot = this.member?.needsRejoin ? null : (this.coordinator?.assignedPartitionCounts ?? null);
    const reason = await metadataRejoinReason(cluster, this.config, this.subscriptions, snapshot);
    if (reason !== null) this.member?.requestRejoin(reason);
  }

  // ---- commits

  private memberIdentity(): { generationId: number; memberId: string } {
    if (this.member === null || !this.subscriptions.isGroupSubscription()) return { generationId: -1, memberId: '' };
    return { generationId: this.member.generationId, memberId: this.member.memberId };
  }

  /** Commits the given offsets, or the position of every assigned partition; waits for the answer. */
  async commitSync(offsets?: readonly TopicPartitionOffset[]): Promise<void> {
    await this.ready();
    if (this.coordinatorConn === null) throw noGroupId();
    const map =
      offsets === undefined
        ? this.subscriptions.consumedOffsets()
        : new Map(offsets.map((o) => [tpKey(o), { tp: { topic: o.topic, partition: o.partition }, offset: o }] as const));
    await commitOffsets(this.coordinatorConn, this.config, this.memberIdentity(), map, this.config.client.defaultApiTimeoutMs);
  }

  /** Commits without waiting in poll; the callback (or the returned promise) gets the outcome. */
  commitAsync(offsets?: readonly TopicPartitionOffset[], callback?: (err: Error | null) => void): Promise<void> {
    const p = this.commitSync(offsets);
    p.then(
      () => callback?.(null),
      (err: Error) => callback?.(err),
    );
    return callback === undefined ? p : p.catch(() => {});
  }

  private maybeAutoCommit(): void {
    if (!this.config.enableAutoCommit || Date.now() < this.nextAutoCommit) return;
    this.nextAutoCommit = Date.now() + this.config.autoCommitIntervalMs;
    if (this.member !== null && this.member.needsRejoin) return;
    void this.commitAsync(undefined, () => {});
  }

  private async autoCommitPartitions(tps: readonly TopicPartition[]): Promise<void> {
    if (!this.config.enableAutoCommit || tps.length === 0 || this.coordinatorConn === null) return;
    await commitOffsets(
      this.coordinatorConn,
      this.config,
      this.memberIdentity(),
      this.subscriptions.consumedOffsets(tps),
      this.config.client.defaultApiTimeoutMs,
    ).catch(() => {});
  }

  /** The group's committed offsets for these partitions (offset null where none), with the committed leader epoch (null: none). */
  async committed(
    partitions: readonly TopicPartition[],
  ): Promise<(TopicPartition & { offset: number | null; metadata: string | null; leaderEpoch: number | null })[]> {
    await this.ready();
    if (this.coordinatorConn === null) throw noGroupId();
    const found = await fetchCommittedOffsets(this.coordinatorConn, this.config, partitions, this.config.client.defaultApiTimeoutMs);
    return partitions.map((tp) => {
      const c = found.get(tpKey(tp)) ?? null;
      const leaderEpoch = c?.leaderEpoch !== undefined && c.leaderEpoch >= 0 ? c.leaderEpoch : null;
      return { topic: tp.topic, partition: tp.partition, offset: c?.offset ?? null, metadata: c?.metadata ?? null, leaderEpoch };
    });
  }

  // ---- positions

  private updateFetchPositions(cluster: Cluster, timeoutMs?: number): Promise<void> {
    return updateFetchPositions(cluster, this.config, this.coordinatorConn, this.subscriptions, this.validator, timeoutMs);
  }

  /** The offset of the next record poll will return for this partition, once known and validated (Kafka's position). */
  async position(tp: TopicPartition, timeoutMs = this.config.client.defaultApiTimeoutMs): Promise<number> {
    const cluster = await this.ready();
    return validPosition(
      (ms) => this.updateFetchPositions(cluster, ms),
      this.subscriptions,
      tp,
      timeoutMs,
      this.config.client.retryBackoffMs,
    );
  }

  /**
   * The next poll returns records from `offset`. Given with a leader epoch (an offset from
   * committed() or a LogTruncationError's divergentOffsets), the position is first validated against
   * the current leader's log, as Kafka's seek(TopicPartition, OffsetAndMetadata).
   */
  seek(tp: TopicPartition, offset: number | OffsetAndMetadata): void {
    const o = typeof offset === 'number' ? { offset } : offset;
    if (!Number.isSafeInteger(o.offset) || o.offset < 0)
      throw new KafkaError(ErrorCode.INVALID_REQUEST, `seek offset must be >= 0, got ${o.offset}`);
    const epoch = o.leaderEpoch ?? -1;
    if (epoch >= 0) this.subscriptions.seekUnvalidated(tp, o.offset, epoch);
    else this.subscriptions.seek(tp, o.offset);
    this.fetcher?.clear([tp]);
  }

  seekToBeginning(partitions: readonly TopicPartition[] = this.assignment()): void {
    for (const tp of partitions) this.subscriptions.requestReset(tp, 'earliest');
    this.fetcher?.clear(partitions);
  }

  seekToEnd(partitions: readonly TopicPartition[] = this.assignment()): void {
    for (const tp of partitions) this.subscriptions.requestReset(tp, 'latest');
    this.fetcher?.clear(partitions);
  }

  /** Per partition the earliest offset whose timestamp is >= the one given (null: none that late). */
  async offsetsForTimes(
    query: readonly (TopicPartition & { timestamp: number })[],
  ): Promise<(TopicPartition & { result: OffsetAndTimestamp | null })[]> {
    return offsetsAt(await this.ready(), this.config, query);
  }

  async beginningOffsets(partitions: readonly TopicPartition[]): Promise<TopicPartitionOffset[]> {
    const found = await offsetsAt(
      await this.ready(),
      this.config,
      partitions.map((tp) => ({ ...tp, timestamp: EARLIEST_TIMESTAMP })),
    );
    return found.map((f) => ({ topic: f.topic, partition: f.partition, offset: f.result?.offset ?? -1 }));
  }

  /** The high watermark (read_uncommitted) or last stable offset (read_committed) per partition. */
  async endOffsets(partitions: readonly TopicPartition[]): Promise<TopicPartitionOffset[]> {
    const found = await offsetsAt(
      await this.ready(),
      this.config,
      partitions.map((tp) => ({ ...tp, timestamp: LATEST_TIMESTAMP })),
    );
    return found.map((f) => ({ topic: f.topic, partition: f.partition, offset: f.result?.offset ?? -1 }));
  }

  pause(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) this.subscriptions.state(tp).paused = true;
    this.fetcher?.detach(partitions);
  }

  resume(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) this.subscriptions.state(tp).paused = false;
    this.fetcher?.sendFetches();
  }

  /**
   * Records between the position and the last high watermark seen in a fetch (Kafka's currentLag,
   * KIP-695); null until a fetch for the partition answered.
   */
  currentLag(tp: TopicPartition): number | null {
    const s = this.subscriptions.state(tp);
    const end = this.config.isolationLevel === 'read_committed' ? s.lastStableOffset : s.highWatermark;
    return end === null || s.position === null ? null : Math.max(0, end - s.position);
  }

  /** Every topic (internal ones left out unless exclude.internal.topics=false) with its partitions. */
  async listTopics(): Promise<Map<string, TopicPartition[]>> {
    const cluster = await this.ready();
    const out = new Map<string, TopicPartition[]>();
    for (const t of await cluster.refreshMetadata(null)) {
      if (t.errorCode !== ErrorCode.NONE || (t.isInternal && this.config.excludeInternalTopics)) continue;
      out.set(
        t.name,
        t.partitions.map((p) => ({ topic: t.name, partition: p.partition })),
      );
    }
    return out;
  }

  /** Makes a poll in progress (or the next one) throw a WakeupError, from anywhere (Kafka's wakeup). */
  wakeup(): void {
    this.wakeupRequested = true;
    this.wake();
  }

  private wakeupRequested = false;

  private checkWakeup(): void {
    if (!this.wakeupRequested) return;
    this.wakeupRequested = false;
    throw new WakeupError();
  }

  paused(): TopicPartition[] {
    return this.subscriptions
      .states()
      .filter((s) => s.paused)
      .map((s) => s.tp);
  }

  /** Kafka's ConsumerGroupMetadata, for a producer's sendOffsetsToTransaction. */
  groupMetadata(): Required<ConsumerGroupMetadata> {
    if (this.config.groupId === null) throw noGroupId();
    return {
      groupId: this.config.groupId,
      generationId: this.member?.generationId ?? -1,
      memberId: this.member?.memberId ?? '',
      groupInstanceId: this.config.groupInstanceId,
    };
  }

  /** Partitions of a topic, from metadata. */
  async partitionsFor(topic: string): Promise<TopicPartition[]> {
    const cluster = await this.ready();
    return (await cluster.partitionsFor(topic)).map((p) => ({ topic, partition: p.partition }));
  }

  // ---- closing

  private async revokeAll(): Promise<void> {
    const owned = this.subscriptions.assigned();
    if (owned.length === 0 || this.coordinator === null) return;
    await this.autoCommitPartitions(owned);
    await this.coordinator.listener?.onPartitionsRevoked?.(owned);
  }

  /** Commits (auto commit), revokes, leaves the group (dynamic members) and closes connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.connecting !== null) await this.connecting.catch(() => {});
    try {
      if (this.member !== null && this.subscriptions.isGroupSubscription() && this.member.generationId >= 0) {
        await this.revokeAll().catch(() => {});
        this.member.close();
        // A static member does not leave: restarted within session.timeout.ms it keeps its partitions.
        if (this.config.groupInstanceId === null) await this.member.leaveGroup('the consumer is being closed');
      } else if (this.config.enableAutoCommit && this.coordinatorConn !== null) {
        await this.autoCommitPartitions(this.subscriptions.assigned());
      }
    } finally {
      this.closed = true;
      this.member?.close();
      this.fetcher?.close();
      this.coordinatorConn?.close();
      this.cluster?.close();
      this.wake();
    }
  }
}

function noGroupId(): KafkaError {
  return new KafkaError(ErrorCode.INVALID_GROUP_ID, 'To use the group management or offset commit APIs, you must provide a valid group.id');
}
