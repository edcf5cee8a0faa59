// generated — do not edit. Source: shared/kafka-protocol/messages/LeaveGroupResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * LeaveGroupResponse (api key 13); versions 0-5; flexible 4+.
 */
export interface LeaveGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; ignorable) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** List of leaving member responses. (versions 3+) */
  members: MemberResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * MemberResponse: versions 3-5.
 */
export interface MemberResponse {
  /** The member ID to remove from the group. */
  memberId: string;
  /** The group instance ID to remove from the group. (nullable) */
  groupInstanceId: string | null;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for LeaveGroupResponse: `read` and `write` its body at a given version. */
export const LeaveGroupResponse = {
  apiKey: 13,
  type: 'response',
  name: 'LeaveGroup',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readLeaveGroupResponse,
  write: writeLeaveGroupResponse,
} as const satisfies ApiMessageCodec<LeaveGroupResponse>;

function readLeaveGroupResponse(r: Reader, v: number): LeaveGroupResponse {
  checkVersion(v, 0, 5, 'LeaveGroupResponse');
  const flex = v >= 4;
  const o: LeaveGroupResponse = {
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    errorCode: r.int16(),
    members: v >= 3 ? readArray(r, flex, v, readMemberResponse) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeLeaveGroupResponse(w: Writer, v: number, o: LeaveGroupResponse): void {
  checkVersion(v, 0, 5, 'LeaveGroupResponse');
  const flex = v >= 4;
  if (v >= 1) w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (v >= 3) writeArray(w, flex, v, o.members, writeMemberResponse);
  else if (o.members.length !== 0) throw nonDefault('LeaveGroupResponse.members', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'LeaveGroupResponse', v);
}

function readMemberResponse(r: Reader, v: number): MemberResponse {
  const flex = v >= 4;
  const o: MemberResponse = {
    memberId: flex ? r.compactString() : r.string(),
    groupInstanceId: flex ? r.compactNullableString() : r.nullableString(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeMemberResponse(w: Writer, v: number, o: MemberResponse): void {
  const flex = v >= 4;
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  if (flex) w.compactNullableString(o.groupInstanceId);
  else w.nullableString(o.groupInstanceId);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'MemberResponse', v);
}

/** LeaveGroupResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaveGroupResponse(): LeaveGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    members: [],
  };
}

/** MemberResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultMemberResponse(): MemberResponse {
  return {
    memberId: "",
    groupInstanceId: "",
    errorCode: 0,
  };
}
