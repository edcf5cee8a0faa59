// generated — do not edit. Source: shared/kafka-protocol/messages/OffsetCommitResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * OffsetCommitResponse (api key 8); versions 0-9; flexible 8+.
 */
export interface OffsetCommitResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 3+; ignorable) */
  throttleTimeMs: number;
  /** The responses for each topic. */
  topics: OffsetCommitResponseTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetCommitResponsePartition: versions 0-9.
 */
export interface OffsetCommitResponsePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetCommitResponseTopic: versions 0-9.
 */
export interface OffsetCommitResponseTopic {
  /** The topic name. */
  name: string;
  /** The responses for each partition in the topic. */
  partitions: OffsetCommitResponsePartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for OffsetCommitResponse: `read` and `write` its body at a given version. */
export const OffsetCommitResponse = {
  apiKey: 8,
  type: 'response',
  name: 'OffsetCommit',
  validVersions: { min: 0, max: 9 },
  flexibleVersions: { min: 8, max: 32767 },
  read: readOffsetCommitResponse,
  write: writeOffsetCommitResponse,
} as const satisfies ApiMessageCodec<OffsetCommitResponse>;

function readOffsetCommitResponse(r: Reader, v: number): OffsetCommitResponse {
  checkVersion(v, 0, 9, 'OffsetCommitResponse');
  const flex = v >= 8;
  const o: OffsetCommitResponse = {
    throttleTimeMs: v >= 3 ? r.int32() : 0,
    topics: readArray(r, flex, v, readOffsetCommitResponseTopic),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetCommitResponse(w: Writer, v: number, o: OffsetCommitResponse): void {
  checkVersion(v, 0, 9, 'OffsetCommitResponse');
  const flex = v >= 8;
  if (v >= 3) w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.topics, writeOffsetCommitResponseTopic);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetCommitResponse', v);
}

function readOffsetCommitResponsePartition(r: Reader, v: number): OffsetCommitResponsePartition {
  const flex = v >= 8;
  const o: OffsetCommitResponsePartition = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetCommitResponsePartition(w: Writer, v: number, o: OffsetCommitResponsePartition): void {
  const flex = v >= 8;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetCommitResponsePartition', v);
}

function readOffsetCommitResponseTopic(r: Reader, v: number): OffsetCommitResponseTopic {
  const flex = v >= 8;
  const o: OffsetCommitResponseTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readOffsetCommitResponsePartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetCommitResponseTopic(w: Writer, v: number, o: OffsetCommitResponseTopic): void {
  const flex = v >= 8;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeOffsetCommitResponsePartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetCommitResponseTopic', v);
}

/** OffsetCommitResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetCommitResponse(): OffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** OffsetCommitResponsePartition with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetCommitResponsePartition(): OffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** OffsetCommitResponseTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetCommitResponseTopic(): OffsetCommitResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}
