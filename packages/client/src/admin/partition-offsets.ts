/**
 * listOffsets and deleteRecords: per partition, sent to each partition's leader (one request per
 * leader), retried per partition after NOT_LEADER_OR_FOLLOWER / LEADER_NOT_AVAILABLE with the
 * topic's metadata refreshed, as Kafka's AdminClient does.
 */
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { requireInteger } from '../errors';
import { asKafkaError, itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';
import type { PartitionResult } from './group-offsets';
import type { TopicPartitionRef } from './groups';

/** Kafka's OffsetSpec: earliest, latest, max-timestamp (KIP-734), or the first offset at/after a timestamp. */
export type OffsetSpec = 'earliest' | 'latest' | 'max-timestamp' | { timestamp: number };

export interface ListedOffset {
  /** -1 when no record has a timestamp at or after the one asked for. */
  offset: number;
  timestamp: number;
  leaderEpoch: number;
}

function specTimestamp(spec: OffsetSpec): bigint {
  if (spec === 'earliest') return -2n;
  if (spec === 'latest') return -1n;
  if (spec === 'max-timestamp') return -3n;
  return BigInt(requireInteger(spec.timestamp, 'an OffsetSpec timestamp', 0));
}

export const keyOf = (p: TopicPartitionRef): string => `${p.topic}:${p.partition}`;
export function parseKey(key: string): TopicPartitionRef {
  const i = key.lastIndexOf(':');
  return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)) };
}

/** Pending partitions grouped by their leader; partitions without a leader get that error instead. */
export async function byLeader<V>(
  ctx: AdminContext,
  keys: string[],
  out: Map<string, ItemResult<V>>,
): Promise<Map<number, TopicPartitionRef[]>> {
  const leaders = new Map<number, TopicPartitionRef[]>();
  for (const key of keys) {
    const tp = parseKey(key);
    try {
      const leader = await ctx.cluster.leaderFor(tp.topic, tp.partition);
      leaders.set(leader, [...(leaders.get(leader) ?? []), tp]);
    } catch (err) {
      out.set(key, { value: null, error: asKafkaError(err) });
    }
  }
  return leaders;
}

export function groupByTopic<T extends TopicPartitionRef>(ps: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const p of ps) m.set(p.topic, [...(m.get(p.topic) ?? []), p]);
  return m;
}

/** Per partition: refresh the topic's leader before a retry. */
export function refreshLeaders(ctx: AdminContext): (failed: Map<string, unknown>) => void {
  return (failed) => {
    for (const key of failed.keys()) ctx.cluster.invalidateTopic(parseKey(key).topic);
  };
}

export async function listOffsets(
  ctx: AdminContext,
  requests: readonly (TopicPartitionRef & { spec: OffsetSpec })[],
  options: AdminCallOptions & { isolationLevel?: 'read_uncommitted' | 'read_committed' } = {},
): Promise<PartitionResult<ListedOffset>[]> {
  for (const r of requests) specTimestamp(r.spec); // a bad timestamp fails here, before anything is sent
  const deadline = ctx.deadline(options);
  const specs = new Map(requests.map((r) => [keyOf(r), r.spec]));
  const results = await ctx.perItem<ListedOffset>(
    'listOffsets',
    [...specs.keys()],
    deadline,
    async (keys) => {
      const out = new Map<string, ItemResult<ListedOffset>>();
      const leaders = await byLeader(ctx, keys, out);
      await Promise.all(
        [...leaders].map(async ([leader, partitions]) => {
          try {
            const r = await ctx.cluster.request(leader, ApiKey.ListOffsets, (v) => ({
              replicaId: -1,
              isolationLevel: v >= 2 && options.isolationLevel === 'read_committed' ? 1 : 0,
              topics: [...groupByTopic(partitions)].map(([name, ps]) => ({
                name,
                partitions: ps.map((p) => ({
                  partitionIndex: p.partition,
                  currentLeaderEpoch: -1,
                  timestamp: specTimestamp(specs.get(keyOf(p))!),
                  maxNumOffsets: 1,
                })),
              })),
              timeoutMs: ctx.remaining(deadline),
            }));
            for (const t of r.topics)
              for (const p of t.partitions) {
                const offset = p.oldStyleOffsets.length > 0 ? p.oldStyleOffsets[0]! : p.offset;
                out.set(keyOf({ topic: t.name, partition: p.partitionIndex }), {
                  value:
                    p.errorCode === ErrorCode.NONE
                      ? { offset: Number(offset), timestamp: Number(p.timestamp), leaderEpoch: p.leaderEpoch }
                      : null,
                  error: itemError(p.errorCode, `${t.name}-${p.partitionIndex}`),
                });
              }
          } catch (err) {
            for (const p of partitions) out.set(keyOf(p), { value: null, error: asKafkaError(err) });
          }
        }),
      );
      return out;
    },
    { beforeRetry: refreshLeaders(ctx) },
  );
  return requests.map((r) => ({ topic: r.topic, partition: r.partition, ...results.get(keyOf(r))! }));
}

/** Deletes records before each offset (-1: the high watermark); the value is the partition's new low watermark. */
export async function deleteRecords(
  ctx: AdminContext,
  requests: readonly (TopicPartitionRef & { beforeOffset: number })[],
  options: AdminCallOptions = {},
): Promise<PartitionResult<{ lowWatermark: number }>[]> {
  for (const r of requests) requireInteger(r.beforeOffset, `the offset to delete before in ${r.topic}-${r.partition}`, -1);
  const deadline = ctx.deadline(options);
  const before = new Map(requests.map((r) => [keyOf(r), r.beforeOffset]));
  const results = await ctx.perItem<{ lowWatermark: number }>(
    'deleteRecords',
    [...before.keys()],
    deadline,
    async (keys) => {
      const out = new Map<string, ItemResult<{ lowWatermark: number }>>();
      const leaders = await byLeader(ctx, keys, out);
      await Promise.all(
        [...leaders].map(async ([leader, partitions]) => {
          try {
            const r = await ctx.cluster.request(leader, ApiKey.DeleteRecords, {
              topics: [...groupByTopic(partitions)].map(([name, ps]) => ({
                name,
                partitions: ps.map((p) => ({ partitionIndex: p.partition, offset: BigInt(before.get(keyOf(p))!) })),
              })),
              timeoutMs: ctx.remaining(deadline),
            });
            for (const t of r.topics)
              for (const p of t.partitions)
                out.set(keyOf({ topic: t.name, partition: p.partitionIndex }), {
                  value: p.errorCode === ErrorCode.NONE ? { lowWatermark: Number(p.lowWatermark) } : null,
                  error: itemError(p.errorCode, `${t.name}-${p.partitionIndex}`),
                });
          } catch (err) {
            for (const p of partitions) out.set(keyOf(p), { value: null, error: asKafkaError(err) });
          }
        }),
      );
      return out;
    },
    { beforeRetry: refreshLeaders(ctx) },
  );
  return requests.map((r) => ({ topic: r.topic, partition: r.partition, ...results.get(keyOf(r))! }));
}
