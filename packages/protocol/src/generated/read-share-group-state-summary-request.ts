// generated — do not edit. Source: shared/kafka-protocol/messages/ReadShareGroupStateSummaryRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ReadShareGroupStateSummaryRequest (api key 87); versions 0; flexible 0+.
 */
export interface ReadShareGroupStateSummaryRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: ReadStateSummaryData[];
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
 * ReadStateSummaryData: versions 0.
 */
export interface ReadStateSummaryData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ReadShareGroupStateSummaryRequest: `read` and `write` its body at a given version. */
export const ReadShareGroupStateSummaryRequest = {
  apiKey: 87,
  type: 'request',
  name: 'ReadShareGroupStateSummary',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readReadShareGroupStateSummaryRequest,
  write: writeReadShareGroupStateSummaryRequest,
} as const satisfies ApiMessageCodec<ReadShareGroupStateSummaryRequest>;

function readReadShareGroupStateSummaryRequest(r: Reader, v: number): ReadShareGroupStateSummaryRequest {
  checkVersion(v, 0, 0, 'ReadShareGroupStateSummaryRequest');
  const o: ReadShareGroupStateSummaryRequest = {
    groupId: r.compactString(),
    topics: readArray(r, true, v, readReadStateSummaryData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReadShareGroupStateSummaryRequest(w: Writer, v: number, o: ReadShareGroupStateSummaryRequest): void {
  checkVersion(v, 0, 0, 'ReadShareGroupStateSummaryRequest');
  w.compactString(o.groupId);
  writeArray(w, true, v, o.topics, writeReadStateSummaryData);
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

function readReadStateSummaryData(r: Reader, v: number): ReadStateSummaryData {
  const o: ReadStateSummaryData = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReadStateSummaryData(w: Writer, v: number, o: ReadStateSummaryData): void {
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

/** ReadShareGroupStateSummaryRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultReadShareGroupStateSummaryRequest(): ReadShareGroupStateSummaryRequest {
  return {
    groupId: "",
    topics: [],
  };
}

/** ReadStateSummaryData with every field at its default (Kafka's no-argument constructor). */
export function defaultReadStateSummaryData(): ReadStateSummaryData {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}
