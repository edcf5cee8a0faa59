// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeProducersRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * DescribeProducersRequest (api key 61); versions 0; flexible 0+.
 */
export interface DescribeProducersRequest {
  /** Topics */
  topics: TopicRequest[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicRequest: versions 0.
 */
export interface TopicRequest {
  /** The topic name. */
  name: string;
  /** The indexes of the partitions to list producers for. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeProducersRequest: `read` and `write` its body at a given version. */
export const DescribeProducersRequest = {
  apiKey: 61,
  type: 'request',
  name: 'DescribeProducers',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeProducersRequest,
  write: writeDescribeProducersRequest,
} as const satisfies ApiMessageCodec<DescribeProducersRequest>;

function readDescribeProducersRequest(r: Reader, v: number): DescribeProducersRequest {
  checkVersion(v, 0, 0, 'DescribeProducersRequest');
  const o: DescribeProducersRequest = {
    topics: readArray(r, true, v, readTopicRequest),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeProducersRequest(w: Writer, v: number, o: DescribeProducersRequest): void {
  checkVersion(v, 0, 0, 'DescribeProducersRequest');
  writeArray(w, true, v, o.topics, writeTopicRequest);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicRequest(r: Reader, v: number): TopicRequest {
  const o: TopicRequest = {
    name: r.compactString(),
    partitionIndexes: readArray(r, true, v, readInt32Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicRequest(w: Writer, v: number, o: TopicRequest): void {
  w.compactString(o.name);
  writeArray(w, true, v, o.partitionIndexes, writeInt32Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DescribeProducersRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeProducersRequest(): DescribeProducersRequest {
  return {
    topics: [],
  };
}

/** TopicRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicRequest(): TopicRequest {
  return {
    name: "",
    partitionIndexes: [],
  };
}
