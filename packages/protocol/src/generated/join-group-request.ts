// generated — do not edit. Source: shared/kafka-protocol/messages/JoinGroupRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * JoinGroupRequest (api key 11); versions 0-9; flexible 6+; deprecated 0-1.
 */
export interface JoinGroupRequest {
  /** The group identifier. */
  groupId: string;
  /** The coordinator considers the consumer dead if it receives no heartbeat after this timeout in milliseconds. */
  sessionTimeoutMs: number;
  /** The maximum time in milliseconds that the coordinator will wait for each member to rejoin when rebalancing the group. (versions 1+; default -1; ignorable) */
  rebalanceTimeoutMs: number;
  /** The member id assigned by the group coordinator. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. (versions 5+; nullable; default null) */
  groupInstanceId: string | null;
  /** The unique name the for class of protocols implemented by the group we want to join. */
  protocolType: string;
  /** The list of protocols that the member supports. */
  protocols: JoinGroupRequestProtocol[];
  /** The reason why the member (re-)joins the group. (versions 8+; nullable; default null; ignorable) */
  reason: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * JoinGroupRequestProtocol: versions 0-9.
 */
export interface JoinGroupRequestProtocol {
  /** The protocol name. */
  name: string;
  /** The protocol metadata. */
  metadata: Buffer;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for JoinGroupRequest: `read` and `write` its body at a given version. */
export const JoinGroupRequest = {
  apiKey: 11,
  type: 'request',
  name: 'JoinGroup',
  validVersions: { min: 0, max: 9 },
  flexibleVersions: { min: 6, max: 32767 },
  read: readJoinGroupRequest,
  write: writeJoinGroupRequest,
} as const satisfies ApiMessageCodec<JoinGroupRequest>;

function readJoinGroupRequest(r: Reader, v: number): JoinGroupRequest {
  checkVersion(v, 0, 9, 'JoinGroupRequest');
  const flex = v >= 6;
  const o: JoinGroupRequest = {
    groupId: flex ? r.compactString() : r.string(),
    sessionTimeoutMs: r.int32(),
    rebalanceTimeoutMs: v >= 1 ? r.int32() : -1,
    memberId: flex ? r.compactString() : r.string(),
    groupInstanceId: v >= 5 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
    protocolType: flex ? r.compactString() : r.string(),
    protocols: readArray(r, flex, v, readJoinGroupRequestProtocol),
    reason: v >= 8 ? r.compactNullableString() : null,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeJoinGroupRequest(w: Writer, v: number, o: JoinGroupRequest): void {
  checkVersion(v, 0, 9, 'JoinGroupRequest');
  const flex = v >= 6;
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  w.int32(o.sessionTimeoutMs);
  if (v >= 1) w.int32(o.rebalanceTimeoutMs);
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  if (v >= 5) {
    if (flex) w.compactNullableString(o.groupInstanceId);
    else w.nullableString(o.groupInstanceId);
  } else if (o.groupInstanceId !== null) throw nonDefault('JoinGroupRequest.groupInstanceId', v);
  if (flex) w.compactString(o.protocolType);
  else w.string(o.protocolType);
  writeArray(w, flex, v, o.protocols, writeJoinGroupRequestProtocol);
  if (v >= 8) w.compactNullableString(o.reason);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'JoinGroupRequest', v);
}

function readJoinGroupRequestProtocol(r: Reader, v: number): JoinGroupRequestProtocol {
  const flex = v >= 6;
  const o: JoinGroupRequestProtocol = {
    name: flex ? r.compactString() : r.string(),
    metadata: flex ? r.compactBytes() : r.bytes(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeJoinGroupRequestProtocol(w: Writer, v: number, o: JoinGroupRequestProtocol): void {
  const flex = v >= 6;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  if (flex) w.compactBytes(o.metadata);
  else w.bytes(o.metadata);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'JoinGroupRequestProtocol', v);
}

/** JoinGroupRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultJoinGroupRequest(): JoinGroupRequest {
  return {
    groupId: "",
    sessionTimeoutMs: 0,
    rebalanceTimeoutMs: -1,
    memberId: "",
    groupInstanceId: null,
    protocolType: "",
    protocols: [],
    reason: null,
  };
}

/** JoinGroupRequestProtocol with every field at its default (Kafka's no-argument constructor). */
export function defaultJoinGroupRequestProtocol(): JoinGroupRequestProtocol {
  return {
    name: "",
    metadata: EMPTY_BYTES,
  };
}
