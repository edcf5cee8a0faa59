// generated — do not edit. Source: shared/kafka-protocol/messages/VoteRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * VoteRequest (api key 52); versions 0-1; flexible 0+.
 */
export interface VoteRequest {
  /** ClusterId (nullable; default null) */
  clusterId: string | null;
  /** The replica id of the voter receiving the request (versions 1+; default -1; ignorable) */
  voterId: number;
  /** Topics */
  topics: TopicData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0-1.
 */
export interface PartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The bumped epoch of the candidate sending the request */
  candidateEpoch: number;
  /** The replica id of the voter sending the request */
  candidateId: number;
  /** The directory id of the voter sending the request (versions 1+; ignorable) */
  candidateDirectoryId: string;
  /** The ID of the voter sending the request (versions 1+; ignorable) */
  voterDirectoryId: string;
  /** The epoch of the last record written to the metadata log */
  lastOffsetEpoch: number;
  /** The offset of the last record written to the metadata log */
  lastOffset: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0-1.
 */
export interface TopicData {
  /** The topic name. */
  topicName: string;
  /** Partitions */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for VoteRequest: `read` and `write` its body at a given version. */
export const VoteRequest = {
  apiKey: 52,
  type: 'request',
  name: 'Vote',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readVoteRequest,
  write: writeVoteRequest,
} as const satisfies ApiMessageCodec<VoteRequest>;

function readVoteRequest(r: Reader, v: number): VoteRequest {
  checkVersion(v, 0, 1, 'VoteRequest');
  const o: VoteRequest = {
    clusterId: r.compactNullableString(),
    voterId: v === 1 ? r.int32() : -1,
    topics: readArray(r, true, v, readTopicData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeVoteRequest(w: Writer, v: number, o: VoteRequest): void {
  checkVersion(v, 0, 1, 'VoteRequest');
  w.compactNullableString(o.clusterId);
  if (v === 1) w.int32(o.voterId);
  writeArray(w, true, v, o.topics, writeTopicData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
    candidateEpoch: r.int32(),
    candidateId: r.int32(),
    candidateDirectoryId: v === 1 ? r.uuid() : ZERO_UUID,
    voterDirectoryId: v === 1 ? r.uuid() : ZERO_UUID,
    lastOffsetEpoch: r.int32(),
    lastOffset: r.int64(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
  w.int32(o.candidateEpoch);
  w.int32(o.candidateId);
  if (v === 1) w.uuid(o.candidateDirectoryId);
  if (v === 1) w.uuid(o.voterDirectoryId);
  w.int32(o.lastOffsetEpoch);
  w.int64(o.lastOffset);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicData(r: Reader, v: number): TopicData {
  const o: TopicData = {
    topicName: r.compactString(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicData(w: Writer, v: number, o: TopicData): void {
  w.compactString(o.topicName);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    candidateEpoch: 0,
    candidateId: 0,
    candidateDirectoryId: ZERO_UUID,
    voterDirectoryId: ZERO_UUID,
    lastOffsetEpoch: 0,
    lastOffset: 0n,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

/** VoteRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultVoteRequest(): VoteRequest {
  return {
    clusterId: null,
    voterId: -1,
    topics: [],
  };
}
