// AddPartitionsToTxn v0-4 (KIP-98): a transactional producer names the partitions it is about to
// write to; the coordinator records them (the transaction begins with the first). Write on the
// transactional id and on each topic (internal topics never); a partition refused or unknown fails
// the whole request, the others answering OPERATION_NOT_ATTEMPTED. v3 is flexible; v4 batches
// transactions and is for brokers only (ClusterAction): with verify_only a partition leader asks
// whether partitions are in a transaction before a producer's first write there (KIP-890).
// PRODUCER_FENCED reaches versions below 2 as INVALID_PRODUCER_EPOCH.
import { ApiKey, ErrorCode, type AddPartitionsToTxnRequestTypes, type AddPartitionsToTxnResponseTypes } from '@tarn/protocol';
import { isInternalTopic } from '../metadata/topic-name';
import type { TopicPartition } from '../transaction/transaction-metadata';
import { AclOperation, ResourceType, authorized, authorizedOnCluster, authorizedTopic } from './authorize';
import { defineHandler, type RequestContext } from './handler';

type TopicResult = AddPartitionsToTxnResponseTypes.AddPartitionsToTxnTopicResult;

const BATCHED_VERSION = 4;
const PRODUCER_FENCED_VERSION = 2;

function flatten(topics: readonly AddPartitionsToTxnRequestTypes.AddPartitionsToTxnTopic[]): TopicPartition[] {
  return topics.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })));
}

function byTopic(results: ReadonlyArray<{ tp: TopicPartition; error: number }>): TopicResult[] {
  const out = new Map<string, TopicResult>();
  for (const { tp, error } of results) {
    let t = out.get(tp.topic);
    if (t === undefined) out.set(tp.topic, (t = { name: tp.topic, resultsByPartition: [] }));
    t.resultsByPartition.push({ partitionIndex: tp.partition, partitionErrorCode: error });
  }
  return [...out.values()];
}

/** One client transaction (v0-3): the checks of KafkaApis.handleAddPartitionsToTxnRequest, then the coordinator. */
async function addForClient(
  ctx: RequestContext,
  transactionalId: string,
  producerId: number,
  producerEpoch: number,
  partitions: TopicPartition[],
): Promise<Array<{ tp: TopicPartition; error: number }>> {
  const all = (error: number) => partitions.map((tp) => ({ tp, error }));
  if (!authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId))
    return all(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
  const checked = partitions.map((tp) => {
    if (isInternalTopic(tp.topic) || !authorizedTopic(ctx, AclOperation.WRITE, tp.topic))
      return { tp, error: ErrorCode.TOPIC_AUTHORIZATION_FAILED };
    const topic = ctx.services.metadata.topic(tp.topic);
    if (topic === undefined || topic.partitions[tp.partition] === undefined) return { tp, error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
    return { tp, error: ErrorCode.NONE };
  });
  if (checked.some((c) => c.error !== ErrorCode.NONE))
    return checked.map((c) => (c.error === ErrorCode.NONE ? { tp: c.tp, error: ErrorCode.OPERATION_NOT_ATTEMPTED } : c));
  let error = await ctx.services.transactions.coordinator.handleAddPartitions(transactionalId, producerId, producerEpoch, partitions);
  if (error === ErrorCode.PRODUCER_FENCED && ctx.apiVersion < PRODUCER_FENCED_VERSION) error = ErrorCode.INVALID_PRODUCER_EPOCH;
  return all(error);
}

export const addPartitionsToTxn = defineHandler({
  apiKey: ApiKey.AddPartitionsToTxn,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, req) {
    if (ctx.apiVersion < BATCHED_VERSION) {
      const results = await addForClient(
        ctx,
        req.v3AndBelowTransactionalId,
        Number(req.v3AndBelowProducerId),
        req.v3AndBelowProducerEpoch,
        flatten(req.v3AndBelowTopics),
      );
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, resultsByTransaction: [], resultsByTopicV3AndBelow: byTopic(results) };
    }
    if (!authorizedOnCluster(ctx, AclOperation.CLUSTER_ACTION))
      return {
        throttleTimeMs: 0,
        errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
        resultsByTransaction: [],
        resultsByTopicV3AndBelow: [],
      };
    const coordinator = ctx.services.transactions.coordinator;
    const resultsByTransaction = [];
    for (const t of req.transactions) {
      const partitions = flatten(t.topics);
      const results = t.verifyOnly
        ? coordinator.verifyPartitions(t.transactionalId, Number(t.producerId), t.producerEpoch, partitions)
        : await coordinator
            .handleAddPartitions(t.transactionalId, Number(t.producerId), t.producerEpoch, partitions)
            .then((error) => partitions.map((tp) => ({ tp, error })));
      resultsByTransaction.push({ transactionalId: t.transactionalId, topicResults: byTopic(results) });
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, resultsByTransaction, resultsByTopicV3AndBelow: [] };
  },
  errorResponse: (req, code, _message, apiVersion) =>
    apiVersion < BATCHED_VERSION
      ? {
          throttleTimeMs: 0,
          errorCode: ErrorCode.NONE,
          resultsByTransaction: [],
          resultsByTopicV3AndBelow: byTopic(flatten(req.v3AndBelowTopics).map((tp) => ({ tp, error: code }))),
        }
      : { throttleTimeMs: 0, errorCode: code, resultsByTransaction: [], resultsByTopicV3AndBelow: [] },
});
