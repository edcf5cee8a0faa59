// generated — do not edit. Source: shared/kafka-protocol/messages/ControllerRegistrationResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * ControllerRegistrationResponse (api key 70); versions 0; flexible 0+.
 */
export interface ControllerRegistrationResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The response error code. */
  errorCode: number;
  /** The response error message, or null if there was no error. (nullable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ControllerRegistrationResponse: `read` and `write` its body at a given version. */
export const ControllerRegistrationResponse = {
  apiKey: 70,
  type: 'response',
  name: 'ControllerRegistration',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readControllerRegistrationResponse,
  write: writeControllerRegistrationResponse,
} as const satisfies ApiMessageCodec<ControllerRegistrationResponse>;

function readControllerRegistrationResponse(r: Reader, v: number): ControllerRegistrationResponse {
  checkVersion(v, 0, 0, 'ControllerRegistrationResponse');
  const o: ControllerRegistrationResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeControllerRegistrationResponse(w: Writer, v: number, o: ControllerRegistrationResponse): void {
  checkVersion(v, 0, 0, 'ControllerRegistrationResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ControllerRegistrationResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultControllerRegistrationResponse(): ControllerRegistrationResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}
