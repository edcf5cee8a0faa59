// generated — do not edit. Source: shared/kafka-protocol/messages/BrokerRegistrationResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * BrokerRegistrationResponse (api key 62); versions 0-4; flexible 0+.
 */
export interface BrokerRegistrationResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The broker's assigned epoch, or -1 if none was assigned. (default -1) */
  brokerEpoch: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for BrokerRegistrationResponse: `read` and `write` its body at a given version. */
export const BrokerRegistrationResponse = {
  apiKey: 62,
  type: 'response',
  name: 'BrokerRegistration',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readBrokerRegistrationResponse,
  write: writeBrokerRegistrationResponse,
} as const satisfies ApiMessageCodec<BrokerRegistrationResponse>;

function readBrokerRegistrationResponse(r: Reader, v: number): BrokerRegistrationResponse {
  checkVersion(v, 0, 4, 'BrokerRegistrationResponse');
  const o: BrokerRegistrationResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    brokerEpoch: r.int64(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeBrokerRegistrationResponse(w: Writer, v: number, o: BrokerRegistrationResponse): void {
  checkVersion(v, 0, 4, 'BrokerRegistrationResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.int64(o.brokerEpoch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** BrokerRegistrationResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultBrokerRegistrationResponse(): BrokerRegistrationResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    brokerEpoch: -1n,
  };
}
