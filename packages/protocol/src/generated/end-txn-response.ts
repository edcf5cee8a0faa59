// generated — do not edit. Source: shared/kafka-protocol/messages/EndTxnResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * EndTxnResponse (api key 26); versions 0-5; flexible 3+.
 */
export interface EndTxnResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The producer ID. (versions 5+; default -1; ignorable) */
  producerId: bigint;
  /** The current epoch associated with the producer. (versions 5+; default -1; ignorable) */
  producerEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for EndTxnResponse: `read` and `write` its body at a given version. */
export const EndTxnResponse = {
  apiKey: 26,
  type: 'response',
  name: 'EndTxn',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readEndTxnResponse,
  write: writeEndTxnResponse,
} as const satisfies ApiMessageCodec<EndTxnResponse>;

function readEndTxnResponse(r: Reader, v: number): EndTxnResponse {
  checkVersion(v, 0, 5, 'EndTxnResponse');
  const flex = v >= 3;
  const o: EndTxnResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    producerId: v === 5 ? r.int64() : -1n,
    producerEpoch: v === 5 ? r.int16() : -1,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeEndTxnResponse(w: Writer, v: number, o: EndTxnResponse): void {
  checkVersion(v, 0, 5, 'EndTxnResponse');
  const flex = v >= 3;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (v === 5) w.int64(o.producerId);
  if (v === 5) w.int16(o.producerEpoch);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'EndTxnResponse', v);
}

/** EndTxnResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultEndTxnResponse(): EndTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerId: -1n,
    producerEpoch: -1,
  };
}
