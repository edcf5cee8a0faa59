// generated — do not edit. Source: shared/kafka-protocol/messages/WriteShareGroupStateRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * WriteShareGroupStateRequest (api key 85); versions 0; flexible 0+.
 */
export interface WriteShareGroupStateRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: WriteStateData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * StateBatch: versions 0.
 */
export interface StateBatch {
  /** The base offset of this state batch. */
  firstOffset: bigint;
  /** The last offset of this state batch. */
  lastOffset: bigint;
  /** The state - 0:Available,2:Acked,4:Archived */
  deliveryState: number;
  /** The delivery count. */
  deliveryCount: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0.
 */
export interface PartitionData {
  /** The partition index. */
  partition: number;
  /** The state epoch for this share-partition. */
  stateEpoch: number;
  /** The leader epoch of the share-partition. */
  leaderEpoch: number;
  /** The share-partition start offset, or -1 if the start offset is not being written. */
  startOffset: bigint;
  /** StateBatches */
  stateBatches: StateBatch[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * WriteStateData: versions 0.
 */
export interface WriteStateData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for WriteShareGroupStateRequest: `read` and `write` its body at a given version. */
export const WriteShareGroupStateRequest = {
  apiKey: 85,
  type: 'request',
  name: 'WriteShareGroupState',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readWriteShareGroupStateRequest,
  write: writeWriteShareGroupStateRequest,
} as const satisfies ApiMessageCodec<WriteShareGroupStateRequest>;

function readWriteShareGroupStateRequest(r: Reader, v: number): WriteShareGroupStateRequest {
  checkVersion(v, 0, 0, 'WriteShareGroupStateRequest');
  const o: WriteShareGroupStateRequest = {
    groupId: r.compactString(),
    topics: readArray(r, true, v, readWriteStateData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeWriteShareGroupStateRequest(w: Writer, v: number, o: WriteShareGroupStateRequest): void {
  checkVersion(v, 0, 0, 'WriteShareGroupStateRequest');
  w.compactString(o.groupId);
  writeArray(w, true, v, o.topics, writeWriteStateData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readStateBatch(r: Reader, v: number): StateBatch {
  const o: StateBatch = {
    firstOffset: r.int64(),
    lastOffset: r.int64(),
    deliveryState: r.int8(),
    deliveryCount: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeStateBatch(w: Writer, v: number, o: StateBatch): void {
  w.int64(o.firstOffset);
  w.int64(o.lastOffset);
  w.int8(o.deliveryState);
  w.int16(o.deliveryCount);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partition: r.int32(),
    stateEpoch: r.int32(),
    leaderEpoch: r.int32(),
    startOffset: r.int64(),
    stateBatches: readArray(r, true, v, readStateBatch),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partition);
  w.int32(o.stateEpoch);
  w.int32(o.leaderEpoch);
  w.int64(o.startOffset);
  writeArray(w, true, v, o.stateBatches, writeStateBatch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readWriteStateData(r: Reader, v: number): WriteStateData {
  const o: WriteStateData = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeWriteStateData(w: Writer, v: number, o: WriteStateData): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partition: 0,
    stateEpoch: 0,
    leaderEpoch: 0,
    startOffset: 0n,
    stateBatches: [],
  };
}

/** StateBatch with every field at its default (Kafka's no-argument constructor). */
export function defaultStateBatch(): StateBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    deliveryState: 0,
    deliveryCount: 0,
  };
}

/** WriteShareGroupStateRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultWriteShareGroupStateRequest(): WriteShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

/** WriteStateData with every field at its default (Kafka's no-argument constructor). */
export function defaultWriteStateData(): WriteStateData {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}
