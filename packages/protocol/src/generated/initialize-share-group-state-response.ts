// generated — do not edit. Source: shared/kafka-protocol/messages/InitializeShareGroupStateResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * InitializeShareGroupStateResponse (api key 83); versions 0; flexible 0+.
 */
export interface InitializeShareGroupStateResponse {
  /** The initialization results */
  results: InitializeStateResult[];
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
 * InitializeStateResult: versions 0.
 */
export interface InitializeStateResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: PartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for InitializeShareGroupStateResponse: `read` and `write` its body at a given version. */
export const InitializeShareGroupStateResponse = {
  apiKey: 83,
  type: 'response',
  name: 'InitializeShareGroupState',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readInitializeShareGroupStateResponse,
  write: writeInitializeShareGroupStateResponse,
} as const satisfies ApiMessageCodec<InitializeShareGroupStateResponse>;

function readInitializeShareGroupStateResponse(r: Reader, v: number): InitializeShareGroupStateResponse {
  checkVersion(v, 0, 0, 'InitializeShareGroupStateResponse');
  const o: InitializeShareGroupStateResponse = {
    results: readArray(r, true, v, readInitializeStateResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeInitializeShareGroupStateResponse(w: Writer, v: number, o: InitializeShareGroupStateResponse): void {
  checkVersion(v, 0, 0, 'InitializeShareGroupStateResponse');
  writeArray(w, true, v, o.results, writeInitializeStateResult);
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

function readInitializeStateResult(r: Reader, v: number): InitializeStateResult {
  const o: InitializeStateResult = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeInitializeStateResult(w: Writer, v: number, o: InitializeStateResult): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionResult);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** InitializeShareGroupStateResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultInitializeShareGroupStateResponse(): InitializeShareGroupStateResponse {
  return {
    results: [],
  };
}

/** InitializeStateResult with every field at its default (Kafka's no-argument constructor). */
export function defaultInitializeStateResult(): InitializeStateResult {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}

/** PartitionResult with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionResult(): PartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
  };
}
