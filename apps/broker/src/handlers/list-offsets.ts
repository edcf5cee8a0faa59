// ListOffsets v0-9. Timestamps: -1 latest (the high watermark, or the last stable offset for
// read_committed, v2+), -2 earliest (log start offset), -3 max timestamp (v7, KIP-734), -4 earliest
// local (v8, KIP-405: the log start offset, as tarn keeps every segment locally), -5 latest tiered
// (v9, KIP-1005: offset -1 and epoch -1, as Kafka answers without remote storage), otherwise
// the first offset whose record timestamp is >= the one asked for (-1/-1 when there is none).
// v0 answers with a list of offsets (old_style_offsets: Kafka's legacy segment-based lookup); v1 a
// single offset with its timestamp; v2 isolation level and throttle time; v4 leader epochs (current
// epoch fencing and the epoch of the returned offset); v6 is flexible. A partition named twice is
// INVALID_REQUEST; a follower (replica_id >= 0) reads the log end offset for "latest".
import { ApiKey, ErrorCode, KafkaError, ListOffsetsResponseTypes, errorCodeOf } from '@tarn/protocol';
import type { Partition } from '../replica/partition';
import { AclOperation, authorizedTopic } from './authorize';
import { defineHandler } from './handler';

export const LATEST_TIMESTAMP = -1;
export const EARLIEST_TIMESTAMP = -2;
export const MAX_TIMESTAMP = -3;
export const EARLIEST_LOCAL_TIMESTAMP = -4;
export const LATEST_TIERED_TIMESTAMP = -5;

type PartitionResponse = ListOffsetsResponseTypes.ListOffsetsPartitionResponse;

function response(index: number, code: number): PartitionResponse {
  return { ...ListOffsetsResponseTypes.defaultListOffsetsPartitionResponse(), partitionIndex: index, errorCode: code };
}

export const listOffsets = defineHandler({
  apiKey: ApiKey.ListOffsets,
  minVersion: 0,
  maxVersion: 9,
  handle(ctx, req) {
    const { services, apiVersion } = ctx;
    const seen = new Set<string>();
    const topics = req.topics.map((t) => {
      const describable = authorizedTopic(ctx, AclOperation.DESCRIBE, t.name);
      return {
        ...ListOffsetsResponseTypes.defaultListOffsetsTopicResponse(),
        name: t.name,
        partitions: t.partitions.map((rp): PartitionResponse => {
          if (!describable) return response(rp.partitionIndex, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
          const key = `${t.name}-${rp.partitionIndex}`;
          if (seen.has(key)) return response(rp.partitionIndex, ErrorCode.INVALID_REQUEST);
          seen.add(key);
          try {
            const p = services.replicaManager.leaderPartition(t.name, rp.partitionIndex);
            if (apiVersion >= 4) p.checkLeaderEpoch(rp.currentLeaderEpoch);
            const timestamp = Number(rp.timestamp);
            if (apiVersion === 0) {
              return {
                ...response(rp.partitionIndex, ErrorCode.NONE),
                oldStyleOffsets: p.legacyFetchOffsetsBefore(timestamp, rp.maxNumOffsets, Date.now()).map(BigInt),
              };
            }
            const found = lookup(p, timestamp, apiVersion, req.replicaId >= 0, apiVersion >= 2 && req.isolationLevel === 1);
            return {
              ...response(rp.partitionIndex, ErrorCode.NONE),
              timestamp: BigInt(found?.timestamp ?? -1),
              offset: BigInt(found?.offset ?? -1),
              leaderEpoch: apiVersion >= 4 ? (found?.leaderEpoch ?? -1) : -1,
            };
          } catch (err) {
            if (!(err instanceof KafkaError))
              services.logger.error({ err, topic: t.name, partition: rp.partitionIndex }, 'ListOffsets failed');
            return response(rp.partitionIndex, errorCodeOf(err));
          }
        }),
      };
    });
    return { ...ListOffsetsResponseTypes.defaultListOffsetsResponse(), topics };
  },
  errorResponse: (req, code) => ({
    ...ListOffsetsResponseTypes.defaultListOffsetsResponse(),
    topics: req.topics.map((t) => ({
      ...ListOffsetsResponseTypes.defaultListOffsetsTopicResponse(),
      name: t.name,
      partitions: t.partitions.map((p) => response(p.partitionIndex, code)),
    })),
  }),
});

/** As Kafka (KAFKA-17331): a special timestamp asked at a version that predates it. */
function tooNew(timestamp: number, since: number): KafkaError {
  return new KafkaError(ErrorCode.UNSUPPORTED_VERSION, `timestamp ${timestamp} needs ListOffsets v${since} or later`);
}

function invalidTimestamp(timestamp: number): KafkaError {
  return new KafkaError(ErrorCode.INVALID_REQUEST, `invalid timestamp ${timestamp}`);
}

function lookup(
  p: Partition,
  timestamp: number,
  apiVersion: number,
  fromFollower: boolean,
  readCommitted: boolean,
): { offset: number; timestamp: number; leaderEpoch: number } | null {
  const epochAt = (offset: number) => p.epochForOffset(offset);
  switch (timestamp) {
    case LATEST_TIMESTAMP: {
      const offset = fromFollower ? p.logEndOffset : readCommitted ? p.lastStableOffset : p.highWatermark;
      return { offset, timestamp: -1, leaderEpoch: epochAt(offset - 1) };
    }
    case EARLIEST_TIMESTAMP:
      return { offset: p.logStartOffset, timestamp: -1, leaderEpoch: epochAt(p.logStartOffset) };
    case MAX_TIMESTAMP:
      return p.offsetOfMaxTimestamp();
    case EARLIEST_LOCAL_TIMESTAMP:
      if (apiVersion < 8) throw tooNew(timestamp, 8);
      return { offset: p.logStartOffset, timestamp: -1, leaderEpoch: epochAt(p.logStartOffset) };
    case LATEST_TIERED_TIMESTAMP:
      if (apiVersion < 9) throw tooNew(timestamp, 9);
      return { offset: -1, timestamp: -1, leaderEpoch: -1 };
    default: {
      if (timestamp < 0) throw invalidTimestamp(timestamp);
      const found = p.fetchOffsetForTimestamp(timestamp);
      // Consumers only see offsets below the high watermark.
      if (found !== null && !fromFollower && found.offset >= p.highWatermark) return null;
      return found;
    }
  }
}
