// Fetch v0-12. Long polls with max_wait_ms / min_bytes; v3 adds the response-wide max_bytes (v0-2
// have none, so each partition's first batch comes whole: "hard" limits off); v4 isolation level,
// last stable offset and aborted transactions; v5 log start offsets; v7 fetch sessions (KIP-227) —
// tarn answers every fetch in full with session id 0, which clients accept as "no session"; v9
// current leader epoch fencing; v11 rack / preferred read replica; v12 is flexible.
// Batches are served from the log file as stored, never re-encoded, except that v0-1 (magic 0) and
// v2-3 (magic 1) answers are down-converted because those clients cannot read record batch v2.
import { ApiKey, ErrorCode, FetchResponseTypes, KafkaError, downConvertRecords } from '@tarn/protocol';
import type { FetchIsolation } from '../replica/partition';
import type { FetchPartition } from '../replica/replica-manager';
import { defineHandler } from '../server/handler';

type PartitionData = FetchResponseTypes.PartitionData;

const EMPTY = Buffer.alloc(0);

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
  maxVersion: 12,
  async handle(ctx, req) {
    const { broker, apiVersion } = ctx;
    // Sessions: an incremental fetch (epoch > 0) refers to a session we never created.
    if (apiVersion >= 7 && req.sessionId !== 0 && req.sessionEpoch > 0) {
      return { ...FetchResponseTypes.defaultFetchResponse(), errorCode: ErrorCode.FETCH_SESSION_ID_NOT_FOUND };
    }
    const isolation: FetchIsolation = req.replicaId >= 0 ? 'log-end' : req.isolationLevel === 1 ? 'txn-committed' : 'high-watermark';
    const partitions: FetchPartition[] = [];
    for (const t of req.topics) {
      for (const p of t.partitions) {
        partitions.push({
          topic: t.topic,
          partition: p.partition,
          fetchOffset: Number(p.fetchOffset),
          partitionMaxBytes: p.partitionMaxBytes,
          currentLeaderEpoch: apiVersion >= 9 ? p.currentLeaderEpoch : -1,
        });
      }
    }
    const results = await broker.replicaManager.fetchMessages({
      replicaId: req.replicaId,
      maxWaitMs: req.maxWaitMs,
      minBytes: req.minBytes,
      maxBytes: apiVersion >= 3 ? req.maxBytes : Number.MAX_SAFE_INTEGER,
      hardMaxBytesLimit: apiVersion <= 2,
      isolation,
      partitions,
    });
    const toMagic = apiVersion <= 1 ? 0 : apiVersion <= 3 ? 1 : 2;
    let i = 0;
    return {
      ...FetchResponseTypes.defaultFetchResponse(),
      responses: req.topics.map((t) => ({
        ...FetchResponseTypes.defaultFetchableTopicResponse(),
        topic: t.topic,
        partitions: t.partitions.map((p) => {
          const r = results[i++]!;
          const data = partitionData(p.partition, r.error);
          if (r.error !== ErrorCode.NONE) return data;
          data.highWatermark = BigInt(r.highWatermark);
          data.lastStableOffset = BigInt(r.lastStableOffset);
          data.logStartOffset = BigInt(r.logStartOffset);
          data.abortedTransactions = isolation === 'txn-committed' ? [] : null;
          if (r.records !== null) {
            if (req.replicaId < 0) broker.adminApi.recordFetch(t.topic, r.records);
            try {
              data.records = toMagic === 2 ? r.records : downConvertRecords(r.records, toMagic, Number(p.fetchOffset));
            } catch (err) {
              data.errorCode = err instanceof KafkaError ? err.code : ErrorCode.UNKNOWN_SERVER_ERROR;
              data.records = EMPTY;
            }
          }
          return data;
        }),
      })),
    };
  },
  errorResponse: (req, code) => ({
    ...FetchResponseTypes.defaultFetchResponse(),
    errorCode: code,
    responses: req.topics.map((t) => ({
      ...FetchResponseTypes.defaultFetchableTopicResponse(),
      topic: t.topic,
      partitions: t.partitions.map((p) => partitionData(p.partition, code)),
    })),
  }),
});
