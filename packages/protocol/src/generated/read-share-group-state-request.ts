// generated — do not edit. Source: shared/kafka-protocol/messages/ReadShareGroupStateRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ReadShareGroupStateRequest (api key 84); versions 0; flexible 0+.
 */
export interface ReadShareGroupStateRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: ReadStateData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0.
 */
export interface PartitionData {
  /** The partition index. */
  partition: number;
  /** The leader epoch of the share-partition. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReadStateData: versions 0.
 */
export interface ReadStateData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ReadShareGroupStateRequest: `read` and `write` its body at a given version. */
export const ReadShareGroupStateRequest = {
  apiKey: 84,
  type: 'request',
  name: 'ReadShareGroupState',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readReadShareGroupStateRequest,
  write: writeReadShareGroupStateRequest,
} as const satisfies ApiMessageCodec<ReadShareGroupStateRequest>;

function readReadShareGroupStateRequest(r: Reader, v: number): ReadShareGroupStateRequest {
  checkVersion(v, 0, 0, 'ReadShareGroupStateRequest');
  const o: ReadShareGroupStateRequest = {
    groupId: r.compactString(),
    topics: readArray(r, true, v, readReadStateData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReadShareGroupStateRequest(w: Writer, v: number, o: ReadShareGroupStateRequest): void {
  checkVersion(v, 0, 0, 'ReadShareGroupStateRequest');
  w.compactString(o.groupId);
  writeArray(w, true, v, o.topics, writeReadStateData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partition: r.int32(),
    leaderEpoch: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partition);
  w.int32(o.leaderEpoch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readReadStateData(r: Reader, v: number): ReadStateData {
  const o: ReadStateData = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReadStateData(w: Writer, v: number, o: ReadStateData): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partition: 0,
    leaderEpoch: 0,
  };
}

/** ReadShareGroupStateRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultReadShareGroupStateRequest(): ReadShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

/** ReadStateData with every field at its default (Kafka's no-argument constructor). */
export function defaultReadStateData(): ReadStateData {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}
