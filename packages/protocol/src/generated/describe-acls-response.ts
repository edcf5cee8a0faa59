// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeAclsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeAclsResponse (api key 29); versions 0-3; flexible 2+.
 */
export interface DescribeAclsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. (nullable) */
  errorMessage: string | null;
  /** Each Resource that is referenced in an ACL. */
  resources: DescribeAclsResource[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AclDescription: versions 0-3.
 */
export interface AclDescription {
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
 * DescribeAclsResource: versions 0-3.
 */
export interface DescribeAclsResource {
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** The resource pattern type. (versions 1+; default 3) */
  patternType: number;
  /** The ACLs. */
  acls: AclDescription[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeAclsResponse: `read` and `write` its body at a given version. */
export const DescribeAclsResponse = {
  apiKey: 29,
  type: 'response',
  name: 'DescribeAcls',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDescribeAclsResponse,
  write: writeDescribeAclsResponse,
} as const satisfies ApiMessageCodec<DescribeAclsResponse>;

function readDescribeAclsResponse(r: Reader, v: number): DescribeAclsResponse {
  checkVersion(v, 0, 3, 'DescribeAclsResponse');
  const flex = v >= 2;
  const o: DescribeAclsResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
    resources: readArray(r, flex, v, readDescribeAclsResource),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeAclsResponse(w: Writer, v: number, o: DescribeAclsResponse): void {
  checkVersion(v, 0, 3, 'DescribeAclsResponse');
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  writeArray(w, flex, v, o.resources, writeDescribeAclsResource);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeAclsResponse', v);
}

function readAclDescription(r: Reader, v: number): AclDescription {
  const flex = v >= 2;
  const o: AclDescription = {
    principal: flex ? r.compactString() : r.string(),
    host: flex ? r.compactString() : r.string(),
    operation: r.int8(),
    permissionType: r.int8(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAclDescription(w: Writer, v: number, o: AclDescription): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.principal);
  else w.string(o.principal);
  if (flex) w.compactString(o.host);
  else w.string(o.host);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AclDescription', v);
}

function readDescribeAclsResource(r: Reader, v: number): DescribeAclsResource {
  const flex = v >= 2;
  const o: DescribeAclsResource = {
    resourceType: r.int8(),
    resourceName: flex ? r.compactString() : r.string(),
    patternType: v >= 1 ? r.int8() : 3,
    acls: readArray(r, flex, v, readAclDescription),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeAclsResource(w: Writer, v: number, o: DescribeAclsResource): void {
  const flex = v >= 2;
  w.int8(o.resourceType);
  if (flex) w.compactString(o.resourceName);
  else w.string(o.resourceName);
  if (v >= 1) w.int8(o.patternType);
  else if (o.patternType !== 3) throw nonDefault('DescribeAclsResource.patternType', v);
  writeArray(w, flex, v, o.acls, writeAclDescription);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeAclsResource', v);
}

/** AclDescription with every field at its default (Kafka's no-argument constructor). */
export function defaultAclDescription(): AclDescription {
  return {
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

/** DescribeAclsResource with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeAclsResource(): DescribeAclsResource {
  return {
    resourceType: 0,
    resourceName: "",
    patternType: 3,
    acls: [],
  };
}

/** DescribeAclsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeAclsResponse(): DescribeAclsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    resources: [],
  };
}
