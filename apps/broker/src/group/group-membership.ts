/**
 * The classic rebalance protocol (the membership half of Kafka's GroupCoordinator): JoinGroup,
 * SyncGroup, Heartbeat and LeaveGroup on groups the coordinator has already validated. This is the
 * coordinator's one way in; the protocol is spread over
 *
 *   group-join.ts            JoinGroup: new, current and static members, and which joins rebalance
 *   group-sync.ts            SyncGroup: the leader's assignment stored, then handed to every member
 *   group-rebalance.ts       the rebalance itself: PreparingRebalance, the next generation, members
 *                            that leave or expire
 *   rebalance-purgatory.ts   the join and pending-sync timers (Kafka's rebalancePurgatory)
 *   heartbeat-purgatory.ts   the session and pending-member timers (Kafka's heartbeatPurgatory)
 *
 * Heartbeat and LeaveGroup are only a member check and a timer restart or a removal, so they stay
 * here. Parked requests are promises resolved by the callbacks Kafka keeps on each member.
 */
import { ErrorCode } from '@tarn/protocol';
import type { Logger } from '../logger';
import type { GroupConfig } from '../config/broker-config';
import type { GroupMetadata } from './group-metadata';
import type { GroupMetadataManager } from './group-metadata-manager';
import { GroupJoin, type JoinGroupParams } from './group-join';
import { GroupRebalance, type RebalanceCause } from './group-rebalance';
import { GroupSync, type SyncGroupParams } from './group-sync';
import type { JoinGroupResult, MemberMetadata, SyncGroupResult } from './member-metadata';
import type { RebalanceHistory } from './rebalance-history';
import { validateCurrentMember } from './validate-current-member';

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
  private readonly rebalance: GroupRebalance;
  private readonly joinGroup: GroupJoin;
  private readonly syncGroup: GroupSync;

  constructor(config: GroupConfig, manager: GroupMetadataManager, history: RebalanceHistory, logger: Logger, now: () => number) {
    this.rebalance = new GroupRebalance(config, manager, history, logger, now);
    this.joinGroup = new GroupJoin(config, manager, history, this.rebalance);
    this.syncGroup = new GroupSync(manager, history, this.rebalance, now);
  }

  join(group: GroupMetadata, p: JoinGroupParams): Promise<JoinGroupResult> {
    return this.joinGroup.join(group, p);
  }

  sync(group: GroupMetadata, p: SyncGroupParams): Promise<SyncGroupResult> {
    return this.syncGroup.sync(group, p);
  }

  /** A group.instance.id must map to the given member id (FENCED_INSTANCE_ID), and the member exist. */
  validateCurrentMember(group: GroupMetadata, memberId: string, groupInstanceId: string | null): number | null {
    return validateCurrentMember(group, memberId, groupInstanceId);
  }

  prepareRebalance(group: GroupMetadata, cause: RebalanceCause, reason: string): void {
    this.rebalance.prepareRebalance(group, cause, reason);
  }

  completeAndScheduleNextHeartbeatExpiration(group: GroupMetadata, member: MemberMetadata): void {
    this.rebalance.heartbeatPurgatory.completeAndScheduleNextHeartbeatExpiration(group, member);
  }

  /** Cancels every timer of a group leaving this coordinator. */
  clearTimers(group: GroupMetadata): void {
    this.rebalance.clearTimers(group);
  }

  // ---------------------------------------------------------------- Heartbeat, LeaveGroup

  heartbeat(group: GroupMetadata, memberId: string, groupInstanceId: string | null, generationId: number): number {
    if (group.is('Dead')) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const memberError = validateCurrentMember(group, memberId, groupInstanceId);
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
        this.rebalance.removePendingMemberAndUpdateGroup(group, l.memberId);
        return answer(ErrorCode.NONE);
      }
      const error = validateCurrentMember(group, l.memberId, l.groupInstanceId);
      if (error !== null) return answer(error);
      this.removeCurrentMember(group, l.memberId);
      return answer(ErrorCode.NONE);
    });
    return { topLevelError: ErrorCode.NONE, members };
  }

  private removeCurrentMember(group: GroupMetadata, memberId: string): void {
    const member = group.get(memberId);
    this.rebalance.removeMemberAndUpdateGroup(group, member, 'leave');
    this.rebalance.heartbeatPurgatory.removeHeartbeatForLeavingMember(member);
  }
}
