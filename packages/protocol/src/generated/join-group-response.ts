// generated — do not edit. Source: shared/kafka-protocol/messages/JoinGroupResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES, nonDefault, nonNull } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * JoinGroupResponse (api key 11); versions 0-9; flexible 6+.
 */
export interface JoinGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 2+; ignorable) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The generation ID of the group. (default -1) */
  generationId: number;
  /** The group protocol name. (versions 7+; nullable; default null; ignorable) */
  protocolType: string | null;
  /** The group protocol selected by the coordinator. (nullable 7+) */
  protocolName: string | null;
  /** The leader of the group. */
  leader: string;
  /** True if the leader must skip running the assignment. (versions 9+; default false) */
  skipAssignment: boolean;
  /** The member ID assigned by the group coordinator. */
  memberId: string;
  /** Members */
  members: JoinGroupResponseMember[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * JoinGroupResponseMember: versions 0-9.
 */
export interface JoinGroupResponseMember {
  /** The group member ID. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. (versions 5+; nullable; default null; ignorable) */
  groupInstanceId: string | null;
  /** The group member metadata. */
  metadata: Buffer;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for JoinGroupResponse: `read` and `write` its body at a given version. */
export const JoinGroupResponse = {
  apiKey: 11,
  type: 'response',
  name: 'JoinGroup',
  validVersions: { min: 0, max: 9 },
  flexibleVersions: { min: 6, max: 32767 },
  read: readJoinGroupResponse,
  write: writeJoinGroupResponse,
} as const satisfies ApiMessageCodec<JoinGroupResponse>;

function readJoinGroupResponse(r: Reader, v: number): JoinGroupResponse {
  checkVersion(v, 0, 9, 'JoinGroupResponse');
  const flex = v >= 6;
  const o: JoinGroupResponse = {
    throttleTimeMs: v >= 2 ? r.int32() : 0,
    errorCode: r.int16(),
    generationId: r.int32(),
    protocolType: v >= 7 ? r.compactNullableString() : null,
    protocolName: flex ? (v >= 7 ? r.compactNullableString() : r.compactString()) : (v >= 7 ? r.nullableString() : r.string()),
    leader: flex ? r.compactString() : r.string(),
    skipAssignment: v === 9 ? r.bool() : false,
    memberId: flex ? r.compactString() : r.string(),
    members: readArray(r, flex, v, readJoinGroupResponseMember),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeJoinGroupResponse(w: Writer, v: number, o: JoinGroupResponse): void {
  checkVersion(v, 0, 9, 'JoinGroupResponse');
  const flex = v >= 6;
  if (v >= 2) w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.int32(o.generationId);
  if (v >= 7) w.compactNullableString(o.protocolType);
  if (flex) {
    if (v >= 7) w.compactNullableString(o.protocolName);
    else w.compactString(nonNull(o.protocolName, 'JoinGroupResponse.protocolName', v));
  } else {
    if (v >= 7) w.nullableString(o.protocolName);
    else w.string(nonNull(o.protocolName, 'JoinGroupResponse.protocolName', v));
  }
  if (flex) w.compactString(o.leader);
  else w.string(o.leader);
  if (v === 9) w.bool(o.skipAssignment);
  else if (o.skipAssignment) throw nonDefault('JoinGroupResponse.skipAssignment', v);
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  writeArray(w, flex, v, o.members, writeJoinGroupResponseMember);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'JoinGroupResponse', v);
}

function readJoinGroupResponseMember(r: Reader, v: number): JoinGroupResponseMember {
  const flex = v >= 6;
  const o: JoinGroupResponseMember = {
    memberId: flex ? r.compactString() : r.string(),
    groupInstanceId: v >= 5 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
    metadata: flex ? r.compactBytes() : r.bytes(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeJoinGroupResponseMember(w: Writer, v: number, o: JoinGroupResponseMember): void {
  const flex = v >= 6;
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  if (v >= 5) {
    if (flex) w.compactNullableString(o.groupInstanceId);
    else w.nullableString(o.groupInstanceId);
  }
  if (flex) w.compactBytes(o.metadata);
  else w.bytes(o.metadata);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'JoinGroupResponseMember', v);
}

/** JoinGroupResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultJoinGroupResponse(): JoinGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    generationId: -1,
    protocolType: null,
    protocolName: "",
    leader: "",
    skipAssignment: false,
    memberId: "",
    members: [],
  };
}

/** JoinGroupResponseMember with every field at its default (Kafka's no-argument constructor). */
export function defaultJoinGroupResponseMember(): JoinGroupResponseMember {
  return {
    memberId: "",
    groupInstanceId: null,
    metadata: EMPTY_BYTES,
  };
}
