// generated — do not edit. Source: shared/kafka-protocol/messages/CreatePartitionsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * CreatePartitionsResponse (api key 37); versions 0-3; flexible 2+.
 */
export interface CreatePartitionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The partition creation results for each topic. */
  results: CreatePartitionsTopicResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CreatePartitionsTopicResult: versions 0-3.
 */
export interface CreatePartitionsTopicResult {
  /** The topic name. */
  name: string;
  /** The result error, or zero if there was no error. */
  errorCode: number;
  /** The result message, or null if there was no error. (nullable; default null) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for CreatePartitionsResponse: `read` and `write` its body at a given version. */
export const CreatePartitionsResponse = {
  apiKey: 37,
  type: 'response',
  name: 'CreatePartitions',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readCreatePartitionsResponse,
  write: writeCreatePartitionsResponse,
} as const satisfies ApiMessageCodec<CreatePartitionsResponse>;

function readCreatePartitionsResponse(r: Reader, v: number): CreatePartitionsResponse {
  checkVersion(v, 0, 3, 'CreatePartitionsResponse');
  const flex = v >= 2;
  const o: CreatePartitionsResponse = {
    throttleTimeMs: r.int32(),
    results: readArray(r, flex, v, readCreatePartitionsTopicResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreatePartitionsResponse(w: Writer, v: number, o: CreatePartitionsResponse): void {
  checkVersion(v, 0, 3, 'CreatePartitionsResponse');
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.results, writeCreatePartitionsTopicResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreatePartitionsResponse', v);
}

function readCreatePartitionsTopicResult(r: Reader, v: number): CreatePartitionsTopicResult {
  const flex = v >= 2;
  const o: CreatePartitionsTopicResult = {
    name: flex ? r.compactString() : r.string(),
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreatePartitionsTopicResult(w: Writer, v: number, o: CreatePartitionsTopicResult): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreatePartitionsTopicResult', v);
}

/** CreatePartitionsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatePartitionsResponse(): CreatePartitionsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

/** CreatePartitionsTopicResult with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatePartitionsTopicResult(): CreatePartitionsTopicResult {
  return {
    name: "",
    errorCode: 0,
    errorMessage: null,
  };
}
