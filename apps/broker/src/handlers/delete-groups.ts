// DeleteGroups v0-2. Deletes Empty groups with their offsets (tombstones in __consumer_offsets);
// a group with members is NON_EMPTY_GROUP, an unknown one GROUP_ID_NOT_FOUND. v1 is the same as
// v0; v2 is flexible. A group named twice is answered once.
import { ApiKey, DeleteGroupsResponseTypes } from '@tarn/protocol';
import { defineHandler } from './handler';

export const deleteGroups = defineHandler({
  apiKey: ApiKey.DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, req) {
    const errors = ctx.services.groupCoordinator.handleDeleteGroups([...new Set(req.groupsNames)]);
    return {
      ...DeleteGroupsResponseTypes.defaultDeleteGroupsResponse(),
      results: [...errors].map(([groupId, errorCode]) => ({ ...DeleteGroupsResponseTypes.defaultDeletableGroupResult(), groupId, errorCode })),
    };
  },
  errorResponse: (req, code) => ({
    ...DeleteGroupsResponseTypes.defaultDeleteGroupsResponse(),
    results: [...new Set(req.groupsNames)].map((groupId) => ({ ...DeleteGroupsResponseTypes.defaultDeletableGroupResult(), groupId, errorCode: code })),
  }),
});
