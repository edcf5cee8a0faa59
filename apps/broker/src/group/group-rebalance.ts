/**
 * A classic group's rebalance (Kafka's GroupCoordinator: prepareRebalance, onCompleteJoin,
 * onExpirePendingSync, removeMemberAndUpdateGroup, onExpireHeartbeat): how a group enters
 * PreparingRebalance, how the next generation forms once the join phase is over (the dynamic
 * members that did not rejoin are dropped, everyone else gets the JoinGroup answer it waits for),
 * and what a member leaving or expiring does to the group.
 *
 * It owns the timers that stand in for Kafka's purgatories (rebalance-purgatory.ts,
 * heartbeat-purgatory.ts), and their completions and expirations call back into it. The requests
 * that drive it are in group-join.ts, group-sync.ts and group-membership.ts.
 */
import { ErrorCode } from '@tarn/protocol';
import type { Logger } from '../logger';
import type { GroupConfig } from '../config/broker-config';
import { joinError, type GroupMetadata } from './group-metadata';
import type { GroupMetadataManager } from './group-metadata-manager';
import { HeartbeatPurgatory } from './heartbeat-purgatory';
import type { MemberMetadata } from './member-metadata';
import { RebalancePurgatory } from './rebalance-purgatory';
import type { LeaveReason, RebalanceHistory } from './rebalance-history';

export type RebalanceCause =
  LeaveReason | 'join' | 'metadata-change' | 'leader-rejoin' | 'static-member-replacement' | 'store-error' | 'over-capacity';

export class GroupRebalance {
  readonly heartbeatPurgatory: HeartbeatPurgatory;
  readonly rebalancePurgatory: RebalancePurgatory;

  constructor(
    private readonly config: GroupConfig,
    private readonly manager: GroupMetadataManager,
    private readonly history: RebalanceHistory,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {
    this.heartbeatPurgatory = new HeartbeatPurgatory({
      onExpireHeartbeat: (group, memberId) => this.onExpireHeartbeat(group, memberId),
      onExpirePendingMember: (group, memberId) => this.onExpirePendingMember(group, memberId),
    });
    this.rebalancePurgatory = new RebalancePurgatory(config, {
      onCompleteJoin: (group) => this.onCompleteJoin(group),
      onExpirePendingSync: (group, generationId) => this.onExpirePendingSync(group, generationId),
    });
  }

  // ---------------------------------------------------------------- PreparingRebalance

  maybePrepareRebalance(group: GroupMetadata, cause: RebalanceCause, reason: string): void {
    if (group.canRebalance) this.prepareRebalance(group, cause, reason);
  }

  prepareRebalance(group: GroupMetadata, cause: RebalanceCause, reason: string): void {
    if (group.is('CompletingRebalance')) this.resetAndPropagateAssignmentError(group, ErrorCode.REBALANCE_IN_PROGRESS);
    this.rebalancePurgatory.removeSyncExpiration(group);
    const wasEmpty = group.is('Empty');
    const rebalanceTimeoutMs = group.rebalanceTimeoutMs;
    group.transitionTo('PreparingRebalance', this.now());
    this.history.rebalanceStarted(group, cause, reason);
    this.logger.info({ group: group.groupId, generation: group.generationId, reason }, 'preparing to rebalance group');
    if (wasEmpty) {
      const delay = this.config.groupInitialRebalanceDelayMs;
      this.rebalancePurgatory.scheduleInitialJoin(group, delay, Math.max(rebalanceTimeoutMs - delay, 0));
    } else this.rebalancePurgatory.scheduleDelayedJoin(group, rebalanceTimeoutMs);
  }

  // ---------------------------------------------------------------- the next generation

  private onCompleteJoin(group: GroupMetadata): void {
    for (const m of group.notYetRejoinedMembers()) {
      if (m.isStaticMember) continue;
      group.remove(m.memberId);
      this.heartbeatPurgatory.removeHeartbeatForLeavingMember(m);
      this.history.memberLeft(group, m, 'rejoin-timeout');
    }
    if (group.is('Dead')) return;
    if (!group.maybeElectNewJoinedLeader() && group.size > 0) {
      // Nobody rejoined: wait another round for session timeouts to clear the group out.
      this.logger.error({ group: group.groupId }, 'could not complete rebalance because no members rejoined');
      this.rebalancePurgatory.scheduleDelayedJoin(group, group.rebalanceTimeoutMs);
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
      this.heartbeatPurgatory.completeAndScheduleNextHeartbeatExpiration(group, member);
      member.isNew = false;
      group.addPendingSyncMember(member.memberId);
    }
    this.rebalancePurgatory.schedulePendingSync(group);
  }

  // ---------------------------------------------------------------- assignments

  resetAndPropagateAssignmentError(group: GroupMetadata, error: number): void {
    for (const m of group.members.values()) m.assignment = Buffer.alloc(0);
    this.propagateAssignment(group, error);
  }

  propagateAssignment(group: GroupMetadata, error: number): void {
    const ok = error === ErrorCode.NONE;
    for (const m of group.members.values()) {
      const answered = group.maybeInvokeSyncCallback(m, {
        protocolType: ok ? group.protocolType : null,
        protocolName: ok ? group.protocolName : null,
        assignment: m.assignment,
        error,
      });
      // a session that expired while the member waited must start afresh
      if (answered) this.heartbeatPurgatory.completeAndScheduleNextHeartbeatExpiration(group, m);
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
        this.heartbeatPurgatory.removeHeartbeatForLeavingMember(m);
        this.history.memberLeft(group, m, 'sync-timeout');
      }
    }
    this.prepareRebalance(group, 'sync-timeout', `Removing ${pending.join(', ')} on pending sync request expiration`);
  }

  // ---------------------------------------------------------------- members leaving

  removeMemberAndUpdateGroup(group: GroupMetadata, member: MemberMetadata, why: LeaveReason): void {
    // A new member parked in JoinGroup learns it is gone (and will rejoin if still alive).
    group.maybeInvokeJoinCallback(member, joinError('', ErrorCode.UNKNOWN_MEMBER_ID));
    group.remove(member.memberId);
    this.history.memberLeft(group, member, why);
    switch (group.state) {
      case 'Stable':
      case 'CompletingRebalance':
        return this.maybePrepareRebalance(group, why, `removing member ${member.memberId} (${why})`);
      case 'PreparingRebalance':
        return this.rebalancePurgatory.checkJoin(group);
      default:
        return;
    }
  }

  removePendingMemberAndUpdateGroup(group: GroupMetadata, memberId: string): void {
    group.remove(memberId);
    this.heartbeatPurgatory.removePendingMemberExpiration(group, memberId);
    if (group.is('PreparingRebalance')) this.rebalancePurgatory.checkJoin(group);
  }

  private onExpireHeartbeat(group: GroupMetadata, memberId: string): void {
    if (group.is('Dead')) return;
    const member = group.members.get(memberId);
    if (member === undefined || member.hasSatisfiedHeartbeat) return;
    this.logger.info({ group: group.groupId, member: memberId }, 'member failed to heartbeat within its session timeout; removing it');
    this.removeMemberAndUpdateGroup(group, member, 'session-timeout');
  }

  private onExpirePendingMember(group: GroupMetadata, memberId: string): void {
    if (!group.is('Dead') && group.isPendingMember(memberId)) this.removePendingMemberAndUpdateGroup(group, memberId);
  }

  /** Cancels every timer of a group leaving this coordinator. */
  clearTimers(group: GroupMetadata): void {
    this.rebalancePurgatory.clear(group);
    this.heartbeatPurgatory.clear(group);
  }
}
