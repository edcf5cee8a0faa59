// generated — do not edit. Source: shared/kafka-protocol/messages/HeartbeatResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * HeartbeatResponse (api key 12); versions 0-4; flexible 4+.
 */
export interface HeartbeatResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; ignorable) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for HeartbeatResponse: `read` and `write` its body at a given version. */
export const HeartbeatResponse = {
  apiKey: 12,
  type: 'response',
  name: 'Heartbeat',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readHeartbeatResponse,
  write: writeHeartbeatResponse,
} as const satisfies ApiMessageCodec<HeartbeatResponse>;

function readHeartbeatResponse(r: Reader, v: number): HeartbeatResponse {
  checkVersion(v, 0, 4, 'HeartbeatResponse');
  const flex = v === 4;
  const o: HeartbeatResponse = {
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeHeartbeatResponse(w: Writer, v: number, o: HeartbeatResponse): void {
  checkVersion(v, 0, 4, 'HeartbeatResponse');
  const flex = v === 4;
  if (v >= 1) w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'HeartbeatResponse', v);
}

/** HeartbeatResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultHeartbeatResponse(): HeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}
