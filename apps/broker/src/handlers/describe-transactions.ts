// DescribeTransactions v0 (KIP-664, kafka-transactions.sh describe): each id's state on this
// coordinator — state name, timeout, start time, producer id and epoch, and the partitions of its
// transaction that the principal may describe. Describe on the transactional id.
import { ApiKey, ErrorCode, type DescribeTransactionsResponseTypes } from '@tarn/protocol';
import { transactionStateName } from '../transaction/transaction-state';
import { AclOperation, ResourceType, authorized, authorizedTopic } from './authorize';
import { defineHandler, type RequestContext } from './handler';

type State = DescribeTransactionsResponseTypes.TransactionState;

function empty(transactionalId: string, errorCode: number): State {
  return {
    errorCode,
    transactionalId,
    transactionState: '',
    transactionTimeoutMs: 0,
    transactionStartTimeMs: -1n,
    producerId: -1n,
    producerEpoch: -1,
    topics: [],
  };
}

function describeOne(ctx: RequestContext, transactionalId: string): State {
  if (!authorized(ctx, AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, transactionalId))
    return empty(transactionalId, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
  const { error, metadata: txn } = ctx.services.transactions.coordinator.describe(transactionalId);
  if (txn === undefined) return empty(transactionalId, error);
  const topics = new Map<string, number[]>();
  for (const tp of txn.partitions.values()) {
    if (!authorizedTopic(ctx, AclOperation.DESCRIBE, tp.topic)) continue;
    topics.set(tp.topic, [...(topics.get(tp.topic) ?? []), tp.partition]);
  }
  return {
    errorCode: ErrorCode.NONE,
    transactionalId,
    transactionState: transactionStateName(txn.state),
    transactionTimeoutMs: txn.txnTimeoutMs,
    transactionStartTimeMs: BigInt(txn.txnStartTimestamp),
    producerId: BigInt(txn.producerId),
    producerEpoch: txn.producerEpoch,
    topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
  };
}

export const describeTransactions = defineHandler({
  apiKey: ApiKey.DescribeTransactions,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, req) {
    return { throttleTimeMs: 0, transactionStates: req.transactionalIds.map((id) => describeOne(ctx, id)) };
  },
  errorResponse: (req, code) => ({ throttleTimeMs: 0, transactionStates: req.transactionalIds.map((id) => empty(id, code)) }),
});
