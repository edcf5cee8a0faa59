// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeGroupsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeGroupsResponse (api key 15); versions 0-5; flexible 5+.
 */
export interface DescribeGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; ignorable) */
  throttleTimeMs: number;
  /** Each described group. */
  groups: DescribedGroup[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribedGroupMember: versions 0-5.
 */
export interface DescribedGroupMember {
  /** The member ID assigned by the group coordinator. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. (versions 4+; nullable; default null; ignorable) */
  groupInstanceId: string | null;
  /** The client ID used in the member's latest join group request. */
  clientId: string;
  /** The client host. */
  clientHost: string;
  /** The metadata corresponding to the current group protocol in use. */
  memberMetadata: Buffer;
  /** The current assignment provided by the group leader. */
  memberAssignment: Buffer;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribedGroup: versions 0-5.
 */
export interface DescribedGroup {
  /** The describe error, or 0 if there was no error. */
  errorCode: number;
  /** The group ID string. */
  groupId: string;
  /** The group state string, or the empty string. */
  groupState: string;
  /** The group protocol type, or the empty string. */
  protocolType: string;
  /** The group protocol data, or the empty string. */
  protocolData: string;
  /** The group members. */
  members: DescribedGroupMember[];
  /** 32-bit bitfield to represent authorized operations for this group. (versions 3+; default -2147483648) */
  authorizedOperations: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeGroupsResponse: `read` and `write` its body at a given version. */
export const DescribeGroupsResponse = {
  apiKey: 15,
  type: 'response',
  name: 'DescribeGroups',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 5, max: 32767 },
  read: readDescribeGroupsResponse,
  write: writeDescribeGroupsResponse,
} as const satisfies ApiMessageCodec<DescribeGroupsResponse>;

function readDescribeGroupsResponse(r: Reader, v: number): DescribeGroupsResponse {
  checkVersion(v, 0, 5, 'DescribeGroupsResponse');
  const flex = v === 5;
  const o: DescribeGroupsResponse = {
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    groups: readArray(r, flex, v, readDescribedGroup),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeGroupsResponse(w: Writer, v: number, o: DescribeGroupsResponse): void {
  checkVersion(v, 0, 5, 'DescribeGroupsResponse');
  const flex = v === 5;
  if (v >= 1) w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.groups, writeDescribedGroup);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeGroupsResponse', v);
}

function readDescribedGroupMember(r: Reader, v: number): DescribedGroupMember {
  const flex = v === 5;
  const o: DescribedGroupMember = {
    memberId: flex ? r.compactString() : r.string(),
    groupInstanceId: v >= 4 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
    clientId: flex ? r.compactString() : r.string(),
    clientHost: flex ? r.compactString() : r.string(),
    memberMetadata: flex ? r.compactBytes() : r.bytes(),
    memberAssignment: flex ? r.compactBytes() : r.bytes(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribedGroupMember(w: Writer, v: number, o: DescribedGroupMember): void {
  const flex = v === 5;
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  if (v >= 4) {
    if (flex) w.compactNullableString(o.groupInstanceId);
    else w.nullableString(o.groupInstanceId);
  }
  if (flex) w.compactString(o.clientId);
  else w.string(o.clientId);
  if (flex) w.compactString(o.clientHost);
  else w.string(o.clientHost);
  if (flex) w.compactBytes(o.memberMetadata);
  else w.bytes(o.memberMetadata);
  if (flex) w.compactBytes(o.memberAssignment);
  else w.bytes(o.memberAssignment);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribedGroupMember', v);
}

function readDescribedGroup(r: Reader, v: number): DescribedGroup {
  const flex = v === 5;
  const o: DescribedGroup = {
    errorCode: r.int16(),
    groupId: flex ? r.compactString() : r.string(),
    groupState: flex ? r.compactString() : r.string(),
    protocolType: flex ? r.compactString() : r.string(),
    protocolData: flex ? r.compactString() : r.string(),
    members: readArray(r, flex, v, readDescribedGroupMember),
    authorizedOperations: v >= 3 ? r.int32() : -2147483648,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribedGroup(w: Writer, v: number, o: DescribedGroup): void {
  const flex = v === 5;
  w.int16(o.errorCode);
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  if (flex) w.compactString(o.groupState);
  else w.string(o.groupState);
  if (flex) w.compactString(o.protocolType);
  else w.string(o.protocolType);
  if (flex) w.compactString(o.protocolData);
  else w.string(o.protocolData);
  writeArray(w, flex, v, o.members, writeDescribedGroupMember);
  if (v >= 3) w.int32(o.authorizedOperations);
  else if (o.authorizedOperations !== -2147483648) throw nonDefault('DescribedGroup.authorizedOperations', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribedGroup', v);
}

/** DescribeGroupsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeGroupsResponse(): DescribeGroupsResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

/** DescribedGroup with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribedGroup(): DescribedGroup {
  return {
    errorCode: 0,
    groupId: "",
    groupState: "",
    protocolType: "",
    protocolData: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

/** DescribedGroupMember with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribedGroupMember(): DescribedGroupMember {
  return {
    memberId: "",
    groupInstanceId: null,
    clientId: "",
    clientHost: "",
    memberMetadata: EMPTY_BYTES,
    memberAssignment: EMPTY_BYTES,
  };
}
