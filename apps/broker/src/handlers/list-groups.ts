// ListGroups v0-4. Every group this broker coordinates, with its protocol type (COORDINATOR_LOAD_IN_PROGRESS
// alongside the groups while an offsets partition is still loading). v1 adds throttle_time_ms; v2
// same as v1; v3 is flexible; v4 states_filter (case-insensitive; empty = all) and each group's state.
import { ApiKey, ListGroupsResponseTypes } from '@tarn/protocol';
import { defineHandler } from '../server/handler';

export const listGroups = defineHandler({
  apiKey: ApiKey.ListGroups,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, req) {
    const { error, groups } = ctx.broker.groupCoordinator.handleListGroups(ctx.apiVersion >= 4 ? req.statesFilter : []);
    return {
      ...ListGroupsResponseTypes.defaultListGroupsResponse(),
      errorCode: error,
      groups: groups.map((g) => ({ ...ListGroupsResponseTypes.defaultListedGroup(), groupId: g.groupId, protocolType: g.protocolType, groupState: g.state })),
    };
  },
  errorResponse: (_req, code) => ({ ...ListGroupsResponseTypes.defaultListGroupsResponse(), errorCode: code }),
});
