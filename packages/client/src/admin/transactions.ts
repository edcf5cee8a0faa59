/**
 * Transactions as Kafka's AdminClient (KIP-664): listTransactions asks every broker (each knows the
 * transactions it coordinates); describeTransactions asks each transactional id's coordinator.
 */
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { KafkaError } from '../errors';
import { asKafkaError, itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';

export interface TransactionListing {
  transactionalId: string;
  producerId: bigint;
  /** Kafka's state names: Ongoing, PrepareCommit, CompleteCommit, Empty… */
  state: string;
}

export async function listTransactions(
  ctx: AdminContext,
  options: AdminCallOptions & { states?: string[]; producerIds?: bigint[]; durationMs?: number } = {},
): Promise<{ transactions: TransactionListing[]; errors: KafkaError[] }> {
  const deadline = ctx.deadline(options);
  await ctx.retry('listTransactions', deadline, () => ctx.cluster.refreshMetadata([]));
  const ids = ctx.cluster.brokers().map((b) => String(b.nodeId));
  const perBroker = await ctx.perItem<TransactionListing[]>('listTransactions', ids, deadline, async (pending) => {
    const out = new Map<string, ItemResult<TransactionListing[]>>();
    await Promise.all(
      pending.map(async (id) => {
        try {
          const r = await ctx.cluster.request(Number(id), ApiKey.ListTransactions, (v) => ({
            stateFilters: options.states ?? [],
            producerIdFilters: options.producerIds ?? [],
            durationFilter: v >= 1 && options.durationMs !== undefined ? BigInt(options.durationMs) : -1n,
          }));
          const error = itemError(r.errorCode, `transactions of broker ${id}`);
          out.set(id, {
            error,
            value: r.transactionStates.map((t) => ({
              transactionalId: t.transactionalId,
              producerId: t.producerId,
              state: t.transactionState,
            })),
          });
        } catch (err) {
          out.set(id, { value: null, error: asKafkaError(err) });
        }
      }),
    );
    return out;
  });
  const transactions: TransactionListing[] = [];
  const errors: KafkaError[] = [];
  for (const r of perBroker.values()) {
    if (r.error !== null) errors.push(r.error);
    else transactions.push(...(r.value ?? []));
  }
  transactions.sort((a, b) => (a.transactionalId < b.transactionalId ? -1 : a.transactionalId > b.transactionalId ? 1 : 0));
  return { transactions, errors };
}

export interface TransactionDescription {
  transactionalId: string;
  coordinatorId: number;
  state: string;
  producerId: bigint;
  producerEpoch: number;
  transactionTimeoutMs: number;
  /** null when no transaction is open. */
  transactionStartTimeMs: number | null;
  topicPartitions: { topic: string; partition: number }[];
}

export async function describeTransactions(
  ctx: AdminContext,
  transactionalIds: readonly string[],
  options: AdminCallOptions = {},
): Promise<(ItemResult<TransactionDescription> & { transactionalId: string })[]> {
  const deadline = ctx.deadline(options);
  const results = await ctx.perItem<TransactionDescription>('describeTransactions', transactionalIds, deadline, async (pending) => {
    const out = new Map<string, ItemResult<TransactionDescription>>();
    await Promise.all(
      pending.map(async (id) => {
        try {
          const coordinatorId = await ctx.cluster.findCoordinator('TRANSACTION', id);
          const r = await ctx.toCoordinator('TRANSACTION', id, ApiKey.DescribeTransactions, { transactionalIds: [id] });
          const t = r.transactionStates.find((s) => s.transactionalId === id);
          if (t === undefined) throw new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, `no answer for ${id}`);
          const error = itemError(t.errorCode, `transactional id ${id}`);
          if (error !== null) ctx.coordinatorError('TRANSACTION', id, error.code);
          out.set(id, {
            error,
            value:
              error !== null
                ? null
                : {
                    transactionalId: id,
                    coordinatorId,
                    state: t.transactionState,
                    producerId: t.producerId,
                    producerEpoch: t.producerEpoch,
                    transactionTimeoutMs: t.transactionTimeoutMs,
                    transactionStartTimeMs: t.transactionStartTimeMs < 0n ? null : Number(t.transactionStartTimeMs),
                    topicPartitions: t.topics.flatMap((tp) => tp.partitions.map((partition) => ({ topic: tp.topic, partition }))),
                  },
          });
        } catch (err) {
          out.set(id, { value: null, error: asKafkaError(err) });
        }
      }),
    );
    return out;
  });
  return [...new Set(transactionalIds)].map((transactionalId) => ({ transactionalId, ...results.get(transactionalId)! }));
}
