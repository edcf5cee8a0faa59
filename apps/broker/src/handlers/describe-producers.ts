// DescribeProducers v0 (KIP-664, kafka-transactions.sh describe-producers, find-hanging): the
// producers a partition's leader tracks — id, epoch, last sequence and timestamp, the coordinator
// epoch of its last marker, and where its open transaction began (-1: none). Read on the topic.
import { ApiKey, ErrorCode, errorName, KafkaError, type DescribeProducersResponseTypes } from '@tarn/protocol';
import { AclOperation, authorizedTopic } from './authorize';
import { defineHandler, type RequestContext } from './handler';

type PartitionResponse = DescribeProducersResponseTypes.PartitionResponse;

function failed(partitionIndex: number, errorCode: number, errorMessage: string | null = null): PartitionResponse {
  return { partitionIndex, errorCode, errorMessage, activeProducers: [] };
}

function describePartition(ctx: RequestContext, topic: string, partitionIndex: number): PartitionResponse {
  if (!authorizedTopic(ctx, AclOperation.READ, topic)) return failed(partitionIndex, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
  const partition = ctx.services.replicaManager.getPartition(topic, partitionIndex);
  if (partition === undefined) return failed(partitionIndex, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (!partition.isLeader) return failed(partitionIndex, ErrorCode.NOT_LEADER_OR_FOLLOWER);
  try {
    return {
      partitionIndex,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      activeProducers: partition.activeProducers().map((p) => ({
        producerId: BigInt(p.producerId),
        producerEpoch: p.producerEpoch,
        lastSequence: p.lastSequence,
        lastTimestamp: BigInt(p.lastTimestamp),
        coordinatorEpoch: p.coordinatorEpoch,
        currentTxnStartOffset: BigInt(p.currentTxnStartOffset),
      })),
    };
  } catch (err) {
    const code = err instanceof KafkaError ? err.code : ErrorCode.UNKNOWN_SERVER_ERROR;
    return failed(partitionIndex, code, `${errorName(code)}: ${(err as Error).message}`);
  }
}

export const describeProducers = defineHandler({
  apiKey: ApiKey.DescribeProducers,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, req) {
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes.map((p) => describePartition(ctx, t.name, p)) })),
    };
  },
  errorResponse: (req, code) => ({
    throttleTimeMs: 0,
    topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes.map((p) => failed(p, code)) })),
  }),
});
