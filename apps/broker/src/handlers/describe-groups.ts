// DescribeGroups v0-5. Per group: state, protocol type, protocol and members — with each member's
// metadata and assignment only while the group is Stable. An unknown group is described as Dead.
// v1 adds throttle_time_ms; v2 same as v1; v3 include_authorized_operations (with no authorizer,
// every group operation: READ, DELETE and DESCRIBE, as Kafka answers without one); v4 members'
// group_instance_id; v5 is flexible.
import { ApiKey, DescribeGroupsResponseTypes, ErrorCode } from '@tarn/protocol';
import { defineHandler } from './handler';

/** AclOperation READ (3), DELETE (6) and DESCRIBE (8) as Kafka's 32-bit field. */
const GROUP_OPERATIONS = (1 << 3) | (1 << 6) | (1 << 8);
const NOT_REQUESTED = -2147483648;

export const describeGroups = defineHandler({
  apiKey: ApiKey.DescribeGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, req) {
    const v = ctx.apiVersion;
    return {
      ...DescribeGroupsResponseTypes.defaultDescribeGroupsResponse(),
      groups: req.groups.map((groupId) => {
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
          authorizedOperations: v >= 3 && req.includeAuthorizedOperations && error === ErrorCode.NONE ? GROUP_OPERATIONS : NOT_REQUESTED,
        };
      }),
    };
  },
  errorResponse: (req, code) => ({
    ...DescribeGroupsResponseTypes.defaultDescribeGroupsResponse(),
    groups: req.groups.map((groupId) => ({ ...DescribeGroupsResponseTypes.defaultDescribedGroup(), groupId, errorCode: code })),
  }),
});
