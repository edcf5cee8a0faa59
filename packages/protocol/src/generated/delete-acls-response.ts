// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteAclsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DeleteAclsResponse (api key 31); versions 0-3; flexible 2+.
 */
export interface DeleteAclsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for each filter. */
  filterResults: DeleteAclsFilterResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeleteAclsMatchingAcl: versions 0-3.
 */
export interface DeleteAclsMatchingAcl {
  /** The deletion error code, or 0 if the deletion succeeded. */
  errorCode: number;
  /** The deletion error message, or null if the deletion succeeded. (nullable) */
  errorMessage: string | null;
  /** The ACL resource type. */
  resourceType: number;
  /** The ACL resource name. */
  resourceName: string;
  /** The ACL resource pattern type. (versions 1+; default 3) */
  patternType: number;
  /** The ACL principal. */
  principal: string;
  /** The ACL host. */
  host: string;
  /** The ACL operation. */
  operation: number;
  /** The ACL permission type. */
  permissionType: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeleteAclsFilterResult: versions 0-3.
 */
export interface DeleteAclsFilterResult {
  /** The error code, or 0 if the filter succeeded. */
  errorCode: number;
  /** The error message, or null if the filter succeeded. (nullable) */
  errorMessage: string | null;
  /** The ACLs which matched this filter. */
  matchingAcls: DeleteAclsMatchingAcl[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteAclsResponse: `read` and `write` its body at a given version. */
export const DeleteAclsResponse = {
  apiKey: 31,
  type: 'response',
  name: 'DeleteAcls',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDeleteAclsResponse,
  write: writeDeleteAclsResponse,
} as const satisfies ApiMessageCodec<DeleteAclsResponse>;

function readDeleteAclsResponse(r: Reader, v: number): DeleteAclsResponse {
  checkVersion(v, 0, 3, 'DeleteAclsResponse');
  const flex = v >= 2;
  const o: DeleteAclsResponse = {
    throttleTimeMs: r.int32(),
    filterResults: readArray(r, flex, v, readDeleteAclsFilterResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteAclsResponse(w: Writer, v: number, o: DeleteAclsResponse): void {
  checkVersion(v, 0, 3, 'DeleteAclsResponse');
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.filterResults, writeDeleteAclsFilterResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteAclsResponse', v);
}

function readDeleteAclsMatchingAcl(r: Reader, v: number): DeleteAclsMatchingAcl {
  const flex = v >= 2;
  const o: DeleteAclsMatchingAcl = {
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
    resourceType: r.int8(),
    resourceName: flex ? r.compactString() : r.string(),
    patternType: v >= 1 ? r.int8() : 3,
    principal: flex ? r.compactString() : r.string(),
    host: flex ? r.compactString() : r.string(),
    operation: r.int8(),
    permissionType: r.int8(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteAclsMatchingAcl(w: Writer, v: number, o: DeleteAclsMatchingAcl): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  w.int8(o.resourceType);
  if (flex) w.compactString(o.resourceName);
  else w.string(o.resourceName);
  if (v >= 1) w.int8(o.patternType);
  else if (o.patternType !== 3) throw nonDefault('DeleteAclsMatchingAcl.patternType', v);
  if (flex) w.compactString(o.principal);
  else w.string(o.principal);
  if (flex) w.compactString(o.host);
  else w.string(o.host);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteAclsMatchingAcl', v);
}

function readDeleteAclsFilterResult(r: Reader, v: number): DeleteAclsFilterResult {
  const flex = v >= 2;
  const o: DeleteAclsFilterResult = {
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
    matchingAcls: readArray(r, flex, v, readDeleteAclsMatchingAcl),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteAclsFilterResult(w: Writer, v: number, o: DeleteAclsFilterResult): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  writeArray(w, flex, v, o.matchingAcls, writeDeleteAclsMatchingAcl);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteAclsFilterResult', v);
}

/** DeleteAclsFilterResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteAclsFilterResult(): DeleteAclsFilterResult {
  return {
    errorCode: 0,
    errorMessage: "",
    matchingAcls: [],
  };
}

/** DeleteAclsMatchingAcl with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteAclsMatchingAcl(): DeleteAclsMatchingAcl {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
    patternType: 3,
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

/** DeleteAclsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteAclsResponse(): DeleteAclsResponse {
  return {
    throttleTimeMs: 0,
    filterResults: [],
  };
}
