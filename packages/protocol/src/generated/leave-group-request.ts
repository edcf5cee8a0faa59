// generated — do not edit. Source: shared/kafka-protocol/messages/LeaveGroupRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * LeaveGroupRequest (api key 13); versions 0-5; flexible 4+.
 */
export interface LeaveGroupRequest {
  /** The ID of the group to leave. */
  groupId: string;
  /** The member ID to remove from the group. (versions 0-2) */
  memberId: string;
  /** List of leaving member identities. (versions 3+) */
  members: MemberIdentity[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * MemberIdentity: versions 3-5.
 */
export interface MemberIdentity {
  /** The member ID to remove from the group. */
  memberId: string;
  /** The group instance ID to remove from the group. (nullable; default null) */
  groupInstanceId: string | null;
  /** The reason why the member left the group. (versions 5+; nullable; default null; ignorable) */
  reason: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for LeaveGroupRequest: `read` and `write` its body at a given version. */
export const LeaveGroupRequest = {
  apiKey: 13,
  type: 'request',
  name: 'LeaveGroup',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readLeaveGroupRequest,
  write: writeLeaveGroupRequest,
} as const satisfies ApiMessageCodec<LeaveGroupRequest>;

function readLeaveGroupRequest(r: Reader, v: number): LeaveGroupRequest {
  checkVersion(v, 0, 5, 'LeaveGroupRequest');
  const flex = v >= 4;
  const o: LeaveGroupRequest = {
    groupId: flex ? r.compactString() : r.string(),
    memberId: v <= 2 ? r.string() : "",
    members: v >= 3 ? readArray(r, flex, v, readMemberIdentity) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeLeaveGroupRequest(w: Writer, v: number, o: LeaveGroupRequest): void {
  checkVersion(v, 0, 5, 'LeaveGroupRequest');
  const flex = v >= 4;
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  if (v <= 2) w.string(o.memberId);
  else if (o.memberId !== "") throw nonDefault('LeaveGroupRequest.memberId', v);
  if (v >= 3) writeArray(w, flex, v, o.members, writeMemberIdentity);
  else if (o.members.length !== 0) throw nonDefault('LeaveGroupRequest.members', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'LeaveGroupRequest', v);
}

function readMemberIdentity(r: Reader, v: number): MemberIdentity {
  const flex = v >= 4;
  const o: MemberIdentity = {
    memberId: flex ? r.compactString() : r.string(),
    groupInstanceId: flex ? r.compactNullableString() : r.nullableString(),
    reason: v === 5 ? r.compactNullableString() : null,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeMemberIdentity(w: Writer, v: number, o: MemberIdentity): void {
  const flex = v >= 4;
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  if (flex) w.compactNullableString(o.groupInstanceId);
  else w.nullableString(o.groupInstanceId);
  if (v === 5) w.compactNullableString(o.reason);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'MemberIdentity', v);
}

/** LeaveGroupRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaveGroupRequest(): LeaveGroupRequest {
  return {
    groupId: "",
    memberId: "",
    members: [],
  };
}

/** MemberIdentity with every field at its default (Kafka's no-argument constructor). */
export function defaultMemberIdentity(): MemberIdentity {
  return {
    memberId: "",
    groupInstanceId: null,
    reason: null,
  };
}
