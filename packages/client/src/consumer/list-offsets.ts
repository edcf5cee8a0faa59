/**
 * ListOffsets for the consumer (Kafka's OffsetFetcher): earliest (-2), latest (-1) or the first
 * offset at or after a timestamp, per partition, asked of each partition's leader — one request per
 * leader, all leaders at once, with the leader epoch metadata gives (current_leader_epoch, KIP-320).
 * A leader change (NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH) or a partition
 * without a leader refreshes metadata and retries within `default.api.timeout.ms`.
 */
import { ApiKey } from '@tarn/protocol';
import type { Cluster } from '../cluster/cluster';
import { withRetries } from '../cluster/retry';
import { ErrorCode, KafkaError } from '../errors';
import { tpKey, type TopicPartition } from './assignors/types';
import type { ConsumerConfig, IsolationLevel } from './consumer-config';
import { currentLeader } from './offsets-for-leader-epoch-client';

export const EARLIEST_TIMESTAMP = -2;
export const LATEST_TIMESTAMP = -1;

export interface OffsetAndTimestamp {
  offset: number;
  timestamp: number;
  leaderEpoch: number;
}

/** tpKey → result; null where no record has a timestamp that late (offsetsForTimes). */
export async function listOffsets(
  cluster: Cluster,
  requests: ReadonlyMap<string, { tp: TopicPartition; timestamp: number }>,
  isolation: IsolationLevel,
  timeoutMs: number,
): Promise<Map<string, OffsetAndTimestamp | null>> {
  const results = new Map<string, OffsetAndTimestamp | null>();
  const c = cluster.config;
  await withRetries(
    async () => {
      const pending = [...requests.values()].filter((r) => !results.has(tpKey(r.tp)));
      const byLeader = new Map<number, { tp: TopicPartition; timestamp: number }[]>();
      for (const r of pending) {
        const leader = await cluster.leaderFor(r.tp.topic, r.tp.partition);
        const list = byLeader.get(leader) ?? [];
        list.push(r);
        byLeader.set(leader, list);
      }
      let retry: KafkaError | null = null;
      await Promise.all(
        [...byLeader].map(async ([leader, list]) => {
          const topics = new Map<
            string,
            { partitionIndex: number; currentLeaderEpoch: number; timestamp: bigint; maxNumOffsets: number }[]
          >();
          for (const r of list) {
            const ps = topics.get(r.tp.topic) ?? [];
            ps.push({
              partitionIndex: r.tp.partition,
              currentLeaderEpoch: currentLeader(cluster, r.tp)?.leaderEpoch ?? -1,
              timestamp: BigInt(r.timestamp),
              maxNumOffsets: 1,
            });
            topics.set(r.tp.topic, ps);
          }
          const response = await cluster.request(leader, ApiKey.ListOffsets, {
            replicaId: -1,
            isolationLevel: isolation === 'read_committed' ? 1 : 0,
            topics: [...topics].map(([name, partitions]) => ({ name, partitions })),
            timeoutMs: c.requestTimeoutMs,
          });
          for (const t of response.topics) {
            for (const p of t.partitions) {
              const key = tpKey({ topic: t.name, partition: p.partitionIndex });
              if (p.errorCode !== ErrorCode.NONE) {
                const err = new KafkaError(p.errorCode, `ListOffsets ${t.name}-${p.partitionIndex}`);
                if (!err.retriable) throw err;
                cluster.invalidateTopic(t.name);
                retry = err;
                continue;
              }
              const offset = p.oldStyleOffsets.length > 0 && p.offset < 0n ? Number(p.oldStyleOffsets[0]) : Number(p.offset);
              results.set(key, offset < 0 ? null : { offset, timestamp: Number(p.timestamp), leaderEpoch: p.leaderEpoch });
            }
          }
        }),
      );
      if (retry !== null) throw retry;
    },
    {
      deadline: Date.now() + timeoutMs,
      backoffMs: c.retryBackoffMs,
      backoffMaxMs: c.retryBackoffMaxMs,
      what: 'ListOffsets',
      onRetry: (err) => {
        if (err instanceof KafkaError)
          for (const r of requests.values()) if (!results.has(tpKey(r.tp))) cluster.invalidateTopic(r.tp.topic);
      },
    },
  );
  return results;
}

/** The consumer's offsetsForTimes / beginningOffsets / endOffsets: a ListOffsets per partition, in the order asked. */
export async function offsetsAt(
  cluster: Cluster,
  config: ConsumerConfig,
  query: readonly (TopicPartition & { timestamp: number })[],
): Promise<(TopicPartition & { result: OffsetAndTimestamp | null })[]> {
  const requests = new Map(query.map((q) => [tpKey(q), { tp: q, timestamp: q.timestamp }] as const));
  const found = await listOffsets(cluster, requests, config.isolationLevel, config.client.defaultApiTimeoutMs);
  return query.map((q) => ({ topic: q.topic, partition: q.partition, result: found.get(tpKey(q)) ?? null }));
}
