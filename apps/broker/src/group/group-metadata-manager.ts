/**
 * The coordinator's cache of groups and its one way to persist them (Kafka's GroupMetadataManager):
 * every change is a record appended to the group's `__consumer_offsets` partition, and the cache of
 * a partition is rebuilt only by replaying that partition when this broker becomes its leader.
 *
 * Writes: offset commits and group metadata are appended with offsets.commit.required.acks (-1: once
 * the high watermark covers them) and answered only then; tombstones (expired or deleted offsets,
 * deleted groups) are appended without waiting, as Kafka does — a lost tombstone is written again by
 * the next cleanup.
 *
 * Transactional offset commits (TxnOffsetCommit, KIP-98) are appended as a transactional batch of
 * their producer (producer id and epoch from the request, base sequence 0), so the partition's
 * producer state fences an older epoch (INVALID_PRODUCER_EPOCH) as Kafka's does, and wait in the
 * group, pending for that producer, until the transaction coordinator has written the producer's
 * COMMIT or ABORT marker to the partition and calls handleTxnCompletion. `openGroupsForProducer`
 * finds the groups a marker concerns.
 */
import { ErrorCode, KafkaError, buildRecordBatch, errorCodeOf, type BatchOptions } from '@tarn/protocol';
import type { Logger } from '../logger';
import type { Partition } from '../replica/partition';
import type { AppendResult } from '../replica/replica-manager';
import { groupMetadataKey, groupMetadataValue, offsetCommitKey, offsetCommitValue } from './coordinator-record';
import type { GroupConfig } from '../config/broker-config';
import { GroupMetadata, type CommitRecord, type TransitionListener } from './group-metadata';
import { MemberMetadata } from './member-metadata';
import { tpKey, type OffsetAndMetadata, type TopicPartition } from './offset-and-metadata';
import { partitionForGroup } from './partition-for-group';
import { replayOffsetsPartition, type LoadedPartition } from './replay-offsets-partition';

export interface OffsetsTopicAccess {
  /** Partitions of __consumer_offsets (the topic's own count once it exists). */
  numPartitions(): number;
  /** The local replica of a __consumer_offsets partition, if this broker hosts it. */
  partition(index: number): Partition | undefined;
  /** Appends to a partition this broker leads, through the same acks path as Produce. */
  append(index: number, records: Buffer, acks: number, timeoutMs: number): Promise<AppendResult>;
}

export interface PartitionOffsetData {
  offset: bigint;
  leaderEpoch: number;
  metadata: string;
  error: number;
}

export interface Commit {
  tp: TopicPartition;
  om: OffsetAndMetadata;
}

/** The producer a transactional offset commit belongs to. */
export interface TxnProducer {
  producerId: number;
  producerEpoch: number;
}

const EMPTY = Buffer.alloc(0);

function storeGroupError(code: number): number {
  switch (code) {
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case ErrorCode.NOT_ENOUGH_REPLICAS:
    case ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case ErrorCode.REQUEST_TIMED_OUT:
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    case ErrorCode.NOT_LEADER_OR_FOLLOWER:
    case ErrorCode.KAFKA_STORAGE_ERROR:
      return ErrorCode.NOT_COORDINATOR;
    case ErrorCode.RECORD_LIST_TOO_LARGE:
    case ErrorCode.MESSAGE_TOO_LARGE:
    case ErrorCode.INVALID_FETCH_SIZE:
      return ErrorCode.UNKNOWN_SERVER_ERROR;
    default:
      return code;
  }
}

/** An append's (or a transaction verification's) error as an offset commit answers it. */
export function maybeConvertOffsetCommitError(code: number): number {
  switch (code) {
    case ErrorCode.NETWORK_EXCEPTION:
      // the transaction coordinator did not answer the verification: every client retries this one
      return ErrorCode.COORDINATOR_LOAD_IN_PROGRESS;
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case ErrorCode.NOT_ENOUGH_REPLICAS:
    case ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND:
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    case ErrorCode.NOT_LEADER_OR_FOLLOWER:
    case ErrorCode.KAFKA_STORAGE_ERROR:
      return ErrorCode.NOT_COORDINATOR;
    case ErrorCode.MESSAGE_TOO_LARGE:
    case ErrorCode.RECORD_LIST_TOO_LARGE:
    case ErrorCode.INVALID_FETCH_SIZE:
      return ErrorCode.INVALID_COMMIT_OFFSET_SIZE;
    default:
      return code;
  }
}

export class GroupMetadataManager {
  private readonly groups = new Map<string, GroupMetadata>();
  private readonly ownedPartitions = new Set<number>();
  private readonly loadingPartitions = new Set<number>();
  /** producer id → groups with its transactional commits pending (Kafka's openGroupsForProducer) */
  private readonly openGroupsForProducer = new Map<number, Set<string>>();

  constructor(
    private readonly config: GroupConfig,
    private readonly topic: OffsetsTopicAccess,
    private readonly logger: Logger,
    private readonly now: () => number,
    private readonly onTransition: TransitionListener,
  ) {}

  partitionFor(groupId: string): number {
    return partitionForGroup(groupId, this.topic.numPartitions());
  }

  isGroupLocal(groupId: string): boolean {
    return this.ownedPartitions.has(this.partitionFor(groupId));
  }

  isGroupLoading(groupId: string): boolean {
    return this.loadingPartitions.has(this.partitionFor(groupId));
  }

  get isLoading(): boolean {
    return this.loadingPartitions.size > 0;
  }

  isPartitionOwned(partition: number): boolean {
    return this.ownedPartitions.has(partition) || this.loadingPartitions.has(partition);
  }

  getGroup(groupId: string): GroupMetadata | undefined {
    return this.groups.get(groupId);
  }

  /** Local, and either unknown or Dead (Kafka's groupNotExists). */
  groupNotExists(groupId: string): boolean {
    if (!this.isGroupLocal(groupId)) return false;
    const g = this.groups.get(groupId);
    return g === undefined || g.is('Dead');
  }

  currentGroups(): GroupMetadata[] {
    return [...this.groups.values()];
  }

  addGroup(group: GroupMetadata): GroupMetadata {
    const existing = this.groups.get(group.groupId);
    if (existing !== undefined) return existing;
    group.onTransition = this.onTransition;
    this.groups.set(group.groupId, group);
    return group;
  }

  getOrMaybeCreateGroup(groupId: string, create: boolean): GroupMetadata | undefined {
    const g = this.groups.get(groupId);
    if (g !== undefined || !create) return g;
    return this.addGroup(new GroupMetadata(groupId, 'Empty', this.now()));
  }

  // ---------------------------------------------------------------- loading

  /** Replays a partition this broker now leads; `onLoaded` runs for every group it held. */
  async loadPartition(partition: number, onLoaded: (g: GroupMetadata) => void): Promise<void> {
    if (this.isPartitionOwned(partition)) return;
    const replica = this.topic.partition(partition);
    if (replica === undefined) return;
    this.loadingPartitions.add(partition);
    const t0 = performance.now();
    try {
      const loaded = await replayOffsetsPartition(replica, (m, c) => this.logger.warn(c, m));
      if (!this.loadingPartitions.has(partition)) return; // unloaded meanwhile
      const now = this.now();
      for (const [groupId, v] of loaded.groups) {
        const group = new GroupMetadata(groupId, v.members.length === 0 ? 'Empty' : 'Stable', now);
        group.generationId = v.generation;
        group.protocolType = v.protocolType === '' ? null : v.protocolType;
        group.protocolName = v.protocol;
        group.leaderId = v.leader;
        group.currentStateTimestamp = v.currentStateTimestamp < 0n ? null : Number(v.currentStateTimestamp);
        for (const m of v.members) {
          const member = new MemberMetadata(
            m.memberId,
            m.groupInstanceId,
            m.clientId,
            m.clientHost,
            m.rebalanceTimeout < 0 ? m.sessionTimeout : m.rebalanceTimeout,
            m.sessionTimeout,
            v.protocolType,
            [{ name: v.protocol ?? '', metadata: m.subscription }],
          );
          member.assignment = m.assignment;
          group.add(member);
        }
        group.leaderId = v.leader;
        group.refreshSubscribedTopics();
        this.initializeOffsets(group, loaded);
        onLoaded(this.addGroup(group));
      }
      // groups that only store offsets (no metadata record), committed or in an open transaction
      const offsetsOnly = new Set([...loaded.offsets].filter(([, o]) => o.size > 0).map(([g]) => g));
      for (const g of loaded.pendingTxnOffsets.keys()) offsetsOnly.add(g);
      for (const groupId of offsetsOnly) {
        if (loaded.groups.has(groupId)) continue;
        const group = new GroupMetadata(groupId, 'Empty', now);
        this.initializeOffsets(group, loaded);
        onLoaded(this.addGroup(group));
      }
      this.ownedPartitions.add(partition);
      this.logger.info(
        { partition, groups: loaded.groups.size, records: loaded.records, ms: Math.round(performance.now() - t0) },
        'loaded group metadata and offsets',
      );
    } finally {
      this.loadingPartitions.delete(partition);
    }
  }

  private initializeOffsets(group: GroupMetadata, loaded: LoadedPartition): void {
    const pending = loaded.pendingTxnOffsets.get(group.groupId) ?? new Map<number, Map<string, CommitRecord>>();
    group.initializeOffsets(
      loaded.offsets.get(group.groupId)?.values() ?? [],
      new Map([...pending].map(([producerId, records]) => [producerId, records.values()])),
    );
    for (const producerId of pending.keys()) this.addProducerGroup(producerId, group.groupId);
  }

  /** This broker no longer leads the partition: its groups leave the cache. */
  unloadPartition(partition: number, onUnloaded: (g: GroupMetadata) => void): void {
    this.loadingPartitions.delete(partition);
    this.ownedPartitions.delete(partition);
    for (const [id, g] of this.groups) {
      if (this.partitionFor(id) !== partition) continue;
      onUnloaded(g);
      this.groups.delete(id);
      for (const producerId of g.pendingTxnOffsetCommits.producers()) this.removeProducerGroup(producerId, id);
    }
  }

  // ---------------------------------------------------------------- transactions

  private addProducerGroup(producerId: number, groupId: string): void {
    let groups = this.openGroupsForProducer.get(producerId);
    if (groups === undefined) this.openGroupsForProducer.set(producerId, (groups = new Set()));
    groups.add(groupId);
  }

  private removeProducerGroup(producerId: number, groupId: string): void {
    const groups = this.openGroupsForProducer.get(producerId);
    groups?.delete(groupId);
    if (groups?.size === 0) this.openGroupsForProducer.delete(producerId);
  }

  /**
   * The producer's transaction ended with a marker written to these `__consumer_offsets`
   * partitions: its pending commits in the groups of those partitions become committed offsets
   * (COMMIT) or are dropped (ABORT). Returns the commits that became committed offsets, by group.
   */
  handleTxnCompletion(producerId: number, partitions: ReadonlySet<number>, isCommit: boolean): Map<GroupMetadata, CommitRecord[]> {
    const completed = new Map<GroupMetadata, CommitRecord[]>();
    for (const groupId of [...(this.openGroupsForProducer.get(producerId) ?? [])]) {
      if (!partitions.has(this.partitionFor(groupId))) continue;
      this.removeProducerGroup(producerId, groupId);
      const group = this.groups.get(groupId);
      if (group === undefined || group.is('Dead')) continue; // moved away or deleted: the new owner replays the marker
      const applied = group.completePendingTxnOffsetCommit(producerId, isCommit, (msg) =>
        this.logger.warn({ group: groupId, producerId }, msg),
      );
      completed.set(group, applied);
    }
    return completed;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Appends one batch through the replica manager's acks path (Kafka's coordinator does the same),
   * so acks=all waits for the ISR and answers NOT_ENOUGH_REPLICAS_AFTER_APPEND as Produce does;
   * resolves with its base offset once acks are satisfied.
   */
  private async append(
    groupId: string,
    records: Array<{ key: Buffer; value: Buffer | null }>,
    acks: number,
    txn: TxnProducer | null = null,
  ): Promise<number> {
    const now = this.now();
    const options: BatchOptions =
      txn === null
        ? { now }
        : { now, producerId: txn.producerId, producerEpoch: txn.producerEpoch, baseSequence: 0, isTransactional: true };
    const batch = buildRecordBatch(
      records.map((r) => ({ key: r.key, value: r.value, timestamp: now })),
      options,
    );
    const result = await this.topic.append(this.partitionFor(groupId), batch, acks, this.config.offsetCommitTimeoutMs);
    if (result.error !== ErrorCode.NONE || result.info === null) throw new KafkaError(result.error, result.errorMessage ?? undefined);
    return result.info.firstOffset;
  }

  /** Writes the group's metadata with this assignment; resolves with an error code (NONE on success). */
  async storeGroup(group: GroupMetadata, assignment: ReadonlyMap<string, Buffer>): Promise<number> {
    const value = groupMetadataValue({
      protocolType: group.protocolType ?? '',
      generation: group.generationId,
      protocol: group.protocolName,
      leader: group.leaderId,
      currentStateTimestamp: BigInt(group.currentStateTimestamp ?? -1),
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        rebalanceTimeout: m.rebalanceTimeoutMs,
        sessionTimeout: m.sessionTimeoutMs,
        subscription: group.protocolName === null ? EMPTY : m.metadata(group.protocolName),
        assignment: assignment.get(m.memberId) ?? EMPTY,
      })),
    });
    try {
      await this.append(group.groupId, [{ key: groupMetadataKey(group.groupId), value }], this.config.offsetCommitRequiredAcks);
      return ErrorCode.NONE;
    } catch (err) {
      const code = errorCodeOf(err);
      if (code === ErrorCode.UNKNOWN_SERVER_ERROR) this.logger.error({ err, group: group.groupId }, 'failed to store group metadata');
      return storeGroupError(code);
    }
  }

  /**
   * Appends the commits as one batch (all or nothing) and answers each: OFFSET_METADATA_TOO_LARGE
   * for metadata over offset.metadata.max.bytes (those are left out), else the append's outcome.
   * With a producer the batch is transactional and the commits stay pending until its marker.
   */
  async storeOffsets(group: GroupMetadata, commits: readonly Commit[], txn: TxnProducer | null = null): Promise<Map<string, number>> {
    const errors = new Map<string, number>();
    const valid = commits.filter((c) => {
      const ok = c.om.metadata.length <= this.config.maxMetadataSize;
      if (!ok) errors.set(tpKey(c.tp.topic, c.tp.partition), ErrorCode.OFFSET_METADATA_TOO_LARGE);
      return ok;
    });
    if (valid.length === 0) return errors;
    if (txn === null) group.prepareOffsetCommit(valid);
    else {
      this.addProducerGroup(txn.producerId, group.groupId);
      group.pendingTxnOffsetCommits.prepare(txn.producerId, valid);
    }
    try {
      const records = valid.map((c) => ({
        key: offsetCommitKey(group.groupId, c.tp.topic, c.tp.partition),
        value: offsetCommitValue(c.om),
      }));
      const baseOffset = await this.append(group.groupId, records, this.config.offsetCommitRequiredAcks, txn);
      for (const c of valid) {
        const record = { tp: c.tp, appendedBatchOffset: baseOffset, offsetAndMetadata: c.om };
        // a group deleted meanwhile keeps nothing
        if (!group.is('Dead')) {
          if (txn === null) group.onOffsetCommitAppend(record);
          else group.pendingTxnOffsetCommits.onAppend(txn.producerId, record);
        }
        errors.set(tpKey(c.tp.topic, c.tp.partition), ErrorCode.NONE);
      }
    } catch (err) {
      const code = errorCodeOf(err);
      if (code === ErrorCode.UNKNOWN_SERVER_ERROR) this.logger.error({ err, group: group.groupId }, 'failed to store offsets');
      for (const c of valid) {
        if (txn === null) group.failPendingOffsetWrite(c.tp, c.om);
        else if (!group.is('Dead')) group.pendingTxnOffsetCommits.fail(txn.producerId, c.tp, c.om);
        errors.set(tpKey(c.tp.topic, c.tp.partition), maybeConvertOffsetCommitError(code));
      }
      if (txn !== null && !group.pendingTxnOffsetCommits.hasFrom(txn.producerId)) this.removeProducerGroup(txn.producerId, group.groupId);
    }
    return errors;
  }

  /** Committed offsets: the given partitions (-1 where none), or every offset when `tps` is null. */
  getOffsets(
    groupId: string,
    requireStable: boolean,
    tps: readonly TopicPartition[] | null,
  ): Array<{ tp: TopicPartition; data: PartitionOffsetData }> {
    const none = (tp: TopicPartition, error: number = ErrorCode.NONE) => ({
      tp,
      data: { offset: -1n, leaderEpoch: -1, metadata: '', error },
    });
    const group = this.groups.get(groupId);
    if (group === undefined || group.is('Dead')) return (tps ?? []).map((tp) => none(tp));
    return (tps ?? group.allOffsets().map((r) => r.tp)).map((tp) => {
      if (requireStable && group.hasPendingOffsetCommitsForTopicPartition(tp)) return none(tp, ErrorCode.UNSTABLE_OFFSET_COMMIT);
      const om = group.offset(tp);
      if (om === undefined) return none(tp);
      return { tp, data: { offset: om.offset, leaderEpoch: om.leaderEpoch, metadata: om.metadata, error: ErrorCode.NONE } };
    });
  }

  /**
   * Removes the offsets `selector` picks from each group and writes their tombstones; a group left
   * Empty without offsets goes Dead, leaves the cache and — if it ever had a generation — gets a
   * group metadata tombstone too. Returns how many offsets were removed.
   */
  cleanupGroupMetadata(
    groups: Iterable<GroupMetadata>,
    selector: (g: GroupMetadata) => CommitRecord[],
    onDead: (g: GroupMetadata) => void,
  ): number {
    let removed = 0;
    for (const group of groups) {
      const removedOffsets = selector(group);
      if (group.is('Empty') && !group.hasOffsets) group.transitionTo('Dead', this.now());
      const tombstones = removedOffsets.map((r) => ({ key: offsetCommitKey(group.groupId, r.tp.topic, r.tp.partition), value: null }));
      const p = this.topic.partition(this.partitionFor(group.groupId));
      if (p === undefined || !p.isLeader) continue;
      if (group.is('Dead') && this.groups.get(group.groupId) === group) {
        this.groups.delete(group.groupId);
        for (const producerId of group.pendingTxnOffsetCommits.producers()) this.removeProducerGroup(producerId, group.groupId);
        onDead(group);
        // A generation of 0 means the group only ever stored offsets: it has no metadata record.
        if (group.generationId > 0) tombstones.push({ key: groupMetadataKey(group.groupId), value: null });
      }
      if (tombstones.length > 0) {
        this.append(group.groupId, tombstones, 0).catch((err: unknown) =>
          this.logger.warn({ err: String(err), group: group.groupId }, 'failed to append group tombstones'),
        );
        removed += removedOffsets.length;
      }
    }
    return removed;
  }
}
