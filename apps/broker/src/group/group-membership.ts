/**
 * The classic rebalance protocol (the membership half of Kafka's GroupCoordinator): JoinGroup,
 * SyncGroup, Heartbeat and LeaveGroup on groups the coordinator has already validated, and the
 * timers that stand in for Kafka's purgatories:
 *
 *   join     InitialDelayedJoin (an Empty group waits group.initial.rebalance.delay.ms, again while
 *            new members keep arriving, up to its rebalance timeout) or DelayedJoin (completes as
 *            soon as every member rejoined, else after the rebalance timeout, dropping the dynamic
 *            members that did not)
 *   sync     after a generation forms, members that send no SyncGroup within the rebalance timeout
 *            are removed and the group rebalances again
 *   session  a member not heard from within session.timeout.ms is removed (members with a parked
 *            JoinGroup/SyncGroup are exempt; new members get 5 minutes to finish their first join)
 *   pending  a member id handed out with MEMBER_ID_REQUIRED expires after session.timeout.ms
 *
 * Parked requests are promises resolved by the callbacks Kafka keeps on each member.
 */
import { ErrorCode } from '@tarn/protocol';
import type { Logger } from '../logger';
import type { GroupConfig } from '../config/broker-config';
import { joinError, syncError, type GroupMetadata } from './group-metadata';
import type { GroupMetadataManager } from './group-metadata-manager';
import { MemberMetadata, type JoinCallback, type JoinGroupResult, type Protocol, type SyncGroupResult } from './member-metadata';
import type { LeaveReason, RebalanceHistory } from './rebalance-history';

export const NEW_MEMBER_JOIN_TIMEOUT_MS = 5 * 60 * 1000;

export interface JoinGroupParams {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  requireKnownMemberId: boolean;
  clientId: string;
  clientHost: string;
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  protocolType: string;
  protocols: Protocol[];
  reason: string;
  /** JoinGroup v9+: a static leader rejoining a Stable group gets the members and skipAssignment (KIP-814). */
  supportSkippingAssignment: boolean;
}

export interface SyncGroupParams {
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string | null;
  protocolName: string | null;
  assignments: ReadonlyMap<string, Buffer>;
}

export interface LeavingMember {
  memberId: string;
  groupInstanceId: string | null;
  reason: string | null;
}

export interface LeaveResult {
  topLevelError: number;
  members: Array<{ memberId: string; groupInstanceId: string | null; error: number }>;
}

export class GroupMembership {
  constructor(
    private readonly config: GroupConfig,
    private readonly manager: GroupMetadataManager,
    private readonly history: RebalanceHistory,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  // ---------------------------------------------------------------- JoinGroup

  private acceptJoiningMember(group: GroupMetadata, memberId: string): boolean {
    switch (group.state) {
      case 'Empty':
      case 'Dead':
        return true;
      case 'PreparingRebalance':
        return (group.has(memberId) && group.get(memberId).isAwaitingJoin) || group.numAwaiting < this.config.groupMaxSize;
      case 'CompletingRebalance':
      case 'Stable':
        return group.has(memberId) || group.size < this.config.groupMaxSize;
    }
  }

  join(group: GroupMetadata, p: JoinGroupParams): Promise<JoinGroupResult> {
    return new Promise((resolve) => {
      if (!this.acceptJoiningMember(group, p.memberId)) {
        group.remove(p.memberId);
        resolve(joinError('', ErrorCode.GROUP_MAX_SIZE_REACHED));
      } else if (p.memberId === '') this.doNewMemberJoinGroup(group, p, resolve);
      else this.doCurrentMemberJoinGroup(group, p, resolve);
      if (group.is('PreparingRebalance')) this.checkJoin(group);
    });
  }

  private doNewMemberJoinGroup(group: GroupMetadata, p: JoinGroupParams, respond: JoinCallback): void {
    if (group.is('Dead')) return respond(joinError('', ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (!group.supportsProtocols(p.protocolType, new Set(p.protocols.map((x) => x.name)))) return respond(joinError('', ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    const newMemberId = `${p.groupInstanceId ?? p.clientId}-${crypto.randomUUID()}`;
    if (p.groupInstanceId !== null) {
      const oldMemberId = group.currentStaticMemberId(p.groupInstanceId);
      if (oldMemberId !== undefined) return this.updateStaticMemberAndRebalance(group, oldMemberId, newMemberId, p, respond);
      return this.addMemberAndRebalance(group, newMemberId, p, respond);
    }
    if (p.requireKnownMemberId) {
      // KIP-394: hand out a member id and have the client join again with it.
      group.addPendingMember(newMemberId);
      this.addPendingMemberExpiration(group, newMemberId, p.sessionTimeoutMs);
      return respond(joinError(newMemberId, ErrorCode.MEMBER_ID_REQUIRED));
    }
    this.addMemberAndRebalance(group, newMemberId, p, respond);
  }

  /** A group.instance.id must map to the given member id (FENCED_INSTANCE_ID), and the member exist. */
  validateCurrentMember(group: GroupMetadata, memberId: string, groupInstanceId: string | null): number | null {
    if (groupInstanceId !== null) {
      const current = group.currentStaticMemberId(groupInstanceId);
      if (current === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
      if (current !== memberId) return ErrorCode.FENCED_INSTANCE_ID;
      return null;
    }
    return group.has(memberId) ? null : ErrorCode.UNKNOWN_MEMBER_ID;
  }

  private doCurrentMemberJoinGroup(group: GroupMetadata, p: JoinGroupParams, respond: JoinCallback): void {
    if (group.is('Dead')) return respond(joinError(p.memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (!group.supportsProtocols(p.protocolType, new Set(p.protocols.map((x) => x.name)))) return respond(joinError(p.memberId, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    if (group.isPendingMember(p.memberId)) {
      if (p.groupInstanceId !== null) return respond(joinError(p.memberId, ErrorCode.UNKNOWN_SERVER_ERROR));
      return this.addMemberAndRebalance(group, p.memberId, p, respond);
    }
    const error = this.validateCurrentMember(group, p.memberId, p.groupInstanceId);
    if (error !== null) return respond(joinError(p.memberId, error));
    const member = group.get(p.memberId);
    const current = (members: JoinGroupResult['members'], leaderId = group.leaderId ?? ''): JoinGroupResult => ({
      members,
      memberId: p.memberId,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leaderId,
      skipAssignment: false,
      error: ErrorCode.NONE,
    });
    switch (group.state) {
      case 'PreparingRebalance':
        return this.updateMemberAndRebalance(group, member, p.protocols, respond, 'metadata-change', `Member ${member.memberId} joining group during ${group.state}; client reason: ${p.reason}`);
      case 'CompletingRebalance':
        // the same metadata again: it missed the JoinGroup answer, so it gets the current one
        if (member.matches(p.protocols)) return respond(current(group.isLeader(p.memberId) ? group.currentMemberMetadata() : []));
        return this.updateMemberAndRebalance(group, member, p.protocols, respond, 'metadata-change', `Updating metadata for member ${member.memberId} during ${group.state}; client reason: ${p.reason}`);
      case 'Stable':
        // the leader rejoining forces a rebalance: that is how it reacts to topic metadata changes
        if (group.isLeader(p.memberId)) return this.updateMemberAndRebalance(group, member, p.protocols, respond, 'leader-rejoin', `Leader ${member.memberId} re-joining group during ${group.state}; client reason: ${p.reason}`);
        if (!member.matches(p.protocols)) return this.updateMemberAndRebalance(group, member, p.protocols, respond, 'metadata-change', `Updating metadata for member ${member.memberId} during ${group.state}; client reason: ${p.reason}`);
        return respond(current([]));
      case 'Empty':
      case 'Dead':
        return respond(joinError(p.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    }
  }

  private addMemberAndRebalance(group: GroupMetadata, memberId: string, p: JoinGroupParams, respond: JoinCallback): void {
    const member = new MemberMetadata(memberId, p.groupInstanceId, p.clientId, p.clientHost, p.rebalanceTimeoutMs, p.sessionTimeoutMs, p.protocolType, p.protocols);
    member.isNew = true;
    if (group.is('PreparingRebalance') && group.generationId === 0) group.newMemberAdded = true;
    const pendingTimer = group.pendingMemberTimers.get(memberId);
    if (pendingTimer !== undefined) clearTimeout(pendingTimer);
    group.pendingMemberTimers.delete(memberId);
    group.add(member, respond);
    this.history.memberJoined(group, member, p.reason);
    // A member in a parked JoinGroup cannot heartbeat; should it vanish, it must not linger forever.
    this.completeAndScheduleNextExpiration(group, member, NEW_MEMBER_JOIN_TIMEOUT_MS);
    this.maybePrepareRebalance(group, 'join', `Adding new member ${memberId} with group instance id ${p.groupInstanceId}; client reason: ${p.reason}`);
  }

  private updateStaticMemberAndRebalance(group: GroupMetadata, oldMemberId: string, newMemberId: string, p: JoinGroupParams, respond: JoinCallback): void {
    const currentLeader = group.leaderId ?? '';
    const member = group.replaceStaticMember(p.groupInstanceId!, oldMemberId, newMemberId);
    this.history.memberReplaced(group, oldMemberId, member);
    this.completeAndScheduleNextHeartbeatExpiration(group, member);
    const oldProtocols = member.supportedProtocols;
    group.updateMember(member, p.protocols, respond);
    switch (group.state) {
      case 'Stable': {
        if (group.protocolName === group.selectProtocol()) {
          // Nothing the assignment depends on changed: persist the new member id, skip the rebalance.
          const assignment = new Map([...group.members.values()].map((m) => [m.memberId, m.assignment]));
          void this.manager.storeGroup(group, assignment).then((error) => {
            if (error !== ErrorCode.NONE) {
              group.updateMember(member, oldProtocols, null);
              const old = group.replaceStaticMember(p.groupInstanceId!, newMemberId, oldMemberId);
              this.completeAndScheduleNextHeartbeatExpiration(group, old);
              respond({ ...joinError('', error), generationId: group.generationId, protocolType: group.protocolType, protocolName: group.protocolName, leaderId: currentLeader });
              return;
            }
            // v9+: a rejoining leader learns the members (its client needs them for its own state)
            // but is told to skip the assignment. Before v9 the old leader id goes back, so the
            // member does not run an assignment that a Stable group would never distribute.
            const isLeader = p.supportSkippingAssignment && group.isLeader(newMemberId);
            group.maybeInvokeJoinCallback(member, {
              members: isLeader ? group.currentMemberMetadata() : [],
              memberId: newMemberId,
              generationId: group.generationId,
              protocolType: group.protocolType,
              protocolName: group.protocolName,
              leaderId: p.supportSkippingAssignment ? (group.leaderId ?? '') : currentLeader,
              skipAssignment: isLeader,
              error: ErrorCode.NONE,
            });
          });
        } else {
          this.maybePrepareRebalance(group, 'static-member-replacement', `Group's selectedProtocol will change because static member ${member.memberId} with instance id ${p.groupInstanceId} joined with change of protocol; client reason: ${p.reason}`);
        }
        return;
      }
      case 'CompletingRebalance':
        return this.prepareRebalance(group, 'static-member-replacement', `Updating metadata for static member ${member.memberId} with instance id ${p.groupInstanceId}; client reason: ${p.reason}`);
      case 'PreparingRebalance':
        return;
      case 'Empty':
      case 'Dead':
        throw new Error(`Group ${group.groupId} was not supposed to be in the state ${group.state} when the unknown static member ${p.groupInstanceId} rejoins.`);
    }
  }

  private updateMemberAndRebalance(group: GroupMetadata, member: MemberMetadata, protocols: Protocol[], respond: JoinCallback, cause: RebalanceCause, reason: string): void {
    group.updateMember(member, protocols, respond);
    this.maybePrepareRebalance(group, cause, reason);
  }

  maybePrepareRebalance(group: GroupMetadata, cause: RebalanceCause, reason: string): void {
    if (group.canRebalance) this.prepareRebalance(group, cause, reason);
  }

  prepareRebalance(group: GroupMetadata, cause: RebalanceCause, reason: string): void {
    if (group.is('CompletingRebalance')) this.resetAndPropagateAssignmentError(group, ErrorCode.REBALANCE_IN_PROGRESS);
    this.removeSyncExpiration(group);
    const wasEmpty = group.is('Empty');
    const rebalanceTimeoutMs = group.rebalanceTimeoutMs;
    group.transitionTo('PreparingRebalance', this.now());
    this.history.rebalanceStarted(group, cause, reason);
    this.logger.info({ group: group.groupId, generation: group.generationId, reason }, 'preparing to rebalance group');
    if (wasEmpty) {
      const delay = this.config.groupInitialRebalanceDelayMs;
      this.scheduleInitialJoin(group, delay, Math.max(rebalanceTimeoutMs - delay, 0));
    } else this.scheduleDelayedJoin(group, rebalanceTimeoutMs);
  }

  private clearJoinTimer(group: GroupMetadata): void {
    if (group.joinTimer !== null) clearTimeout(group.joinTimer);
    group.joinTimer = null;
    group.joinKind = null;
  }

  private scheduleInitialJoin(group: GroupMetadata, delayMs: number, remainingMs: number): void {
    this.clearJoinTimer(group);
    group.joinKind = 'initial';
    group.joinTimer = setTimeout(() => {
      this.clearJoinTimer(group);
      if (group.newMemberAdded && remainingMs !== 0) {
        group.newMemberAdded = false;
        const delay = Math.min(this.config.groupInitialRebalanceDelayMs, remainingMs);
        this.scheduleInitialJoin(group, delay, Math.max(remainingMs - delay, 0));
      } else this.onCompleteJoin(group);
    }, delayMs);
  }

  private scheduleDelayedJoin(group: GroupMetadata, timeoutMs: number): void {
    this.clearJoinTimer(group);
    if (group.hasAllMembersJoined) return this.onCompleteJoin(group);
    group.joinKind = 'delayed';
    group.joinTimer = setTimeout(() => {
      this.clearJoinTimer(group);
      this.onCompleteJoin(group);
    }, timeoutMs);
  }

  /** Kafka's rebalancePurgatory.checkAndComplete(GroupJoinKey): a DelayedJoin completes early. */
  checkJoin(group: GroupMetadata): void {
    if (group.joinKind === 'delayed' && group.hasAllMembersJoined) {
      this.clearJoinTimer(group);
      this.onCompleteJoin(group);
    }
  }

  private onCompleteJoin(group: GroupMetadata): void {
    for (const m of group.notYetRejoinedMembers()) {
      if (m.isStaticMember) continue;
      group.remove(m.memberId);
      this.removeHeartbeatForLeavingMember(m);
      this.history.memberLeft(group, m, 'rejoin-timeout');
    }
    if (group.is('Dead')) return;
    if (!group.maybeElectNewJoinedLeader() && group.size > 0) {
      // Nobody rejoined: wait another round for session timeouts to clear the group out.
      this.logger.error({ group: group.groupId }, 'could not complete rebalance because no members rejoined');
      this.scheduleDelayedJoin(group, group.rebalanceTimeoutMs);
      return;
    }
    group.initNextGeneration(this.now());
    if (group.is('Empty')) {
      this.history.rebalanceCompleted(group);
      void this.manager.storeGroup(group, new Map()).then((error) => {
        if (error !== ErrorCode.NONE) this.logger.warn({ group: group.groupId, error }, 'failed to write empty group metadata');
      });
      return;
    }
    for (const member of group.members.values()) {
      group.maybeInvokeJoinCallback(member, {
        members: group.isLeader(member.memberId) ? group.currentMemberMetadata() : [],
        memberId: member.memberId,
        generationId: group.generationId,
        protocolType: group.protocolType,
        protocolName: group.protocolName,
        leaderId: group.leaderId ?? '',
        skipAssignment: false,
        error: ErrorCode.NONE,
      });
      this.completeAndScheduleNextHeartbeatExpiration(group, member);
      member.isNew = false;
      group.addPendingSyncMember(member.memberId);
    }
    this.schedulePendingSync(group);
  }

  // ---------------------------------------------------------------- SyncGroup

  private validateSyncGroup(group: GroupMetadata, p: SyncGroupParams): number | null {
    if (group.is('Dead')) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const memberError = this.validateCurrentMember(group, p.memberId, p.groupInstanceId);
    if (memberError !== null) return memberError;
    if (p.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (p.protocolType !== null && group.protocolType !== p.protocolType) return ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
    if (p.protocolName !== null && group.protocolName !== p.protocolName) return ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
    return null;
  }

  sync(group: GroupMetadata, p: SyncGroupParams): Promise<SyncGroupResult> {
    return new Promise((resolve) => {
      const error = this.validateSyncGroup(group, p);
      if (error !== null) return resolve(syncError(error));
      switch (group.state) {
        case 'Empty':
          return resolve(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
        case 'PreparingRebalance':
          return resolve(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
        case 'CompletingRebalance': {
          group.get(p.memberId).awaitingSyncCallback = resolve;
          this.removePendingSyncMember(group, p.memberId);
          if (!group.isLeader(p.memberId)) return;
          // members the leader left out get an empty assignment
          const assignment = new Map<string, Buffer>();
          for (const id of group.members.keys()) assignment.set(id, p.assignments.get(id) ?? Buffer.alloc(0));
          const generationId = group.generationId;
          void this.manager.storeGroup(group, assignment).then((storeError) => {
            if (!group.is('CompletingRebalance') || generationId !== group.generationId) return;
            if (storeError !== ErrorCode.NONE) {
              this.resetAndPropagateAssignmentError(group, storeError);
              this.maybePrepareRebalance(group, 'store-error', `Error when storing group assignment during SyncGroup (member: ${p.memberId})`);
              return;
            }
            for (const m of group.members.values()) m.assignment = assignment.get(m.memberId) ?? Buffer.alloc(0);
            this.propagateAssignment(group, ErrorCode.NONE);
            group.transitionTo('Stable', this.now());
            this.history.rebalanceCompleted(group);
          });
          return;
        }
        case 'Stable': {
          this.removePendingSyncMember(group, p.memberId);
          const member = group.get(p.memberId);
          resolve({ protocolType: group.protocolType, protocolName: group.protocolName, assignment: member.assignment, error: ErrorCode.NONE });
          this.completeAndScheduleNextHeartbeatExpiration(group, member);
          return;
        }
        case 'Dead':
          return resolve(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
      }
    });
  }

  private resetAndPropagateAssignmentError(group: GroupMetadata, error: number): void {
    for (const m of group.members.values()) m.assignment = Buffer.alloc(0);
    this.propagateAssignment(group, error);
  }

  private propagateAssignment(group: GroupMetadata, error: number): void {
    const ok = error === ErrorCode.NONE;
    for (const m of group.members.values()) {
      const answered = group.maybeInvokeSyncCallback(m, { protocolType: ok ? group.protocolType : null, protocolName: ok ? group.protocolName : null, assignment: m.assignment, error });
      // a session that expired while the member waited must start afresh
      if (answered) this.completeAndScheduleNextHeartbeatExpiration(group, m);
    }
  }

  private schedulePendingSync(group: GroupMetadata): void {
    if (group.syncTimer !== null) clearTimeout(group.syncTimer);
    group.syncTimer = null;
    if (group.hasReceivedSyncFromAllMembers) return;
    const generationId = group.generationId;
    group.syncTimer = setTimeout(() => {
      group.syncTimer = null;
      this.onExpirePendingSync(group, generationId);
    }, group.rebalanceTimeoutMs);
  }

  private removePendingSyncMember(group: GroupMetadata, memberId: string): void {
    group.removePendingSyncMember(memberId);
    this.maybeCompleteSyncExpiration(group);
  }

  private removeSyncExpiration(group: GroupMetadata): void {
    group.clearPendingSyncMembers();
    this.maybeCompleteSyncExpiration(group);
  }

  private maybeCompleteSyncExpiration(group: GroupMetadata): void {
    if (group.syncTimer === null) return;
    const over = group.is('Dead') || group.is('Empty') || group.is('PreparingRebalance') || group.hasReceivedSyncFromAllMembers;
    if (over) {
      clearTimeout(group.syncTimer);
      group.syncTimer = null;
    }
  }

  private onExpirePendingSync(group: GroupMetadata, generationId: number): void {
    if (generationId !== group.generationId || !(group.is('CompletingRebalance') || group.is('Stable'))) return;
    if (group.hasReceivedSyncFromAllMembers) return;
    const pending = group.allPendingSyncMembers();
    for (const id of pending) {
      const m = group.members.get(id);
      group.remove(id);
      if (m !== undefined) {
        this.removeHeartbeatForLeavingMember(m);
        this.history.memberLeft(group, m, 'sync-timeout');
      }
    }
    this.prepareRebalance(group, 'sync-timeout', `Removing ${pending.join(', ')} on pending sync request expiration`);
  }

  // ---------------------------------------------------------------- Heartbeat, LeaveGroup

  heartbeat(group: GroupMetadata, memberId: string, groupInstanceId: string | null, generationId: number): number {
    if (group.is('Dead')) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const memberError = this.validateCurrentMember(group, memberId, groupInstanceId);
    if (memberError !== null) return memberError;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    switch (group.state) {
      case 'Empty':
        return ErrorCode.UNKNOWN_MEMBER_ID;
      case 'CompletingRebalance':
      case 'Stable':
        this.completeAndScheduleNextHeartbeatExpiration(group, group.get(memberId));
        return ErrorCode.NONE;
      case 'PreparingRebalance':
        this.completeAndScheduleNextHeartbeatExpiration(group, group.get(memberId));
        return ErrorCode.REBALANCE_IN_PROGRESS;
      case 'Dead':
        return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    }
  }

  leave(group: GroupMetadata, leaving: readonly LeavingMember[]): LeaveResult {
    if (group.is('Dead')) return { topLevelError: ErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] };
    const members = leaving.map((l) => {
      const answer = (error: number) => ({ memberId: l.memberId, groupInstanceId: l.groupInstanceId, error });
      // administrative removal names only the group.instance.id
      if (l.memberId === '') {
        const current = l.groupInstanceId === null ? undefined : group.currentStaticMemberId(l.groupInstanceId);
        if (current === undefined) return answer(ErrorCode.UNKNOWN_MEMBER_ID);
        this.removeCurrentMember(group, current);
        return answer(ErrorCode.NONE);
      }
      if (group.isPendingMember(l.memberId)) {
        this.removePendingMemberAndUpdateGroup(group, l.memberId);
        return answer(ErrorCode.NONE);
      }
      const error = this.validateCurrentMember(group, l.memberId, l.groupInstanceId);
      if (error !== null) return answer(error);
      this.removeCurrentMember(group, l.memberId);
      return answer(ErrorCode.NONE);
    });
    return { topLevelError: ErrorCode.NONE, members };
  }

  private removeCurrentMember(group: GroupMetadata, memberId: string): void {
    const member = group.get(memberId);
    this.removeMemberAndUpdateGroup(group, member, 'leave');
    this.removeHeartbeatForLeavingMember(member);
  }

  private removeMemberAndUpdateGroup(group: GroupMetadata, member: MemberMetadata, why: LeaveReason): void {
    // A new member parked in JoinGroup learns it is gone (and will rejoin if still alive).
    group.maybeInvokeJoinCallback(member, joinError('', ErrorCode.UNKNOWN_MEMBER_ID));
    group.remove(member.memberId);
    this.history.memberLeft(group, member, why);
    switch (group.state) {
      case 'Stable':
      case 'CompletingRebalance':
        return this.maybePrepareRebalance(group, why, `removing member ${member.memberId} (${why})`);
      case 'PreparingRebalance':
        return this.checkJoin(group);
      default:
        return;
    }
  }

  private removePendingMemberAndUpdateGroup(group: GroupMetadata, memberId: string): void {
    group.remove(memberId);
    const t = group.pendingMemberTimers.get(memberId);
    if (t !== undefined) clearTimeout(t);
    group.pendingMemberTimers.delete(memberId);
    if (group.is('PreparingRebalance')) this.checkJoin(group);
  }

  // ---------------------------------------------------------------- session timers

  completeAndScheduleNextHeartbeatExpiration(group: GroupMetadata, member: MemberMetadata): void {
    this.completeAndScheduleNextExpiration(group, member, member.sessionTimeoutMs);
  }

  private completeAndScheduleNextExpiration(group: GroupMetadata, member: MemberMetadata, timeoutMs: number): void {
    this.removeHeartbeatForLeavingMember(member);
    member.heartbeatSatisfied = false;
    if (member.hasSatisfiedHeartbeat) return; // parked in JoinGroup/SyncGroup: no deadline until answered
    const memberId = member.memberId;
    member.heartbeatTimer = setTimeout(() => {
      member.heartbeatTimer = null;
      this.onExpireHeartbeat(group, memberId);
    }, timeoutMs);
  }

  private addPendingMemberExpiration(group: GroupMetadata, memberId: string, timeoutMs: number): void {
    group.pendingMemberTimers.set(
      memberId,
      setTimeout(() => {
        group.pendingMemberTimers.delete(memberId);
        if (!group.is('Dead') && group.isPendingMember(memberId)) this.removePendingMemberAndUpdateGroup(group, memberId);
      }, timeoutMs),
    );
  }

  removeHeartbeatForLeavingMember(member: MemberMetadata): void {
    if (member.heartbeatTimer !== null) clearTimeout(member.heartbeatTimer);
    member.heartbeatTimer = null;
  }

  private onExpireHeartbeat(group: GroupMetadata, memberId: string): void {
    if (group.is('Dead')) return;
    const member = group.members.get(memberId);
    if (member === undefined || member.hasSatisfiedHeartbeat) return;
    this.logger.info({ group: group.groupId, member: memberId }, 'member failed to heartbeat within its session timeout; removing it');
    this.removeMemberAndUpdateGroup(group, member, 'session-timeout');
  }

  /** Cancels every timer of a group leaving this coordinator. */
  clearTimers(group: GroupMetadata): void {
    this.clearJoinTimer(group);
    if (group.syncTimer !== null) clearTimeout(group.syncTimer);
    group.syncTimer = null;
    for (const t of group.pendingMemberTimers.values()) clearTimeout(t);
    group.pendingMemberTimers.clear();
    for (const m of group.members.values()) this.removeHeartbeatForLeavingMember(m);
  }
}

export type RebalanceCause = LeaveReason | 'join' | 'metadata-change' | 'leader-rejoin' | 'static-member-replacement' | 'store-error' | 'over-capacity';
