/**
 * A classic group's session timers, standing in for Kafka's heartbeatPurgatory (DelayedHeartbeat):
 *
 *   session  a member not heard from within session.timeout.ms expires (members with a parked
 *            JoinGroup/SyncGroup are exempt; new members get 5 minutes to finish their first join)
 *   pending  a member id handed out with MEMBER_ID_REQUIRED expires after session.timeout.ms
 *
 * Each is a plain timer kept on the member (heartbeatTimer) or the group (pendingMemberTimers)
 * rather than an operation in a purgatory keyed by member. This only keeps time: what an expiry
 * does (remove the member, maybe rebalance) is the rebalance's (group-rebalance.ts), passed in as
 * callbacks so neither file imports the other.
 */
import type { GroupMetadata } from './group-metadata';
import type { MemberMetadata } from './member-metadata';

/** A member in a parked JoinGroup cannot heartbeat; should it vanish, this is how long it lingers. */
export const NEW_MEMBER_JOIN_TIMEOUT_MS = 5 * 60 * 1000;

export interface HeartbeatExpiry {
  /** DelayedHeartbeat.onExpiration: the member's deadline passed without a heartbeat. */
  onExpireHeartbeat(group: GroupMetadata, memberId: string): void;
  /** The pending member id was never used to join within its session timeout. */
  onExpirePendingMember(group: GroupMetadata, memberId: string): void;
}

export class HeartbeatPurgatory {
  constructor(private readonly expiry: HeartbeatExpiry) {}

  completeAndScheduleNextHeartbeatExpiration(group: GroupMetadata, member: MemberMetadata): void {
    this.completeAndScheduleNextExpiration(group, member, member.sessionTimeoutMs);
  }

  completeAndScheduleNextExpiration(group: GroupMetadata, member: MemberMetadata, timeoutMs: number): void {
    this.removeHeartbeatForLeavingMember(member);
    member.heartbeatSatisfied = false;
    if (member.hasSatisfiedHeartbeat) return; // parked in JoinGroup/SyncGroup: no deadline until answered
    const memberId = member.memberId;
    member.heartbeatTimer = setTimeout(() => {
      member.heartbeatTimer = null;
      this.expiry.onExpireHeartbeat(group, memberId);
    }, timeoutMs);
  }

  removeHeartbeatForLeavingMember(member: MemberMetadata): void {
    if (member.heartbeatTimer !== null) clearTimeout(member.heartbeatTimer);
    member.heartbeatTimer = null;
  }

  addPendingMemberExpiration(group: GroupMetadata, memberId: string, timeoutMs: number): void {
    group.pendingMemberTimers.set(
      memberId,
      setTimeout(() => {
        group.pendingMemberTimers.delete(memberId);
        this.expiry.onExpirePendingMember(group, memberId);
      }, timeoutMs),
    );
  }

  /** The pending member joined or left: its id no longer expires. */
  removePendingMemberExpiration(group: GroupMetadata, memberId: string): void {
    const t = group.pendingMemberTimers.get(memberId);
    if (t !== undefined) clearTimeout(t);
    group.pendingMemberTimers.delete(memberId);
  }

  /** Cancels the group's session and pending-member timers (the group leaves this coordinator). */
  clear(group: GroupMetadata): void {
    for (const t of group.pendingMemberTimers.values()) clearTimeout(t);
    group.pendingMemberTimers.clear();
    for (const m of group.members.values()) this.removeHeartbeatForLeavingMember(m);
  }
}
