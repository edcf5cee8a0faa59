/**
 * One classic group's state (Kafka's GroupMetadata): members, static members (group.instance.id →
 * member id), members with a pending member id (KIP-394), the generation, protocol and leader, and
 * the committed offsets. Commits being appended are "pending" until their record is in the log, and
 * transactional commits until their transaction ends (PendingTxnOffsetCommits), so a fetch with
 * require_stable can tell them apart. Not thread-safe — it needs not be: one event loop.
 */
import { ErrorCode, type JoinGroupResponseTypes } from '@tarn/protocol';
import { CONSUMER_PROTOCOL_TYPE, decodeSubscriptionTopics } from './consumer-protocol';
import { VALID_PREVIOUS_STATES, type GroupState } from './group-state';
import type { JoinCallback, JoinGroupResult, MemberMetadata, Protocol, SyncGroupResult } from './member-metadata';
import { tpKey, type CommitRecord, type OffsetAndMetadata, type TopicPartition } from './offset-and-metadata';
import { PendingTxnOffsetCommits } from './pending-txn-offset-commits';

/** A commit with the offset of the batch that stored it: the later record wins on replay. */
export type { CommitRecord } from './offset-and-metadata';

export type TransitionListener = (group: GroupMetadata, from: GroupState, to: GroupState) => void;

export class GroupMetadata {
  state: GroupState;
  currentStateTimestamp: number | null;
  protocolType: string | null = null;
  protocolName: string | null = null;
  generationId = 0;
  leaderId: string | null = null;
  newMemberAdded = false;
  /** Set by the manager: the coordinator hears about every state change. */
  onTransition: TransitionListener | null = null;

  readonly members = new Map<string, MemberMetadata>();
  private readonly staticMembers = new Map<string, string>();
  private readonly pendingMembers = new Set<string>();
  private numMembersAwaitingJoin = 0;
  private readonly supportedProtocols = new Map<string, number>();
  readonly offsets = new Map<string, CommitRecord>();
  private readonly pendingOffsetCommits = new Map<string, OffsetAndMetadata>();
  /** TxnOffsetCommit's commits, by producer, until a COMMIT or ABORT marker (KIP-98). */
  readonly pendingTxnOffsetCommits = new PendingTxnOffsetCommits();
  private readonly pendingSyncMembers = new Set<string>();
  private subscribedTopics: Set<string> | null = null;

  /** Timers standing in for Kafka's purgatories (join, sync, pending-member expirations). */
  joinTimer: NodeJS.Timeout | null = null;
  joinKind: 'initial' | 'delayed' | null = null;
  syncTimer: NodeJS.Timeout | null = null;
  readonly pendingMemberTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly groupId: string,
    initialState: GroupState,
    now: number,
  ) {
    this.state = initialState;
    this.currentStateTimestamp = now;
  }

  is(state: GroupState): boolean {
    return this.state === state;
  }

  has(memberId: string): boolean {
    return this.members.has(memberId);
  }

  get(memberId: string): MemberMetadata {
    const m = this.members.get(memberId);
    if (m === undefined) throw new Error(`group ${this.groupId} has no member ${memberId}`);
    return m;
  }

  get size(): number {
    return this.members.size;
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  get isConsumerGroup(): boolean {
    return this.protocolType === CONSUMER_PROTOCOL_TYPE;
  }

  add(member: MemberMetadata, callback: JoinCallback | null = null): void {
    if (member.groupInstanceId !== null) {
      if (this.staticMembers.has(member.groupInstanceId))
        throw new Error(`static member ${member.groupInstanceId} is already in group ${this.groupId}`);
      this.staticMembers.set(member.groupInstanceId, member.memberId);
    }
    if (this.members.size === 0) this.protocolType = member.protocolType;
    if (this.leaderId === null) this.leaderId = member.memberId;
    this.members.set(member.memberId, member);
    this.changeSupportedProtocols(member.supportedProtocols, 1);
    member.awaitingJoinCallback = callback;
    if (member.isAwaitingJoin) this.numMembersAwaitingJoin++;
    this.pendingMembers.delete(member.memberId);
  }

  remove(memberId: string): void {
    const member = this.members.get(memberId);
    if (member !== undefined) {
      this.members.delete(memberId);
      this.changeSupportedProtocols(member.supportedProtocols, -1);
      if (member.isAwaitingJoin) this.numMembersAwaitingJoin--;
      if (member.groupInstanceId !== null) this.staticMembers.delete(member.groupInstanceId);
    }
    if (this.isLeader(memberId)) this.leaderId = this.members.keys().next().value ?? null;
    this.pendingMembers.delete(memberId);
    this.pendingSyncMembers.delete(memberId);
  }

  /** The current leader if it rejoined, else any member that did; false when none did. */
  maybeElectNewJoinedLeader(): boolean {
    if (this.leaderId === null) return false;
    const leader = this.get(this.leaderId);
    if (leader.isAwaitingJoin) return true;
    for (const [id, m] of this.members) {
      if (m.isAwaitingJoin) {
        this.leaderId = id;
        return true;
      }
    }
    return false;
  }

  /** A known static member rejoining with an unknown member id takes a new one; the old is fenced. */
  replaceStaticMember(groupInstanceId: string, oldMemberId: string, newMemberId: string): MemberMetadata {
    const member = this.members.get(oldMemberId);
    if (member === undefined) throw new Error(`cannot replace non-existing member id ${oldMemberId}`);
    this.members.delete(oldMemberId);
    this.maybeInvokeJoinCallback(member, joinError(oldMemberId, ErrorCode.FENCED_INSTANCE_ID));
    this.maybeInvokeSyncCallback(member, syncError(ErrorCode.FENCED_INSTANCE_ID));
    member.memberId = newMemberId;
    this.members.set(newMemberId, member);
    if (this.isLeader(oldMemberId)) this.leaderId = newMemberId;
    this.staticMembers.set(groupInstanceId, newMemberId);
    return member;
  }

  isPendingMember(memberId: string): boolean {
    return this.pendingMembers.has(memberId);
  }

  addPendingMember(memberId: string): void {
    this.pendingMembers.add(memberId);
  }

  addPendingSyncMember(memberId: string): void {
    this.pendingSyncMembers.add(memberId);
  }

  removePendingSyncMember(memberId: string): void {
    this.pendingSyncMembers.delete(memberId);
  }

  get hasReceivedSyncFromAllMembers(): boolean {
    return this.pendingSyncMembers.size === 0;
  }

  allPendingSyncMembers(): string[] {
    return [...this.pendingSyncMembers];
  }

  clearPendingSyncMembers(): void {
    this.pendingSyncMembers.clear();
  }

  currentStaticMemberId(groupInstanceId: string): string | undefined {
    return this.staticMembers.get(groupInstanceId);
  }

  notYetRejoinedMembers(): MemberMetadata[] {
    return [...this.members.values()].filter((m) => !m.isAwaitingJoin);
  }

  get hasAllMembersJoined(): boolean {
    return this.members.size === this.numMembersAwaitingJoin && this.pendingMembers.size === 0;
  }

  get numAwaiting(): number {
    return this.numMembersAwaitingJoin;
  }

  get rebalanceTimeoutMs(): number {
    let t = 0;
    for (const m of this.members.values()) t = Math.max(t, m.rebalanceTimeoutMs);
    return t;
  }

  get canRebalance(): boolean {
    return VALID_PREVIOUS_STATES.PreparingRebalance.includes(this.state);
  }

  transitionTo(state: GroupState, now: number): void {
    if (!VALID_PREVIOUS_STATES[state].includes(this.state)) {
      throw new Error(
        `Group ${this.groupId} should be in the ${VALID_PREVIOUS_STATES[state].join(',')} states before moving to ${state} state. Instead it is in ${this.state} state`,
      );
    }
    const from = this.state;
    this.state = state;
    this.currentStateTimestamp = now;
    this.onTransition?.(this, from, state);
  }

  /** The protocol every member supports that most members prefer. */
  selectProtocol(): string {
    if (this.members.size === 0) throw new Error('Cannot select protocol for empty group');
    const candidates = new Set([...this.supportedProtocols].filter(([, n]) => n === this.members.size).map(([p]) => p));
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const v = m.vote(candidates);
      votes.set(v, (votes.get(v) ?? 0) + 1);
    }
    let best = '';
    let most = -1;
    for (const [p, n] of votes) {
      if (n > most) [best, most] = [p, n];
    }
    return best;
  }

  private changeSupportedProtocols(protocols: readonly Protocol[], delta: number): void {
    for (const p of protocols) this.supportedProtocols.set(p.name, (this.supportedProtocols.get(p.name) ?? 0) + delta);
  }

  supportsProtocols(memberProtocolType: string, memberProtocols: ReadonlySet<string>): boolean {
    if (this.is('Empty')) return memberProtocolType !== '' && memberProtocols.size > 0;
    return (
      this.protocolType === memberProtocolType &&
      [...memberProtocols].some((p) => (this.supportedProtocols.get(p) ?? 0) === this.members.size)
    );
  }

  /** True when unknown (no consumer protocol, or metadata that does not parse), to be safe. */
  isSubscribedToTopic(topic: string): boolean {
    return this.subscribedTopics === null || this.subscribedTopics.has(topic);
  }

  computeSubscribedTopics(): Set<string> | null {
    if (this.protocolType !== CONSUMER_PROTOCOL_TYPE) return null;
    if (this.members.size === 0) return new Set();
    if (this.protocolName === null) return null;
    const topics = new Set<string>();
    for (const m of this.members.values()) {
      const t = decodeSubscriptionTopics(m.metadata(this.protocolName));
      if (t === null) return null;
      for (const x of t) topics.add(x);
    }
    return topics;
  }

  refreshSubscribedTopics(): void {
    this.subscribedTopics = this.computeSubscribedTopics();
  }

  updateMember(member: MemberMetadata, protocols: Protocol[], callback: JoinCallback | null): void {
    this.changeSupportedProtocols(member.supportedProtocols, -1);
    member.supportedProtocols = protocols;
    this.changeSupportedProtocols(protocols, 1);
    if (callback !== null && !member.isAwaitingJoin) this.numMembersAwaitingJoin++;
    else if (callback === null && member.isAwaitingJoin) this.numMembersAwaitingJoin--;
    member.awaitingJoinCallback = callback;
  }

  maybeInvokeJoinCallback(member: MemberMetadata, result: JoinGroupResult): void {
    const cb = member.awaitingJoinCallback;
    if (cb === null) return;
    member.awaitingJoinCallback = null;
    this.numMembersAwaitingJoin--;
    cb(result);
  }

  /** True when a SyncGroup was waiting and got this answer. */
  maybeInvokeSyncCallback(member: MemberMetadata, result: SyncGroupResult): boolean {
    const cb = member.awaitingSyncCallback;
    if (cb === null) return false;
    member.awaitingSyncCallback = null;
    cb(result);
    return true;
  }

  initNextGeneration(now: number): void {
    this.generationId++;
    if (this.members.size > 0) {
      this.protocolName = this.selectProtocol();
      this.subscribedTopics = this.computeSubscribedTopics();
      this.transitionTo('CompletingRebalance', now);
    } else {
      this.protocolName = null;
      this.subscribedTopics = this.computeSubscribedTopics();
      this.transitionTo('Empty', now);
    }
    this.clearPendingSyncMembers();
  }

  currentMemberMetadata(): JoinGroupResponseTypes.JoinGroupResponseMember[] {
    if (this.is('Dead') || this.is('PreparingRebalance')) throw new Error(`Cannot obtain member metadata for group in state ${this.state}`);
    return [...this.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      metadata: m.metadata(this.protocolName!),
    }));
  }

  // ---------------------------------------------------------------- offsets

  offset(tp: TopicPartition): OffsetAndMetadata | undefined {
    return this.offsets.get(tpKey(tp.topic, tp.partition))?.offsetAndMetadata;
  }

  allOffsets(): CommitRecord[] {
    return [...this.offsets.values()];
  }

  get hasOffsets(): boolean {
    return this.offsets.size > 0 || this.pendingOffsetCommits.size > 0 || !this.pendingTxnOffsetCommits.isEmpty;
  }

  /** Partitions with a committed offset or a transactional commit waiting for its transaction. */
  offsetTopicPartitions(): TopicPartition[] {
    const tps = new Map<string, TopicPartition>();
    for (const [k, r] of this.offsets) tps.set(k, r.tp);
    for (const tp of this.pendingTxnOffsetCommits.topicPartitions()) tps.set(tpKey(tp.topic, tp.partition), tp);
    return [...tps.values()];
  }

  initializeOffsets(records: Iterable<CommitRecord>, pendingTxn: ReadonlyMap<number, Iterable<CommitRecord>> = new Map()): void {
    for (const r of records) this.offsets.set(tpKey(r.tp.topic, r.tp.partition), r);
    for (const [producerId, pending] of pendingTxn) this.pendingTxnOffsetCommits.initialize(producerId, pending);
  }

  prepareOffsetCommit(commits: ReadonlyArray<{ tp: TopicPartition; om: OffsetAndMetadata }>): void {
    for (const c of commits) this.pendingOffsetCommits.set(tpKey(c.tp.topic, c.tp.partition), c.om);
  }

  onOffsetCommitAppend(record: CommitRecord): void {
    const key = tpKey(record.tp.topic, record.tp.partition);
    const pending = this.pendingOffsetCommits.get(key);
    if (pending !== undefined) {
      const current = this.offsets.get(key);
      if (current === undefined || (current.appendedBatchOffset ?? -1) < (record.appendedBatchOffset ?? -1)) this.offsets.set(key, record);
    }
    if (pending === record.offsetAndMetadata) this.pendingOffsetCommits.delete(key);
  }

  failPendingOffsetWrite(tp: TopicPartition, om: OffsetAndMetadata): void {
    const key = tpKey(tp.topic, tp.partition);
    if (this.pendingOffsetCommits.get(key) === om) this.pendingOffsetCommits.delete(key);
  }

  hasPendingOffsetCommitsForTopicPartition(tp: TopicPartition): boolean {
    return this.pendingOffsetCommits.has(tpKey(tp.topic, tp.partition)) || this.pendingTxnOffsetCommits.has(tp);
  }

  /**
   * A COMMIT marker makes the producer's commits the group's offsets, each unless the offset already
   * there was written later in the log (Kafka's completePendingTxnOffsetCommit); an ABORT drops
   * them. Returns the commits that became committed offsets.
   */
  completePendingTxnOffsetCommit(producerId: number, isCommit: boolean, warn: (msg: string) => void): CommitRecord[] {
    const pending = this.pendingTxnOffsetCommits.complete(producerId);
    if (!isCommit) return [];
    const applied: CommitRecord[] = [];
    for (const r of pending) {
      if (r.appendedBatchOffset === null) {
        // Kafka throws here: the transaction coordinator wrote the marker before the commit's record.
        warn(`transactional offset commit of producer ${producerId} for ${r.tp.topic}-${r.tp.partition} completed before its append`);
        continue;
      }
      const key = tpKey(r.tp.topic, r.tp.partition);
      const current = this.offsets.get(key);
      if (current === undefined || (current.appendedBatchOffset ?? -1) < r.appendedBatchOffset) {
        this.offsets.set(key, r);
        applied.push(r);
      }
    }
    return applied;
  }

  /**
   * Removes committed offsets and transactional commits of these partitions; returns what was
   * removed (a transactional commit only where no offset was committed), one record a partition.
   */
  removeOffsets(tps: Iterable<TopicPartition>): CommitRecord[] {
    const removed: CommitRecord[] = [];
    for (const tp of tps) {
      const key = tpKey(tp.topic, tp.partition);
      this.pendingOffsetCommits.delete(key);
      const pendingTxn = this.pendingTxnOffsetCommits.remove(tp);
      const r = this.offsets.get(key) ?? pendingTxn[0];
      if (r !== undefined) {
        this.offsets.delete(key);
        removed.push(r);
      }
    }
    return removed;
  }

  removeAllOffsets(): CommitRecord[] {
    return this.removeOffsets(this.offsetTopicPartitions());
  }

  /**
   * Kafka's offset expiration: an Empty group's offsets expire offsets.retention.ms after it became
   * Empty (or after their commit, for metadata without a state timestamp); a Stable consumer group's
   * offsets of topics no member subscribes to expire after their commit; a group that only stores
   * offsets (no protocol type) expires each offset after its commit. Value-v1 commits keep their own
   * expire timestamp. An offset with a commit still pending (being written, or in an open
   * transaction) does not expire yet (Kafka 3.9's cleanupExpiredOffsets).
   */
  removeExpiredOffsets(now: number, retentionMs: number): CommitRecord[] {
    const expired = (base: (r: CommitRecord) => number, subscribed: ReadonlySet<string> = new Set()) =>
      [...this.offsets.values()].filter((r) => {
        if (subscribed.has(r.tp.topic) || this.hasPendingOffsetCommitsForTopicPartition(r.tp)) return false;
        const exp = r.offsetAndMetadata.expireTimestamp;
        return exp !== null ? now >= exp : now - base(r) >= retentionMs;
      });
    let out: CommitRecord[] = [];
    if (this.protocolType !== null && this.is('Empty'))
      out = expired((r) => this.currentStateTimestamp ?? r.offsetAndMetadata.commitTimestamp);
    else if (this.protocolType === CONSUMER_PROTOCOL_TYPE && this.subscribedTopics !== null && this.is('Stable')) {
      out = expired((r) => r.offsetAndMetadata.commitTimestamp, this.subscribedTopics);
    } else if (this.protocolType === null) out = expired((r) => r.offsetAndMetadata.commitTimestamp);
    for (const r of out) this.offsets.delete(tpKey(r.tp.topic, r.tp.partition));
    return out;
  }
}

export function joinError(memberId: string, error: number): JoinGroupResult {
  return { members: [], memberId, generationId: -1, protocolType: null, protocolName: null, leaderId: '', skipAssignment: false, error };
}

export function syncError(error: number): SyncGroupResult {
  return { protocolType: null, protocolName: null, assignment: Buffer.alloc(0), error };
}
