// generated — do not edit. Source: shared/kafka-protocol/messages/CreateAclsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * CreateAclsResponse (api key 30); versions 0-3; flexible 2+.
 */
export interface CreateAclsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for each ACL creation. */
  results: AclCreationResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AclCreationResult: versions 0-3.
 */
export interface AclCreationResult {
  /** The result error, or zero if there was no error. */
  errorCode: number;
  /** The result message, or null if there was no error. (nullable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for CreateAclsResponse: `read` and `write` its body at a given version. */
export const CreateAclsResponse = {
  apiKey: 30,
  type: 'response',
  name: 'CreateAcls',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readCreateAclsResponse,
  write: writeCreateAclsResponse,
} as const satisfies ApiMessageCodec<CreateAclsResponse>;

function readCreateAclsResponse(r: Reader, v: number): CreateAclsResponse {
  checkVersion(v, 0, 3, 'CreateAclsResponse');
  const flex = v >= 2;
  const o: CreateAclsResponse = {
    throttleTimeMs: r.int32(),
    results: readArray(r, flex, v, readAclCreationResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreateAclsResponse(w: Writer, v: number, o: CreateAclsResponse): void {
  checkVersion(v, 0, 3, 'CreateAclsResponse');
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.results, writeAclCreationResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreateAclsResponse', v);
}

function readAclCreationResult(r: Reader, v: number): AclCreationResult {
  const flex = v >= 2;
  const o: AclCreationResult = {
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAclCreationResult(w: Writer, v: number, o: AclCreationResult): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AclCreationResult', v);
}

/** AclCreationResult with every field at its default (Kafka's no-argument constructor). */
export function defaultAclCreationResult(): AclCreationResult {
  return {
    errorCode: 0,
    errorMessage: "",
  };
}

/** CreateAclsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultCreateAclsResponse(): CreateAclsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}
