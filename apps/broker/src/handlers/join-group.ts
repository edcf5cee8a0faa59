// JoinGroup v0-7. v0 has no rebalance_timeout_ms (the session timeout bounds the join phase too);
// v1 adds it; v2 throttle_time_ms; v3 same as v2; v4 requires a known member id: a new dynamic member
// first gets MEMBER_ID_REQUIRED with the id it must join with (KIP-394); v5 group_instance_id —
// static membership (KIP-345), FENCED_INSTANCE_ID — and members' instance ids in the answer; v6 is
// flexible; v7 answers protocol_type and lets protocol_name be null; v8 carries the member's reason
// for joining (KIP-800), kept in the rebalance history; v9 answers a static leader rejoining a Stable
// group with the members and skip_assignment (KIP-814) instead of the old leader id. Earlier versions get ""
// where v7 would say null. With an authorizer, joining needs READ on the group (KafkaApis.handleJoinGroupRequest):
// otherwise GROUP_AUTHORIZATION_FAILED, answered as JoinGroupRequest.getErrorResponse does (no member id).
import { ApiKey, ErrorCode, JoinGroupResponseTypes } from '@tarn/protocol';
import type { JoinGroupResult } from '../group/member-metadata';
import { AclOperation, authorizedGroup } from './authorize';
import { defineHandler } from './handler';

function response(r: JoinGroupResult, apiVersion: number): JoinGroupResponseTypes.JoinGroupResponse {
  return {
    ...JoinGroupResponseTypes.defaultJoinGroupResponse(),
    errorCode: r.error,
    generationId: r.generationId,
    protocolType: apiVersion >= 7 ? r.protocolType : null,
    protocolName: apiVersion >= 7 ? r.protocolName : (r.protocolName ?? ''),
    leader: r.leaderId,
    memberId: r.memberId,
    members: r.members.map((m) => ({ ...m, groupInstanceId: apiVersion >= 5 ? m.groupInstanceId : null })),
    skipAssignment: apiVersion >= 9 && r.skipAssignment,
  };
}

/**
 * A protocol named twice counts once, with its first (preferred) metadata, as Kafka's protocol
 * collection finds it by name: counted twice it could never be supported by every member, and the
 * group could not pick a protocol. Copies: the request frame's memory is not ours to keep.
 */
function distinctProtocols(protocols: ReadonlyArray<{ name: string; metadata: Buffer }>): Array<{ name: string; metadata: Buffer }> {
  const seen = new Set<string>();
  const out = [];
  for (const p of protocols) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    // a buffer of its own: Buffer.from would take a slice of Node's shared 8 KiB pool, and a
    // long-lived member would keep the whole slab alive
    const metadata = Buffer.allocUnsafeSlow(p.metadata.length);
    p.metadata.copy(metadata);
    out.push({ name: p.name, metadata });
  }
  return out;
}

export const joinGroup = defineHandler({
  apiKey: ApiKey.JoinGroup,
  minVersion: 0,
  maxVersion: 9,
  async handle(ctx, req) {
    const v = ctx.apiVersion;
    if (!authorizedGroup(ctx, AclOperation.READ, req.groupId)) {
      return response(
        {
          members: [],
          memberId: '',
          generationId: -1,
          protocolType: null,
          protocolName: null,
          leaderId: '',
          skipAssignment: false,
          error: ErrorCode.GROUP_AUTHORIZATION_FAILED,
        },
        v,
      );
    }
    const groupInstanceId = v >= 5 ? req.groupInstanceId : null;
    const result = await ctx.services.groupCoordinator.handleJoinGroup({
      groupId: req.groupId,
      memberId: req.memberId,
      groupInstanceId,
      requireKnownMemberId: v >= 4 && groupInstanceId === null,
      clientId: ctx.header.clientId ?? '',
      clientHost: `/${ctx.connection.socket.remoteAddress ?? ''}`,
      rebalanceTimeoutMs: v === 0 ? req.sessionTimeoutMs : req.rebalanceTimeoutMs,
      sessionTimeoutMs: req.sessionTimeoutMs,
      protocolType: req.protocolType,
      protocols: distinctProtocols(req.protocols),
      reason: req.reason ?? 'not provided',
      supportSkippingAssignment: v >= 9,
    });
    return response(result, v);
  },
  errorResponse: (req, code, _message, apiVersion) =>
    response(
      {
        members: [],
        memberId: req.memberId,
        generationId: -1,
        protocolType: null,
        protocolName: null,
        leaderId: '',
        skipAssignment: false,
        error: code,
      },
      apiVersion,
    ),
});
