/**
 * The member check JoinGroup, SyncGroup, Heartbeat, LeaveGroup and OffsetCommit share (Kafka's
 * GroupCoordinator.validateCurrentMember). A static member (KIP-345) is known by its
 * group.instance.id; a request that names the id with another member id comes from an instance a
 * rejoin has replaced, and FENCED_INSTANCE_ID keeps two instances from acting as one member.
 */
import { ErrorCode } from '@tarn/protocol';
import type { GroupMetadata } from './group-metadata';

/** A group.instance.id must map to the given member id (FENCED_INSTANCE_ID), and the member exist. */
export function validateCurrentMember(group: GroupMetadata, memberId: string, groupInstanceId: string | null): number | null {
  if (groupInstanceId !== null) {
    const current = group.currentStaticMemberId(groupInstanceId);
    if (current === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (current !== memberId) return ErrorCode.FENCED_INSTANCE_ID;
    return null;
  }
  return group.has(memberId) ? null : ErrorCode.UNKNOWN_MEMBER_ID;
}
