// generated — do not edit. Source: shared/kafka-protocol/messages/SyncGroupRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * SyncGroupRequest (api key 14); versions 0-5; flexible 4+.
 */
export interface SyncGroupRequest {
  /** The unique group identifier. */
  groupId: string;
  /** The generation of the group. */
  generationId: number;
  /** The member ID assigned by the group. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. (versions 3+; nullable; default null) */
  groupInstanceId: string | null;
  /** The group protocol type. (versions 5+; nullable; default null; ignorable) */
  protocolType: string | null;
  /** The group protocol name. (versions 5+; nullable; default null; ignorable) */
  protocolName: string | null;
  /** Each assignment. */
  assignments: SyncGroupRequestAssignment[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * SyncGroupRequestAssignment: versions 0-5.
 */
export interface SyncGroupRequestAssignment {
  /** The ID of the member to assign. */
  memberId: string;
  /** The member assignment. */
  assignment: Buffer;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for SyncGroupRequest: `read` and `write` its body at a given version. */
export const SyncGroupRequest = {
  apiKey: 14,
  type: 'request',
  name: 'SyncGroup',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readSyncGroupRequest,
  write: writeSyncGroupRequest,
} as const satisfies ApiMessageCodec<SyncGroupRequest>;

function readSyncGroupRequest(r: Reader, v: number): SyncGroupRequest {
  checkVersion(v, 0, 5, 'SyncGroupRequest');
  const flex = v >= 4;
  const o: SyncGroupRequest = {
    groupId: flex ? r.compactString() : r.string(),
    generationId: r.int32(),
    memberId: flex ? r.compactString() : r.string(),
    groupInstanceId: v >= 3 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
    protocolType: v === 5 ? r.compactNullableString() : null,
    protocolName: v === 5 ? r.compactNullableString() : null,
    assignments: readArray(r, flex, v, readSyncGroupRequestAssignment),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeSyncGroupRequest(w: Writer, v: number, o: SyncGroupRequest): void {
  checkVersion(v, 0, 5, 'SyncGroupRequest');
  const flex = v >= 4;
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  w.int32(o.generationId);
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  if (v >= 3) {
    if (flex) w.compactNullableString(o.groupInstanceId);
    else w.nullableString(o.groupInstanceId);
  } else if (o.groupInstanceId !== null) throw nonDefault('SyncGroupRequest.groupInstanceId', v);
  if (v === 5) w.compactNullableString(o.protocolType);
  if (v === 5) w.compactNullableString(o.protocolName);
  writeArray(w, flex, v, o.assignments, writeSyncGroupRequestAssignment);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'SyncGroupRequest', v);
}

function readSyncGroupRequestAssignment(r: Reader, v: number): SyncGroupRequestAssignment {
  const flex = v >= 4;
  const o: SyncGroupRequestAssignment = {
    memberId: flex ? r.compactString() : r.string(),
    assignment: flex ? r.compactBytes() : r.bytes(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeSyncGroupRequestAssignment(w: Writer, v: number, o: SyncGroupRequestAssignment): void {
  const flex = v >= 4;
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  if (flex) w.compactBytes(o.assignment);
  else w.bytes(o.assignment);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'SyncGroupRequestAssignment', v);
}

/** SyncGroupRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultSyncGroupRequest(): SyncGroupRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
    protocolType: null,
    protocolName: null,
    assignments: [],
  };
}

/** SyncGroupRequestAssignment with every field at its default (Kafka's no-argument constructor). */
export function defaultSyncGroupRequestAssignment(): SyncGroupRequestAssignment {
  return {
    memberId: "",
    assignment: EMPTY_BYTES,
  };
}
