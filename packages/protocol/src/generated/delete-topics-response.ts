// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteTopicsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonNull, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DeleteTopicsResponse (api key 20); versions 0-6; flexible 4+.
 */
export interface DeleteTopicsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; ignorable) */
  throttleTimeMs: number;
  /** The results for each topic we tried to delete. */
  responses: DeletableTopicResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeletableTopicResult: versions 0-6.
 */
export interface DeletableTopicResult {
  /** The topic name (nullable 6+) */
  name: string | null;
  /** the unique topic ID (versions 6+; ignorable) */
  topicId: string;
  /** The deletion error, or 0 if the deletion succeeded. */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 5+; nullable; default null; ignorable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteTopicsResponse: `read` and `write` its body at a given version. */
export const DeleteTopicsResponse = {
  apiKey: 20,
  type: 'response',
  name: 'DeleteTopics',
  validVersions: { min: 0, max: 6 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readDeleteTopicsResponse,
  write: writeDeleteTopicsResponse,
} as const satisfies ApiMessageCodec<DeleteTopicsResponse>;

function readDeleteTopicsResponse(r: Reader, v: number): DeleteTopicsResponse {
  checkVersion(v, 0, 6, 'DeleteTopicsResponse');
  const flex = v >= 4;
  const o: DeleteTopicsResponse = {
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    responses: readArray(r, flex, v, readDeletableTopicResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteTopicsResponse(w: Writer, v: number, o: DeleteTopicsResponse): void {
  checkVersion(v, 0, 6, 'DeleteTopicsResponse');
  const flex = v >= 4;
  if (v >= 1) w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.responses, writeDeletableTopicResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteTopicsResponse', v);
}

function readDeletableTopicResult(r: Reader, v: number): DeletableTopicResult {
  const flex = v >= 4;
  const o: DeletableTopicResult = {
    name: flex ? (v === 6 ? r.compactNullableString() : r.compactString()) : (v === 6 ? r.nullableString() : r.string()),
    topicId: v === 6 ? r.uuid() : ZERO_UUID,
    errorCode: r.int16(),
    errorMessage: v >= 5 ? r.compactNullableString() : null,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeletableTopicResult(w: Writer, v: number, o: DeletableTopicResult): void {
  const flex = v >= 4;
  if (flex) {
    if (v === 6) w.compactNullableString(o.name);
    else w.compactString(nonNull(o.name, 'DeletableTopicResult.name', v));
  } else {
    if (v === 6) w.nullableString(o.name);
    else w.string(nonNull(o.name, 'DeletableTopicResult.name', v));
  }
  if (v === 6) w.uuid(o.topicId);
  w.int16(o.errorCode);
  if (v >= 5) w.compactNullableString(o.errorMessage);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeletableTopicResult', v);
}

/** DeletableTopicResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDeletableTopicResult(): DeletableTopicResult {
  return {
    name: "",
    topicId: ZERO_UUID,
    errorCode: 0,
    errorMessage: null,
  };
}

/** DeleteTopicsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteTopicsResponse(): DeleteTopicsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}
