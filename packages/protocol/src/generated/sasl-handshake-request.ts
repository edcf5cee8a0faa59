// generated — do not edit. Source: shared/kafka-protocol/messages/SaslHandshakeRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { checkVersion } from '../wire/field-checks';

/**
 * SaslHandshakeRequest (api key 17); versions 0-1; no flexible versions; deprecated 0.
 */
export interface SaslHandshakeRequest {
  /** The SASL mechanism chosen by the client. */
  mechanism: string;
}

/** Codec for SaslHandshakeRequest: `read` and `write` its body at a given version. */
export const SaslHandshakeRequest = {
  apiKey: 17,
  type: 'request',
  name: 'SaslHandshake',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: null,
  read: readSaslHandshakeRequest,
  write: writeSaslHandshakeRequest,
} as const satisfies ApiMessageCodec<SaslHandshakeRequest>;

function readSaslHandshakeRequest(r: Reader, v: number): SaslHandshakeRequest {
  checkVersion(v, 0, 1, 'SaslHandshakeRequest');
  const o: SaslHandshakeRequest = {
    mechanism: r.string(),
  };
  return o;
}

function writeSaslHandshakeRequest(w: Writer, v: number, o: SaslHandshakeRequest): void {
  checkVersion(v, 0, 1, 'SaslHandshakeRequest');
  w.string(o.mechanism);
}

/** SaslHandshakeRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultSaslHandshakeRequest(): SaslHandshakeRequest {
  return {
    mechanism: "",
  };
}
