// DeleteRecords v0-2: moves a partition's log start offset up to `offset` (-1 = the high
// watermark); whole segments below it are deleted. An offset past the high watermark is
// OFFSET_OUT_OF_RANGE; a compacted topic (cleanup.policy without "delete") refuses with
// POLICY_VIOLATION, as Kafka does. v2 is flexible.
import { ApiKey, DeleteRecordsResponseTypes, ErrorCode, errorCodeOf } from '@tarn/protocol';
import { AclOperation, authorizedTopic } from './authorize';
import { defineHandler } from './handler';

export const deleteRecords = defineHandler({
  apiKey: ApiKey.DeleteRecords,
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, req) {
    const topics = req.topics.map((t) => {
      const deletable = authorizedTopic(ctx, AclOperation.DELETE, t.name);
      return {
        ...DeleteRecordsResponseTypes.defaultDeleteRecordsTopicResult(),
        name: t.name,
        partitions: t.partitions.map((rp) => {
          const out = {
            ...DeleteRecordsResponseTypes.defaultDeleteRecordsPartitionResult(),
            partitionIndex: rp.partitionIndex,
            lowWatermark: -1n,
          };
          if (!deletable) return { ...out, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED };
          try {
            const p = ctx.services.replicaManager.leaderPartition(t.name, rp.partitionIndex);
            return { ...out, errorCode: ErrorCode.NONE, lowWatermark: BigInt(p.deleteRecordsOnLeader(Number(rp.offset))) };
          } catch (err) {
            return { ...out, errorCode: errorCodeOf(err) };
          }
        }),
      };
    });
    return { ...DeleteRecordsResponseTypes.defaultDeleteRecordsResponse(), topics };
  },
  errorResponse: (req, code) => ({
    ...DeleteRecordsResponseTypes.defaultDeleteRecordsResponse(),
    topics: req.topics.map((t) => ({
      ...DeleteRecordsResponseTypes.defaultDeleteRecordsTopicResult(),
      name: t.name,
      partitions: t.partitions.map((p) => ({
        ...DeleteRecordsResponseTypes.defaultDeleteRecordsPartitionResult(),
        partitionIndex: p.partitionIndex,
        lowWatermark: -1n,
        errorCode: code,
      })),
    })),
  }),
});
