// generated — do not edit. Source: shared/kafka-protocol/messages/AlterPartitionResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * AlterPartitionResponse (api key 56); versions 0-3; flexible 0+.
 */
export interface AlterPartitionResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code */
  errorCode: number;
  /** Topics */
  topics: TopicData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0-3.
 */
export interface PartitionData {
  /** The partition index */
  partitionIndex: number;
  /** The partition level error code */
  errorCode: number;
  /** The broker ID of the leader. */
  leaderId: number;
  /** The leader epoch. */
  leaderEpoch: number;
  /** The in-sync replica IDs. */
  isr: number[];
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. (versions 1+; default 0; ignorable) */
  leaderRecoveryState: number;
  /** The current epoch for the partition for KRaft controllers. The current ZK version for the legacy controllers. */
  partitionEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0-3.
 */
export interface TopicData {
  /** The name of the topic (versions 0-1; ignorable) */
  topicName: string;
  /** The ID of the topic (versions 2+; ignorable) */
  topicId: string;
  /** Partitions */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterPartitionResponse: `read` and `write` its body at a given version. */
export const AlterPartitionResponse = {
  apiKey: 56,
  type: 'response',
  name: 'AlterPartition',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAlterPartitionResponse,
  write: writeAlterPartitionResponse,
} as const satisfies ApiMessageCodec<AlterPartitionResponse>;

function readAlterPartitionResponse(r: Reader, v: number): AlterPartitionResponse {
  checkVersion(v, 0, 3, 'AlterPartitionResponse');
  const o: AlterPartitionResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    topics: readArray(r, true, v, readTopicData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAlterPartitionResponse(w: Writer, v: number, o: AlterPartitionResponse): void {
  checkVersion(v, 0, 3, 'AlterPartitionResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, true, v, o.topics, writeTopicData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    leaderId: r.int32(),
    leaderEpoch: r.int32(),
    isr: readArray(r, true, v, readInt32Element),
    leaderRecoveryState: v >= 1 ? r.int8() : 0,
    partitionEpoch: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  writeArray(w, true, v, o.isr, writeInt32Element);
  if (v >= 1) w.int8(o.leaderRecoveryState);
  w.int32(o.partitionEpoch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicData(r: Reader, v: number): TopicData {
  const o: TopicData = {
    topicName: v <= 1 ? r.compactString() : "",
    topicId: v >= 2 ? r.uuid() : ZERO_UUID,
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicData(w: Writer, v: number, o: TopicData): void {
  if (v <= 1) w.compactString(o.topicName);
  if (v >= 2) w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AlterPartitionResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterPartitionResponse(): AlterPartitionResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    topics: [],
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
    isr: [],
    leaderRecoveryState: 0,
    partitionEpoch: 0,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicName: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}
