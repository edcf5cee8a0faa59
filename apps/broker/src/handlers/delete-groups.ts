// DeleteGroups v0-2. Deletes Empty groups with their offsets (tombstones in __consumer_offsets);
// a group with members is NON_EMPTY_GROUP, an unknown one GROUP_ID_NOT_FOUND. v1 is the same as
// v0; v2 is flexible. A group named twice is answered once. With an authorizer
// (KafkaApis.handleDeleteGroupsRequest) each group needs DELETE; the others answer
// GROUP_AUTHORIZATION_FAILED, after the deleted ones.
import { ApiKey, DeleteGroupsResponseTypes, ErrorCode } from '@tarn/protocol';
import { AclOperation, authorizedGroup } from './authorize';
import { defineHandler } from './handler';

export const deleteGroups = defineHandler({
  apiKey: ApiKey.DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, req) {
    const allowed: string[] = [];
    const denied: string[] = [];
    for (const groupId of new Set(req.groupsNames)) (authorizedGroup(ctx, AclOperation.DELETE, groupId) ? allowed : denied).push(groupId);
    const errors = ctx.services.groupCoordinator.handleDeleteGroups(allowed);
    for (const groupId of denied) errors.set(groupId, ErrorCode.GROUP_AUTHORIZATION_FAILED);
    return {
      ...DeleteGroupsResponseTypes.defaultDeleteGroupsResponse(),
      results: [...errors].map(([groupId, errorCode]) => ({
        ...DeleteGroupsResponseTypes.defaultDeletableGroupResult(),
        groupId,
        errorCode,
      })),
    };
  },
  errorResponse: (req, code) => ({
    ...DeleteGroupsResponseTypes.defaultDeleteGroupsResponse(),
    results: [...new Set(req.groupsNames)].map((groupId) => ({
      ...DeleteGroupsResponseTypes.defaultDeletableGroupResult(),
      groupId,
      errorCode: code,
    })),
  }),
});
