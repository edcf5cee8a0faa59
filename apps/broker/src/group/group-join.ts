/**
 * JoinGroup on a group the coordinator has already validated (Kafka's GroupCoordinator:
 * handleJoinGroup, doNewMemberJoinGroup, doCurrentMemberJoinGroup, addMemberAndRebalance,
 * updateStaticMemberAndRebalance): whether the group has room (group.max.size), the member id a
 * new member gets (KIP-394: a dynamic member is told MEMBER_ID_REQUIRED and comes back with it), a
 * static member (KIP-345) taking over from its previous incarnation, and which joins start a
 * rebalance. The answer waits in the member's join callback until the join phase is over
 * (group-rebalance.ts).
 */
import { ErrorCode } from '@tarn/protocol';
import type { GroupConfig } from '../config/broker-config';
import { joinError, type GroupMetadata } from './group-metadata';
import type { GroupMetadataManager } from './group-metadata-manager';
import type { GroupRebalance, RebalanceCause } from './group-rebalance';
import { NEW_MEMBER_JOIN_TIMEOUT_MS, type HeartbeatPurgatory } from './heartbeat-purgatory';
import { MemberMetadata, type JoinCallback, type JoinGroupResult, type Protocol } from './member-metadata';
import type { RebalanceHistory } from './rebalance-history';
import { validateCurrentMember } from './validate-current-member';

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

export class GroupJoin {
  private readonly heartbeats: HeartbeatPurgatory;

  constructor(
    private readonly config: GroupConfig,
    private readonly manager: GroupMetadataManager,
    private readonly history: RebalanceHistory,
    private readonly rebalance: GroupRebalance,
  ) {
    this.heartbeats = rebalance.heartbeatPurgatory;
  }

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
      if (group.is('PreparingRebalance')) this.rebalance.rebalancePurgatory.checkJoin(group);
    });
  }

  private doNewMemberJoinGroup(group: GroupMetadata, p: JoinGroupParams, respond: JoinCallback): void {
    if (group.is('Dead')) return respond(joinError('', ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (!group.supportsProtocols(p.protocolType, new Set(p.protocols.map((x) => x.name))))
      return respond(joinError('', ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    const newMemberId = `${p.groupInstanceId ?? p.clientId}-${crypto.randomUUID()}`;
    if (p.groupInstanceId !== null) {
      const oldMemberId = group.currentStaticMemberId(p.groupInstanceId);
      if (oldMemberId !== undefined) return this.updateStaticMemberAndRebalance(group, oldMemberId, newMemberId, p, respond);
      return this.addMemberAndRebalance(group, newMemberId, p, respond);
    }
    if (p.requireKnownMemberId) {
      // KIP-394: hand out a member id and have the client join again with it.
      group.addPendingMember(newMemberId);
      this.heartbeats.addPendingMemberExpiration(group, newMemberId, p.sessionTimeoutMs);
      return respond(joinError(newMemberId, ErrorCode.MEMBER_ID_REQUIRED));
    }
    this.addMemberAndRebalance(group, newMemberId, p, respond);
  }

  private doCurrentMemberJoinGroup(group: GroupMetadata, p: JoinGroupParams, respond: JoinCallback): void {
    if (group.is('Dead')) return respond(joinError(p.memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (!group.supportsProtocols(p.protocolType, new Set(p.protocols.map((x) => x.name))))
      return respond(joinError(p.memberId, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    if (group.isPendingMember(p.memberId)) {
      if (p.groupInstanceId !== null) return respond(joinError(p.memberId, ErrorCode.UNKNOWN_SERVER_ERROR));
      return this.addMemberAndRebalance(group, p.memberId, p, respond);
    }
    const error = validateCurrentMember(group, p.memberId, p.groupInstanceId);
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
        return this.updateMemberAndRebalance(
          group,
          member,
          p.protocols,
          respond,
          'metadata-change',
          `Member ${member.memberId} joining group during ${group.state}; client reason: ${p.reason}`,
        );
      case 'CompletingRebalance':
        // the same metadata again: it missed the JoinGroup answer, so it gets the current one
        if (member.matches(p.protocols)) return respond(current(group.isLeader(p.memberId) ? group.currentMemberMetadata() : []));
        return this.updateMemberAndRebalance(
          group,
          member,
          p.protocols,
          respond,
          'metadata-change',
          `Updating metadata for member ${member.memberId} during ${group.state}; client reason: ${p.reason}`,
        );
      case 'Stable':
        // the leader rejoining forces a rebalance: that is how it reacts to topic metadata changes
        if (group.isLeader(p.memberId))
          return this.updateMemberAndRebalance(
            group,
            member,
            p.protocols,
            respond,
            'leader-rejoin',
            `Leader ${member.memberId} re-joining group during ${group.state}; client reason: ${p.reason}`,
          );
        if (!member.matches(p.protocols))
          return this.updateMemberAndRebalance(
            group,
            member,
            p.protocols,
            respond,
            'metadata-change',
            `Updating metadata for member ${member.memberId} during ${group.state}; client reason: ${p.reason}`,
          );
        return respond(current([]));
      case 'Empty':
      case 'Dead':
        return respond(joinError(p.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    }
  }

  private addMemberAndRebalance(group: GroupMetadata, memberId: string, p: JoinGroupParams, respond: JoinCallback): void {
    const member = new MemberMetadata(
      memberId,
      p.groupInstanceId,
      p.clientId,
      p.clientHost,
      p.rebalanceTimeoutMs,
      p.sessionTimeoutMs,
      p.protocolType,
      p.protocols,
    );
    member.isNew = true;
    if (group.is('PreparingRebalance') && group.generationId === 0) group.newMemberAdded = true;
    this.heartbeats.removePendingMemberExpiration(group, memberId);
    group.add(member, respond);
    this.history.memberJoined(group, member, p.reason);
    // A member in a parked JoinGroup cannot heartbeat; should it vanish, it must not linger forever.
    this.heartbeats.completeAndScheduleNextExpiration(group, member, NEW_MEMBER_JOIN_TIMEOUT_MS);
    this.rebalance.maybePrepareRebalance(
      group,
      'join',
      `Adding new member ${memberId} with group instance id ${p.groupInstanceId}; client reason: ${p.reason}`,
    );
  }

  private updateStaticMemberAndRebalance(
    group: GroupMetadata,
    oldMemberId: string,
    newMemberId: string,
    p: JoinGroupParams,
    respond: JoinCallback,
  ): void {
    const currentLeader = group.leaderId ?? '';
    const member = group.replaceStaticMember(p.groupInstanceId!, oldMemberId, newMemberId);
    this.history.memberReplaced(group, oldMemberId, member);
    this.heartbeats.completeAndScheduleNextHeartbeatExpiration(group, member);
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
              this.heartbeats.completeAndScheduleNextHeartbeatExpiration(group, old);
              respond({
                ...joinError('', error),
                generationId: group.generationId,
                protocolType: group.protocolType,
                protocolName: group.protocolName,
                leaderId: currentLeader,
              });
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
          this.rebalance.maybePrepareRebalance(
            group,
            'static-member-replacement',
            `Group's selectedProtocol will change because static member ${member.memberId} with instance id ${p.groupInstanceId} joined with change of protocol; client reason: ${p.reason}`,
          );
        }
        return;
      }
      case 'CompletingRebalance':
        return this.rebalance.prepareRebalance(
          group,
          'static-member-replacement',
          `Updating metadata for static member ${member.memberId} with instance id ${p.groupInstanceId}; client reason: ${p.reason}`,
        );
      case 'PreparingRebalance':
        return;
      case 'Empty':
      case 'Dead':
        throw new Error(
          `Group ${group.groupId} was not supposed to be in the state ${group.state} when the unknown static member ${p.groupInstanceId} rejoins.`,
        );
    }
  }

  private updateMemberAndRebalance(
    group: GroupMetadata,
    member: MemberMetadata,
    protocols: Protocol[],
    respond: JoinCallback,
    cause: RebalanceCause,
    reason: string,
  ): void {
    group.updateMember(member, protocols, respond);
    this.rebalance.maybePrepareRebalance(group, cause, reason);
  }
}
