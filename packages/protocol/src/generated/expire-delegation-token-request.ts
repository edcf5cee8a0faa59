// generated — do not edit. Source: shared/kafka-protocol/messages/ExpireDelegationTokenRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES } from '../wire/field-checks';

/**
 * ExpireDelegationTokenRequest (api key 40); versions 0-2; flexible 2+; deprecated 0.
 */
export interface ExpireDelegationTokenRequest {
  /** The HMAC of the delegation token to be expired. */
  hmac: Buffer;
  /** The expiry time period in milliseconds. */
  expiryTimePeriodMs: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ExpireDelegationTokenRequest: `read` and `write` its body at a given version. */
export const ExpireDelegationTokenRequest = {
  apiKey: 40,
  type: 'request',
  name: 'ExpireDelegationToken',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readExpireDelegationTokenRequest,
  write: writeExpireDelegationTokenRequest,
} as const satisfies ApiMessageCodec<ExpireDelegationTokenRequest>;

function readExpireDelegationTokenRequest(r: Reader, v: number): ExpireDelegationTokenRequest {
  checkVersion(v, 0, 2, 'ExpireDelegationTokenRequest');
  const flex = v === 2;
  const o: ExpireDelegationTokenRequest = {
    hmac: flex ? r.compactBytes() : r.bytes(),
    expiryTimePeriodMs: r.int64(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeExpireDelegationTokenRequest(w: Writer, v: number, o: ExpireDelegationTokenRequest): void {
  checkVersion(v, 0, 2, 'ExpireDelegationTokenRequest');
  const flex = v === 2;
  if (flex) w.compactBytes(o.hmac);
  else w.bytes(o.hmac);
  w.int64(o.expiryTimePeriodMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ExpireDelegationTokenRequest', v);
}

/** ExpireDelegationTokenRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultExpireDelegationTokenRequest(): ExpireDelegationTokenRequest {
  return {
    hmac: EMPTY_BYTES,
    expiryTimePeriodMs: 0n,
  };
}
