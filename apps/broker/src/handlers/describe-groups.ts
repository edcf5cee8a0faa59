// DescribeGroups v0-5. Per group: state, protocol type, protocol and members — with each member's
// metadata and assignment only while the group is Stable. An unknown group is described as Dead.
// v1 adds throttle_time_ms; v2 same as v1; v3 include_authorized_operations: the group operations
// (READ, DESCRIBE, DELETE) the principal may perform — all three without an authorizer, as Kafka
// answers without one; v4 members' group_instance_id; v5 is flexible.
// With an authorizer (KafkaApis.handleDescribeGroupsRequest) each group needs DESCRIBE; the others
// answer GROUP_AUTHORIZATION_FAILED with nothing else (DescribeGroupsResponse.groupError), listed
// before the described ones as Kafka lists them.
import { ApiKey, DescribeGroupsResponseTypes, ErrorCode } from '@tarn/protocol';
import { supportedOperations } from '../security/authorizer';
import { AclOperation, ResourceType, authorized, authorizedGroup } from './authorize';
import { defineHandler, type RequestContext } from './handler';

const NOT_REQUESTED = -2147483648;

/** AuthHelper.authorizedOperations: the supported group operations allowed, as Kafka's 32-bit field. */
function authorizedOperations(ctx: RequestContext, groupId: string): number {
  let bits = 0;
  for (const op of supportedOperations(ResourceType.GROUP)) if (authorized(ctx, op, ResourceType.GROUP, groupId)) bits |= 1 << op;
  return bits;
}

export const describeGroups = defineHandler({
  apiKey: ApiKey.DescribeGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, req) {
    const v = ctx.apiVersion;
    const allowed: string[] = [];
    const denied: string[] = [];
    for (const groupId of req.groups) (authorizedGroup(ctx, AclOperation.DESCRIBE, groupId) ? allowed : denied).push(groupId);
    const described = allowed.map((groupId) => {
      const { error, summary } = ctx.services.groupCoordinator.handleDescribeGroup(groupId);
      return {
        ...DescribeGroupsResponseTypes.defaultDescribedGroup(),
        errorCode: error,
        groupId,
        groupState: summary.state,
        protocolType: summary.protocolType,
        protocolData: summary.protocol,
        members: summary.members.map((m) => ({
          ...DescribeGroupsResponseTypes.defaultDescribedGroupMember(),
          memberId: m.memberId,
          groupInstanceId: v >= 4 ? m.groupInstanceId : null,
          clientId: m.clientId,
          clientHost: m.clientHost,
          memberMetadata: m.metadata,
          memberAssignment: m.assignment,
        })),
        authorizedOperations:
          v >= 3 && req.includeAuthorizedOperations && error === ErrorCode.NONE ? authorizedOperations(ctx, groupId) : NOT_REQUESTED,
      };
    });
    return {
      ...DescribeGroupsResponseTypes.defaultDescribeGroupsResponse(),
      groups: [
        ...denied.map((groupId) => ({
          ...DescribeGroupsResponseTypes.defaultDescribedGroup(),
          groupId,
          errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
        })),
        ...described,
      ],
    };
  },
  errorResponse: (req, code) => ({
    ...DescribeGroupsResponseTypes.defaultDescribeGroupsResponse(),
    groups: req.groups.map((groupId) => ({ ...DescribeGroupsResponseTypes.defaultDescribedGroup(), groupId, errorCode: code })),
  }),
});
