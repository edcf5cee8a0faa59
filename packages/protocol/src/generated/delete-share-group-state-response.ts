// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteShareGroupStateResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DeleteShareGroupStateResponse (api key 86); versions 0; flexible 0+.
 */
export interface DeleteShareGroupStateResponse {
  /** The delete results */
  results: DeleteStateResult[];
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
 * DeleteStateResult: versions 0.
 */
export interface DeleteStateResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: PartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteShareGroupStateResponse: `read` and `write` its body at a given version. */
export const DeleteShareGroupStateResponse = {
  apiKey: 86,
  type: 'response',
  name: 'DeleteShareGroupState',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDeleteShareGroupStateResponse,
  write: writeDeleteShareGroupStateResponse,
} as const satisfies ApiMessageCodec<DeleteShareGroupStateResponse>;

function readDeleteShareGroupStateResponse(r: Reader, v: number): DeleteShareGroupStateResponse {
  checkVersion(v, 0, 0, 'DeleteShareGroupStateResponse');
  const o: DeleteShareGroupStateResponse = {
    results: readArray(r, true, v, readDeleteStateResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDeleteShareGroupStateResponse(w: Writer, v: number, o: DeleteShareGroupStateResponse): void {
  checkVersion(v, 0, 0, 'DeleteShareGroupStateResponse');
  writeArray(w, true, v, o.results, writeDeleteStateResult);
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

function readDeleteStateResult(r: Reader, v: number): DeleteStateResult {
  const o: DeleteStateResult = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDeleteStateResult(w: Writer, v: number, o: DeleteStateResult): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionResult);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DeleteShareGroupStateResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteShareGroupStateResponse(): DeleteShareGroupStateResponse {
  return {
    results: [],
  };
}

/** DeleteStateResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteStateResult(): DeleteStateResult {
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
