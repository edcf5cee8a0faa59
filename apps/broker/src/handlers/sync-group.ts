// SyncGroup v0-5. The leader sends every member's assignment, the others none; each gets its own.
// v1 adds throttle_time_ms; v2 same as v1; v3 group_instance_id (static members, FENCED_INSTANCE_ID);
// v4 is flexible; v5 makes protocol_type and protocol_name mandatory (missing:
// INCONSISTENT_GROUP_PROTOCOL), checks them against the group and echoes them in the answer.
// With an authorizer, syncing needs READ on the group, checked after v5's protocol fields as
// KafkaApis.handleSyncGroupRequest does: otherwise GROUP_AUTHORIZATION_FAILED.
import { ApiKey, ErrorCode, SyncGroupResponseTypes } from '@tarn/protocol';
import type { SyncGroupResult } from '../group/member-metadata';
import { AclOperation, authorizedGroup } from './authorize';
import { defineHandler } from './handler';

function response(r: SyncGroupResult, apiVersion: number): SyncGroupResponseTypes.SyncGroupResponse {
  return {
    ...SyncGroupResponseTypes.defaultSyncGroupResponse(),
    errorCode: r.error,
    protocolType: apiVersion >= 5 ? r.protocolType : null,
    protocolName: apiVersion >= 5 ? r.protocolName : null,
    assignment: r.assignment,
  };
}

const failed = (code: number, apiVersion: number) =>
  response({ protocolType: null, protocolName: null, assignment: Buffer.alloc(0), error: code }, apiVersion);

export const syncGroup = defineHandler({
  apiKey: ApiKey.SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, req) {
    const v = ctx.apiVersion;
    if (v >= 5 && (req.protocolType === null || req.protocolName === null)) return failed(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, v);
    if (!authorizedGroup(ctx, AclOperation.READ, req.groupId)) return failed(ErrorCode.GROUP_AUTHORIZATION_FAILED, v);
    const assignments = new Map<string, Buffer>();
    for (const a of req.assignments) assignments.set(a.memberId, Buffer.from(a.assignment));
    const result = await ctx.services.groupCoordinator.handleSyncGroup(req.groupId, {
      generationId: req.generationId,
      memberId: req.memberId,
      groupInstanceId: v >= 3 ? req.groupInstanceId : null,
      protocolType: v >= 5 ? req.protocolType : null,
      protocolName: v >= 5 ? req.protocolName : null,
      assignments,
    });
    return response(result, v);
  },
  errorResponse: (_req, code, _message, apiVersion) => failed(code, apiVersion),
});
