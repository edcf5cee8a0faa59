// generated — do not edit. Source: shared/kafka-protocol/messages/RequestHeader.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * RequestHeader (header); versions 0-2; flexible 2+.
 */
export interface RequestHeader {
  /** The API key of this request. */
  requestApiKey: number;
  /** The API version of this request. */
  requestApiVersion: number;
  /** The correlation ID of this request. */
  correlationId: number;
  /** The client ID string. (versions 1+; nullable; ignorable) */
  clientId: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for RequestHeader: `read` and `write` its body at a given version. */
export const RequestHeader = {
  type: 'header',
  name: 'RequestHeader',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readRequestHeader,
  write: writeRequestHeader,
} as const satisfies MessageCodec<RequestHeader>;

function readRequestHeader(r: Reader, v: number): RequestHeader {
  checkVersion(v, 0, 2, 'RequestHeader');
  const flex = v === 2;
  const o: RequestHeader = {
    requestApiKey: r.int16(),
    requestApiVersion: r.int16(),
    correlationId: r.int32(),
    clientId: v >= 1 ? r.nullableString() : "",
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeRequestHeader(w: Writer, v: number, o: RequestHeader): void {
  checkVersion(v, 0, 2, 'RequestHeader');
  const flex = v === 2;
  w.int16(o.requestApiKey);
  w.int16(o.requestApiVersion);
  w.int32(o.correlationId);
  if (v >= 1) w.nullableString(o.clientId);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'RequestHeader', v);
}

/** RequestHeader with every field at its default (Kafka's no-argument constructor). */
export function defaultRequestHeader(): RequestHeader {
  return {
    requestApiKey: 0,
    requestApiVersion: 0,
    correlationId: 0,
    clientId: "",
  };
}
