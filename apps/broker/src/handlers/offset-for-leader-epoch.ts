// OffsetForLeaderEpoch v0-4 (KIP-101/KIP-279): for each partition, the largest epoch <= the one asked
// for and the offset where it ends (the log end offset for the current epoch). v1 returns the epoch;
// v2 adds current-epoch fencing; v3 the replica id (consumers validating positions send -1); v4 is
// flexible.
import { ApiKey, ErrorCode, OffsetForLeaderEpochResponseTypes, errorCodeOf } from '@tarn/protocol';
import { AclOperation, authorizedOnCluster, authorizedTopic } from './authorize';
import { defineHandler } from './handler';

export const offsetForLeaderEpoch = defineHandler({
  apiKey: ApiKey.OffsetForLeaderEpoch,
  minVersion: 0,
  maxVersion: 4,
  handle(ctx, req) {
    // Kafka: a follower (replica_id >= 0, v3+) needs ClusterAction, a client Describe on each topic
    const follower = ctx.apiVersion >= 3 && req.replicaId >= 0;
    const clusterAction = follower && authorizedOnCluster(ctx, AclOperation.CLUSTER_ACTION);
    const topics = req.topics.map((t) => {
      const allowed = follower ? clusterAction : authorizedTopic(ctx, AclOperation.DESCRIBE, t.topic);
      return {
        ...OffsetForLeaderEpochResponseTypes.defaultOffsetForLeaderTopicResult(),
        topic: t.topic,
        partitions: t.partitions.map((rp) => {
          const out = { ...OffsetForLeaderEpochResponseTypes.defaultEpochEndOffset(), partition: rp.partition };
          if (!allowed)
            return { ...out, errorCode: follower ? ErrorCode.CLUSTER_AUTHORIZATION_FAILED : ErrorCode.TOPIC_AUTHORIZATION_FAILED };
          try {
            const p = ctx.services.replicaManager.leaderPartition(t.topic, rp.partition);
            if (ctx.apiVersion >= 2) p.checkLeaderEpoch(rp.currentLeaderEpoch);
            const { epoch, endOffset } = p.lastOffsetForLeaderEpoch(rp.leaderEpoch);
            return { ...out, errorCode: ErrorCode.NONE, leaderEpoch: ctx.apiVersion >= 1 ? epoch : -1, endOffset: BigInt(endOffset) };
          } catch (err) {
            return { ...out, errorCode: errorCodeOf(err) };
          }
        }),
      };
    });
    return { ...OffsetForLeaderEpochResponseTypes.defaultOffsetForLeaderEpochResponse(), topics };
  },
  errorResponse: (req, code) => ({
    ...OffsetForLeaderEpochResponseTypes.defaultOffsetForLeaderEpochResponse(),
    topics: req.topics.map((t) => ({
      ...OffsetForLeaderEpochResponseTypes.defaultOffsetForLeaderTopicResult(),
      topic: t.topic,
      partitions: t.partitions.map((p) => ({
        ...OffsetForLeaderEpochResponseTypes.defaultEpochEndOffset(),
        partition: p.partition,
        errorCode: code,
      })),
    })),
  }),
});
