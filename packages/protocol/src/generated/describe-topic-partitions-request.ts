// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeTopicPartitionsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeTopicPartitionsRequest (api key 75); versions 0; flexible 0+.
 */
export interface DescribeTopicPartitionsRequest {
  /** The topics to fetch details for. */
  topics: TopicRequest[];
  /** The maximum number of partitions included in the response. (default 2000) */
  responsePartitionLimit: number;
  /** The first topic and partition index to fetch details for. (nullable; default null) */
  cursor: Cursor | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicRequest: versions 0.
 */
export interface TopicRequest {
  /** The topic name */
  name: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Cursor: versions 0.
 */
export interface Cursor {
  /** The name for the first topic to process */
  topicName: string;
  /** The partition index to start with */
  partitionIndex: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeTopicPartitionsRequest: `read` and `write` its body at a given version. */
export const DescribeTopicPartitionsRequest = {
  apiKey: 75,
  type: 'request',
  name: 'DescribeTopicPartitions',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeTopicPartitionsRequest,
  write: writeDescribeTopicPartitionsRequest,
} as const satisfies ApiMessageCodec<DescribeTopicPartitionsRequest>;

function readDescribeTopicPartitionsRequest(r: Reader, v: number): DescribeTopicPartitionsRequest {
  checkVersion(v, 0, 0, 'DescribeTopicPartitionsRequest');
  const o: DescribeTopicPartitionsRequest = {
    topics: readArray(r, true, v, readTopicRequest),
    responsePartitionLimit: r.int32(),
    cursor: r.int8() < 0 ? null : readCursor(r, v),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeTopicPartitionsRequest(w: Writer, v: number, o: DescribeTopicPartitionsRequest): void {
  checkVersion(v, 0, 0, 'DescribeTopicPartitionsRequest');
  writeArray(w, true, v, o.topics, writeTopicRequest);
  w.int32(o.responsePartitionLimit);
  if (o.cursor === null) w.int8(-1);
  else {
    w.int8(1);
    writeCursor(w, v, o.cursor);
  }
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicRequest(r: Reader, v: number): TopicRequest {
  const o: TopicRequest = {
    name: r.compactString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicRequest(w: Writer, v: number, o: TopicRequest): void {
  w.compactString(o.name);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readCursor(r: Reader, v: number): Cursor {
  const o: Cursor = {
    topicName: r.compactString(),
    partitionIndex: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeCursor(w: Writer, v: number, o: Cursor): void {
  w.compactString(o.topicName);
  w.int32(o.partitionIndex);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** Cursor with every field at its default (Kafka's no-argument constructor). */
export function defaultCursor(): Cursor {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

/** DescribeTopicPartitionsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeTopicPartitionsRequest(): DescribeTopicPartitionsRequest {
  return {
    topics: [],
    responsePartitionLimit: 2000,
    cursor: null,
  };
}

/** TopicRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicRequest(): TopicRequest {
  return {
    name: "",
  };
}
