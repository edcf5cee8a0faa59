// Fetch v0-17. Long polls with max_wait_ms / min_bytes; v3 adds the response-wide max_bytes (v0-2
// have none, so each partition's first batch comes whole: "hard" limits off); v4 isolation level,
// last stable offset and aborted transactions; v5 log start offsets; v7 fetch sessions (KIP-227:
// fetch-session-cache.ts — a full fetch with epoch 0 opens one, incremental fetches name only what
// changed and are answered only with partitions that have news); v9
// current leader epoch fencing; v11 rack / preferred read replica; v12 is flexible; v13 names topics
// by topic id (KIP-516; an unknown id is UNKNOWN_TOPIC_ID on each of its partitions); v14 allows
// OFFSET_MOVED_TO_TIERED_STORAGE (never sent: tarn has no tiered storage); v15 moves replica_id into
// the replica_state tagged field (KIP-903); v16 answers NOT_LEADER_OR_FOLLOWER with the current
// leader and its endpoint (KIP-951); v17 adds the replica's directory id (KIP-853; unused here).
// Batches are served from the log file as stored, never re-encoded, except that v0-1 (magic 0) and
// v2-3 (magic 1) answers are down-converted because those clients cannot read record batch v2.
import { ApiKey, ErrorCode, FetchResponseTypes, KafkaError, downConvertRecords, type FetchRequestTypes } from '@tarn/protocol';
import { FINAL_EPOCH, INITIAL_EPOCH, sessionKey, type FetchSession, type SessionPartition } from '../fetch-session/fetch-session-cache';
import type { FetchIsolation } from '../replica/partition';
import type { FetchPartition, FetchResult } from '../replica/replica-manager';
import { AclOperation, authorizedOnCluster, authorizedTopic } from './authorize';
import { defineHandler, type RequestContext } from './handler';
import { LeaderHints } from './leader-hints';

type PartitionData = FetchResponseTypes.PartitionData;
type TopicResponse = FetchResponseTypes.FetchableTopicResponse;
type Request = FetchRequestTypes.FetchRequest;

const EMPTY = Buffer.alloc(0);
const TOPIC_IDS_VERSION = 13;
const REPLICA_STATE_VERSION = 15;
const LEADER_HINTS_VERSION = 16;
const SESSIONS_VERSION = 7;

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

/** One requested partition as a session holds it, not yet told anything (-1s make the next answer include it). */
function sessionPartition(
  ctx: RequestContext,
  topic: string | null,
  t: FetchRequestTypes.FetchTopic,
  p: FetchRequestTypes.FetchPartition,
): SessionPartition {
  return {
    topic,
    topicId: t.topicId,
    partition: p.partition,
    fetchOffset: Number(p.fetchOffset),
    maxBytes: p.partitionMaxBytes,
    currentLeaderEpoch: ctx.apiVersion >= 9 ? p.currentLeaderEpoch : -1,
    highWatermark: -1,
    lastStableOffset: -1,
    logStartOffset: -1,
  };
}

/** The request's partitions, as a session would hold them (v13+ by topic id, before by name). */
function requestedPartitions(ctx: RequestContext, req: Request, names: ReadonlyArray<string | null>): SessionPartition[] {
  const out: SessionPartition[] = [];
  for (const [ti, t] of req.topics.entries()) for (const p of t.partitions) out.push(sessionPartition(ctx, names[ti] ?? null, t, p));
  return out;
}

/**
 * An incremental fetch (epoch > 0) applied to its session: positions updated, new partitions added,
 * forgotten ones removed. Null with the top-level error when the session or its epoch is wrong.
 */
function updateSession(
  ctx: RequestContext,
  req: Request,
  names: ReadonlyArray<string | null>,
): { session: FetchSession | null; error: number } {
  const usesTopicIds = ctx.apiVersion >= TOPIC_IDS_VERSION;
  const session = ctx.services.fetchSessions.get(req.sessionId);
  if (session === undefined) return { session: null, error: ErrorCode.FETCH_SESSION_ID_NOT_FOUND };
  if (session.epoch !== req.sessionEpoch) return { session: null, error: ErrorCode.INVALID_FETCH_SESSION_EPOCH };
  if (session.usesTopicIds !== usesTopicIds) return { session: null, error: ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR };
  // updated in place: a consumer's steady state (every position moving) allocates nothing here
  for (const [ti, t] of req.topics.entries()) {
    for (const p of t.partitions) {
      const key = sessionKey(usesTopicIds ? t.topicId : t.topic, p.partition);
      const cached = session.partitions.get(key);
      if (cached === undefined) {
        session.partitions.set(key, sessionPartition(ctx, names[ti] ?? null, t, p));
      } else {
        cached.topic = names[ti] ?? null;
        cached.fetchOffset = Number(p.fetchOffset);
        cached.maxBytes = p.partitionMaxBytes;
        cached.currentLeaderEpoch = ctx.apiVersion >= 9 ? p.currentLeaderEpoch : -1;
      }
    }
  }
  for (const f of req.forgottenTopicsData)
    for (const p of f.partitions) session.partitions.delete(sessionKey(usesTopicIds ? f.topicId : f.topic, p));
  session.advanceEpoch();
  return { session, error: ErrorCode.NONE };
}

/** Whether an incremental answer must carry the partition (Kafka's maybeUpdateResponseData); remembers what it is told. */
function hasNews(sp: SessionPartition, data: PartitionData): boolean {
  let news = data.errorCode !== ErrorCode.NONE || (data.records?.length ?? 0) > 0;
  const hw = Number(data.highWatermark);
  const lso = Number(data.lastStableOffset);
  const logStart = Number(data.logStartOffset);
  if (sp.highWatermark !== hw || sp.lastStableOffset !== lso || sp.logStartOffset !== logStart) news = true;
  sp.highWatermark = hw;
  sp.lastStableOffset = lso;
  sp.logStartOffset = logStart;
  return news;
}

/** Consecutive partitions of one topic share a topic entry, as Kafka's FetchResponse groups them. */
function groupByTopic(entries: ReadonlyArray<{ sp: SessionPartition; data: PartitionData }>): TopicResponse[] {
  const out: TopicResponse[] = [];
  let last: TopicResponse | null = null;
  let lastTopic: string | null = null;
  let lastTopicId = '';
  for (const { sp, data } of entries) {
    if (last === null || sp.topic !== lastTopic || sp.topicId !== lastTopicId) {
      // an unknown topic id (v13+) has no name; v13+ answers carry only the id
      last = { ...FetchResponseTypes.defaultFetchableTopicResponse(), topic: sp.topic ?? '', topicId: sp.topicId, partitions: [] };
      lastTopic = sp.topic;
      lastTopicId = sp.topicId;
      out.push(last);
    }
    last.partitions.push(data);
  }
  return out;
}

export const fetch = defineHandler({
  apiKey: ApiKey.Fetch,
  minVersion: 0,
  maxVersion: 17,
  async handle(ctx, req) {
    const { services, apiVersion } = ctx;
    const replicaId = apiVersion >= REPLICA_STATE_VERSION ? req.replicaState.replicaId : req.replicaId;
    const isolation: FetchIsolation = replicaId >= 0 ? 'log-end' : req.isolationLevel === 1 ? 'txn-committed' : 'high-watermark';
    // v13+: topics by id; a name of null stands for an id this broker does not know
    const names = req.topics.map((t) => (apiVersion >= TOPIC_IDS_VERSION ? (services.topicIds.nameOf(t.topicId) ?? null) : t.topic));

    // the partitions to read: the request's, or (an incremental fetch) its session's
    let session: FetchSession | null = null;
    let wanted: SessionPartition[];
    const sessions = apiVersion >= SESSIONS_VERSION;
    if (sessions && req.sessionEpoch > INITIAL_EPOCH) {
      const updated = updateSession(ctx, req, names);
      if (updated.session === null) return { ...FetchResponseTypes.defaultFetchResponse(), errorCode: updated.error };
      session = updated.session;
      wanted = [...session.partitions.values()];
    } else {
      // epoch 0 (a new session) or -1 (none) with an id: that session ends
      if (sessions && req.sessionId !== 0) services.fetchSessions.remove(req.sessionId);
      wanted = requestedPartitions(ctx, req, names);
    }

    // Kafka: followers need ClusterAction on the cluster, consumers Read on each topic
    // (nothing to decide, and nothing allocated, without an authorizer: this is the hot path)
    let denied: Map<string, boolean> | null = null;
    if (services.authorization.enabled) {
      denied = new Map();
      const followerAllowed = replicaId < 0 || authorizedOnCluster(ctx, AclOperation.CLUSTER_ACTION);
      for (const sp of wanted)
        if (sp.topic !== null && !denied.has(sp.topic))
          denied.set(sp.topic, !followerAllowed || (replicaId < 0 && !authorizedTopic(ctx, AclOperation.READ, sp.topic)));
    }
    const partitions: FetchPartition[] = [];
    for (const sp of wanted) {
      if (sp.topic === null || denied?.get(sp.topic) === true) continue;
      partitions.push({
        topic: sp.topic,
        partition: sp.partition,
        fetchOffset: sp.fetchOffset,
        partitionMaxBytes: sp.maxBytes,
        currentLeaderEpoch: sp.currentLeaderEpoch,
      });
    }
    const results = await services.replicaManager.fetchMessages({
      replicaId,
      maxWaitMs: req.maxWaitMs,
      minBytes: req.minBytes,
      maxBytes: apiVersion >= 3 ? req.maxBytes : Number.MAX_SAFE_INTEGER,
      hardMaxBytesLimit: apiVersion <= 2,
      isolation,
      partitions,
      allocate: ctx.responseBuffer,
    });
    const toMagic: 0 | 1 | 2 = apiVersion <= 1 ? 0 : apiVersion <= 3 ? 1 : 2;
    const hints = apiVersion >= LEADER_HINTS_VERSION ? new LeaderHints(ctx) : null;
    let i = 0;
    const entries = wanted.map((sp) => {
      if (sp.topic === null) return { sp, data: partitionData(sp.partition, ErrorCode.UNKNOWN_TOPIC_ID) };
      if (denied?.get(sp.topic) === true) return { sp, data: partitionData(sp.partition, ErrorCode.TOPIC_AUTHORIZATION_FAILED) };
      return { sp, data: answer(results[i++]!, sp, toMagic, hints) };
    });

    let sessionId = 0;
    let answered = entries;
    if (session !== null) {
      sessionId = session.id;
      answered = entries.filter((e) => hasNews(e.sp, e.data));
      // partitions that returned records go to the back of the line, so no partition starves the rest
      for (const e of answered) {
        if ((e.data.records?.length ?? 0) === 0) continue;
        const key = sessionKey(session.usesTopicIds ? e.sp.topicId : (e.sp.topic ?? ''), e.sp.partition);
        session.partitions.delete(key);
        session.partitions.set(key, e.sp);
      }
    } else if (sessions && req.sessionEpoch === INITIAL_EPOCH) {
      const usesTopicIds = apiVersion >= TOPIC_IDS_VERSION;
      const map = new Map<string, SessionPartition>();
      for (const e of entries) {
        hasNews(e.sp, e.data);
        map.set(sessionKey(usesTopicIds ? e.sp.topicId : (e.sp.topic ?? ''), e.sp.partition), e.sp);
      }
      sessionId = services.fetchSessions.create(replicaId >= 0, usesTopicIds, map)?.id ?? 0;
    }
    return {
      ...FetchResponseTypes.defaultFetchResponse(),
      sessionId: req.sessionEpoch === FINAL_EPOCH ? 0 : sessionId,
      responses: groupByTopic(answered),
      nodeEndpoints: hints?.nodeEndpoints() ?? [],
    };
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

/** One partition's answer from what the replica manager read. */
function answer(r: FetchResult, sp: SessionPartition, toMagic: 0 | 1 | 2, hints: LeaderHints | null): PartitionData {
  const data = partitionData(sp.partition, r.error);
  if (hints !== null && LeaderHints.wanted(r.error)) data.currentLeader = hints.currentLeader(sp.topic!, sp.partition);
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
      data.records = toMagic === 2 ? r.records : downConvertRecords(r.records, toMagic, sp.fetchOffset);
    } catch (err) {
      data.errorCode = err instanceof KafkaError ? err.code : ErrorCode.UNKNOWN_SERVER_ERROR;
      data.records = EMPTY;
    }
  }
  return data;
}
