// generated — do not edit. Source: shared/kafka-protocol/messages/SyncGroupResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES } from '../wire/field-checks';

/**
 * SyncGroupResponse (api key 14); versions 0-5; flexible 4+.
 */
export interface SyncGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; ignorable) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The group protocol type. (versions 5+; nullable; default null; ignorable) */
  protocolType: string | null;
  /** The group protocol name. (versions 5+; nullable; default null; ignorable) */
  protocolName: string | null;
  /** The member assignment. */
  assignment: Buffer;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for SyncGroupResponse: `read` and `write` its body at a given version. */
export const SyncGroupResponse = {
  apiKey: 14,
  type: 'response',
  name: 'SyncGroup',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readSyncGroupResponse,
  write: writeSyncGroupResponse,
} as const satisfies ApiMessageCodec<SyncGroupResponse>;

function readSyncGroupResponse(r: Reader, v: number): SyncGroupResponse {
  checkVersion(v, 0, 5, 'SyncGroupResponse');
  const flex = v >= 4;
  const o: SyncGroupResponse = {
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    errorCode: r.int16(),
    protocolType: v === 5 ? r.compactNullableString() : null,
    protocolName: v === 5 ? r.compactNullableString() : null,
    assignment: flex ? r.compactBytes() : r.bytes(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeSyncGroupResponse(w: Writer, v: number, o: SyncGroupResponse): void {
  checkVersion(v, 0, 5, 'SyncGroupResponse');
  const flex = v >= 4;
  if (v >= 1) w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (v === 5) w.compactNullableString(o.protocolType);
  if (v === 5) w.compactNullableString(o.protocolName);
  if (flex) w.compactBytes(o.assignment);
  else w.bytes(o.assignment);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'SyncGroupResponse', v);
}

/** SyncGroupResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultSyncGroupResponse(): SyncGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    protocolType: null,
    protocolName: null,
    assignment: EMPTY_BYTES,
  };
}
