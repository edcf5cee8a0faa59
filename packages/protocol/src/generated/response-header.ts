// generated — do not edit. Source: shared/kafka-protocol/messages/ResponseHeader.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * ResponseHeader (header); versions 0-1; flexible 1+.
 */
export interface ResponseHeader {
  /** The correlation ID of this response. */
  correlationId: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ResponseHeader: `read` and `write` its body at a given version. */
export const ResponseHeader = {
  type: 'header',
  name: 'ResponseHeader',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readResponseHeader,
  write: writeResponseHeader,
} as const satisfies MessageCodec<ResponseHeader>;

function readResponseHeader(r: Reader, v: number): ResponseHeader {
  checkVersion(v, 0, 1, 'ResponseHeader');
  const flex = v === 1;
  const o: ResponseHeader = {
    correlationId: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeResponseHeader(w: Writer, v: number, o: ResponseHeader): void {
  checkVersion(v, 0, 1, 'ResponseHeader');
  const flex = v === 1;
  w.int32(o.correlationId);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ResponseHeader', v);
}

/** ResponseHeader with every field at its default (Kafka's no-argument constructor). */
export function defaultResponseHeader(): ResponseHeader {
  return {
    correlationId: 0,
  };
}
