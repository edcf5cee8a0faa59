// generated — do not edit. Source: shared/kafka-protocol/messages/CreateAclsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * CreateAclsRequest (api key 30); versions 0-3; flexible 2+; deprecated 0.
 */
export interface CreateAclsRequest {
  /** The ACLs that we want to create. */
  creations: AclCreation[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AclCreation: versions 0-3.
 */
export interface AclCreation {
  /** The type of the resource. */
  resourceType: number;
  /** The resource name for the ACL. */
  resourceName: string;
  /** The pattern type for the ACL. (versions 1+; default 3) */
  resourcePatternType: number;
  /** The principal for the ACL. */
  principal: string;
  /** The host for the ACL. */
  host: string;
  /** The operation type for the ACL (read, write, etc.). */
  operation: number;
  /** The permission type for the ACL (allow, deny, etc.). */
  permissionType: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for CreateAclsRequest: `read` and `write` its body at a given version. */
export const CreateAclsRequest = {
  apiKey: 30,
  type: 'request',
  name: 'CreateAcls',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readCreateAclsRequest,
  write: writeCreateAclsRequest,
} as const satisfies ApiMessageCodec<CreateAclsRequest>;

function readCreateAclsRequest(r: Reader, v: number): CreateAclsRequest {
  checkVersion(v, 0, 3, 'CreateAclsRequest');
  const flex = v >= 2;
  const o: CreateAclsRequest = {
    creations: readArray(r, flex, v, readAclCreation),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreateAclsRequest(w: Writer, v: number, o: CreateAclsRequest): void {
  checkVersion(v, 0, 3, 'CreateAclsRequest');
  const flex = v >= 2;
  writeArray(w, flex, v, o.creations, writeAclCreation);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreateAclsRequest', v);
}

function readAclCreation(r: Reader, v: number): AclCreation {
  const flex = v >= 2;
  const o: AclCreation = {
    resourceType: r.int8(),
    resourceName: flex ? r.compactString() : r.string(),
    resourcePatternType: v >= 1 ? r.int8() : 3,
    principal: flex ? r.compactString() : r.string(),
    host: flex ? r.compactString() : r.string(),
    operation: r.int8(),
    permissionType: r.int8(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAclCreation(w: Writer, v: number, o: AclCreation): void {
  const flex = v >= 2;
  w.int8(o.resourceType);
  if (flex) w.compactString(o.resourceName);
  else w.string(o.resourceName);
  if (v >= 1) w.int8(o.resourcePatternType);
  else if (o.resourcePatternType !== 3) throw nonDefault('AclCreation.resourcePatternType', v);
  if (flex) w.compactString(o.principal);
  else w.string(o.principal);
  if (flex) w.compactString(o.host);
  else w.string(o.host);
  w.int8(o.operation);
  w.int8(o.permissionType);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AclCreation', v);
}

/** AclCreation with every field at its default (Kafka's no-argument constructor). */
export function defaultAclCreation(): AclCreation {
  return {
    resourceType: 0,
    resourceName: "",
    resourcePatternType: 3,
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

/** CreateAclsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultCreateAclsRequest(): CreateAclsRequest {
  return {
    creations: [],
  };
}
