/**
 * A group's committed offsets: listConsumerGroupOffsets (OffsetFetch), alterConsumerGroupOffsets
 * (OffsetCommit outside any generation, which the coordinator refuses while the group has members,
 * as Kafka does) and deleteConsumerGroupOffsets (OffsetDelete). All go to the group's coordinator;
 * results are per partition.
 */
import { ApiKey, ErrorCode, type OffsetFetchRequest } from '@tarn/protocol';
import { KafkaError, requireInteger } from '../errors';
import { itemError, type AdminCallOptions, type AdminContext, type ItemResult } from './admin-context';
import { perGroup, type TopicPartitionRef } from './groups';

export interface CommittedOffset extends TopicPartitionRef {
  /** null: nothing committed for this partition (asked for explicitly). */
  offset: number | null;
  leaderEpoch: number | null;
  metadata: string | null;
}

export interface PartitionResult<V> extends TopicPartitionRef, ItemResult<V> {}

function byTopic(partitions: readonly TopicPartitionRef[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const p of partitions) out.set(p.topic, [...(out.get(p.topic) ?? []), p.partition]);
  return out;
}

function offsetFetchRequest(
  v: number,
  groupId: string,
  partitions: readonly TopicPartitionRef[] | null,
  requireStable: boolean,
): OffsetFetchRequest {
  const topics = partitions === null ? null : [...byTopic(partitions)].map(([name, partitionIndexes]) => ({ name, partitionIndexes }));
  if (v >= 8) return { groupId: '', topics: [], groups: [{ groupId, memberId: null, memberEpoch: -1, topics }], requireStable };
  return { groupId, topics, groups: [], requireStable: v >= 7 ? requireStable : false };
}

/**
 * The group's committed offsets: for `partitions` when given (null offset where none is committed),
 * else every partition with a commit. A group-level error is thrown (after retries).
 */
export async function listConsumerGroupOffsets(
  ctx: AdminContext,
  groupId: string,
  options: AdminCallOptions & { partitions?: TopicPartitionRef[]; requireStable?: boolean } = {},
): Promise<CommittedOffset[]> {
  const [result] = await perGroup<CommittedOffset[]>(ctx, 'listConsumerGroupOffsets', [groupId], options, async () => {
    const r = await ctx.toCoordinator('GROUP', groupId, ApiKey.OffsetFetch, (v) =>
      offsetFetchRequest(v, groupId, options.partitions ?? null, options.requireStable ?? false),
    );
    const group = r.groups.length > 0 ? r.groups.find((g) => g.groupId === groupId) : { errorCode: r.errorCode, topics: r.topics };
    if (group === undefined) throw new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, `no answer for group ${groupId}`);
    const error = itemError(group.errorCode, `group ${groupId}`);
    if (error !== null) return { value: null, error };
    const offsets: CommittedOffset[] = [];
    for (const t of group.topics)
      for (const p of t.partitions) {
        const partitionError = itemError(p.errorCode, `group ${groupId} ${t.name}-${p.partitionIndex}`);
        // UNSTABLE_OFFSET_COMMIT and the coordinator errors are retried for the whole group
        if (partitionError !== null) return { value: null, error: partitionError };
        const offset = p.committedOffset < 0n ? null : Number(p.committedOffset);
        if (offset === null && options.partitions === undefined) continue;
        offsets.push({
          topic: t.name,
          partition: p.partitionIndex,
          offset,
          leaderEpoch: p.committedLeaderEpoch < 0 ? null : p.committedLeaderEpoch,
          metadata: p.metadata,
        });
      }
    offsets.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
    return { value: offsets, error: null };
  });
  if (result!.error !== null) throw result!.error;
  return result!.value!;
}

export interface OffsetToCommit extends TopicPartitionRef {
  offset: number;
  leaderEpoch?: number;
  metadata?: string | null;
}

/**
 * Commits offsets for a group with no active members (Kafka's alterConsumerGroupOffsets): per
 * partition results; an active group answers UNKNOWN_MEMBER_ID for each.
 */
export async function alterConsumerGroupOffsets(
  ctx: AdminContext,
  groupId: string,
  offsets: readonly OffsetToCommit[],
  options: AdminCallOptions = {},
): Promise<PartitionResult<true>[]> {
  // Kafka's OffsetAndMetadata: no negative offset
  for (const o of offsets) requireInteger(o.offset, `the offset of ${o.topic}-${o.partition}`, 0);
  const [result] = await perGroup<PartitionResult<true>[]>(ctx, 'alterConsumerGroupOffsets', [groupId], options, async () => {
    const topics = new Map<string, OffsetToCommit[]>();
    for (const o of offsets) topics.set(o.topic, [...(topics.get(o.topic) ?? []), o]);
    const r = await ctx.toCoordinator('GROUP', groupId, ApiKey.OffsetCommit, {
      groupId,
      generationIdOrMemberEpoch: -1,
      memberId: '',
      groupInstanceId: null,
      retentionTimeMs: -1n,
      topics: [...topics].map(([name, ps]) => ({
        name,
        partitions: ps.map((p) => ({
          partitionIndex: p.partition,
          committedOffset: BigInt(p.offset),
          committedLeaderEpoch: p.leaderEpoch ?? -1,
          commitTimestamp: -1n,
          committedMetadata: p.metadata ?? '',
        })),
      })),
    });
    const out = r.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionIndex,
        value: p.errorCode === ErrorCode.NONE ? (true as const) : null,
        error: itemError(p.errorCode, `group ${groupId} ${t.name}-${p.partitionIndex}`),
      })),
    );
    // a coordinator error (every partition the same) is retried for the group as a whole
    const first = out[0]?.error;
    if (first != null && out.every((p) => p.error?.code === first.code)) return { value: null, error: first };
    return { value: out, error: null };
  });
  if (result!.error !== null) return offsets.map((o) => ({ topic: o.topic, partition: o.partition, value: null, error: result!.error }));
  return result!.value!;
}

/** Deletes committed offsets of partitions the group no longer consumes (OffsetDelete, KIP-496). */
export async function deleteConsumerGroupOffsets(
  ctx: AdminContext,
  groupId: string,
  partitions: readonly TopicPartitionRef[],
  options: AdminCallOptions = {},
): Promise<PartitionResult<true>[]> {
  const [result] = await perGroup<PartitionResult<true>[]>(ctx, 'deleteConsumerGroupOffsets', [groupId], options, async () => {
    const r = await ctx.toCoordinator('GROUP', groupId, ApiKey.OffsetDelete, {
      groupId,
      topics: [...byTopic(partitions)].map(([name, ps]) => ({ name, partitions: ps.map((partitionIndex) => ({ partitionIndex })) })),
    });
    const error = itemError(r.errorCode, `group ${groupId}`);
    if (error !== null) return { value: null, error };
    const out = r.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.name,
        partition: p.partitionIndex,
        value: p.errorCode === ErrorCode.NONE ? (true as const) : null,
        error: itemError(p.errorCode, `group ${groupId} ${t.name}-${p.partitionIndex}`),
      })),
    );
    return { value: out, error: null };
  });
  if (result!.error !== null) return partitions.map((p) => ({ ...p, value: null, error: result!.error }));
  return result!.value!;
}
