// OffsetFetch v0-9. v0-1 list partitions and answer errors per partition only (Kafka's v0 read
// ZooKeeper; tarn answers from __consumer_offsets like every version); v2 lets topics be null —
// every partition the group has an offset for — and adds a top-level error_code (then no topics);
// v3 throttle_time_ms; v4 same as v3; v5 committed_leader_epoch; v6 is flexible; v7 require_stable
// (KIP-447: a partition whose commit is still being written, or that has a transactional commit
// whose transaction has not ended, answers UNSTABLE_OFFSET_COMMIT with offset -1 — on the partition,
// in every version, as Kafka's getOffsets puts it; the client retries); v8 batches groups
// (KIP-709): `groups` in and out, each group with its own error code; v9 adds member_id and
// member_epoch for KIP-848 consumer groups. tarn's groups are classic groups, which (as Kafka's
// ClassicGroup) accept a fetch from anyone: those fields are not checked.
// A partition without a committed offset answers -1 with empty metadata and no error.
// With an authorizer (KafkaApis.handleOffsetFetchRequestFromCoordinator, every version): a group
// needs DESCRIBE, else GROUP_AUTHORIZATION_FAILED as the group's error (v0-1, which have no place
// for it, carry it on each partition asked for, as Kafka's v0 does); topics need DESCRIBE too —
// partitions asked for by name answer TOPIC_AUTHORIZATION_FAILED (after the others), while "all
// partitions" silently leaves those topics out.
import { ApiKey, ErrorCode, OffsetFetchResponseTypes, type OffsetFetchRequestTypes } from '@tarn/protocol';
import type { TopicPartition } from '../group/offset-and-metadata';
import { AclOperation, authorizedGroup, authorizedTopic } from './authorize';
import { defineHandler, type RequestContext } from './handler';

type Request = OffsetFetchRequestTypes.OffsetFetchRequest;
type Response = OffsetFetchResponseTypes.OffsetFetchResponse;
type Partition = OffsetFetchResponseTypes.OffsetFetchResponsePartition;
type Topic = { name: string; partitions: Partition[] };

const BATCHED_VERSION = 8;

function partition(index: number, offset: bigint, leaderEpoch: number, metadata: string, errorCode: number): Partition {
  return {
    ...OffsetFetchResponseTypes.defaultOffsetFetchResponsePartition(),
    partitionIndex: index,
    committedOffset: offset,
    committedLeaderEpoch: leaderEpoch,
    metadata,
    errorCode,
  };
}

/**
 * One group's offsets, grouped by topic (in the order asked, then the topics the principal may not
 * describe; or sorted when all were asked for).
 */
function fetchGroup(
  ctx: RequestContext,
  groupId: string,
  requested: Array<{ name: string; partitionIndexes: number[] }> | null,
  requireStable: boolean,
): { error: number; topics: Topic[] } {
  if (!authorizedGroup(ctx, AclOperation.DESCRIBE, groupId)) return { error: ErrorCode.GROUP_AUTHORIZATION_FAILED, topics: [] };
  const decided = new Map<string, boolean>();
  const describable = (topic: string): boolean => {
    let allowed = decided.get(topic);
    if (allowed === undefined) decided.set(topic, (allowed = authorizedTopic(ctx, AclOperation.DESCRIBE, topic)));
    return allowed;
  };
  const denied = requested?.filter((t) => !describable(t.name)) ?? [];
  const tps: TopicPartition[] | null =
    requested === null
      ? null
      : requested.filter((t) => describable(t.name)).flatMap((t) => t.partitionIndexes.map((p) => ({ topic: t.name, partition: p })));
  const { error, partitions } = ctx.services.groupCoordinator.handleFetchOffsets(groupId, requireStable, tps);
  if (error !== ErrorCode.NONE) return { error, topics: [] };
  const topics = new Map<string, Topic>();
  const withEpoch = ctx.apiVersion >= 5;
  for (const { tp, data } of partitions) {
    if (requested === null && !describable(tp.topic)) continue;
    let t = topics.get(tp.topic);
    if (t === undefined) topics.set(tp.topic, (t = { name: tp.topic, partitions: [] }));
    t.partitions.push(partition(tp.partition, data.offset, withEpoch ? data.leaderEpoch : -1, data.metadata, data.error));
  }
  const ordered = [...topics.values()];
  if (requested === null) {
    ordered.sort((a, b) => a.name.localeCompare(b.name));
    for (const t of ordered) t.partitions.sort((a, b) => a.partitionIndex - b.partitionIndex);
  }
  for (const t of denied)
    ordered.push({
      name: t.name,
      partitions: t.partitionIndexes.map((i) => partition(i, -1n, -1, '', ErrorCode.TOPIC_AUTHORIZATION_FAILED)),
    });
  return { error: ErrorCode.NONE, topics: ordered };
}

function single(req: Request, apiVersion: number, error: number, topics: Topic[]): Response {
  const base = OffsetFetchResponseTypes.defaultOffsetFetchResponse();
  if (error === ErrorCode.NONE)
    return { ...base, topics: topics.map((t) => ({ ...OffsetFetchResponseTypes.defaultOffsetFetchResponseTopic(), ...t })) };
  if (apiVersion >= 2) return { ...base, errorCode: error };
  // v0-1 have no top-level error: every partition asked for carries it
  return {
    ...base,
    topics: (req.topics ?? []).map((t) => ({
      ...OffsetFetchResponseTypes.defaultOffsetFetchResponseTopic(),
      name: t.name,
      partitions: t.partitionIndexes.map((i) => partition(i, -1n, -1, '', error)),
    })),
  };
}

function group(groupId: string, error: number, topics: Topic[]): OffsetFetchResponseTypes.OffsetFetchResponseGroup {
  return {
    ...OffsetFetchResponseTypes.defaultOffsetFetchResponseGroup(),
    groupId,
    errorCode: error,
    topics: topics.map((t) => ({
      ...OffsetFetchResponseTypes.defaultOffsetFetchResponseTopics(),
      name: t.name,
      partitions: t.partitions.map((p) => ({ ...OffsetFetchResponseTypes.defaultOffsetFetchResponsePartitions(), ...p })),
    })),
  };
}

export const offsetFetch = defineHandler({
  apiKey: ApiKey.OffsetFetch,
  minVersion: 0,
  maxVersion: 9,
  handle(ctx, req) {
    const v = ctx.apiVersion;
    const requireStable = v >= 7 && req.requireStable;
    if (v < BATCHED_VERSION) {
      const { error, topics } = fetchGroup(ctx, req.groupId, v >= 2 ? req.topics : (req.topics ?? []), requireStable);
      return single(req, v, error, topics);
    }
    const groups = req.groups.map((g) => {
      const { error, topics } = fetchGroup(ctx, g.groupId, g.topics, requireStable);
      return group(g.groupId, error, topics);
    });
    return { ...OffsetFetchResponseTypes.defaultOffsetFetchResponse(), groups };
  },
  errorResponse: (req, code, _message, apiVersion) =>
    apiVersion < BATCHED_VERSION
      ? single(req, apiVersion, code, [])
      : { ...OffsetFetchResponseTypes.defaultOffsetFetchResponse(), groups: req.groups.map((g) => group(g.groupId, code, [])) },
});
