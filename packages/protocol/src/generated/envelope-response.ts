// generated — do not edit. Source: shared/kafka-protocol/messages/EnvelopeResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * EnvelopeResponse (api key 58); versions 0; flexible 0+.
 */
export interface EnvelopeResponse {
  /** The embedded response header and data. (nullable; default null) */
  responseData: Buffer | null;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for EnvelopeResponse: `read` and `write` its body at a given version. */
export const EnvelopeResponse = {
  apiKey: 58,
  type: 'response',
  name: 'Envelope',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readEnvelopeResponse,
  write: writeEnvelopeResponse,
} as const satisfies ApiMessageCodec<EnvelopeResponse>;

function readEnvelopeResponse(r: Reader, v: number): EnvelopeResponse {
  checkVersion(v, 0, 0, 'EnvelopeResponse');
  const o: EnvelopeResponse = {
    responseData: r.compactNullableBytes(),
    errorCode: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeEnvelopeResponse(w: Writer, v: number, o: EnvelopeResponse): void {
  checkVersion(v, 0, 0, 'EnvelopeResponse');
  w.lengthPrefixedRef(o.responseData, true);
  w.int16(o.errorCode);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** EnvelopeResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultEnvelopeResponse(): EnvelopeResponse {
  return {
    responseData: null,
    errorCode: 0,
  };
}
