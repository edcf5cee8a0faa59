/**
 * OffsetCommit and OffsetFetch against the group coordinator (Kafka's ConsumerCoordinator
 * commitOffsetsSync / fetchCommittedOffsets). A commit carries the member's generation and id when
 * it is in the group (so a fenced member's commit is refused: CommitFailedError), -1 and "" for a
 * consumer that assigns partitions itself. Coordinator errors are retried until the deadline.
 */
import { ApiKey } from '@tarn/protocol';
import { withRetries } from '../cluster/retry';
import { ErrorCode, KafkaError, isRetriable } from '../errors';
import { tpKey, type TopicPartition } from './assignors/types';
import type { ConsumerConfig } from './consumer-config';
import type { CoordinatorConnection } from './coordinator-connection';

export interface OffsetAndMetadata {
  offset: number;
  metadata?: string | null;
  leaderEpoch?: number;
}

/** The commit was refused because the group moved on without this member (Kafka's CommitFailedException). */
export class CommitFailedError extends KafkaError {
  constructor(code: number, groupId: string) {
    super(
      code,
      `Commit cannot be completed since the group ${groupId} has already rebalanced and assigned the partitions to another member ` +
        '(the time between polls may have exceeded max.poll.interval.ms)',
    );
  }
  override get retriable(): boolean {
    return false;
  }
}

const FENCED = new Set<number>([ErrorCode.ILLEGAL_GENERATION, ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.FENCED_INSTANCE_ID]);

export async function commitOffsets(
  conn: CoordinatorConnection,
  config: ConsumerConfig,
  member: { generationId: number; memberId: string },
  offsets: ReadonlyMap<string, { tp: TopicPartition; offset: OffsetAndMetadata }>,
  timeoutMs: number,
): Promise<void> {
  if (offsets.size === 0) return;
  const groupId = config.groupId!;
  const byTopic = new Map<string, { tp: TopicPartition; offset: OffsetAndMetadata }[]>();
  for (const o of offsets.values()) byTopic.set(o.tp.topic, [...(byTopic.get(o.tp.topic) ?? []), o]);
  await withRetries(
    async () => {
      const r = await conn.request(ApiKey.OffsetCommit, () => ({
        groupId,
        generationIdOrMemberEpoch: member.generationId,
        memberId: member.memberId,
        groupInstanceId: config.groupInstanceId,
        retentionTimeMs: -1n,
        topics: [...byTopic].map(([name, list]) => ({
          name,
          partitions: list.map((o) => ({
            partitionIndex: o.tp.partition,
            committedOffset: BigInt(o.offset.offset),
            committedLeaderEpoch: o.offset.leaderEpoch ?? -1,
            commitTimestamp: -1n,
            committedMetadata: o.offset.metadata ?? '',
          })),
        })),
      }));
      for (const t of r.topics) {
        for (const p of t.partitions) {
          if (p.errorCode === ErrorCode.NONE) continue;
          if (FENCED.has(p.errorCode)) throw new CommitFailedError(p.errorCode, groupId);
          if (p.errorCode === ErrorCode.NOT_COORDINATOR || p.errorCode === ErrorCode.COORDINATOR_NOT_AVAILABLE) conn.markUnknown();
          throw new KafkaError(p.errorCode, `OffsetCommit ${groupId} ${t.name}-${p.partitionIndex}`);
        }
      }
    },
    retryOptions(config, timeoutMs, `OffsetCommit for group ${groupId}`),
  );
}

/** Committed offsets (null where the group has none), Kafka's `committed()`. */
export async function fetchCommittedOffsets(
  conn: CoordinatorConnection,
  config: ConsumerConfig,
  tps: readonly TopicPartition[],
  timeoutMs: number,
): Promise<Map<string, OffsetAndMetadata | null>> {
  const groupId = config.groupId!;
  const out = new Map<string, OffsetAndMetadata | null>();
  if (tps.length === 0) return out;
  const byTopic = new Map<string, number[]>();
  for (const tp of tps) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
  const topics = [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes }));
  await withRetries(
    async () => {
      let version = 0;
      const r = await conn.request(ApiKey.OffsetFetch, (v) => {
        version = v;
        return v >= 8
          ? { groupId: '', topics: [], groups: [{ groupId, memberId: null, memberEpoch: -1, topics }], requireStable: true }
          : { groupId, topics, groups: [], requireStable: v >= 7 };
      });
      const group = version >= 8 ? r.groups[0] : { errorCode: r.errorCode, topics: r.topics };
      if (group === undefined) throw new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, `OffsetFetch ${groupId}: no answer for the group`);
      if (group.errorCode !== ErrorCode.NONE) {
        if (group.errorCode === ErrorCode.NOT_COORDINATOR || group.errorCode === ErrorCode.COORDINATOR_NOT_AVAILABLE) conn.markUnknown();
        throw new KafkaError(group.errorCode, `OffsetFetch ${groupId}`);
      }
      for (const t of group.topics) {
        for (const p of t.partitions) {
          if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, `OffsetFetch ${groupId} ${t.name}-${p.partitionIndex}`);
          const offset = Number(p.committedOffset);
          out.set(
            tpKey({ topic: t.name, partition: p.partitionIndex }),
            offset < 0 ? null : { offset, metadata: p.metadata, leaderEpoch: p.committedLeaderEpoch },
          );
        }
      }
    },
    retryOptions(config, timeoutMs, `OffsetFetch for group ${groupId}`),
  );
  return out;
}

function retryOptions(config: ConsumerConfig, timeoutMs: number, what: string) {
  return {
    deadline: Date.now() + timeoutMs,
    backoffMs: config.client.retryBackoffMs,
    backoffMaxMs: config.client.retryBackoffMaxMs,
    what,
    retriable: (err: unknown) => !(err instanceof CommitFailedError) && isRetriable(err),
  };
}
