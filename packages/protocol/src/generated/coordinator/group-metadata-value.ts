// generated — do not edit. Source: shared/kafka-protocol/coordinator-records/GroupMetadataValue.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../../wire/reader';
import type { Writer } from '../../wire/writer';
import type { MessageCodec } from '../../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES } from '../../wire/field-checks';
import { readArray, writeArray } from '../../wire/arrays';

/**
 * GroupMetadataValue (data); versions 0-4; flexible 4+.
 */
export interface GroupMetadataValue {
  /** protocolType */
  protocolType: string;
  /** generation */
  generation: number;
  /** protocol (nullable) */
  protocol: string | null;
  /** leader (nullable) */
  leader: string | null;
  /** currentStateTimestamp (versions 2+; default -1; ignorable) */
  currentStateTimestamp: bigint;
  /** members */
  members: MemberMetadata[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * MemberMetadata (common struct): versions 0-4.
 */
export interface MemberMetadata {
  /** memberId */
  memberId: string;
  /** groupInstanceId (versions 3+; nullable; default null; ignorable) */
  groupInstanceId: string | null;
  /** clientId */
  clientId: string;
  /** clientHost */
  clientHost: string;
  /** rebalanceTimeout (versions 1+; default -1; ignorable) */
  rebalanceTimeout: number;
  /** sessionTimeout */
  sessionTimeout: number;
  /** subscription */
  subscription: Buffer;
  /** assignment */
  assignment: Buffer;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for GroupMetadataValue: `read` and `write` its body at a given version. */
export const GroupMetadataValue = {
  type: 'data',
  name: 'GroupMetadataValue',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readGroupMetadataValue,
  write: writeGroupMetadataValue,
} as const satisfies MessageCodec<GroupMetadataValue>;

function readGroupMetadataValue(r: Reader, v: number): GroupMetadataValue {
  checkVersion(v, 0, 4, 'GroupMetadataValue');
  const flex = v === 4;
  const o: GroupMetadataValue = {
    protocolType: flex ? r.compactString() : r.string(),
    generation: r.int32(),
    protocol: flex ? r.compactNullableString() : r.nullableString(),
    leader: flex ? r.compactNullableString() : r.nullableString(),
    currentStateTimestamp: v >= 2 ? r.int64() : -1n,
    members: readArray(r, flex, v, readMemberMetadata),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeGroupMetadataValue(w: Writer, v: number, o: GroupMetadataValue): void {
  checkVersion(v, 0, 4, 'GroupMetadataValue');
  const flex = v === 4;
  if (flex) w.compactString(o.protocolType);
  else w.string(o.protocolType);
  w.int32(o.generation);
  if (flex) w.compactNullableString(o.protocol);
  else w.nullableString(o.protocol);
  if (flex) w.compactNullableString(o.leader);
  else w.nullableString(o.leader);
  if (v >= 2) w.int64(o.currentStateTimestamp);
  writeArray(w, flex, v, o.members, writeMemberMetadata);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'GroupMetadataValue', v);
}

function readMemberMetadata(r: Reader, v: number): MemberMetadata {
  const flex = v === 4;
  const o: MemberMetadata = {
    memberId: flex ? r.compactString() : r.string(),
    groupInstanceId: v >= 3 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
    clientId: flex ? r.compactString() : r.string(),
    clientHost: flex ? r.compactString() : r.string(),
    rebalanceTimeout: v >= 1 ? r.int32() : -1,
    sessionTimeout: r.int32(),
    subscription: flex ? r.compactBytes() : r.bytes(),
    assignment: flex ? r.compactBytes() : r.bytes(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeMemberMetadata(w: Writer, v: number, o: MemberMetadata): void {
  const flex = v === 4;
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  if (v >= 3) {
    if (flex) w.compactNullableString(o.groupInstanceId);
    else w.nullableString(o.groupInstanceId);
  }
  if (flex) w.compactString(o.clientId);
  else w.string(o.clientId);
  if (flex) w.compactString(o.clientHost);
  else w.string(o.clientHost);
  if (v >= 1) w.int32(o.rebalanceTimeout);
  w.int32(o.sessionTimeout);
  if (flex) w.compactBytes(o.subscription);
  else w.bytes(o.subscription);
  if (flex) w.compactBytes(o.assignment);
  else w.bytes(o.assignment);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'MemberMetadata', v);
}

/** GroupMetadataValue with every field at its default (Kafka's no-argument constructor). */
export function defaultGroupMetadataValue(): GroupMetadataValue {
  return {
    protocolType: "",
    generation: 0,
    protocol: "",
    leader: "",
    currentStateTimestamp: -1n,
    members: [],
  };
}

/** MemberMetadata with every field at its default (Kafka's no-argument constructor). */
export function defaultMemberMetadata(): MemberMetadata {
  return {
    memberId: "",
    groupInstanceId: null,
    clientId: "",
    clientHost: "",
    rebalanceTimeout: -1,
    sessionTimeout: 0,
    subscription: EMPTY_BYTES,
    assignment: EMPTY_BYTES,
  };
}
