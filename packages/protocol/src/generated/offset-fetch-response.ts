// generated — do not edit. Source: shared/kafka-protocol/messages/OffsetFetchResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * OffsetFetchResponse (api key 9); versions 0-9; flexible 6+.
 */
export interface OffsetFetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 3+; ignorable) */
  throttleTimeMs: number;
  /** The responses per topic. (versions 0-7) */
  topics: OffsetFetchResponseTopic[];
  /** The top-level error code, or 0 if there was no error. (versions 2-7; default 0; ignorable) */
  errorCode: number;
  /** The responses per group id. (versions 8+) */
  groups: OffsetFetchResponseGroup[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetFetchResponsePartition: versions 0-7.
 */
export interface OffsetFetchResponsePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The committed message offset. */
  committedOffset: bigint;
  /** The leader epoch. (versions 5-7; default -1; ignorable) */
  committedLeaderEpoch: number;
  /** The partition metadata. (nullable) */
  metadata: string | null;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetFetchResponseTopic: versions 0-7.
 */
export interface OffsetFetchResponseTopic {
  /** The topic name. */
  name: string;
  /** The responses per partition */
  partitions: OffsetFetchResponsePartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetFetchResponsePartitions: versions 8-9.
 */
export interface OffsetFetchResponsePartitions {
  /** The partition index. */
  partitionIndex: number;
  /** The committed message offset. */
  committedOffset: bigint;
  /** The leader epoch. (default -1; ignorable) */
  committedLeaderEpoch: number;
  /** The partition metadata. (nullable) */
  metadata: string | null;
  /** The partition-level error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetFetchResponseTopics: versions 8-9.
 */
export interface OffsetFetchResponseTopics {
  /** The topic name. */
  name: string;
  /** The responses per partition */
  partitions: OffsetFetchResponsePartitions[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetFetchResponseGroup: versions 8-9.
 */
export interface OffsetFetchResponseGroup {
  /** The group ID. */
  groupId: string;
  /** The responses per topic. */
  topics: OffsetFetchResponseTopics[];
  /** The group-level error code, or 0 if there was no error. (default 0) */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for OffsetFetchResponse: `read` and `write` its body at a given version. */
export const OffsetFetchResponse = {
  apiKey: 9,
  type: 'response',
  name: 'OffsetFetch',
  validVersions: { min: 0, max: 9 },
  flexibleVersions: { min: 6, max: 32767 },
  read: readOffsetFetchResponse,
  write: writeOffsetFetchResponse,
} as const satisfies ApiMessageCodec<OffsetFetchResponse>;

function readOffsetFetchResponse(r: Reader, v: number): OffsetFetchResponse {
  checkVersion(v, 0, 9, 'OffsetFetchResponse');
  const flex = v >= 6;
  const o: OffsetFetchResponse = {
    throttleTimeMs: v >= 3 ? r.int32() : 0,
    topics: v <= 7 ? readArray(r, flex, v, readOffsetFetchResponseTopic) : [],
    errorCode: v >= 2 && v <= 7 ? r.int16() : 0,
    groups: v >= 8 ? readArray(r, true, v, readOffsetFetchResponseGroup) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchResponse(w: Writer, v: number, o: OffsetFetchResponse): void {
  checkVersion(v, 0, 9, 'OffsetFetchResponse');
  const flex = v >= 6;
  if (v >= 3) w.int32(o.throttleTimeMs);
  if (v <= 7) writeArray(w, flex, v, o.topics, writeOffsetFetchResponseTopic);
  else if (o.topics.length !== 0) throw nonDefault('OffsetFetchResponse.topics', v);
  if (v >= 2 && v <= 7) w.int16(o.errorCode);
  if (v >= 8) writeArray(w, true, v, o.groups, writeOffsetFetchResponseGroup);
  else if (o.groups.length !== 0) throw nonDefault('OffsetFetchResponse.groups', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetFetchResponse', v);
}

function readOffsetFetchResponsePartition(r: Reader, v: number): OffsetFetchResponsePartition {
  const flex = v >= 6;
  const o: OffsetFetchResponsePartition = {
    partitionIndex: r.int32(),
    committedOffset: r.int64(),
    committedLeaderEpoch: v >= 5 ? r.int32() : -1,
    metadata: flex ? r.compactNullableString() : r.nullableString(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchResponsePartition(w: Writer, v: number, o: OffsetFetchResponsePartition): void {
  const flex = v >= 6;
  w.int32(o.partitionIndex);
  w.int64(o.committedOffset);
  if (v >= 5) w.int32(o.committedLeaderEpoch);
  if (flex) w.compactNullableString(o.metadata);
  else w.nullableString(o.metadata);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetFetchResponsePartition', v);
}

function readOffsetFetchResponseTopic(r: Reader, v: number): OffsetFetchResponseTopic {
  const flex = v >= 6;
  const o: OffsetFetchResponseTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readOffsetFetchResponsePartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchResponseTopic(w: Writer, v: number, o: OffsetFetchResponseTopic): void {
  const flex = v >= 6;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeOffsetFetchResponsePartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetFetchResponseTopic', v);
}

function readOffsetFetchResponsePartitions(r: Reader, v: number): OffsetFetchResponsePartitions {
  const o: OffsetFetchResponsePartitions = {
    partitionIndex: r.int32(),
    committedOffset: r.int64(),
    committedLeaderEpoch: r.int32(),
    metadata: r.compactNullableString(),
    errorCode: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchResponsePartitions(w: Writer, v: number, o: OffsetFetchResponsePartitions): void {
  w.int32(o.partitionIndex);
  w.int64(o.committedOffset);
  w.int32(o.committedLeaderEpoch);
  w.compactNullableString(o.metadata);
  w.int16(o.errorCode);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readOffsetFetchResponseTopics(r: Reader, v: number): OffsetFetchResponseTopics {
  const o: OffsetFetchResponseTopics = {
    name: r.compactString(),
    partitions: readArray(r, true, v, readOffsetFetchResponsePartitions),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchResponseTopics(w: Writer, v: number, o: OffsetFetchResponseTopics): void {
  w.compactString(o.name);
  writeArray(w, true, v, o.partitions, writeOffsetFetchResponsePartitions);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readOffsetFetchResponseGroup(r: Reader, v: number): OffsetFetchResponseGroup {
  const o: OffsetFetchResponseGroup = {
    groupId: r.compactString(),
    topics: readArray(r, true, v, readOffsetFetchResponseTopics),
    errorCode: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchResponseGroup(w: Writer, v: number, o: OffsetFetchResponseGroup): void {
  w.compactString(o.groupId);
  writeArray(w, true, v, o.topics, writeOffsetFetchResponseTopics);
  w.int16(o.errorCode);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** OffsetFetchResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchResponse(): OffsetFetchResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
    errorCode: 0,
    groups: [],
  };
}

/** OffsetFetchResponseGroup with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchResponseGroup(): OffsetFetchResponseGroup {
  return {
    groupId: "",
    topics: [],
    errorCode: 0,
  };
}

/** OffsetFetchResponsePartition with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchResponsePartition(): OffsetFetchResponsePartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

/** OffsetFetchResponsePartitions with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchResponsePartitions(): OffsetFetchResponsePartitions {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

/** OffsetFetchResponseTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchResponseTopic(): OffsetFetchResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** OffsetFetchResponseTopics with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchResponseTopics(): OffsetFetchResponseTopics {
  return {
    name: "",
    partitions: [],
  };
}
