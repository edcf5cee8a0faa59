// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeProducersResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeProducersResponse (api key 61); versions 0; flexible 0+.
 */
export interface DescribeProducersResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each topic in the response. */
  topics: TopicResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ProducerState: versions 0.
 */
export interface ProducerState {
  /** ProducerId */
  producerId: bigint;
  /** ProducerEpoch */
  producerEpoch: number;
  /** LastSequence (default -1) */
  lastSequence: number;
  /** LastTimestamp (default -1) */
  lastTimestamp: bigint;
  /** CoordinatorEpoch */
  coordinatorEpoch: number;
  /** CurrentTxnStartOffset (default -1) */
  currentTxnStartOffset: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionResponse: versions 0.
 */
export interface PartitionResponse {
  /** The partition index. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no error. */
  errorCode: number;
  /** The partition error message, which may be null if no additional details are available (nullable; default null) */
  errorMessage: string | null;
  /** ActiveProducers */
  activeProducers: ProducerState[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicResponse: versions 0.
 */
export interface TopicResponse {
  /** The topic name */
  name: string;
  /** Each partition in the response. */
  partitions: PartitionResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeProducersResponse: `read` and `write` its body at a given version. */
export const DescribeProducersResponse = {
  apiKey: 61,
  type: 'response',
  name: 'DescribeProducers',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeProducersResponse,
  write: writeDescribeProducersResponse,
} as const satisfies ApiMessageCodec<DescribeProducersResponse>;

function readDescribeProducersResponse(r: Reader, v: number): DescribeProducersResponse {
  checkVersion(v, 0, 0, 'DescribeProducersResponse');
  const o: DescribeProducersResponse = {
    throttleTimeMs: r.int32(),
    topics: readArray(r, true, v, readTopicResponse),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeProducersResponse(w: Writer, v: number, o: DescribeProducersResponse): void {
  checkVersion(v, 0, 0, 'DescribeProducersResponse');
  w.int32(o.throttleTimeMs);
  writeArray(w, true, v, o.topics, writeTopicResponse);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readProducerState(r: Reader, v: number): ProducerState {
  const o: ProducerState = {
    producerId: r.int64(),
    producerEpoch: r.int32(),
    lastSequence: r.int32(),
    lastTimestamp: r.int64(),
    coordinatorEpoch: r.int32(),
    currentTxnStartOffset: r.int64(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeProducerState(w: Writer, v: number, o: ProducerState): void {
  w.int64(o.producerId);
  w.int32(o.producerEpoch);
  w.int32(o.lastSequence);
  w.int64(o.lastTimestamp);
  w.int32(o.coordinatorEpoch);
  w.int64(o.currentTxnStartOffset);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionResponse(r: Reader, v: number): PartitionResponse {
  const o: PartitionResponse = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    activeProducers: readArray(r, true, v, readProducerState),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionResponse(w: Writer, v: number, o: PartitionResponse): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, true, v, o.activeProducers, writeProducerState);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicResponse(r: Reader, v: number): TopicResponse {
  const o: TopicResponse = {
    name: r.compactString(),
    partitions: readArray(r, true, v, readPartitionResponse),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicResponse(w: Writer, v: number, o: TopicResponse): void {
  w.compactString(o.name);
  writeArray(w, true, v, o.partitions, writePartitionResponse);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DescribeProducersResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeProducersResponse(): DescribeProducersResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** PartitionResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionResponse(): PartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    activeProducers: [],
  };
}

/** ProducerState with every field at its default (Kafka's no-argument constructor). */
export function defaultProducerState(): ProducerState {
  return {
    producerId: 0n,
    producerEpoch: 0,
    lastSequence: -1,
    lastTimestamp: -1n,
    coordinatorEpoch: 0,
    currentTxnStartOffset: -1n,
  };
}

/** TopicResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicResponse(): TopicResponse {
  return {
    name: "",
    partitions: [],
  };
}
