// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteAclsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DeleteAclsRequest (api key 31); versions 0-3; flexible 2+; deprecated 0.
 */
export interface DeleteAclsRequest {
  /** The filters to use when deleting ACLs. */
  filters: DeleteAclsFilter[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeleteAclsFilter: versions 0-3.
 */
export interface DeleteAclsFilter {
  /** The resource type. */
  resourceTypeFilter: number;
  /** The resource name. (nullable) */
  resourceNameFilter: string | null;
  /** The pattern type. (versions 1+; default 3) */
  patternTypeFilter: number;
  /** The principal filter, or null to accept all principals. (nullable) */
  principalFilter: string | null;
  /** The host filter, or null to accept all hosts. (nullable) */
  hostFilter: string | null;
  /** The ACL operation. */
  operation: number;
  /** The permission type. */
  permissionType: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteAclsRequest: `read` and `write` its body at a given version. */
export const DeleteAclsRequest = {
  apiKey: 31,
  type: 'request',
  name: 'DeleteAcls',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDeleteAclsRequest,
  write: writeDeleteAclsRequest,
} as const satisfies ApiMessageCodec<DeleteAclsRequest>;

function readDeleteAclsRequest(r: Reader, v: number): DeleteAclsRequest {
  checkVersion(v, 0, 3, 'DeleteAclsRequest');
  const flex = v >= 2;
  const o: DeleteAclsRequest = {
    filters: readArray(r, flex, v, readDeleteAclsFilter),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteAclsRequest(w: Writer, v: number, o: DeleteAclsRequest): void {
  checkVersion(v, 0, 3, 'DeleteAclsRequest');
  const flex = v >= 2;
  writeArray(w, flex, v, o.filters, writeDeleteAclsFilter);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteAclsRequest', v);
}

function readDeleteAclsFilter(r: Reader, v: number): DeleteAclsFilter {
  const flex = v >= 2;
  const o: DeleteAclsFilter = {
    resourceTypeFilter: r.int8(),
    resourceNameFilter: flex ? r.compactNullableString() : r.nullableString(),
    patternTypeFilter: v >= 1 ? r.int8() : 3,
    principalFilter: flex ? r.compactNullableString() : r.nullableString(),
    hostFilter: flex ? r.compactNullableString() : r.nullableString(),
    operation: r.int8(),
    permissionType: r.int8(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteAclsFilter(w: Writer, v: number, o: DeleteAclsFilter): void {
  const flex = v >= 2;
  w.int8(o.resourceTypeFilter);
  if (flex) w.compactNullableString(o.resourceNameFilter);
  else w.nullableString(o.resourceNameFilter);
  if (v >= 1) w.int8(o.patternTypeFilter);
  else if (o.patternTypeFilter !== 3) throw nonDefault('DeleteAclsFilter.patternTypeFilter', v);
  if (flex) w.compactNullableString(o.principalFilter);
  else w.nullableString(o.principalFilter);
  if (flex) w.compactNullableString(o.hostFilter);
  else w.nullableString(o.hostFilter);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteAclsFilter', v);
}

/** DeleteAclsFilter with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteAclsFilter(): DeleteAclsFilter {
  return {
    resourceTypeFilter: 0,
    resourceNameFilter: "",
    patternTypeFilter: 3,
    principalFilter: "",
    hostFilter: "",
    operation: 0,
    permissionType: 0,
  };
}

/** DeleteAclsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteAclsRequest(): DeleteAclsRequest {
  return {
    filters: [],
  };
}
