// generated — do not edit. Source: shared/kafka-protocol/messages/ListOffsetsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readInt64Element, writeArray, writeInt64Element } from '../wire/arrays';

/**
 * ListOffsetsResponse (api key 2); versions 0-10; flexible 6+.
 */
export interface ListOffsetsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 2+; ignorable) */
  throttleTimeMs: number;
  /** Each topic in the response. */
  topics: ListOffsetsTopicResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ListOffsetsPartitionResponse: versions 0-10.
 */
export interface ListOffsetsPartitionResponse {
  /** The partition index. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no error. */
  errorCode: number;
  /** The result offsets. (versions 0) */
  oldStyleOffsets: bigint[];
  /** The timestamp associated with the returned offset. (versions 1+; default -1) */
  timestamp: bigint;
  /** The returned offset. (versions 1+; default -1) */
  offset: bigint;
  /** LeaderEpoch (versions 4+; default -1) */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ListOffsetsTopicResponse: versions 0-10.
 */
export interface ListOffsetsTopicResponse {
  /** The topic name */
  name: string;
  /** Each partition in the response. */
  partitions: ListOffsetsPartitionResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListOffsetsResponse: `read` and `write` its body at a given version. */
export const ListOffsetsResponse = {
  apiKey: 2,
  type: 'response',
  name: 'ListOffsets',
  validVersions: { min: 0, max: 10 },
  flexibleVersions: { min: 6, max: 32767 },
  read: readListOffsetsResponse,
  write: writeListOffsetsResponse,
} as const satisfies ApiMessageCodec<ListOffsetsResponse>;

function readListOffsetsResponse(r: Reader, v: number): ListOffsetsResponse {
  checkVersion(v, 0, 10, 'ListOffsetsResponse');
  const flex = v >= 6;
  const o: ListOffsetsResponse = {
    throttleTimeMs: v >= 2 ? r.int32() : 0,
    topics: readArray(r, flex, v, readListOffsetsTopicResponse),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeListOffsetsResponse(w: Writer, v: number, o: ListOffsetsResponse): void {
  checkVersion(v, 0, 10, 'ListOffsetsResponse');
  const flex = v >= 6;
  if (v >= 2) w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.topics, writeListOffsetsTopicResponse);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ListOffsetsResponse', v);
}

function readListOffsetsPartitionResponse(r: Reader, v: number): ListOffsetsPartitionResponse {
  const flex = v >= 6;
  const o: ListOffsetsPartitionResponse = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    oldStyleOffsets: v === 0 ? readArray(r, false, v, readInt64Element) : [],
    timestamp: v >= 1 ? r.int64() : -1n,
    offset: v >= 1 ? r.int64() : -1n,
    leaderEpoch: v >= 4 ? r.int32() : -1,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeListOffsetsPartitionResponse(w: Writer, v: number, o: ListOffsetsPartitionResponse): void {
  const flex = v >= 6;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (v === 0) writeArray(w, false, v, o.oldStyleOffsets, writeInt64Element);
  else if (o.oldStyleOffsets.length !== 0) throw nonDefault('ListOffsetsPartitionResponse.oldStyleOffsets', v);
  if (v >= 1) w.int64(o.timestamp);
  else if (o.timestamp !== -1n) throw nonDefault('ListOffsetsPartitionResponse.timestamp', v);
  if (v >= 1) w.int64(o.offset);
  else if (o.offset !== -1n) throw nonDefault('ListOffsetsPartitionResponse.offset', v);
  if (v >= 4) w.int32(o.leaderEpoch);
  else if (o.leaderEpoch !== -1) throw nonDefault('ListOffsetsPartitionResponse.leaderEpoch', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ListOffsetsPartitionResponse', v);
}

function readListOffsetsTopicResponse(r: Reader, v: number): ListOffsetsTopicResponse {
  const flex = v >= 6;
  const o: ListOffsetsTopicResponse = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readListOffsetsPartitionResponse),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeListOffsetsTopicResponse(w: Writer, v: number, o: ListOffsetsTopicResponse): void {
  const flex = v >= 6;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeListOffsetsPartitionResponse);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ListOffsetsTopicResponse', v);
}

/** ListOffsetsPartitionResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultListOffsetsPartitionResponse(): ListOffsetsPartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    oldStyleOffsets: [],
    timestamp: -1n,
    offset: -1n,
    leaderEpoch: -1,
  };
}

/** ListOffsetsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultListOffsetsResponse(): ListOffsetsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** ListOffsetsTopicResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultListOffsetsTopicResponse(): ListOffsetsTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}
