// generated — do not edit. Source: shared/kafka-protocol/messages/OffsetForLeaderEpochRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * OffsetForLeaderEpochRequest (api key 23); versions 0-4; flexible 4+; deprecated 0-1.
 */
export interface OffsetForLeaderEpochRequest {
  /** The broker ID of the follower, of -1 if this request is from a consumer. (versions 3+; default -2; ignorable) */
  replicaId: number;
  /** Each topic to get offsets for. */
  topics: OffsetForLeaderTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetForLeaderPartition: versions 0-4.
 */
export interface OffsetForLeaderPartition {
  /** The partition index. */
  partition: number;
  /** An epoch used to fence consumers/replicas with old metadata. If the epoch provided by the client is larger than the current epoch known to the broker, then the UNKNOWN_LEADER_EPOCH error code will be returned. If the provided epoch is smaller, then the FENCED_LEADER_EPOCH error code will be returned. (versions 2+; default -1; ignorable) */
  currentLeaderEpoch: number;
  /** The epoch to look up an offset for. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetForLeaderTopic: versions 0-4.
 */
export interface OffsetForLeaderTopic {
  /** The topic name. */
  topic: string;
  /** Each partition to get offsets for. */
  partitions: OffsetForLeaderPartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for OffsetForLeaderEpochRequest: `read` and `write` its body at a given version. */
export const OffsetForLeaderEpochRequest = {
  apiKey: 23,
  type: 'request',
  name: 'OffsetForLeaderEpoch',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readOffsetForLeaderEpochRequest,
  write: writeOffsetForLeaderEpochRequest,
} as const satisfies ApiMessageCodec<OffsetForLeaderEpochRequest>;

function readOffsetForLeaderEpochRequest(r: Reader, v: number): OffsetForLeaderEpochRequest {
  checkVersion(v, 0, 4, 'OffsetForLeaderEpochRequest');
  const flex = v === 4;
  const o: OffsetForLeaderEpochRequest = {
    replicaId: v >= 3 ? r.int32() : -2,
    topics: readArray(r, flex, v, readOffsetForLeaderTopic),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetForLeaderEpochRequest(w: Writer, v: number, o: OffsetForLeaderEpochRequest): void {
  checkVersion(v, 0, 4, 'OffsetForLeaderEpochRequest');
  const flex = v === 4;
  if (v >= 3) w.int32(o.replicaId);
  writeArray(w, flex, v, o.topics, writeOffsetForLeaderTopic);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetForLeaderEpochRequest', v);
}

function readOffsetForLeaderPartition(r: Reader, v: number): OffsetForLeaderPartition {
  const flex = v === 4;
  const o: OffsetForLeaderPartition = {
    partition: r.int32(),
    currentLeaderEpoch: v >= 2 ? r.int32() : -1,
    leaderEpoch: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetForLeaderPartition(w: Writer, v: number, o: OffsetForLeaderPartition): void {
  const flex = v === 4;
  w.int32(o.partition);
  if (v >= 2) w.int32(o.currentLeaderEpoch);
  w.int32(o.leaderEpoch);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetForLeaderPartition', v);
}

function readOffsetForLeaderTopic(r: Reader, v: number): OffsetForLeaderTopic {
  const flex = v === 4;
  const o: OffsetForLeaderTopic = {
    topic: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readOffsetForLeaderPartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetForLeaderTopic(w: Writer, v: number, o: OffsetForLeaderTopic): void {
  const flex = v === 4;
  if (flex) w.compactString(o.topic);
  else w.string(o.topic);
  writeArray(w, flex, v, o.partitions, writeOffsetForLeaderPartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetForLeaderTopic', v);
}

/** OffsetForLeaderEpochRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetForLeaderEpochRequest(): OffsetForLeaderEpochRequest {
  return {
    replicaId: -2,
    topics: [],
  };
}

/** OffsetForLeaderPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetForLeaderPartition(): OffsetForLeaderPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    leaderEpoch: 0,
  };
}

/** OffsetForLeaderTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetForLeaderTopic(): OffsetForLeaderTopic {
  return {
    topic: "",
    partitions: [],
  };
}
