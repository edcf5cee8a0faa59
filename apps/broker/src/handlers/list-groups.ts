// ListGroups v0-5. Every group this broker coordinates, with its protocol type (COORDINATOR_LOAD_IN_PROGRESS
// alongside the groups while an offsets partition is still loading). v1 adds throttle_time_ms; v2
// same as v1; v3 is flexible; v4 states_filter (case-insensitive; empty = all) and each group's state;
// v5 types_filter (KIP-848; case-insensitive, empty = all) and each group's type. Every tarn group is
// a "classic" group, so a types filter without "classic" lists none. With an authorizer
// (KafkaApis.handleListGroupsRequest): DESCRIBE on the cluster lists every group, otherwise only
// the groups the principal may DESCRIBE — never an authorization error.
import { ApiKey, ListGroupsResponseTypes } from '@tarn/protocol';
import { AclOperation, authorizedGroup, authorizedOnCluster } from './authorize';
import { defineHandler } from './handler';

const CLASSIC = 'classic';

export const listGroups = defineHandler({
  apiKey: ApiKey.ListGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, req) {
    const { error, groups } = ctx.services.groupCoordinator.handleListGroups(ctx.apiVersion >= 4 ? req.statesFilter : []);
    const types = ctx.apiVersion >= 5 ? req.typesFilter.map((t) => t.toLowerCase()) : [];
    const visible = authorizedOnCluster(ctx, AclOperation.DESCRIBE)
      ? groups
      : groups.filter((g) => authorizedGroup(ctx, AclOperation.DESCRIBE, g.groupId));
    const listed = types.length === 0 || types.includes(CLASSIC) ? visible : [];
    return {
      ...ListGroupsResponseTypes.defaultListGroupsResponse(),
      errorCode: error,
      groups: listed.map((g) => ({
        ...ListGroupsResponseTypes.defaultListedGroup(),
        groupId: g.groupId,
        protocolType: g.protocolType,
        groupState: g.state,
        groupType: CLASSIC,
      })),
    };
  },
  errorResponse: (_req, code) => ({ ...ListGroupsResponseTypes.defaultListGroupsResponse(), errorCode: code }),
});
