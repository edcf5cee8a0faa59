// LeaveGroup v0-4. v0-2 name one member_id and get one error code (the group's error, else the
// member's); v1 adds throttle_time_ms; v3 takes a batch of members — by member id, or by
// group_instance_id alone for administrative removal of static members (KIP-345) — answered per
// member; v4 is flexible; v5 gives each leaving member a reason (KIP-800). With an authorizer,
// leaving needs READ on the group (KafkaApis.handleLeaveGroupRequest): otherwise the top-level
// GROUP_AUTHORIZATION_FAILED and no members.
import { ApiKey, ErrorCode, LeaveGroupResponseTypes } from '@tarn/protocol';
import type { LeaveResult } from '../group/group-membership';
import { AclOperation, authorizedGroup } from './authorize';
import { defineHandler } from './handler';

function response(r: LeaveResult, apiVersion: number): LeaveGroupResponseTypes.LeaveGroupResponse {
  if (apiVersion <= 2) {
    const memberError = r.members.find((m) => m.error !== ErrorCode.NONE)?.error ?? ErrorCode.NONE;
    return {
      ...LeaveGroupResponseTypes.defaultLeaveGroupResponse(),
      errorCode: r.topLevelError !== ErrorCode.NONE ? r.topLevelError : memberError,
    };
  }
  return {
    ...LeaveGroupResponseTypes.defaultLeaveGroupResponse(),
    errorCode: r.topLevelError,
    members: r.members.map((m) => ({
      ...LeaveGroupResponseTypes.defaultMemberResponse(),
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      errorCode: m.error,
    })),
  };
}

export const leaveGroup = defineHandler({
  apiKey: ApiKey.LeaveGroup,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, req) {
    const v = ctx.apiVersion;
    if (!authorizedGroup(ctx, AclOperation.READ, req.groupId))
      return response({ topLevelError: ErrorCode.GROUP_AUTHORIZATION_FAILED, members: [] }, v);
    const leaving =
      v <= 2
        ? [{ memberId: req.memberId, groupInstanceId: null, reason: null }]
        : req.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, reason: m.reason }));
    return response(ctx.services.groupCoordinator.handleLeaveGroup(req.groupId, leaving), v);
  },
  errorResponse: (_req, code, _message, apiVersion) => response({ topLevelError: code, members: [] }, apiVersion),
});
