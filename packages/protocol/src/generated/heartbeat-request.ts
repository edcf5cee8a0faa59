// generated — do not edit. Source: shared/kafka-protocol/messages/HeartbeatRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';

/**
 * HeartbeatRequest (api key 12); versions 0-4; flexible 4+.
 */
export interface HeartbeatRequest {
  /** The group id. */
  groupId: string;
  /** The generation of the group. */
  generationId: number;
  /** The member ID. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. (versions 3+; nullable; default null) */
  groupInstanceId: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for HeartbeatRequest: `read` and `write` its body at a given version. */
export const HeartbeatRequest = {
  apiKey: 12,
  type: 'request',
  name: 'Heartbeat',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readHeartbeatRequest,
  write: writeHeartbeatRequest,
} as const satisfies ApiMessageCodec<HeartbeatRequest>;

function readHeartbeatRequest(r: Reader, v: number): HeartbeatRequest {
  checkVersion(v, 0, 4, 'HeartbeatRequest');
  const flex = v === 4;
  const o: HeartbeatRequest = {
    groupId: flex ? r.compactString() : r.string(),
    generationId: r.int32(),
    memberId: flex ? r.compactString() : r.string(),
    groupInstanceId: v >= 3 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeHeartbeatRequest(w: Writer, v: number, o: HeartbeatRequest): void {
  checkVersion(v, 0, 4, 'HeartbeatRequest');
  const flex = v === 4;
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  w.int32(o.generationId);
  if (flex) w.compactString(o.memberId);
  else w.string(o.memberId);
  if (v >= 3) {
    if (flex) w.compactNullableString(o.groupInstanceId);
    else w.nullableString(o.groupInstanceId);
  } else if (o.groupInstanceId !== null) throw nonDefault('HeartbeatRequest.groupInstanceId', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'HeartbeatRequest', v);
}

/** HeartbeatRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultHeartbeatRequest(): HeartbeatRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
  };
}
