// generated — do not edit. Source: shared/kafka-protocol/messages/EnvelopeRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, EMPTY_BYTES } from '../wire/field-checks';

/**
 * EnvelopeRequest (api key 58); versions 0; flexible 0+.
 */
export interface EnvelopeRequest {
  /** The embedded request header and data. */
  requestData: Buffer;
  /** Value of the initial client principal when the request is redirected by a broker. (nullable) */
  requestPrincipal: Buffer | null;
  /** The original client's address in bytes. */
  clientHostAddress: Buffer;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for EnvelopeRequest: `read` and `write` its body at a given version. */
export const EnvelopeRequest = {
  apiKey: 58,
  type: 'request',
  name: 'Envelope',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readEnvelopeRequest,
  write: writeEnvelopeRequest,
} as const satisfies ApiMessageCodec<EnvelopeRequest>;

function readEnvelopeRequest(r: Reader, v: number): EnvelopeRequest {
  checkVersion(v, 0, 0, 'EnvelopeRequest');
  const o: EnvelopeRequest = {
    requestData: r.compactBytes(),
    requestPrincipal: r.compactNullableBytes(),
    clientHostAddress: r.compactBytes(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeEnvelopeRequest(w: Writer, v: number, o: EnvelopeRequest): void {
  checkVersion(v, 0, 0, 'EnvelopeRequest');
  w.lengthPrefixedRef(o.requestData, true);
  w.compactNullableBytes(o.requestPrincipal);
  w.compactBytes(o.clientHostAddress);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** EnvelopeRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultEnvelopeRequest(): EnvelopeRequest {
  return {
    requestData: EMPTY_BYTES,
    requestPrincipal: EMPTY_BYTES,
    clientHostAddress: EMPTY_BYTES,
  };
}
