// generated — do not edit. Source: shared/kafka-protocol/messages/SaslAuthenticateRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES } from '../wire/field-checks';

/**
 * SaslAuthenticateRequest (api key 36); versions 0-2; flexible 2+.
 */
export interface SaslAuthenticateRequest {
  /** The SASL authentication bytes from the client, as defined by the SASL mechanism. */
  authBytes: Buffer;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for SaslAuthenticateRequest: `read` and `write` its body at a given version. */
export const SaslAuthenticateRequest = {
  apiKey: 36,
  type: 'request',
  name: 'SaslAuthenticate',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readSaslAuthenticateRequest,
  write: writeSaslAuthenticateRequest,
} as const satisfies ApiMessageCodec<SaslAuthenticateRequest>;

function readSaslAuthenticateRequest(r: Reader, v: number): SaslAuthenticateRequest {
  checkVersion(v, 0, 2, 'SaslAuthenticateRequest');
  const flex = v === 2;
  const o: SaslAuthenticateRequest = {
    authBytes: flex ? r.compactBytes() : r.bytes(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeSaslAuthenticateRequest(w: Writer, v: number, o: SaslAuthenticateRequest): void {
  checkVersion(v, 0, 2, 'SaslAuthenticateRequest');
  const flex = v === 2;
  if (flex) w.compactBytes(o.authBytes);
  else w.bytes(o.authBytes);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'SaslAuthenticateRequest', v);
}

/** SaslAuthenticateRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultSaslAuthenticateRequest(): SaslAuthenticateRequest {
  return {
    authBytes: EMPTY_BYTES,
  };
}
