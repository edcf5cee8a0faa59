// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeAclsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';

/**
 * DescribeAclsRequest (api key 29); versions 0-3; flexible 2+; deprecated 0.
 */
export interface DescribeAclsRequest {
  /** The resource type. */
  resourceTypeFilter: number;
  /** The resource name, or null to match any resource name. (nullable) */
  resourceNameFilter: string | null;
  /** The resource pattern to match. (versions 1+; default 3) */
  patternTypeFilter: number;
  /** The principal to match, or null to match any principal. (nullable) */
  principalFilter: string | null;
  /** The host to match, or null to match any host. (nullable) */
  hostFilter: string | null;
  /** The operation to match. */
  operation: number;
  /** The permission type to match. */
  permissionType: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeAclsRequest: `read` and `write` its body at a given version. */
export const DescribeAclsRequest = {
  apiKey: 29,
  type: 'request',
  name: 'DescribeAcls',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDescribeAclsRequest,
  write: writeDescribeAclsRequest,
} as const satisfies ApiMessageCodec<DescribeAclsRequest>;

function readDescribeAclsRequest(r: Reader, v: number): DescribeAclsRequest {
  checkVersion(v, 0, 3, 'DescribeAclsRequest');
  const flex = v >= 2;
  const o: DescribeAclsRequest = {
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

function writeDescribeAclsRequest(w: Writer, v: number, o: DescribeAclsRequest): void {
  checkVersion(v, 0, 3, 'DescribeAclsRequest');
  const flex = v >= 2;
  w.int8(o.resourceTypeFilter);
  if (flex) w.compactNullableString(o.resourceNameFilter);
  else w.nullableString(o.resourceNameFilter);
  if (v >= 1) w.int8(o.patternTypeFilter);
  else if (o.patternTypeFilter !== 3) throw nonDefault('DescribeAclsRequest.patternTypeFilter', v);
  if (flex) w.compactNullableString(o.principalFilter);
  else w.nullableString(o.principalFilter);
  if (flex) w.compactNullableString(o.hostFilter);
  else w.nullableString(o.hostFilter);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeAclsRequest', v);
}

/** DescribeAclsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeAclsRequest(): DescribeAclsRequest {
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
