// TxnOffsetCommit v0-4 (KIP-98): a transactional producer commits a consumer group's offsets as part
// of its transaction; they become the group's committed offsets only when the transaction commits
// (GroupCoordinator.onTxnCompletion) and are dropped when it aborts. v1 is v0 (throttling after the
// response); v2 adds committed_leader_epoch; v3 is flexible and adds generation_id, member_id and
// group_instance_id (KIP-447: the producer is fenced like the consumer it commits for —
// ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID); v4 lets the broker answer KIP-890's
// TRANSACTION_ABORTABLE, which only a transaction verification can produce. v0-1 clients (before
// KAFKA-7296) do not retry COORDINATOR_LOAD_IN_PROGRESS: they get COORDINATOR_NOT_AVAILABLE instead.
// Partitions of unknown topics or partitions answer UNKNOWN_TOPIC_OR_PARTITION; the others are
// written together in one transactional batch and answered once it is durable.
// Authorization (KafkaApis.handleTxnOffsetCommitRequest, with or without an authorizer): WRITE on
// the transactional id, else every partition answers TRANSACTIONAL_ID_AUTHORIZATION_FAILED; then
// READ on the group, else GROUP_AUTHORIZATION_FAILED; then READ on each topic, else its partitions
// answer TOPIC_AUTHORIZATION_FAILED, decided before whether the topic exists.
import { ApiKey, ErrorCode, TxnOffsetCommitResponseTypes, type TxnOffsetCommitRequestTypes } from '@tarn/protocol';
import type { Commit } from '../group/group-metadata-manager';
import { tpKey } from '../group/offset-and-metadata';
import { AclOperation, ResourceType, authorized, authorizedGroup, authorizedTopic } from './authorize';
import { defineHandler } from './handler';

type Request = TxnOffsetCommitRequestTypes.TxnOffsetCommitRequest;
type Response = TxnOffsetCommitResponseTypes.TxnOffsetCommitResponse;

/** Every partition asked for, each with the error `errorOf` gives it. */
function answer(req: Request, errorOf: (topic: string, partition: number) => number): Response {
  return {
    ...TxnOffsetCommitResponseTypes.defaultTxnOffsetCommitResponse(),
    topics: req.topics.map((t) => ({
      ...TxnOffsetCommitResponseTypes.defaultTxnOffsetCommitResponseTopic(),
      name: t.name,
      partitions: t.partitions.map((p) => ({
        ...TxnOffsetCommitResponseTypes.defaultTxnOffsetCommitResponsePartition(),
        partitionIndex: p.partitionIndex,
        errorCode: errorOf(t.name, p.partitionIndex),
      })),
    })),
  };
}

export const txnOffsetCommit = defineHandler({
  apiKey: ApiKey.TxnOffsetCommit,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, req) {
    const { services, apiVersion: v } = ctx;
    if (!authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, req.transactionalId))
      return answer(req, () => ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    if (!authorizedGroup(ctx, AclOperation.READ, req.groupId)) return answer(req, () => ErrorCode.GROUP_AUTHORIZATION_FAILED);
    const now = Date.now();
    const errors = new Map<string, number>();
    const commits = new Map<string, Commit>();
    for (const t of req.topics) {
      const readable = authorizedTopic(ctx, AclOperation.READ, t.name);
      const topic = services.metadata.topic(t.name);
      for (const p of t.partitions) {
        const key = tpKey(t.name, p.partitionIndex);
        if (!readable) errors.set(key, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
        else if (topic === undefined || p.partitionIndex < 0 || p.partitionIndex >= topic.partitions.length)
          errors.set(key, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        else
          commits.set(key, {
            tp: { topic: t.name, partition: p.partitionIndex },
            om: {
              offset: p.committedOffset,
              leaderEpoch: v >= 2 ? p.committedLeaderEpoch : -1,
              metadata: p.committedMetadata ?? '',
              commitTimestamp: now,
              expireTimestamp: null,
            },
          });
      }
    }
    if (commits.size > 0) {
      const stored = await services.groupCoordinator.handleTxnCommitOffsets({
        groupId: req.groupId,
        transactionalId: req.transactionalId,
        producerId: Number(req.producerId),
        producerEpoch: req.producerEpoch,
        memberId: req.memberId,
        groupInstanceId: req.groupInstanceId,
        generationId: req.generationId,
        apiVersion: v,
        commits: [...commits.values()],
      });
      for (const [k, e] of stored)
        errors.set(k, v < 2 && e === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS ? ErrorCode.COORDINATOR_NOT_AVAILABLE : e);
    }
    return answer(req, (topic, partition) => errors.get(tpKey(topic, partition)) ?? ErrorCode.UNKNOWN_SERVER_ERROR);
  },
  errorResponse: (req, code) => answer(req, () => code),
});
