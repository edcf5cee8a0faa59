// OffsetCommit v0-8. v0 carries group and offsets only (Kafka kept v0 commits in ZooKeeper; tarn has
// none and stores them like any other version, so every OffsetFetch version reads them); v1 adds
// generation_id, member_id and a per-partition commit_timestamp (-1: now); v2-4 replace it with
// retention_time_ms (-1: offsets.retention.minutes applies; otherwise the commit carries its own
// expire timestamp and is written as value v1); v3 throttle_time_ms; v5 drops retention_time_ms;
// v6 committed_leader_epoch; v7 group_instance_id (static members, FENCED_INSTANCE_ID); v8 is
// flexible; v9 is v8 for classic groups (the generation field is named for KIP-848's member epoch,
// which tarn's classic groups do not have). Partitions of unknown topics get UNKNOWN_TOPIC_OR_PARTITION; the others are committed
// together in one record batch and answered once it is durable (offsets.commit.required.acks).
// With an authorizer (KafkaApis.handleOffsetCommitRequest): without READ on the group every
// partition answers GROUP_AUTHORIZATION_FAILED; without READ on a topic each of its partitions
// answers TOPIC_AUTHORIZATION_FAILED, decided before whether the topic exists.
import { ApiKey, ErrorCode, OffsetCommitResponseTypes, type OffsetCommitRequestTypes } from '@tarn/protocol';
import type { Commit } from '../group/group-metadata-manager';
import { tpKey } from '../group/offset-and-metadata';
import { AclOperation, authorizedGroup, authorizedTopic } from './authorize';
import { defineHandler } from './handler';

/** Every partition asked for with one error (OffsetCommitRequest.getErrorResponse). */
function everyPartition(req: OffsetCommitRequestTypes.OffsetCommitRequest, code: number): OffsetCommitResponseTypes.OffsetCommitResponse {
  return {
    ...OffsetCommitResponseTypes.defaultOffsetCommitResponse(),
    topics: req.topics.map((t) => ({
      ...OffsetCommitResponseTypes.defaultOffsetCommitResponseTopic(),
      name: t.name,
      partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: code })),
    })),
  };
}

export const offsetCommit = defineHandler({
  apiKey: ApiKey.OffsetCommit,
  minVersion: 0,
  maxVersion: 9,
  async handle(ctx, req) {
    const { services, apiVersion: v } = ctx;
    if (!authorizedGroup(ctx, AclOperation.READ, req.groupId)) return everyPartition(req, ErrorCode.GROUP_AUTHORIZATION_FAILED);
    const now = Date.now();
    const errors = new Map<string, number>();
    const commits = new Map<string, Commit>();
    const expireTimestamp = v >= 2 && v <= 4 && req.retentionTimeMs !== -1n ? now + Number(req.retentionTimeMs) : null;
    for (const t of req.topics) {
      const readable = authorizedTopic(ctx, AclOperation.READ, t.name);
      const topic = services.metadata.topic(t.name);
      for (const p of t.partitions) {
        const key = tpKey(t.name, p.partitionIndex);
        if (!readable) {
          errors.set(key, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
          continue;
        }
        if (topic === undefined || p.partitionIndex < 0 || p.partitionIndex >= topic.partitions.length) {
          errors.set(key, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
          continue;
        }
        commits.set(key, {
          tp: { topic: t.name, partition: p.partitionIndex },
          om: {
            offset: p.committedOffset,
            leaderEpoch: v >= 6 ? p.committedLeaderEpoch : -1,
            metadata: p.committedMetadata ?? '',
            commitTimestamp: v === 1 && p.commitTimestamp !== -1n ? Number(p.commitTimestamp) : now,
            expireTimestamp,
          },
        });
      }
    }
    if (commits.size > 0) {
      const stored = await services.groupCoordinator.handleCommitOffsets(
        req.groupId,
        v >= 1 ? req.memberId : '',
        v >= 7 ? req.groupInstanceId : null,
        v >= 1 ? req.generationIdOrMemberEpoch : -1,
        [...commits.values()],
      );
      for (const [k, e] of stored) errors.set(k, e);
    }
    return {
      ...OffsetCommitResponseTypes.defaultOffsetCommitResponse(),
      topics: req.topics.map((t) => ({
        ...OffsetCommitResponseTypes.defaultOffsetCommitResponseTopic(),
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partitionIndex,
          errorCode: errors.get(tpKey(t.name, p.partitionIndex)) ?? ErrorCode.UNKNOWN_SERVER_ERROR,
        })),
      })),
    };
  },
  errorResponse: (req, code) => everyPartition(req, code),
});
