// OffsetDelete v0 (KIP-496): deletes a group's committed offsets. An Empty group loses any of them;
// a consumer group with members only those of topics no member subscribes to (the others:
// GROUP_SUBSCRIBED_TO_TOPIC); any other group with members is NON_EMPTY_GROUP. Unknown topics are
// UNKNOWN_TOPIC_OR_PARTITION; a group-level error answers with no topics. With an authorizer
// (KafkaApis.handleOffsetDeleteRequest): without DELETE on the group the answer is the group-level
// GROUP_AUTHORIZATION_FAILED; without READ on a topic each of its partitions answers
// TOPIC_AUTHORIZATION_FAILED, decided before whether the topic exists.
import { ApiKey, ErrorCode, OffsetDeleteResponseTypes } from '@tarn/protocol';
import { tpKey } from '../group/offset-and-metadata';
import { AclOperation, authorizedGroup, authorizedTopic } from './authorize';
import { defineHandler } from './handler';

export const offsetDelete = defineHandler({
  apiKey: ApiKey.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, req) {
    const { services } = ctx;
    if (!authorizedGroup(ctx, AclOperation.DELETE, req.groupId))
      return { ...OffsetDeleteResponseTypes.defaultOffsetDeleteResponse(), errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED };
    const errors = new Map<string, number>();
    const tps = [];
    for (const t of req.topics) {
      const readable = authorizedTopic(ctx, AclOperation.READ, t.name);
      const topic = services.metadata.topic(t.name);
      for (const p of t.partitions) {
        if (!readable) errors.set(tpKey(t.name, p.partitionIndex), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
        else if (topic === undefined || p.partitionIndex < 0 || p.partitionIndex >= topic.partitions.length)
          errors.set(tpKey(t.name, p.partitionIndex), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        else tps.push({ topic: t.name, partition: p.partitionIndex });
      }
    }
    const { error, partitions } = services.groupCoordinator.handleDeleteOffsets(req.groupId, tps);
    if (error !== ErrorCode.NONE) return { ...OffsetDeleteResponseTypes.defaultOffsetDeleteResponse(), errorCode: error };
    for (const [k, e] of partitions) errors.set(k, e);
    return {
      ...OffsetDeleteResponseTypes.defaultOffsetDeleteResponse(),
      topics: req.topics.map((t) => ({
        ...OffsetDeleteResponseTypes.defaultOffsetDeleteResponseTopic(),
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partitionIndex,
          errorCode: errors.get(tpKey(t.name, p.partitionIndex)) ?? ErrorCode.NONE,
        })),
      })),
    };
  },
  errorResponse: (_req, code) => ({ ...OffsetDeleteResponseTypes.defaultOffsetDeleteResponse(), errorCode: code }),
});
