/**
 * The group coordinator (Kafka's GroupCoordinator): the entry point of every group API. It checks
 * that a group is ours (the leader of its `__consumer_offsets` partition is this broker) and loaded,
 * then hands membership to GroupMembership and offsets to GroupMetadataManager.
 *
 * Becoming leader of an offsets partition replays it (requests for its groups get
 * COORDINATOR_LOAD_IN_PROGRESS meanwhile); losing it unloads its groups, answering parked requests
 * with NOT_COORDINATOR. Offsets of empty groups expire after offsets.retention.minutes.
 *
 * Transactional offset commits (TxnOffsetCommit, KIP-98/KIP-447) wait in their group until the
 * transaction coordinator reports the end of the transaction through `onTxnCompletion`.
 *
 * What happens goes on the broker's event bus (joins, rebalances, commits, loads, deletions), where
 * the console's insights (lag, offset resets) pick it up; `rebalanceHistory(group)` and
 * `groupSummaries()` are read-only views of the coordinator's own state.
 */
import { ErrorCode } from '@tarn/protocol';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logger';
import type { MetadataChange, MetadataStore } from '../metadata/metadata-store';
import type { TopicAdmin } from '../metadata/topic-admin';
import { GROUP_METADATA_TOPIC_NAME } from '../metadata/topic-name';
import type { ReplicaManager } from '../replica/replica-manager';
import type { GroupConfig } from '../config/broker-config';
import type { GroupCoordinatorEvent, RebalanceRecord } from '../events/group-coordinator-event';
import type { JoinGroupParams } from './group-join';
import { GroupMembership, type LeaveResult, type LeavingMember } from './group-membership';
import { GroupMetadata, joinError, syncError } from './group-metadata';
import { GroupMetadataManager, type Commit, type PartitionOffsetData } from './group-metadata-manager';
import type { GroupState } from './group-state';
import type { SyncGroupParams } from './group-sync';
import type { JoinGroupResult, SyncGroupResult } from './member-metadata';
import { tpKey, type TopicPartition } from './offset-and-metadata';
import { OffsetsTopic } from './offsets-topic';
import { RebalanceHistory } from './rebalance-history';
import { TxnOffsetCommits, type TxnOffsetCommitParams } from './txn-offset-commits';
import { validateOffsetCommit } from './validate-offset-commit';

export type GroupApi =
  | 'JoinGroup'
  | 'SyncGroup'
  | 'Heartbeat'
  | 'LeaveGroup'
  | 'OffsetCommit'
  | 'TxnOffsetCommit'
  | 'OffsetFetch'
  | 'DescribeGroups'
  | 'DeleteGroups'
  | 'OffsetDelete';

export interface GroupCoordinatorDeps {
  nodeId: number;
  config: GroupConfig;
  metadata: MetadataStore;
  topicAdmin: TopicAdmin;
  replicaManager: ReplicaManager;
  events: EventBus;
  logger: Logger;
  now?: () => number;
}

export interface MemberSummary {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  metadata: Buffer;
  assignment: Buffer;
}

export interface GroupSummary {
  state: GroupState | '';
  protocolType: string;
  protocol: string;
  members: MemberSummary[];
}

export interface GroupOverview {
  groupId: string;
  protocolType: string;
  state: GroupState;
  generationId: number;
  members: number;
  leaderId: string | null;
  coordinatorPartition: number;
}

const EMPTY = Buffer.alloc(0);

export class GroupCoordinator {
  readonly offsetsTopic: OffsetsTopic;
  readonly manager: GroupMetadataManager;
  readonly membership: GroupMembership;
  readonly history: RebalanceHistory;
  /** Transactional offset commits; the transaction coordinator sets its verifier here. */
  readonly txnOffsetCommits: TxnOffsetCommits;
  private readonly config: GroupConfig;
  private readonly logger: Logger;
  private readonly now: () => number;
  private active = false;
  private unsubscribe: (() => void) | null = null;
  private retentionTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: GroupCoordinatorDeps) {
    this.config = deps.config;
    this.logger = deps.logger;
    this.now = deps.now ?? Date.now;
    const publish = (e: GroupCoordinatorEvent) => deps.events.publish(e);
    this.offsetsTopic = new OffsetsTopic(deps.config, deps.metadata, deps.topicAdmin, deps.replicaManager, deps.logger);
    this.history = new RebalanceHistory(publish, this.now);
    this.manager = new GroupMetadataManager(deps.config, this.offsetsTopic, deps.logger, this.now, (group, from, to) =>
      publish({ type: 'group-state-changed', group: group.groupId, from, to, generation: group.generationId }),
    );
    this.membership = new GroupMembership(deps.config, this.manager, this.history, deps.logger, this.now);
    this.txnOffsetCommits = new TxnOffsetCommits({
      manager: this.manager,
      validateGroupStatus: (groupId) => this.validateGroupStatus(groupId, 'TxnOffsetCommit'),
      publishCommitted: (group, memberId, generation, commits) => this.publishCommitted(group, memberId, generation, commits),
      now: this.now,
    });
  }

  // ---------------------------------------------------------------- lifecycle

  startup(): void {
    this.active = true;
    this.unsubscribe = this.deps.metadata.onChange((c) => this.onMetadataChange(c));
    this.electForLedPartitions();
    this.retentionTimer = setInterval(() => this.cleanupExpiredOffsets(), this.config.offsetsRetentionCheckIntervalMs);
    this.retentionTimer.unref();
  }

  shutdown(): void {
    this.active = false;
    this.unsubscribe?.();
    if (this.retentionTimer !== null) clearInterval(this.retentionTimer);
    for (let p = 0; p < this.offsetsTopic.numPartitions(); p++) this.onResignation(p);
  }

  private electForLedPartitions(): void {
    const topic = this.deps.metadata.topic(GROUP_METADATA_TOPIC_NAME);
    for (const p of topic?.partitions ?? []) if (p.leader === this.deps.nodeId) this.onElection(p.partition);
  }

  private onMetadataChange(c: MetadataChange): void {
    if (c.topic === GROUP_METADATA_TOPIC_NAME) {
      if (c.type === 'topic-created' || c.type === 'partitions-added') this.electForLedPartitions();
      else if (c.type === 'topic-deleted') for (let p = 0; p < this.config.offsetsTopicNumPartitions; p++) this.onResignation(p);
      else if (c.type === 'partition-changed') {
        const was = c.previous.leader === this.deps.nodeId;
        const is = c.current.leader === this.deps.nodeId;
        if (!was && is) this.onElection(c.partition);
        else if (was && !is) this.onResignation(c.partition);
      }
    } else if (c.type === 'topic-deleted') {
      // Kafka drops the offsets of deleted partitions from every group (handleDeletedPartitions).
      const topic = c.topic;
      const removed = this.manager.cleanupGroupMetadata(
        this.manager.currentGroups(),
        (g) => g.removeOffsets(g.offsetTopicPartitions().filter((tp) => tp.topic === topic)),
        (g) => this.onGroupDead(g, 'expired'),
      );
      if (removed > 0) this.logger.info({ topic, removed }, 'removed offsets of a deleted topic');
    }
  }

  private onElection(partition: number): void {
    this.manager
      .loadPartition(partition, (g) => this.onGroupLoaded(g))
      .catch((err: unknown) => this.logger.error({ err, partition }, 'failed to load an offsets partition'));
  }

  private onResignation(partition: number): void {
    this.manager.unloadPartition(partition, (g) => this.onGroupUnloaded(g));
  }

  private onGroupLoaded(group: GroupMetadata): void {
    if (group.size > this.config.groupMaxSize)
      this.membership.prepareRebalance(
        group,
        'over-capacity',
        `Freshly-loaded group is over capacity (${this.config.groupMaxSize}). Rebalancing in order to give a chance for consumers to commit offsets`,
      );
    for (const m of group.members.values()) this.membership.completeAndScheduleNextHeartbeatExpiration(group, m);
    this.deps.events.publish({ type: 'group-loaded', group: group.groupId, offsets: group.allOffsets().length });
  }

  private onGroupUnloaded(group: GroupMetadata): void {
    const previous = group.state;
    group.transitionTo('Dead', this.now());
    if (previous === 'PreparingRebalance') {
      for (const m of [...group.members.values()]) group.maybeInvokeJoinCallback(m, joinError(m.memberId, ErrorCode.NOT_COORDINATOR));
    } else if (previous === 'Stable' || previous === 'CompletingRebalance') {
      for (const m of group.members.values()) group.maybeInvokeSyncCallback(m, syncError(ErrorCode.NOT_COORDINATOR));
    }
    this.membership.clearTimers(group);
  }

  private onGroupDead(group: GroupMetadata, reason: 'deleted' | 'expired'): void {
    this.membership.clearTimers(group);
    this.history.forget(group.groupId);
    this.deps.events.publish({ type: 'group-deleted', group: group.groupId, reason });
  }

  /** offsets.retention.minutes: expired offsets get tombstones; a group left without any goes. */
  cleanupExpiredOffsets(): number {
    const now = this.now();
    return this.manager.cleanupGroupMetadata(
      this.manager.currentGroups(),
      (g) => g.removeExpiredOffsets(now, this.config.offsetsRetentionMs),
      (g) => this.onGroupDead(g, 'expired'),
    );
  }

  // ---------------------------------------------------------------- validation

  partitionFor(groupId: string): number {
    return this.manager.partitionFor(groupId);
  }

  /** Valid group id, active, loaded and ours — or the error Kafka answers. */
  validateGroupStatus(groupId: string, api: GroupApi): number | null {
    // OffsetCommit/OffsetFetch/DescribeGroups/DeleteGroups accept "" for old clients' sake.
    const emptyAllowed = api === 'OffsetCommit' || api === 'OffsetFetch' || api === 'DescribeGroups' || api === 'DeleteGroups';
    if (groupId === '' && !emptyAllowed) return ErrorCode.INVALID_GROUP_ID;
    if (!this.active) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (this.manager.isGroupLoading(groupId)) return ErrorCode.COORDINATOR_LOAD_IN_PROGRESS;
    if (!this.manager.isGroupLocal(groupId)) return ErrorCode.NOT_COORDINATOR;
    return null;
  }

  // ---------------------------------------------------------------- membership APIs

  async handleJoinGroup(p: JoinGroupParams): Promise<JoinGroupResult> {
    const error = this.validateGroupStatus(p.groupId, 'JoinGroup');
    if (error !== null) return joinError(p.memberId, error);
    if (p.sessionTimeoutMs < this.config.groupMinSessionTimeoutMs || p.sessionTimeoutMs > this.config.groupMaxSessionTimeoutMs) {
      return joinError(p.memberId, ErrorCode.INVALID_SESSION_TIMEOUT);
    }
    // A join with a member id for a group we do not know is from a member we forgot.
    const group = this.manager.getOrMaybeCreateGroup(p.groupId, p.memberId === '');
    if (group === undefined) return joinError(p.memberId, ErrorCode.UNKNOWN_MEMBER_ID);
    return this.membership.join(group, p);
  }

  async handleSyncGroup(groupId: string, p: SyncGroupParams): Promise<SyncGroupResult> {
    const error = this.validateGroupStatus(groupId, 'SyncGroup');
    // The rebalance state was lost with the load: REBALANCE_IN_PROGRESS sends the member back to
    // JoinGroup (old clients do not expect COORDINATOR_LOAD_IN_PROGRESS here).
    if (error === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS) return syncError(ErrorCode.REBALANCE_IN_PROGRESS);
    if (error !== null) return syncError(error);
    const group = this.manager.getGroup(groupId);
    if (group === undefined) return syncError(ErrorCode.UNKNOWN_MEMBER_ID);
    return this.membership.sync(group, p);
  }

  handleHeartbeat(groupId: string, memberId: string, groupInstanceId: string | null, generationId: number): number {
    const error = this.validateGroupStatus(groupId, 'Heartbeat');
    if (error === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS) return ErrorCode.NONE; // answered blindly while loading, as Kafka does
    if (error !== null) return error;
    const group = this.manager.getGroup(groupId);
    if (group === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    return this.membership.heartbeat(group, memberId, groupInstanceId, generationId);
  }

  handleLeaveGroup(groupId: string, leaving: readonly LeavingMember[]): LeaveResult {
    const error = this.validateGroupStatus(groupId, 'LeaveGroup');
    if (error !== null) return { topLevelError: error, members: [] };
    const group = this.manager.getGroup(groupId);
    if (group === undefined)
      return {
        topLevelError: ErrorCode.NONE,
        members: leaving.map((l) => ({ memberId: l.memberId, groupInstanceId: l.groupInstanceId, error: ErrorCode.UNKNOWN_MEMBER_ID })),
      };
    return this.membership.leave(group, leaving);
  }

  // ---------------------------------------------------------------- offsets

  /** Errors by tpKey for every commit. */
  async handleCommitOffsets(
    groupId: string,
    memberId: string,
    groupInstanceId: string | null,
    generationId: number,
    commits: readonly Commit[],
  ): Promise<Map<string, number>> {
    const all = (code: number) => new Map(commits.map((c) => [tpKey(c.tp.topic, c.tp.partition), code]));
    const status = this.validateGroupStatus(groupId, 'OffsetCommit');
    if (status !== null) return all(status);
    let group = this.manager.getGroup(groupId);
    if (group === undefined) {
      // a group not using Kafka's group management (generation -1) may commit; anything else is stale
      if (generationId >= 0) return all(ErrorCode.ILLEGAL_GENERATION);
      group = this.manager.addGroup(new GroupMetadata(groupId, 'Empty', this.now()));
    }
    const error = validateOffsetCommit(group, generationId, memberId, groupInstanceId, false);
    if (error !== null) return all(error);
    if (group.is('CompletingRebalance')) return all(ErrorCode.REBALANCE_IN_PROGRESS);
    if (group.is('Stable') || group.is('PreparingRebalance'))
      this.membership.completeAndScheduleNextHeartbeatExpiration(group, group.get(memberId));
    const errors = await this.manager.storeOffsets(group, commits);
    const stored = commits.filter((c) => errors.get(tpKey(c.tp.topic, c.tp.partition)) === ErrorCode.NONE);
    this.publishCommitted(groupId, memberId, generationId, stored);
    return errors;
  }

  private publishCommitted(group: string, memberId: string, generation: number, commits: readonly Commit[]): void {
    if (commits.length === 0) return;
    this.deps.events.publish({
      type: 'group-offsets-committed',
      group,
      memberId,
      generation,
      offsets: commits.map((c) => ({
        topic: c.tp.topic,
        partition: c.tp.partition,
        offset: Number(c.om.offset),
        metadata: c.om.metadata,
        commitTimestamp: c.om.commitTimestamp,
      })),
    });
  }

  /** TxnOffsetCommit (see TxnOffsetCommits). */
  handleTxnCommitOffsets(p: TxnOffsetCommitParams): Promise<Map<string, number>> {
    return this.txnOffsetCommits.handleTxnCommitOffsets(p);
  }

  /**
   * The completion hook of transactional offset commits (Kafka's
   * GroupCoordinator.scheduleHandleTxnCompletion), for the transaction coordinator's marker writer.
   *
   * Call it once the COMMIT or ABORT marker of `producerId` has been appended — and acknowledged as
   * WriteTxnMarkers requires (acks=all) — to these `__consumer_offsets` partitions, with exactly the
   * partitions whose append succeeded and that this broker leads; the marker must be in the log
   * first, because replaying the log after a restart or leader change must give the same state.
   * COMMIT makes the producer's pending TxnOffsetCommit offsets of the groups on those partitions
   * their committed offsets (visible to OffsetFetch, announced as 'group-offsets-committed', seen
   * by lag insights) unless an offset written later in the log is already there; ABORT drops them.
   * Groups on other partitions, unknown producers and partitions being loaded are left alone (a
   * loading partition replays the marker itself). Synchronous; never throws.
   */
  onTxnCompletion(producerId: number, offsetsPartitions: readonly number[], result: 'COMMIT' | 'ABORT'): void {
    this.txnOffsetCommits.onTxnCompletion(producerId, offsetsPartitions, result);
  }

  handleFetchOffsets(
    groupId: string,
    requireStable: boolean,
    tps: readonly TopicPartition[] | null,
  ): { error: number; partitions: Array<{ tp: TopicPartition; data: PartitionOffsetData }> } {
    const error = this.validateGroupStatus(groupId, 'OffsetFetch');
    if (error !== null) return { error, partitions: [] };
    // offsets are answered whatever the group's state: simple consumers have no membership at all
    return { error: ErrorCode.NONE, partitions: this.manager.getOffsets(groupId, requireStable, tps) };
  }

  handleDeleteOffsets(groupId: string, tps: readonly TopicPartition[]): { error: number; partitions: Map<string, number> } {
    const partitions = new Map<string, number>();
    const status = this.validateGroupStatus(groupId, 'OffsetDelete');
    if (status !== null) return { error: status, partitions };
    const group = this.manager.getGroup(groupId);
    if (group === undefined || group.is('Dead'))
      return { error: this.manager.groupNotExists(groupId) ? ErrorCode.GROUP_ID_NOT_FOUND : ErrorCode.NOT_COORDINATOR, partitions };
    let eligible: TopicPartition[];
    if (group.is('Empty')) eligible = [...tps];
    else if (group.isConsumerGroup) {
      eligible = tps.filter((tp) => !group.isSubscribedToTopic(tp.topic));
      for (const tp of tps)
        if (group.isSubscribedToTopic(tp.topic)) partitions.set(tpKey(tp.topic, tp.partition), ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC);
    } else return { error: ErrorCode.NON_EMPTY_GROUP, partitions };
    if (eligible.length > 0) {
      this.manager.cleanupGroupMetadata(
        [group],
        (g) => g.removeOffsets(eligible),
        (g) => this.onGroupDead(g, 'deleted'),
      );
      for (const tp of eligible) partitions.set(tpKey(tp.topic, tp.partition), ErrorCode.NONE);
    }
    return { error: ErrorCode.NONE, partitions };
  }

  // ---------------------------------------------------------------- describe, list, delete

  handleDescribeGroup(groupId: string): { error: number; summary: GroupSummary } {
    const error = this.validateGroupStatus(groupId, 'DescribeGroups');
    if (error !== null) return { error, summary: { state: '', protocolType: '', protocol: '', members: [] } };
    const group = this.manager.getGroup(groupId);
    if (group === undefined) return { error: ErrorCode.NONE, summary: { state: 'Dead', protocolType: '', protocol: '', members: [] } };
    return { error: ErrorCode.NONE, summary: this.summary(group) };
  }

  /** Only a Stable group shows its members' metadata and assignments (Kafka's GroupMetadata.summary). */
  summary(group: GroupMetadata): GroupSummary {
    const stable = group.is('Stable') && group.protocolName !== null;
    return {
      state: group.state,
      protocolType: group.protocolType ?? '',
      protocol: stable ? group.protocolName! : '',
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: stable ? m.metadata(group.protocolName!) : EMPTY,
        assignment: stable ? m.assignment : EMPTY,
      })),
    };
  }

  handleListGroups(states: readonly string[]): { error: number; groups: Array<{ groupId: string; protocolType: string; state: string }> } {
    if (!this.active) return { error: ErrorCode.COORDINATOR_NOT_AVAILABLE, groups: [] };
    const wanted = new Set(states.map((s) => s.toLowerCase()));
    const groups = this.manager
      .currentGroups()
      .filter((g) => wanted.size === 0 || wanted.has(g.state.toLowerCase()))
      .map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '', state: g.state }));
    return { error: this.manager.isLoading ? ErrorCode.COORDINATOR_LOAD_IN_PROGRESS : ErrorCode.NONE, groups };
  }

  handleDeleteGroups(groupIds: readonly string[]): Map<string, number> {
    const errors = new Map<string, number>();
    const eligible: GroupMetadata[] = [];
    for (const groupId of groupIds) {
      const status = this.validateGroupStatus(groupId, 'DeleteGroups');
      if (status !== null) {
        errors.set(groupId, status);
        continue;
      }
      const group = this.manager.getGroup(groupId);
      if (group === undefined || group.is('Dead'))
        errors.set(groupId, this.manager.groupNotExists(groupId) ? ErrorCode.GROUP_ID_NOT_FOUND : ErrorCode.NOT_COORDINATOR);
      else if (group.is('Empty')) {
        group.transitionTo('Dead', this.now());
        eligible.push(group);
      } else errors.set(groupId, ErrorCode.NON_EMPTY_GROUP);
    }
    if (eligible.length > 0) {
      const removed = this.manager.cleanupGroupMetadata(
        eligible,
        (g) => g.removeAllOffsets(),
        (g) => this.onGroupDead(g, 'deleted'),
      );
      for (const g of eligible) errors.set(g.groupId, ErrorCode.NONE);
      this.logger.info({ groups: eligible.map((g) => g.groupId), offsetsRemoved: removed }, 'deleted groups');
    }
    return errors;
  }

  // ---------------------------------------------------------------- console API

  /** Every group this broker coordinates, for listings. */
  groupSummaries(): GroupOverview[] {
    return this.manager.currentGroups().map((g) => ({
      groupId: g.groupId,
      protocolType: g.protocolType ?? '',
      state: g.state,
      generationId: g.generationId,
      members: g.size,
      leaderId: g.leaderId,
      coordinatorPartition: this.partitionFor(g.groupId),
    }));
  }

  group(groupId: string): GroupMetadata | undefined {
    return this.manager.getGroup(groupId);
  }

  /** The last rebalances of a group, oldest first. */
  rebalanceHistory(groupId: string): RebalanceRecord[] {
    return this.history.history(groupId);
  }
}
