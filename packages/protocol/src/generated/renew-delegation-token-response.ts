// generated — do not edit. Source: shared/kafka-protocol/messages/RenewDelegationTokenResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * RenewDelegationTokenResponse (api key 39); versions 0-2; flexible 2+.
 */
export interface RenewDelegationTokenResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The timestamp in milliseconds at which this token expires. */
  expiryTimestampMs: bigint;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for RenewDelegationTokenResponse: `read` and `write` its body at a given version. */
export const RenewDelegationTokenResponse = {
  apiKey: 39,
  type: 'response',
  name: 'RenewDelegationToken',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readRenewDelegationTokenResponse,
  write: writeRenewDelegationTokenResponse,
} as const satisfies ApiMessageCodec<RenewDelegationTokenResponse>;

function readRenewDelegationTokenResponse(r: Reader, v: number): RenewDelegationTokenResponse {
  checkVersion(v, 0, 2, 'RenewDelegationTokenResponse');
  const flex = v === 2;
  const o: RenewDelegationTokenResponse = {
    errorCode: r.int16(),
    expiryTimestampMs: r.int64(),
    throttleTimeMs: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeRenewDelegationTokenResponse(w: Writer, v: number, o: RenewDelegationTokenResponse): void {
  checkVersion(v, 0, 2, 'RenewDelegationTokenResponse');
  const flex = v === 2;
  w.int16(o.errorCode);
  w.int64(o.expiryTimestampMs);
  w.int32(o.throttleTimeMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'RenewDelegationTokenResponse', v);
}

/** RenewDelegationTokenResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultRenewDelegationTokenResponse(): RenewDelegationTokenResponse {
  return {
    errorCode: 0,
    expiryTimestampMs: 0n,
    throttleTimeMs: 0,
  };
}
