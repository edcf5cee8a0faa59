// generated — do not edit. Source: shared/kafka-protocol/messages/BrokerHeartbeatResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * BrokerHeartbeatResponse (api key 63); versions 0-1; flexible 0+.
 */
export interface BrokerHeartbeatResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** True if the broker has approximately caught up with the latest metadata. (default false) */
  isCaughtUp: boolean;
  /** True if the broker is fenced. (default true) */
  isFenced: boolean;
  /** True if the broker should proceed with its shutdown. */
  shouldShutDown: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for BrokerHeartbeatResponse: `read` and `write` its body at a given version. */
export const BrokerHeartbeatResponse = {
  apiKey: 63,
  type: 'response',
  name: 'BrokerHeartbeat',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readBrokerHeartbeatResponse,
  write: writeBrokerHeartbeatResponse,
} as const satisfies ApiMessageCodec<BrokerHeartbeatResponse>;

function readBrokerHeartbeatResponse(r: Reader, v: number): BrokerHeartbeatResponse {
  checkVersion(v, 0, 1, 'BrokerHeartbeatResponse');
  const o: BrokerHeartbeatResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    isCaughtUp: r.bool(),
    isFenced: r.bool(),
    shouldShutDown: r.bool(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeBrokerHeartbeatResponse(w: Writer, v: number, o: BrokerHeartbeatResponse): void {
  checkVersion(v, 0, 1, 'BrokerHeartbeatResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.bool(o.isCaughtUp);
  w.bool(o.isFenced);
  w.bool(o.shouldShutDown);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** BrokerHeartbeatResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultBrokerHeartbeatResponse(): BrokerHeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    isCaughtUp: false,
    isFenced: true,
    shouldShutDown: false,
  };
}
