// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeQuorumRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeQuorumRequest (api key 55); versions 0-2; flexible 0+.
 */
export interface DescribeQuorumRequest {
  /** Topics */
  topics: TopicData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0-2.
 */
export interface PartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0-2.
 */
export interface TopicData {
  /** The topic name. */
  topicName: string;
  /** Partitions */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeQuorumRequest: `read` and `write` its body at a given version. */
export const DescribeQuorumRequest = {
  apiKey: 55,
  type: 'request',
  name: 'DescribeQuorum',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeQuorumRequest,
  write: writeDescribeQuorumRequest,
} as const satisfies ApiMessageCodec<DescribeQuorumRequest>;

function readDescribeQuorumRequest(r: Reader, v: number): DescribeQuorumRequest {
  checkVersion(v, 0, 2, 'DescribeQuorumRequest');
  const o: DescribeQuorumRequest = {
    topics: readArray(r, true, v, readTopicData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeQuorumRequest(w: Writer, v: number, o: DescribeQuorumRequest): void {
  checkVersion(v, 0, 2, 'DescribeQuorumRequest');
  writeArray(w, true, v, o.topics, writeTopicData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
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

/** DescribeQuorumRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeQuorumRequest(): DescribeQuorumRequest {
  return {
    topics: [],
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicName: "",
    partitions: [],
  };
}
