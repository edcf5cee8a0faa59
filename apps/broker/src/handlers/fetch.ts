// Fetch v0-17. Long polls with max_wait_ms / min_bytes; v3 adds the response-wide max_bytes (v0-2
// have none, so each partition's first batch comes whole: "hard" limits off); v4 isolation level,
// last stable offset and aborted transactions; v5 log start offsets; v7 fetch sessions (KIP-227) —
// tarn answers every fetch in full with session id 0, which clients accept as "no session"; v9
// current leader epoch fencing; v11 rack / preferred read replica; v12 is flexible; v13 names topics
// by topic id (KIP-516; an unknown id is UNKNOWN_TOPIC_ID on each of its partitions); v14 allows
// OFFSET_MOVED_TO_TIERED_STORAGE (never sent: tarn has no tiered storage); v15 moves replica_id into
// the replica_state tagged field (KIP-903); v16 answers NOT_LEADER_OR_FOLLOWER with the current
// leader and its endpoint (KIP-951); v17 adds the replica's directory id (KIP-853; unused here).
// Batches are served from the log file as stored, never re-encoded, except that v0-1 (magic 0) and
// v2-3 (magic 1) answers are down-converted because those clients cannot read record batch v2.
import { ApiKey, ErrorCode, FetchResponseTypes, KafkaError, downConvertRecords } from '@tarn/protocol';
import type { FetchIsolation } from '../replica/partition';
import type { FetchPartition } from '../replica/replica-manager';
import { AclOperation, authorizedOnCluster, authorizedTopic } from './authorize';
import { defineHandler } from './handler';
import { LeaderHints } from './leader-hints';

type PartitionData = FetchResponseTypes.PartitionData;

const EMPTY = Buffer.alloc(0);
const TOPIC_IDS_VERSION = 13;
const REPLICA_STATE_VERSION = 15;
const LEADER_HINTS_VERSION = 16;

function partitionData(index: number, code: number): PartitionData {
  return {
    ...FetchResponseTypes.defaultPartitionData(),
    partitionIndex: index,
    errorCode: code,
    highWatermark: -1n,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    records: EMPTY,
  };
}

export const fetch = defineHandler({
  apiKey: ApiKey.Fetch,
  minVersion: 0,
  maxVersion: 17,
  async handle(ctx, req) {
    const { services, apiVersion } = ctx;
    // Sessions: an incremental fetch (epoch > 0) refers to a session we never created.
    if (apiVersion >= 7 && req.sessionId !== 0 && req.sessionEpoch > 0) {
      return { ...FetchResponseTypes.defaultFetchResponse(), errorCode: ErrorCode.FETCH_SESSION_ID_NOT_FOUND };
    }
    const replicaId = apiVersion >= REPLICA_STATE_VERSION ? req.replicaState.replicaId : req.replicaId;
    const isolation: FetchIsolation = replicaId >= 0 ? 'log-end' : req.isolationLevel === 1 ? 'txn-committed' : 'high-watermark';
    // v13+: topics by id; a name of null stands for an id this broker does not know
    const names = req.topics.map((t) => (apiVersion >= TOPIC_IDS_VERSION ? (services.topicIds.nameOf(t.topicId) ?? null) : t.topic));
    // Kafka: followers need ClusterAction on the cluster, consumers Read on each topic
    // (nothing to decide, and nothing allocated, without an authorizer: this is the hot path)
    let denied: boolean[] | null = null;
    if (services.authorization.enabled) {
      const followerAllowed = replicaId < 0 || authorizedOnCluster(ctx, AclOperation.CLUSTER_ACTION);
      denied = names.map((n) => n !== null && (!followerAllowed || (replicaId < 0 && !authorizedTopic(ctx, AclOperation.READ, n))));
    }
    const partitions: FetchPartition[] = [];
    for (const [ti, t] of req.topics.entries()) {
      const topic = names[ti] ?? null;
      if (topic === null || denied?.[ti] === true) continue;
      for (const p of t.partitions) {
        partitions.push({
          topic,
          partition: p.partition,
          fetchOffset: Number(p.fetchOffset),
          partitionMaxBytes: p.partitionMaxBytes,
          currentLeaderEpoch: apiVersion >= 9 ? p.currentLeaderEpoch : -1,
        });
      }
    }
    const results = await services.replicaManager.fetchMessages({
      replicaId,
      maxWaitMs: req.maxWaitMs,
      minBytes: req.minBytes,
      maxBytes: apiVersion >= 3 ? req.maxBytes : Number.MAX_SAFE_INTEGER,
      hardMaxBytesLimit: apiVersion <= 2,
      isolation,
      partitions,
    });
    const toMagic = apiVersion <= 1 ? 0 : apiVersion <= 3 ? 1 : 2;
    const hints = apiVersion >= LEADER_HINTS_VERSION ? new LeaderHints(ctx) : null;
    let i = 0;
    const responses = req.topics.map((t, ti) => {
      const topic = names[ti] ?? null;
      if (denied?.[ti] === true) {
        return {
          ...FetchResponseTypes.defaultFetchableTopicResponse(),
          topic: t.topic,
          topicId: t.topicId,
          partitions: t.partitions.map((p) => partitionData(p.partition, ErrorCode.TOPIC_AUTHORIZATION_FAILED)),
        };
      }
      return {
        ...FetchResponseTypes.defaultFetchableTopicResponse(),
        topic: t.topic,
        topicId: t.topicId,
        partitions: t.partitions.map((p) => {
          if (topic === null) return partitionData(p.partition, ErrorCode.UNKNOWN_TOPIC_ID);
          const r = results[i++]!;
          const data = partitionData(p.partition, r.error);
          if (hints !== null && LeaderHints.wanted(r.error)) data.currentLeader = hints.currentLeader(topic, p.partition);
          if (r.error !== ErrorCode.NONE) return data;
          data.highWatermark = BigInt(r.highWatermark);
          data.lastStableOffset = BigInt(r.lastStableOffset);
          data.logStartOffset = BigInt(r.logStartOffset);
          data.abortedTransactions =
            r.abortedTransactions === null
              ? null
              : r.abortedTransactions.map((a) => ({ producerId: BigInt(a.producerId), firstOffset: BigInt(a.firstOffset) }));
          if (r.records !== null) {
            try {
              data.records = toMagic === 2 ? r.records : downConvertRecords(r.records, toMagic, Number(p.fetchOffset));
            } catch (err) {
              data.errorCode = err instanceof KafkaError ? err.code : ErrorCode.UNKNOWN_SERVER_ERROR;
              data.records = EMPTY;
            }
          }
          return data;
        }),
      };
    });
    return { ...FetchResponseTypes.defaultFetchResponse(), responses, nodeEndpoints: hints?.nodeEndpoints() ?? [] };
  },
  errorResponse: (req, code) => ({
    ...FetchResponseTypes.defaultFetchResponse(),
    errorCode: code,
    responses: req.topics.map((t) => ({
      ...FetchResponseTypes.defaultFetchableTopicResponse(),
      topic: t.topic,
      topicId: t.topicId,
      partitions: t.partitions.map((p) => partitionData(p.partition, code)),
    })),
  }),
});
