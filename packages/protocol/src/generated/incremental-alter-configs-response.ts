// generated — do not edit. Source: shared/kafka-protocol/messages/IncrementalAlterConfigsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * IncrementalAlterConfigsResponse (api key 44); versions 0-1; flexible 1+.
 */
export interface IncrementalAlterConfigsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The responses for each resource. */
  responses: AlterConfigsResourceResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AlterConfigsResourceResponse: versions 0-1.
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

/** Codec for IncrementalAlterConfigsResponse: `read` and `write` its body at a given version. */
export const IncrementalAlterConfigsResponse = {
  apiKey: 44,
  type: 'response',
  name: 'IncrementalAlterConfigs',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readIncrementalAlterConfigsResponse,
  write: writeIncrementalAlterConfigsResponse,
} as const satisfies ApiMessageCodec<IncrementalAlterConfigsResponse>;

function readIncrementalAlterConfigsResponse(r: Reader, v: number): IncrementalAlterConfigsResponse {
  checkVersion(v, 0, 1, 'IncrementalAlterConfigsResponse');
  const flex = v === 1;
  const o: IncrementalAlterConfigsResponse = {
    throttleTimeMs: r.int32(),
    responses: readArray(r, flex, v, readAlterConfigsResourceResponse),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeIncrementalAlterConfigsResponse(w: Writer, v: number, o: IncrementalAlterConfigsResponse): void {
  checkVersion(v, 0, 1, 'IncrementalAlterConfigsResponse');
  const flex = v === 1;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.responses, writeAlterConfigsResourceResponse);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'IncrementalAlterConfigsResponse', v);
}

function readAlterConfigsResourceResponse(r: Reader, v: number): AlterConfigsResourceResponse {
  const flex = v === 1;
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
  const flex = v === 1;
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

/** IncrementalAlterConfigsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultIncrementalAlterConfigsResponse(): IncrementalAlterConfigsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}
