/**
 * Partition administration beyond offsets, as Kafka's AdminClient: describeProducers (KIP-664: the
 * producers a partition leader tracks — kafka-transactions.sh describe-producers), electLeaders
 * (kafka-leader-election.sh: preferred or unclean) and partition reassignments
 * (kafka-reassign-partitions.sh: list, alter, cancel). Per-partition results throughout.
 */
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { KafkaError } from '../errors';
import { asKafkaError, itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';
import type { PartitionResult } from './group-offsets';
import type { TopicPartitionRef } from './groups';
import { byLeader, groupByTopic, keyOf, parseKey, refreshLeaders } from './partition-offsets';

export interface ProducerStateDescription {
  producerId: bigint;
  producerEpoch: number;
  lastSequence: number;
  lastTimestamp: number;
  coordinatorEpoch: number;
  /** null when the producer has no open transaction on the partition. */
  currentTransactionStartOffset: number | null;
}

export async function describeProducers(
  ctx: AdminContext,
  partitions: readonly TopicPartitionRef[],
  options: AdminCallOptions = {},
): Promise<PartitionResult<ProducerStateDescription[]>[]> {
  const deadline = ctx.deadline(options);
  const results = await ctx.perItem<ProducerStateDescription[]>(
    'describeProducers',
    partitions.map(keyOf),
    deadline,
    async (keys) => {
      const out = new Map<string, ItemResult<ProducerStateDescription[]>>();
      const leaders = await byLeader(ctx, keys, out);
      await Promise.all(
        [...leaders].map(async ([leader, tps]) => {
          try {
            const r = await ctx.cluster.request(leader, ApiKey.DescribeProducers, {
              topics: [...groupByTopic(tps)].map(([name, ps]) => ({ name, partitionIndexes: ps.map((p) => p.partition) })),
            });
            for (const t of r.topics)
              for (const p of t.partitions) {
                const error = itemError(p.errorCode, `${t.name}-${p.partitionIndex}`, p.errorMessage);
                out.set(keyOf({ topic: t.name, partition: p.partitionIndex }), {
                  error,
                  value:
                    error !== null
                      ? null
                      : p.activeProducers.map((s) => ({
                          producerId: s.producerId,
                          producerEpoch: s.producerEpoch,
                          lastSequence: s.lastSequence,
                          lastTimestamp: Number(s.lastTimestamp),
                          coordinatorEpoch: s.coordinatorEpoch,
                          currentTransactionStartOffset: s.currentTxnStartOffset < 0n ? null : Number(s.currentTxnStartOffset),
                        })),
                });
              }
          } catch (err) {
            for (const p of tps) out.set(keyOf(p), { value: null, error: asKafkaError(err) });
          }
        }),
      );
      return out;
    },
    { beforeRetry: refreshLeaders(ctx) },
  );
  return partitions.map((p) => ({ topic: p.topic, partition: p.partition, ...results.get(keyOf(p))! }));
}

/** Kafka's ElectionType. */
export type ElectionType = 'PREFERRED' | 'UNCLEAN';

/**
 * Elects leaders for `partitions` (null: every partition whose preferred replica does not lead).
 * A partition already led by its preferred replica answers ELECTION_NOT_NEEDED, as in Kafka.
 */
export async function electLeaders(
  ctx: AdminContext,
  electionType: ElectionType,
  partitions: readonly TopicPartitionRef[] | null,
  options: AdminCallOptions = {},
): Promise<PartitionResult<true>[]> {
  const deadline = ctx.deadline(options);
  const type = electionType === 'PREFERRED' ? 0 : 1;
  const r = await ctx.retry('electLeaders', deadline, async () => {
    const res = await ctx.toController(ApiKey.ElectLeaders, (v) => {
      if (v === 0 && type !== 0)
        throw new KafkaError(ErrorCode.UNSUPPORTED_VERSION, 'the controller knows preferred elections only (ElectLeaders v0)');
      return {
        electionType: type,
        topicPartitions:
          partitions === null
            ? null
            : [...groupByTopic(partitions)].map(([topic, ps]) => ({ topic, partitions: ps.map((p) => p.partition) })),
        timeoutMs: ctx.remaining(deadline),
      };
    });
    if (res.errorCode === ErrorCode.NOT_CONTROLLER) throw new KafkaError(res.errorCode, 'electLeaders');
    return res;
  });
  if (r.errorCode !== ErrorCode.NONE) {
    const error = new KafkaError(r.errorCode, 'electLeaders');
    return (partitions ?? []).map((p) => ({ ...p, value: null, error }));
  }
  return r.replicaElectionResults.flatMap((t) =>
    t.partitionResult.map((p) => {
      const error = itemError(p.errorCode, `${t.topic}-${p.partitionId}`, p.errorMessage);
      return { topic: t.topic, partition: p.partitionId, value: error === null ? (true as const) : null, error };
    }),
  );
}

export interface PartitionReassignment extends TopicPartitionRef {
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
}

/** Reassignments in progress (all, or of `partitions`). */
export async function listPartitionReassignments(
  ctx: AdminContext,
  partitions?: readonly TopicPartitionRef[],
  options: AdminCallOptions = {},
): Promise<PartitionReassignment[]> {
  const deadline = ctx.deadline(options);
  return ctx.retry('listPartitionReassignments', deadline, async () => {
    const r = await ctx.toController(ApiKey.ListPartitionReassignments, {
      timeoutMs: ctx.remaining(deadline),
      topics:
        partitions === undefined
          ? null
          : [...groupByTopic(partitions)].map(([name, ps]) => ({ name, partitionIndexes: ps.map((p) => p.partition) })),
    });
    if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, r.errorMessage ?? 'listPartitionReassignments');
    return r.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionIndex,
        replicas: p.replicas,
        addingReplicas: p.addingReplicas,
        removingReplicas: p.removingReplicas,
      })),
    );
  });
}

/** Moves partitions to new replica lists; `replicas: null` cancels a reassignment in progress. */
export async function alterPartitionReassignments(
  ctx: AdminContext,
  reassignments: readonly (TopicPartitionRef & { replicas: number[] | null })[],
  options: AdminCallOptions = {},
): Promise<PartitionResult<true>[]> {
  const deadline = ctx.deadline(options);
  const byKey = new Map(reassignments.map((r) => [keyOf(r), r]));
  const results = await ctx.perItem<true>('alterPartitionReassignments', [...byKey.keys()], deadline, async (keys) => {
    const r = await ctx.toController(ApiKey.AlterPartitionReassignments, {
      timeoutMs: ctx.remaining(deadline),
      topics: [...groupByTopic(keys.map(parseKey))].map(([name, ps]) => ({
        name,
        partitions: ps.map((p) => ({ partitionIndex: p.partition, replicas: byKey.get(keyOf(p))!.replicas })),
      })),
    });
    if (r.errorCode !== ErrorCode.NONE) {
      const error = new KafkaError(r.errorCode, r.errorMessage ?? 'alterPartitionReassignments');
      return new Map(keys.map((k) => [k, { value: null, error }]));
    }
    return new Map(
      r.responses.flatMap((t) =>
        t.partitions.map((p) => {
          const error = itemError(p.errorCode, `${t.name}-${p.partitionIndex}`, p.errorMessage);
          return [
            keyOf({ topic: t.name, partition: p.partitionIndex }),
            { value: error === null ? (true as const) : null, error },
          ] as const;
        }),
      ),
    );
  });
  return reassignments.map((r) => ({ topic: r.topic, partition: r.partition, ...results.get(keyOf(r))! }));
}
