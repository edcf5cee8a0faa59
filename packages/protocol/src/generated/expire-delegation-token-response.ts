// generated — do not edit. Source: shared/kafka-protocol/messages/ExpireDelegationTokenResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * ExpireDelegationTokenResponse (api key 40); versions 0-2; flexible 2+.
 */
export interface ExpireDelegationTokenResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The timestamp in milliseconds at which this token expires. */
  expiryTimestampMs: bigint;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ExpireDelegationTokenResponse: `read` and `write` its body at a given version. */
export const ExpireDelegationTokenResponse = {
  apiKey: 40,
  type: 'response',
  name: 'ExpireDelegationToken',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readExpireDelegationTokenResponse,
  write: writeExpireDelegationTokenResponse,
} as const satisfies ApiMessageCodec<ExpireDelegationTokenResponse>;

function readExpireDelegationTokenResponse(r: Reader, v: number): ExpireDelegationTokenResponse {
  checkVersion(v, 0, 2, 'ExpireDelegationTokenResponse');
  const flex = v === 2;
  const o: ExpireDelegationTokenResponse = {
    errorCode: r.int16(),
    expiryTimestampMs: r.int64(),
    throttleTimeMs: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeExpireDelegationTokenResponse(w: Writer, v: number, o: ExpireDelegationTokenResponse): void {
  checkVersion(v, 0, 2, 'ExpireDelegationTokenResponse');
  const flex = v === 2;
  w.int16(o.errorCode);
  w.int64(o.expiryTimestampMs);
  w.int32(o.throttleTimeMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ExpireDelegationTokenResponse', v);
}

/** ExpireDelegationTokenResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultExpireDelegationTokenResponse(): ExpireDelegationTokenResponse {
  return {
    errorCode: 0,
    expiryTimestampMs: 0n,
    throttleTimeMs: 0,
  };
}
