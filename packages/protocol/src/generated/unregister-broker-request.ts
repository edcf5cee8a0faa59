// generated — do not edit. Source: shared/kafka-protocol/messages/UnregisterBrokerRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * UnregisterBrokerRequest (api key 64); versions 0; flexible 0+.
 */
export interface UnregisterBrokerRequest {
  /** The broker ID to unregister. */
  brokerId: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for UnregisterBrokerRequest: `read` and `write` its body at a given version. */
export const UnregisterBrokerRequest = {
  apiKey: 64,
  type: 'request',
  name: 'UnregisterBroker',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readUnregisterBrokerRequest,
  write: writeUnregisterBrokerRequest,
} as const satisfies ApiMessageCodec<UnregisterBrokerRequest>;

function readUnregisterBrokerRequest(r: Reader, v: number): UnregisterBrokerRequest {
  checkVersion(v, 0, 0, 'UnregisterBrokerRequest');
  const o: UnregisterBrokerRequest = {
    brokerId: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeUnregisterBrokerRequest(w: Writer, v: number, o: UnregisterBrokerRequest): void {
  checkVersion(v, 0, 0, 'UnregisterBrokerRequest');
  w.int32(o.brokerId);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** UnregisterBrokerRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultUnregisterBrokerRequest(): UnregisterBrokerRequest {
  return {
    brokerId: 0,
  };
}
