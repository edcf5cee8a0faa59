// generated — do not edit. Source: shared/kafka-protocol/messages/ReadShareGroupStateResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ReadShareGroupStateResponse (api key 84); versions 0; flexible 0+.
 */
export interface ReadShareGroupStateResponse {
  /** The read results */
  results: ReadStateResult[];
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
  /** The state - 0:Available,2:Acked,4:Archived. */
  deliveryState: number;
  /** The delivery count. */
  deliveryCount: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionResult: versions 0.
 */
export interface PartitionResult {
  /** The partition index. */
  partition: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. (nullable; default null) */
  errorMessage: string | null;
  /** The state epoch for this share-partition. */
  stateEpoch: number;
  /** The share-partition start offset, which can be -1 if it is not yet initialized. */
  startOffset: bigint;
  /** StateBatches */
  stateBatches: StateBatch[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReadStateResult: versions 0.
 */
export interface ReadStateResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: PartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ReadShareGroupStateResponse: `read` and `write` its body at a given version. */
export const ReadShareGroupStateResponse = {
  apiKey: 84,
  type: 'response',
  name: 'ReadShareGroupState',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readReadShareGroupStateResponse,
  write: writeReadShareGroupStateResponse,
} as const satisfies ApiMessageCodec<ReadShareGroupStateResponse>;

function readReadShareGroupStateResponse(r: Reader, v: number): ReadShareGroupStateResponse {
  checkVersion(v, 0, 0, 'ReadShareGroupStateResponse');
  const o: ReadShareGroupStateResponse = {
    results: readArray(r, true, v, readReadStateResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReadShareGroupStateResponse(w: Writer, v: number, o: ReadShareGroupStateResponse): void {
  checkVersion(v, 0, 0, 'ReadShareGroupStateResponse');
  writeArray(w, true, v, o.results, writeReadStateResult);
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

function readPartitionResult(r: Reader, v: number): PartitionResult {
  const o: PartitionResult = {
    partition: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    stateEpoch: r.int32(),
    startOffset: r.int64(),
    stateBatches: readArray(r, true, v, readStateBatch),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionResult(w: Writer, v: number, o: PartitionResult): void {
  w.int32(o.partition);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  w.int32(o.stateEpoch);
  w.int64(o.startOffset);
  writeArray(w, true, v, o.stateBatches, writeStateBatch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readReadStateResult(r: Reader, v: number): ReadStateResult {
  const o: ReadStateResult = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReadStateResult(w: Writer, v: number, o: ReadStateResult): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionResult);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** PartitionResult with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionResult(): PartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
    stateEpoch: 0,
    startOffset: 0n,
    stateBatches: [],
  };
}

/** ReadShareGroupStateResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultReadShareGroupStateResponse(): ReadShareGroupStateResponse {
  return {
    results: [],
  };
}

/** ReadStateResult with every field at its default (Kafka's no-argument constructor). */
export function defaultReadStateResult(): ReadStateResult {
  return {
    topicId: ZERO_UUID,
    partitions: [],
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
