// generated — do not edit. Source: shared/kafka-protocol/messages/WriteShareGroupStateResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * WriteShareGroupStateResponse (api key 85); versions 0; flexible 0+.
 */
export interface WriteShareGroupStateResponse {
  /** The write results */
  results: WriteStateResult[];
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
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * WriteStateResult: versions 0.
 */
export interface WriteStateResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: PartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for WriteShareGroupStateResponse: `read` and `write` its body at a given version. */
export const WriteShareGroupStateResponse = {
  apiKey: 85,
  type: 'response',
  name: 'WriteShareGroupState',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readWriteShareGroupStateResponse,
  write: writeWriteShareGroupStateResponse,
} as const satisfies ApiMessageCodec<WriteShareGroupStateResponse>;

function readWriteShareGroupStateResponse(r: Reader, v: number): WriteShareGroupStateResponse {
  checkVersion(v, 0, 0, 'WriteShareGroupStateResponse');
  const o: WriteShareGroupStateResponse = {
    results: readArray(r, true, v, readWriteStateResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeWriteShareGroupStateResponse(w: Writer, v: number, o: WriteShareGroupStateResponse): void {
  checkVersion(v, 0, 0, 'WriteShareGroupStateResponse');
  writeArray(w, true, v, o.results, writeWriteStateResult);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionResult(r: Reader, v: number): PartitionResult {
  const o: PartitionResult = {
    partition: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionResult(w: Writer, v: number, o: PartitionResult): void {
  w.int32(o.partition);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readWriteStateResult(r: Reader, v: number): WriteStateResult {
  const o: WriteStateResult = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeWriteStateResult(w: Writer, v: number, o: WriteStateResult): void {
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
  };
}

/** WriteShareGroupStateResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultWriteShareGroupStateResponse(): WriteShareGroupStateResponse {
  return {
    results: [],
  };
}

/** WriteStateResult with every field at its default (Kafka's no-argument constructor). */
export function defaultWriteStateResult(): WriteStateResult {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}
