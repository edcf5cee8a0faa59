// generated — do not edit. Source: shared/kafka-protocol/messages/SaslAuthenticateResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES } from '../wire/field-checks';

/**
 * SaslAuthenticateResponse (api key 36); versions 0-2; flexible 2+.
 */
export interface SaslAuthenticateResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. (nullable) */
  errorMessage: string | null;
  /** The SASL authentication bytes from the server, as defined by the SASL mechanism. */
  authBytes: Buffer;
  /** Number of milliseconds after which only re-authentication over the existing connection to create a new session can occur. (versions 1+; default 0; ignorable) */
  sessionLifetimeMs: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for SaslAuthenticateResponse: `read` and `write` its body at a given version. */
export const SaslAuthenticateResponse = {
  apiKey: 36,
  type: 'response',
  name: 'SaslAuthenticate',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readSaslAuthenticateResponse,
  write: writeSaslAuthenticateResponse,
} as const satisfies ApiMessageCodec<SaslAuthenticateResponse>;

function readSaslAuthenticateResponse(r: Reader, v: number): SaslAuthenticateResponse {
  checkVersion(v, 0, 2, 'SaslAuthenticateResponse');
  const flex = v === 2;
  const o: SaslAuthenticateResponse = {
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
    authBytes: flex ? r.compactBytes() : r.bytes(),
    sessionLifetimeMs: v >= 1 ? r.int64() : 0n,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeSaslAuthenticateResponse(w: Writer, v: number, o: SaslAuthenticateResponse): void {
  checkVersion(v, 0, 2, 'SaslAuthenticateResponse');
  const flex = v === 2;
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  if (flex) w.compactBytes(o.authBytes);
  else w.bytes(o.authBytes);
  if (v >= 1) w.int64(o.sessionLifetimeMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'SaslAuthenticateResponse', v);
}

/** SaslAuthenticateResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultSaslAuthenticateResponse(): SaslAuthenticateResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    authBytes: EMPTY_BYTES,
    sessionLifetimeMs: 0n,
  };
}
