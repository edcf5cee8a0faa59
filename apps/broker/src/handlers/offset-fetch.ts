// OffsetFetch v0-7. v0-1 list partitions and answer errors per partition only (Kafka's v0 read
// ZooKeeper; tarn answers from __consumer_offsets like every version); v2 lets topics be null —
// every partition the group has an offset for — and adds a top-level error_code (then no topics);
// v3 throttle_time_ms; v4 same as v3; v5 committed_leader_epoch; v6 is flexible; v7 require_stable
// (a partition whose commit is still being written answers UNSTABLE_OFFSET_COMMIT). A partition
// without a committed offset answers -1 with empty metadata and no error.
import { ApiKey, ErrorCode, OffsetFetchResponseTypes, type OffsetFetchRequestTypes } from '@tarn/protocol';
import { defineHandler } from '../server/handler';

type Topic = OffsetFetchResponseTypes.OffsetFetchResponseTopic;

function partition(index: number, offset: bigint, leaderEpoch: number, metadata: string, errorCode: number): OffsetFetchResponseTypes.OffsetFetchResponsePartition {
  return { ...OffsetFetchResponseTypes.defaultOffsetFetchResponsePartition(), partitionIndex: index, committedOffset: offset, committedLeaderEpoch: leaderEpoch, metadata, errorCode };
}

function errorResponse(req: OffsetFetchRequestTypes.OffsetFetchRequest, code: number, apiVersion: number): OffsetFetchResponseTypes.OffsetFetchResponse {
  const base = OffsetFetchResponseTypes.defaultOffsetFetchResponse();
  if (apiVersion >= 2) return { ...base, errorCode: code };
  return {
    ...base,
    topics: (req.topics ?? []).map((t) => ({ ...OffsetFetchResponseTypes.defaultOffsetFetchResponseTopic(), name: t.name, partitions: t.partitionIndexes.map((i) => partition(i, -1n, -1, '', code)) })),
  };
}

export const offsetFetch = defineHandler({
  apiKey: ApiKey.OffsetFetch,
  minVersion: 0,
  maxVersion: 7,
  handle(ctx, req) {
    const v = ctx.apiVersion;
    const all = v >= 2 && req.topics === null;
    const tps = all ? null : (req.topics ?? []).flatMap((t) => t.partitionIndexes.map((p) => ({ topic: t.name, partition: p })));
    const { error, partitions } = ctx.broker.groupCoordinator.handleFetchOffsets(req.groupId, v >= 7 && req.requireStable, tps);
    if (error !== ErrorCode.NONE) return errorResponse(req, error, v);
    const topics = new Map<string, Topic>();
    for (const { tp, data } of partitions) {
      let t = topics.get(tp.topic);
      if (t === undefined) topics.set(tp.topic, (t = { ...OffsetFetchResponseTypes.defaultOffsetFetchResponseTopic(), name: tp.topic, partitions: [] }));
      t.partitions.push(partition(tp.partition, data.offset, v >= 5 ? data.leaderEpoch : -1, data.metadata, data.error));
    }
    const ordered = all ? [...topics.values()].sort((a, b) => a.name.localeCompare(b.name)) : [...topics.values()];
    if (all) for (const t of ordered) t.partitions.sort((a, b) => a.partitionIndex - b.partitionIndex);
    return { ...OffsetFetchResponseTypes.defaultOffsetFetchResponse(), topics: ordered };
  },
  errorResponse: (req, code, _message, apiVersion) => errorResponse(req, code, apiVersion),
});
