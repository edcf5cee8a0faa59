// generated — do not edit. Source: shared/kafka-protocol/messages/AlterPartitionReassignmentsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AlterPartitionReassignmentsResponse (api key 45); versions 0; flexible 0+.
 */
export interface AlterPartitionReassignmentsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. (nullable) */
  errorMessage: string | null;
  /** The responses to topics to reassign. */
  responses: ReassignableTopicResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReassignablePartitionResponse: versions 0.
 */
export interface ReassignablePartitionResponse {
  /** The partition index. */
  partitionIndex: number;
  /** The error code for this partition, or 0 if there was no error. */
  errorCode: number;
  /** The error message for this partition, or null if there was no error. (nullable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReassignableTopicResponse: versions 0.
 */
export interface ReassignableTopicResponse {
  /** The topic name */
  name: string;
  /** The responses to partitions to reassign */
  partitions: ReassignablePartitionResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterPartitionReassignmentsResponse: `read` and `write` its body at a given version. */
export const AlterPartitionReassignmentsResponse = {
  apiKey: 45,
  type: 'response',
  name: 'AlterPartitionReassignments',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAlterPartitionReassignmentsResponse,
  write: writeAlterPartitionReassignmentsResponse,
} as const satisfies ApiMessageCodec<AlterPartitionReassignmentsResponse>;

function readAlterPartitionReassignmentsResponse(r: Reader, v: number): AlterPartitionReassignmentsResponse {
  checkVersion(v, 0, 0, 'AlterPartitionReassignmentsResponse');
  const o: AlterPartitionReassignmentsResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    responses: readArray(r, true, v, readReassignableTopicResponse),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAlterPartitionReassignmentsResponse(w: Writer, v: number, o: AlterPartitionReassignmentsResponse): void {
  checkVersion(v, 0, 0, 'AlterPartitionReassignmentsResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, true, v, o.responses, writeReassignableTopicResponse);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readReassignablePartitionResponse(r: Reader, v: number): ReassignablePartitionResponse {
  const o: ReassignablePartitionResponse = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReassignablePartitionResponse(w: Writer, v: number, o: ReassignablePartitionResponse): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readReassignableTopicResponse(r: Reader, v: number): ReassignableTopicResponse {
  const o: ReassignableTopicResponse = {
    name: r.compactString(),
    partitions: readArray(r, true, v, readReassignablePartitionResponse),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReassignableTopicResponse(w: Writer, v: number, o: ReassignableTopicResponse): void {
  w.compactString(o.name);
  writeArray(w, true, v, o.partitions, writeReassignablePartitionResponse);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AlterPartitionReassignmentsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterPartitionReassignmentsResponse(): AlterPartitionReassignmentsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    responses: [],
  };
}

/** ReassignablePartitionResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultReassignablePartitionResponse(): ReassignablePartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

/** ReassignableTopicResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultReassignableTopicResponse(): ReassignableTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}
