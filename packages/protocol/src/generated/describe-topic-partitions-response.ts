// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeTopicPartitionsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt32Element, readNullableArray, writeArray, writeInt32Element, writeNullableArray } from '../wire/arrays';

/**
 * DescribeTopicPartitionsResponse (api key 75); versions 0; flexible 0+.
 */
export interface DescribeTopicPartitionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (ignorable) */
  throttleTimeMs: number;
  /** Each topic in the response. */
  topics: DescribeTopicPartitionsResponseTopic[];
  /** The next topic and partition index to fetch details for. (nullable; default null) */
  nextCursor: Cursor | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeTopicPartitionsResponsePartition: versions 0.
 */
export interface DescribeTopicPartitionsResponsePartition {
  /** The partition error, or 0 if there was no error. */
  errorCode: number;
  /** The partition index. */
  partitionIndex: number;
  /** The ID of the leader broker. */
  leaderId: number;
  /** The leader epoch of this partition. (default -1; ignorable) */
  leaderEpoch: number;
  /** The set of all nodes that host this partition. */
  replicaNodes: number[];
  /** The set of nodes that are in sync with the leader for this partition. */
  isrNodes: number[];
  /** The new eligible leader replicas otherwise. (nullable; default null) */
  eligibleLeaderReplicas: number[] | null;
  /** The last known ELR. (nullable; default null) */
  lastKnownElr: number[] | null;
  /** The set of offline replicas of this partition. (ignorable) */
  offlineReplicas: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeTopicPartitionsResponseTopic: versions 0.
 */
export interface DescribeTopicPartitionsResponseTopic {
  /** The topic error, or 0 if there was no error. */
  errorCode: number;
  /** The topic name. (nullable) */
  name: string | null;
  /** The topic id. (ignorable) */
  topicId: string;
  /** True if the topic is internal. (default false; ignorable) */
  isInternal: boolean;
  /** Each partition in the topic. */
  partitions: DescribeTopicPartitionsResponsePartition[];
  /** 32-bit bitfield to represent authorized operations for this topic. (default -2147483648) */
  topicAuthorizedOperations: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Cursor: versions 0.
 */
export interface Cursor {
  /** The name for the first topic to process */
  topicName: string;
  /** The partition index to start with */
  partitionIndex: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeTopicPartitionsResponse: `read` and `write` its body at a given version. */
export const DescribeTopicPartitionsResponse = {
  apiKey: 75,
  type: 'response',
  name: 'DescribeTopicPartitions',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeTopicPartitionsResponse,
  write: writeDescribeTopicPartitionsResponse,
} as const satisfies ApiMessageCodec<DescribeTopicPartitionsResponse>;

function readDescribeTopicPartitionsResponse(r: Reader, v: number): DescribeTopicPartitionsResponse {
  checkVersion(v, 0, 0, 'DescribeTopicPartitionsResponse');
  const o: DescribeTopicPartitionsResponse = {
    throttleTimeMs: r.int32(),
    topics: readArray(r, true, v, readDescribeTopicPartitionsResponseTopic),
    nextCursor: r.int8() < 0 ? null : readCursor(r, v),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeTopicPartitionsResponse(w: Writer, v: number, o: DescribeTopicPartitionsResponse): void {
  checkVersion(v, 0, 0, 'DescribeTopicPartitionsResponse');
  w.int32(o.throttleTimeMs);
  writeArray(w, true, v, o.topics, writeDescribeTopicPartitionsResponseTopic);
  if (o.nextCursor === null) w.int8(-1);
  else {
    w.int8(1);
    writeCursor(w, v, o.nextCursor);
  }
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readDescribeTopicPartitionsResponsePartition(r: Reader, v: number): DescribeTopicPartitionsResponsePartition {
  const o: DescribeTopicPartitionsResponsePartition = {
    errorCode: r.int16(),
    partitionIndex: r.int32(),
    leaderId: r.int32(),
    leaderEpoch: r.int32(),
    replicaNodes: readArray(r, true, v, readInt32Element),
    isrNodes: readArray(r, true, v, readInt32Element),
    eligibleLeaderReplicas: readNullableArray(r, true, v, readInt32Element),
    lastKnownElr: readNullableArray(r, true, v, readInt32Element),
    offlineReplicas: readArray(r, true, v, readInt32Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeTopicPartitionsResponsePartition(w: Writer, v: number, o: DescribeTopicPartitionsResponsePartition): void {
  w.int16(o.errorCode);
  w.int32(o.partitionIndex);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  writeArray(w, true, v, o.replicaNodes, writeInt32Element);
  writeArray(w, true, v, o.isrNodes, writeInt32Element);
  writeNullableArray(w, true, v, o.eligibleLeaderReplicas, writeInt32Element);
  writeNullableArray(w, true, v, o.lastKnownElr, writeInt32Element);
  writeArray(w, true, v, o.offlineReplicas, writeInt32Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readDescribeTopicPartitionsResponseTopic(r: Reader, v: number): DescribeTopicPartitionsResponseTopic {
  const o: DescribeTopicPartitionsResponseTopic = {
    errorCode: r.int16(),
    name: r.compactNullableString(),
    topicId: r.uuid(),
    isInternal: r.bool(),
    partitions: readArray(r, true, v, readDescribeTopicPartitionsResponsePartition),
    topicAuthorizedOperations: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeTopicPartitionsResponseTopic(w: Writer, v: number, o: DescribeTopicPartitionsResponseTopic): void {
  w.int16(o.errorCode);
  w.compactNullableString(o.name);
  w.uuid(o.topicId);
  w.bool(o.isInternal);
  writeArray(w, true, v, o.partitions, writeDescribeTopicPartitionsResponsePartition);
  w.int32(o.topicAuthorizedOperations);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readCursor(r: Reader, v: number): Cursor {
  const o: Cursor = {
    topicName: r.compactString(),
    partitionIndex: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeCursor(w: Writer, v: number, o: Cursor): void {
  w.compactString(o.topicName);
  w.int32(o.partitionIndex);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** Cursor with every field at its default (Kafka's no-argument constructor). */
export function defaultCursor(): Cursor {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

/** DescribeTopicPartitionsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeTopicPartitionsResponse(): DescribeTopicPartitionsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
    nextCursor: null,
  };
}

/** DescribeTopicPartitionsResponsePartition with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeTopicPartitionsResponsePartition(): DescribeTopicPartitionsResponsePartition {
  return {
    errorCode: 0,
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: -1,
    replicaNodes: [],
    isrNodes: [],
    eligibleLeaderReplicas: null,
    lastKnownElr: null,
    offlineReplicas: [],
  };
}

/** DescribeTopicPartitionsResponseTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeTopicPartitionsResponseTopic(): DescribeTopicPartitionsResponseTopic {
  return {
    errorCode: 0,
    name: "",
    topicId: ZERO_UUID,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: -2147483648,
  };
}
