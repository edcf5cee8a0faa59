// generated — do not edit. Source: shared/kafka-protocol/messages/UnregisterBrokerResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * UnregisterBrokerResponse (api key 64); versions 0; flexible 0+.
 */
export interface UnregisterBrokerResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The top-level error message, or `null` if there was no top-level error. (nullable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for UnregisterBrokerResponse: `read` and `write` its body at a given version. */
export const UnregisterBrokerResponse = {
  apiKey: 64,
  type: 'response',
  name: 'UnregisterBroker',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readUnregisterBrokerResponse,
  write: writeUnregisterBrokerResponse,
} as const satisfies ApiMessageCodec<UnregisterBrokerResponse>;

function readUnregisterBrokerResponse(r: Reader, v: number): UnregisterBrokerResponse {
  checkVersion(v, 0, 0, 'UnregisterBrokerResponse');
  const o: UnregisterBrokerResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeUnregisterBrokerResponse(w: Writer, v: number, o: UnregisterBrokerResponse): void {
  checkVersion(v, 0, 0, 'UnregisterBrokerResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** UnregisterBrokerResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultUnregisterBrokerResponse(): UnregisterBrokerResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}
