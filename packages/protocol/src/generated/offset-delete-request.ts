// generated — do not edit. Source: shared/kafka-protocol/messages/OffsetDeleteRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * OffsetDeleteRequest (api key 47); versions 0; no flexible versions.
 */
export interface OffsetDeleteRequest {
  /** The unique group identifier. */
  groupId: string;
  /** The topics to delete offsets for */
  topics: OffsetDeleteRequestTopic[];
}

/**
 * OffsetDeleteRequestPartition: versions 0.
 */
export interface OffsetDeleteRequestPartition {
  /** The partition index. */
  partitionIndex: number;
}

/**
 * OffsetDeleteRequestTopic: versions 0.
 */
export interface OffsetDeleteRequestTopic {
  /** The topic name. */
  name: string;
  /** Each partition to delete offsets for. */
  partitions: OffsetDeleteRequestPartition[];
}

/** Codec for OffsetDeleteRequest: `read` and `write` its body at a given version. */
export const OffsetDeleteRequest = {
  apiKey: 47,
  type: 'request',
  name: 'OffsetDelete',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: null,
  read: readOffsetDeleteRequest,
  write: writeOffsetDeleteRequest,
} as const satisfies ApiMessageCodec<OffsetDeleteRequest>;

function readOffsetDeleteRequest(r: Reader, v: number): OffsetDeleteRequest {
  checkVersion(v, 0, 0, 'OffsetDeleteRequest');
  const o: OffsetDeleteRequest = {
    groupId: r.string(),
    topics: readArray(r, false, v, readOffsetDeleteRequestTopic),
  };
  return o;
}

function writeOffsetDeleteRequest(w: Writer, v: number, o: OffsetDeleteRequest): void {
  checkVersion(v, 0, 0, 'OffsetDeleteRequest');
  w.string(o.groupId);
  writeArray(w, false, v, o.topics, writeOffsetDeleteRequestTopic);
}

function readOffsetDeleteRequestPartition(r: Reader, v: number): OffsetDeleteRequestPartition {
  const o: OffsetDeleteRequestPartition = {
    partitionIndex: r.int32(),
  };
  return o;
}

function writeOffsetDeleteRequestPartition(w: Writer, v: number, o: OffsetDeleteRequestPartition): void {
  w.int32(o.partitionIndex);
}

function readOffsetDeleteRequestTopic(r: Reader, v: number): OffsetDeleteRequestTopic {
  const o: OffsetDeleteRequestTopic = {
    name: r.string(),
    partitions: readArray(r, false, v, readOffsetDeleteRequestPartition),
  };
  return o;
}

function writeOffsetDeleteRequestTopic(w: Writer, v: number, o: OffsetDeleteRequestTopic): void {
  w.string(o.name);
  writeArray(w, false, v, o.partitions, writeOffsetDeleteRequestPartition);
}

/** OffsetDeleteRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetDeleteRequest(): OffsetDeleteRequest {
  return {
    groupId: "",
    topics: [],
  };
}

/** OffsetDeleteRequestPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetDeleteRequestPartition(): OffsetDeleteRequestPartition {
  return {
    partitionIndex: 0,
  };
}

/** OffsetDeleteRequestTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetDeleteRequestTopic(): OffsetDeleteRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}
