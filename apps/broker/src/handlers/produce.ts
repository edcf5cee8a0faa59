// Produce v0-9. acks 0 (no response; a failure closes the connection, as Kafka does), 1 (after the
// local append) and -1 (after the high watermark passes the batch, up to timeout_ms). v0-2 carry
// magic 0/1 message sets, up-converted here to record batch v2; v3+ must carry exactly one v2 batch
// per partition; zstd needs v7+. v2 adds log_append_time, v5 log_start_offset, v8 record_errors and
// error_message, v9 is flexible, v10 answers NOT_LEADER_OR_FOLLOWER with the current leader and its
// endpoint (KIP-951), v11 only allows TRANSACTION_ABORTABLE (KIP-890). Transactional batches need
// Write on the request's transactional id and are verified with its coordinator
// (produce-transactions.ts). Internal topics refuse client writes.
import {
  ApiKey,
  CompressionType,
  ErrorCode,
  KafkaError,
  MAGIC_OFFSET,
  ATTRIBUTES_OFFSET,
  BATCH_LENGTH_OFFSET,
  LOG_OVERHEAD,
  ProduceResponseTypes,
  errorName,
  upConvertMessageSet,
} from '@tarn/protocol';
import type { AppendEntry } from '../replica/replica-manager';
import { isInternalTopic } from '../metadata/topic-name';
import { LeaderHints } from './leader-hints';
import { hasTransactionalRecords, transactionalIdAuthorized, verifyTransactionalWrites } from './produce-transactions';
import { AclOperation, authorizedTopic } from './authorize';
import { CLOSE_CONNECTION, NO_RESPONSE, defineHandler } from './handler';

type PartitionResponse = ProduceResponseTypes.PartitionProduceResponse;

const LEADER_HINTS_VERSION = 10;

function partitionResponse(index: number, code: number, message: string | null, apiVersion: number): PartitionResponse {
  return {
    ...ProduceResponseTypes.defaultPartitionProduceResponse(),
    index,
    errorCode: code,
    baseOffset: -1n,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
    errorMessage: apiVersion >= 8 ? message : null,
  };
}

/** Checks the shape Kafka requires of a partition's records before they reach the log. */
function checkRecords(records: Buffer | null, apiVersion: number, nowMs: number): Buffer {
  if (records === null || records.length === 0) throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'produce request without records');
  if (records.length < LOG_OVERHEAD + MAGIC_OFFSET - 8 + 1)
    throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'records too short to be a batch');
  const magic = records.readInt8(MAGIC_OFFSET);
  if (apiVersion <= 2 && (magic === 0 || magic === 1)) return upConvertMessageSet(records, { now: nowMs });
  if (magic !== 2) {
    throw new KafkaError(
      ErrorCode.INVALID_RECORD,
      `Produce requests with version ${apiVersion} are only allowed to contain record batches with magic version 2`,
    );
  }
  if (apiVersion >= 3 && records.length >= LOG_OVERHEAD && records.readInt32BE(BATCH_LENGTH_OFFSET) + LOG_OVERHEAD !== records.length) {
    throw new KafkaError(
      ErrorCode.INVALID_RECORD,
      `Produce requests with version ${apiVersion} are only allowed to contain exactly one record batch`,
    );
  }
  if (records.length > ATTRIBUTES_OFFSET + 2) {
    const attributes = records.readInt16BE(ATTRIBUTES_OFFSET);
    if ((attributes & 7) === CompressionType.ZSTD && apiVersion < 7) {
      throw new KafkaError(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, 'Produce requests with zstd compressed batches need version 7 or later');
    }
  }
  return records;
}

type Responses = Map<string, Map<number, PartitionResponse>>;

/** A module function, not a closure per request: tsx names every closure it creates (~0.4 µs). */
function putResponse(responses: Responses, topic: string, r: PartitionResponse): void {
  let m = responses.get(topic);
  if (m === undefined) responses.set(topic, (m = new Map()));
  m.set(r.index, r);
}

export const produce = defineHandler({
  apiKey: ApiKey.Produce,
  minVersion: 0,
  maxVersion: 11,
  async handle(ctx, req) {
    const { services, apiVersion } = ctx;
    const responses: Responses = new Map();
    const entries: AppendEntry[] = [];
    const validAcks = req.acks === 0 || req.acks === 1 || req.acks === -1;
    const now = Date.now();
    for (const t of req.topicData) {
      const writable = authorizedTopic(ctx, AclOperation.WRITE, t.name);
      for (const p of t.partitionData) {
        try {
          if (!writable) throw new KafkaError(ErrorCode.TOPIC_AUTHORIZATION_FAILED, `Not authorized to write to topic ${t.name}`);
          if (!validAcks) throw new KafkaError(ErrorCode.INVALID_REQUIRED_ACKS, `acks must be -1, 0 or 1, not ${req.acks}`);
          if (isInternalTopic(t.name)) throw new KafkaError(ErrorCode.INVALID_TOPIC_EXCEPTION, `Cannot append to internal topic ${t.name}`);
          entries.push({ topic: t.name, partition: p.index, records: checkRecords(p.records, apiVersion, now) });
        } catch (err) {
          const code = err instanceof KafkaError ? err.code : ErrorCode.UNKNOWN_SERVER_ERROR;
          putResponse(responses, t.name, partitionResponse(p.index, code, (err as Error).message, apiVersion));
        }
      }
    }
    let toAppend = entries;
    if (hasTransactionalRecords(entries)) {
      if (!transactionalIdAuthorized(ctx, req.transactionalId)) {
        const message = `Not authorized to write transactionally with transactional id ${req.transactionalId}`;
        for (const e of entries)
          putResponse(
            responses,
            e.topic,
            partitionResponse(e.partition, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, message, apiVersion),
          );
        toAppend = [];
      } else {
        const verified = await verifyTransactionalWrites(ctx, req.transactionalId!, entries);
        for (const r of verified.refused) putResponse(responses, r.topic, partitionResponse(r.partition, r.error, r.message, apiVersion));
        toAppend = verified.entries;
      }
    }
    // Appends are issued synchronously inside appendRecords; a request that verified a transaction
    // first waited for its coordinator, as later requests of the same producer to those partitions do.
    const results = await services.replicaManager.appendRecords(req.acks, req.timeoutMs, toAppend);
    let failed = responses.size > 0;
    const hints = apiVersion >= LEADER_HINTS_VERSION ? new LeaderHints(ctx) : null;
    for (const r of results) {
      const resp = partitionResponse(r.partition, r.error, r.errorMessage, apiVersion);
      if (hints !== null && LeaderHints.wanted(r.error)) resp.currentLeader = hints.currentLeader(r.topic, r.partition);
      if (r.error === ErrorCode.NONE && r.info !== null) {
        resp.baseOffset = BigInt(r.info.firstOffset);
        resp.logAppendTimeMs = BigInt(r.info.logAppendTime);
        resp.logStartOffset = BigInt(r.info.logStartOffset);
      } else {
        failed = true;
        services.logger.debug(
          { topic: r.topic, partition: r.partition, error: errorName(r.error), message: r.errorMessage, client: ctx.header.clientId },
          'produce failed',
        );
      }
      putResponse(responses, r.topic, resp);
    }
    if (req.acks === 0) return failed ? CLOSE_CONNECTION : NO_RESPONSE;
    if (services.faults.dropProduceResponses > 0) {
      services.faults.dropProduceResponses--;
      return CLOSE_CONNECTION;
    }
    return {
      ...ProduceResponseTypes.defaultProduceResponse(),
      nodeEndpoints: hints?.nodeEndpoints() ?? [],
      responses: req.topicData.map((t) => ({
        ...ProduceResponseTypes.defaultTopicProduceResponse(),
        name: t.name,
        partitionResponses: t.partitionData.map(
          (p) => responses.get(t.name)?.get(p.index) ?? partitionResponse(p.index, ErrorCode.UNKNOWN_SERVER_ERROR, null, apiVersion),
        ),
      })),
    };
  },
  errorResponse: (req, code, message, apiVersion) => ({
    ...ProduceResponseTypes.defaultProduceResponse(),
    responses: req.topicData.map((t) => ({
      ...ProduceResponseTypes.defaultTopicProduceResponse(),
      name: t.name,
      partitionResponses: t.partitionData.map((p) => partitionResponse(p.index, code, message, apiVersion)),
    })),
  }),
});
