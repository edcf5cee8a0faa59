// generated — do not edit. Source: shared/kafka-protocol/messages/AlterConfigsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AlterConfigsResponse (api key 33); versions 0-2; flexible 2+.
 */
export interface AlterConfigsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The responses for each resource. */
  responses: AlterConfigsResourceResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AlterConfigsResourceResponse: versions 0-2.
 */
export interface AlterConfigsResourceResponse {
  /** The resource error code. */
  errorCode: number;
  /** The resource error message, or null if there was no error. (nullable) */
  errorMessage: string | null;
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterConfigsResponse: `read` and `write` its body at a given version. */
export const AlterConfigsResponse = {
  apiKey: 33,
  type: 'response',
  name: 'AlterConfigs',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readAlterConfigsResponse,
  write: writeAlterConfigsResponse,
} as const satisfies ApiMessageCodec<AlterConfigsResponse>;

function readAlterConfigsResponse(r: Reader, v: number): AlterConfigsResponse {
  checkVersion(v, 0, 2, 'AlterConfigsResponse');
  const flex = v === 2;
  const o: AlterConfigsResponse = {
    throttleTimeMs: r.int32(),
    responses: readArray(r, flex, v, readAlterConfigsResourceResponse),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterConfigsResponse(w: Writer, v: number, o: AlterConfigsResponse): void {
  checkVersion(v, 0, 2, 'AlterConfigsResponse');
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.responses, writeAlterConfigsResourceResponse);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterConfigsResponse', v);
}

function readAlterConfigsResourceResponse(r: Reader, v: number): AlterConfigsResourceResponse {
  const flex = v === 2;
  const o: AlterConfigsResourceResponse = {
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
    resourceType: r.int8(),
    resourceName: flex ? r.compactString() : r.string(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterConfigsResourceResponse(w: Writer, v: number, o: AlterConfigsResourceResponse): void {
  const flex = v === 2;
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  w.int8(o.resourceType);
  if (flex) w.compactString(o.resourceName);
  else w.string(o.resourceName);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterConfigsResourceResponse', v);
}

/** AlterConfigsResourceResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterConfigsResourceResponse(): AlterConfigsResourceResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
  };
}

/** AlterConfigsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterConfigsResponse(): AlterConfigsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}
