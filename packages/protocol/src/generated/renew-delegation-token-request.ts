// generated — do not edit. Source: shared/kafka-protocol/messages/RenewDelegationTokenRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES } from '../wire/field-checks';

/**
 * RenewDelegationTokenRequest (api key 39); versions 0-2; flexible 2+; deprecated 0.
 */
export interface RenewDelegationTokenRequest {
  /** The HMAC of the delegation token to be renewed. */
  hmac: Buffer;
  /** The renewal time period in milliseconds. */
  renewPeriodMs: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for RenewDelegationTokenRequest: `read` and `write` its body at a given version. */
export const RenewDelegationTokenRequest = {
  apiKey: 39,
  type: 'request',
  name: 'RenewDelegationToken',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readRenewDelegationTokenRequest,
  write: writeRenewDelegationTokenRequest,
} as const satisfies ApiMessageCodec<RenewDelegationTokenRequest>;

function readRenewDelegationTokenRequest(r: Reader, v: number): RenewDelegationTokenRequest {
  checkVersion(v, 0, 2, 'RenewDelegationTokenRequest');
  const flex = v === 2;
  const o: RenewDelegationTokenRequest = {
    hmac: flex ? r.compactBytes() : r.bytes(),
    renewPeriodMs: r.int64(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeRenewDelegationTokenRequest(w: Writer, v: number, o: RenewDelegationTokenRequest): void {
  checkVersion(v, 0, 2, 'RenewDelegationTokenRequest');
  const flex = v === 2;
  if (flex) w.compactBytes(o.hmac);
  else w.bytes(o.hmac);
  w.int64(o.renewPeriodMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'RenewDelegationTokenRequest', v);
}

/** RenewDelegationTokenRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultRenewDelegationTokenRequest(): RenewDelegationTokenRequest {
  return {
    hmac: EMPTY_BYTES,
    renewPeriodMs: 0n,
  };
}
