// Heartbeat v0-4. Keeps a member's session alive and tells it when to rejoin
// (REBALANCE_IN_PROGRESS). v1 adds throttle_time_ms; v2 same as v1; v3 group_instance_id (static
// members, FENCED_INSTANCE_ID); v4 is flexible. While the group's partition is loading the answer
// is NONE, as Kafka gives it. With an authorizer, a heartbeat needs READ on the group
// (KafkaApis.handleHeartbeatRequest): otherwise GROUP_AUTHORIZATION_FAILED.
import { ApiKey, ErrorCode, HeartbeatResponseTypes } from '@tarn/protocol';
import { AclOperation, authorizedGroup } from './authorize';
import { defineHandler } from './handler';

export const heartbeat = defineHandler({
  apiKey: ApiKey.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, req) {
    if (!authorizedGroup(ctx, AclOperation.READ, req.groupId))
      return { ...HeartbeatResponseTypes.defaultHeartbeatResponse(), errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED };
    const errorCode = ctx.services.groupCoordinator.handleHeartbeat(
      req.groupId,
      req.memberId,
      ctx.apiVersion >= 3 ? req.groupInstanceId : null,
      req.generationId,
    );
    return { ...HeartbeatResponseTypes.defaultHeartbeatResponse(), errorCode };
  },
  errorResponse: (_req, code) => ({ ...HeartbeatResponseTypes.defaultHeartbeatResponse(), errorCode: code }),
});
