/**
 * Topic administration as Kafka's AdminClient: createTopics, deleteTopics and createPartitions go to
 * the controller; listTopics and describeTopics read metadata from any broker. Each topic gets its
 * own result (value or error).
 */
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { ZERO_UUID } from '../cluster/metadata';
import { KafkaError, requireInteger } from '../errors';
import { itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';

export interface NewTopic {
  name: string;
  /** -1 (default): the broker's num.partitions. */
  numPartitions?: number;
  /** -1 (default): the broker's default.replication.factor. */
  replicationFactor?: number;
  /** Partition → broker ids; when given, numPartitions and replicationFactor must be left out. */
  replicaAssignments?: Record<number, number[]>;
  /** Topic configs by Kafka's names (`cleanup.policy`, `retention.ms`, …). */
  configs?: Record<string, string>;
}

export interface CreateTopicsOptions extends AdminCallOptions {
  /** Check only; create nothing (Kafka's CreateTopicsOptions.validateOnly). */
  validateOnly?: boolean;
}

export interface CreatedTopic {
  name: string;
  topicId: string;
  numPartitions: number;
  replicationFactor: number;
  /** The topic's configs as the broker created them (CreateTopics v5+). */
  configs: Record<string, string | null>;
}

export interface TopicResult<V> extends ItemResult<V> {
  name: string;
}

export async function createTopics(
  ctx: AdminContext,
  topics: readonly NewTopic[],
  options: CreateTopicsOptions = {},
): Promise<TopicResult<CreatedTopic>[]> {
  for (const t of topics) {
    requireInteger(t.numPartitions ?? -1, `numPartitions of ${t.name}`, -1);
    requireInteger(t.replicationFactor ?? -1, `replicationFactor of ${t.name}`, -1);
  }
  const deadline = ctx.deadline(options);
  const byName = new Map(topics.map((t) => [t.name, t]));
  const results = await ctx.perItem<CreatedTopic>('createTopics', [...byName.keys()], deadline, async (names) => {
    const r = await ctx.toController(ApiKey.CreateTopics, (v) => ({
      topics: names.map((name) => {
        const t = byName.get(name)!;
        return {
          name,
          numPartitions: t.numPartitions ?? -1,
          replicationFactor: t.replicationFactor ?? -1,
          assignments: Object.entries(t.replicaAssignments ?? {}).map(([p, brokerIds]) => ({ partitionIndex: Number(p), brokerIds })),
          configs: Object.entries(t.configs ?? {}).map(([k, value]) => ({ name: k, value })),
        };
      }),
      timeoutMs: ctx.remaining(deadline),
      validateOnly: v >= 1 ? (options.validateOnly ?? false) : false,
    }));
    return new Map(
      r.topics.map((t) => [
        t.name,
        {
          value: {
            name: t.name,
            topicId: t.topicId,
            numPartitions: t.numPartitions,
            replicationFactor: t.replicationFactor,
            configs: Object.fromEntries((t.configs ?? []).map((c) => [c.name, c.value])),
          },
          error: itemError(t.errorCode, `topic ${t.name}`, t.errorMessage),
        },
      ]),
    );
  });
  // what was created shows in metadata from now on
  for (const name of byName.keys()) ctx.cluster.invalidateTopic(name);
  return [...byName.keys()].map((name) => ({ name, ...results.get(name)! }));
}

export async function deleteTopics(
  ctx: AdminContext,
  names: readonly string[],
  options: AdminCallOptions = {},
): Promise<TopicResult<true>[]> {
  const deadline = ctx.deadline(options);
  const results = await ctx.perItem<true>('deleteTopics', names, deadline, async (pending) => {
    const r = await ctx.toController(ApiKey.DeleteTopics, (v) => ({
      topics: v >= 6 ? pending.map((name) => ({ name, topicId: ZERO_UUID })) : [],
      topicNames: v < 6 ? pending : [],
      timeoutMs: ctx.remaining(deadline),
    }));
    return new Map(
      r.responses.map((t) => [
        t.name ?? '',
        {
          value: t.errorCode === ErrorCode.NONE ? (true as const) : null,
          error: itemError(t.errorCode, `topic ${t.name}`, t.errorMessage),
        },
      ]),
    );
  });
  for (const name of names) ctx.cluster.invalidateTopic(name);
  return [...new Set(names)].map((name) => ({ name, ...results.get(name)! }));
}

export interface TopicListing {
  name: string;
  topicId: string;
  isInternal: boolean;
}

/** Every topic (internal ones such as __consumer_offsets only with `listInternal`), sorted by name. */
export async function listTopics(ctx: AdminContext, options: AdminCallOptions & { listInternal?: boolean } = {}): Promise<TopicListing[]> {
  const topics = await ctx.retry('listTopics', ctx.deadline(options), () => ctx.cluster.refreshMetadata(null));
  return topics
    .filter((t) => t.errorCode === ErrorCode.NONE && (options.listInternal === true || !t.isInternal))
    .map((t) => ({ name: t.name, topicId: t.topicId, isInternal: t.isInternal }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface TopicPartitionInfo {
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface TopicDescription {
  name: string;
  topicId: string;
  isInternal: boolean;
  partitions: TopicPartitionInfo[];
}

/** Each topic's partitions, leaders, replicas and ISR; an unknown topic is that topic's UNKNOWN_TOPIC_OR_PARTITION. */
export async function describeTopics(
  ctx: AdminContext,
  names: readonly string[],
  options: AdminCallOptions = {},
): Promise<TopicResult<TopicDescription>[]> {
  const deadline = ctx.deadline(options);
  const results = await ctx.perItem<TopicDescription>('describeTopics', names, deadline, async (pending) => {
    const topics = await ctx.cluster.refreshMetadata(pending);
    return new Map(
      topics.map((t) => [
        t.name,
        {
          value:
            t.errorCode === ErrorCode.NONE
              ? {
                  name: t.name,
                  topicId: t.topicId,
                  isInternal: t.isInternal,
                  partitions: t.partitions.map((p) => ({
                    partition: p.partition,
                    leader: p.leader,
                    leaderEpoch: p.leaderEpoch,
                    replicas: p.replicas,
                    isr: p.isr,
                    offlineReplicas: p.offlineReplicas,
                  })),
                }
              : null,
          error: itemError(t.errorCode, `topic ${t.name}`),
        },
      ]),
    );
  });
  return [...new Set(names)].map((name) => ({ name, ...results.get(name)! }));
}

export interface NewPartitions {
  /** The new total number of partitions (Kafka's NewPartitions.increaseTo). */
  totalCount: number;
  /** Broker ids of the new partitions' replicas, one list per new partition. */
  newAssignments?: number[][];
}

export async function createPartitions(
  ctx: AdminContext,
  increases: Record<string, NewPartitions>,
  options: CreateTopicsOptions = {},
): Promise<TopicResult<true>[]> {
  for (const [name, inc] of Object.entries(increases)) requireInteger(inc.totalCount, `totalCount of ${name}`, 1);
  const deadline = ctx.deadline(options);
  const names = Object.keys(increases);
  const results = await ctx.perItem<true>('createPartitions', names, deadline, async (pending) => {
    const r = await ctx.toController(ApiKey.CreatePartitions, {
      topics: pending.map((name) => {
        const inc = increases[name]!;
        return { name, count: inc.totalCount, assignments: inc.newAssignments?.map((brokerIds) => ({ brokerIds })) ?? null };
      }),
      timeoutMs: ctx.remaining(deadline),
      validateOnly: options.validateOnly ?? false,
    });
    return new Map(
      r.results.map((t) => [
        t.name,
        {
          value: t.errorCode === ErrorCode.NONE ? (true as const) : null,
          error: itemError(t.errorCode, `topic ${t.name}`, t.errorMessage),
        },
      ]),
    );
  });
  for (const name of names) ctx.cluster.invalidateTopic(name);
  return names.map((name) => ({ name, ...results.get(name)! }));
}

/** The results' values, or the first item's error thrown (for callers that want all-or-nothing). */
export function valuesOrThrow<V>(results: readonly (ItemResult<V> & { name?: string })[]): V[] {
  const failed = results.find((r) => r.error !== null);
  if (failed !== undefined) throw failed.error as KafkaError;
  return results.map((r) => r.value as V);
}
