// generated — do not edit. Source: shared/kafka-protocol/messages/SaslHandshakeResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { checkVersion } from '../wire/field-checks';
import { readArray, readStringElement, writeArray, writeStringElement } from '../wire/arrays';

/**
 * SaslHandshakeResponse (api key 17); versions 0-1; no flexible versions.
 */
export interface SaslHandshakeResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The mechanisms enabled in the server. */
  mechanisms: string[];
}

/** Codec for SaslHandshakeResponse: `read` and `write` its body at a given version. */
export const SaslHandshakeResponse = {
  apiKey: 17,
  type: 'response',
  name: 'SaslHandshake',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: null,
  read: readSaslHandshakeResponse,
  write: writeSaslHandshakeResponse,
} as const satisfies ApiMessageCodec<SaslHandshakeResponse>;

function readSaslHandshakeResponse(r: Reader, v: number): SaslHandshakeResponse {
  checkVersion(v, 0, 1, 'SaslHandshakeResponse');
  const o: SaslHandshakeResponse = {
    errorCode: r.int16(),
    mechanisms: readArray(r, false, v, readStringElement),
  };
  return o;
}

function writeSaslHandshakeResponse(w: Writer, v: number, o: SaslHandshakeResponse): void {
  checkVersion(v, 0, 1, 'SaslHandshakeResponse');
  w.int16(o.errorCode);
  writeArray(w, false, v, o.mechanisms, writeStringElement);
}

/** SaslHandshakeResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultSaslHandshakeResponse(): SaslHandshakeResponse {
  return {
    errorCode: 0,
    mechanisms: [],
  };
}
