// generated — do not edit. Source: shared/kafka-protocol/messages/OffsetDeleteResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * OffsetDeleteResponse (api key 47); versions 0; no flexible versions.
 */
export interface OffsetDeleteResponse {
  /** The top-level error code, or 0 if there was no error. */
  errorCode: number;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (ignorable) */
  throttleTimeMs: number;
  /** The responses for each topic. */
  topics: OffsetDeleteResponseTopic[];
}

/**
 * OffsetDeleteResponsePartition: versions 0.
 */
export interface OffsetDeleteResponsePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

/**
 * OffsetDeleteResponseTopic: versions 0.
 */
export interface OffsetDeleteResponseTopic {
  /** The topic name. */
  name: string;
  /** The responses for each partition in the topic. */
  partitions: OffsetDeleteResponsePartition[];
}

/** Codec for OffsetDeleteResponse: `read` and `write` its body at a given version. */
export const OffsetDeleteResponse = {
  apiKey: 47,
  type: 'response',
  name: 'OffsetDelete',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: null,
  read: readOffsetDeleteResponse,
  write: writeOffsetDeleteResponse,
} as const satisfies ApiMessageCodec<OffsetDeleteResponse>;

function readOffsetDeleteResponse(r: Reader, v: number): OffsetDeleteResponse {
  checkVersion(v, 0, 0, 'OffsetDeleteResponse');
  const o: OffsetDeleteResponse = {
    errorCode: r.int16(),
    throttleTimeMs: r.int32(),
    topics: readArray(r, false, v, readOffsetDeleteResponseTopic),
  };
  return o;
}

function writeOffsetDeleteResponse(w: Writer, v: number, o: OffsetDeleteResponse): void {
  checkVersion(v, 0, 0, 'OffsetDeleteResponse');
  w.int16(o.errorCode);
  w.int32(o.throttleTimeMs);
  writeArray(w, false, v, o.topics, writeOffsetDeleteResponseTopic);
}

function readOffsetDeleteResponsePartition(r: Reader, v: number): OffsetDeleteResponsePartition {
  const o: OffsetDeleteResponsePartition = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
  };
  return o;
}

function writeOffsetDeleteResponsePartition(w: Writer, v: number, o: OffsetDeleteResponsePartition): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
}

function readOffsetDeleteResponseTopic(r: Reader, v: number): OffsetDeleteResponseTopic {
  const o: OffsetDeleteResponseTopic = {
    name: r.string(),
    partitions: readArray(r, false, v, readOffsetDeleteResponsePartition),
  };
  return o;
}

function writeOffsetDeleteResponseTopic(w: Writer, v: number, o: OffsetDeleteResponseTopic): void {
  w.string(o.name);
  writeArray(w, false, v, o.partitions, writeOffsetDeleteResponsePartition);
}

/** OffsetDeleteResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetDeleteResponse(): OffsetDeleteResponse {
  return {
    errorCode: 0,
    throttleTimeMs: 0,
    topics: [],
  };
}

/** OffsetDeleteResponsePartition with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetDeleteResponsePartition(): OffsetDeleteResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** OffsetDeleteResponseTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetDeleteResponseTopic(): OffsetDeleteResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}
