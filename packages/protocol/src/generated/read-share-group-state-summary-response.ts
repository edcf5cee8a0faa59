// generated — do not edit. Source: shared/kafka-protocol/messages/ReadShareGroupStateSummaryResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ReadShareGroupStateSummaryResponse (api key 87); versions 0; flexible 0+.
 */
export interface ReadShareGroupStateSummaryResponse {
  /** The read results */
  results: ReadStateSummaryResult[];
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
  /** The state epoch of the share-partition. */
  stateEpoch: number;
  /** The share-partition start offset. */
  startOffset: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReadStateSummaryResult: versions 0.
 */
export interface ReadStateSummaryResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: PartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ReadShareGroupStateSummaryResponse: `read` and `write` its body at a given version. */
export const ReadShareGroupStateSummaryResponse = {
  apiKey: 87,
  type: 'response',
  name: 'ReadShareGroupStateSummary',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readReadShareGroupStateSummaryResponse,
  write: writeReadShareGroupStateSummaryResponse,
} as const satisfies ApiMessageCodec<ReadShareGroupStateSummaryResponse>;

function readReadShareGroupStateSummaryResponse(r: Reader, v: number): ReadShareGroupStateSummaryResponse {
  checkVersion(v, 0, 0, 'ReadShareGroupStateSummaryResponse');
  const o: ReadShareGroupStateSummaryResponse = {
    results: readArray(r, true, v, readReadStateSummaryResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReadShareGroupStateSummaryResponse(w: Writer, v: number, o: ReadShareGroupStateSummaryResponse): void {
  checkVersion(v, 0, 0, 'ReadShareGroupStateSummaryResponse');
  writeArray(w, true, v, o.results, writeReadStateSummaryResult);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionResult(r: Reader, v: number): PartitionResult {
  const o: PartitionResult = {
    partition: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    stateEpoch: r.int32(),
    startOffset: r.int64(),
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
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readReadStateSummaryResult(r: Reader, v: number): ReadStateSummaryResult {
  const o: ReadStateSummaryResult = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReadStateSummaryResult(w: Writer, v: number, o: ReadStateSummaryResult): void {
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
  };
}

/** ReadShareGroupStateSummaryResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultReadShareGroupStateSummaryResponse(): ReadShareGroupStateSummaryResponse {
  return {
    results: [],
  };
}

/** ReadStateSummaryResult with every field at its default (Kafka's no-argument constructor). */
export function defaultReadStateSummaryResult(): ReadStateSummaryResult {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}
