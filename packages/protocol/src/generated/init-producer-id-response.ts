// generated — do not edit. Source: shared/kafka-protocol/messages/InitProducerIdResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * InitProducerIdResponse (api key 22); versions 0-5; flexible 2+.
 */
export interface InitProducerIdResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (ignorable) */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The current producer id. (default -1) */
  producerId: bigint;
  /** The current epoch associated with the producer id. */
  producerEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for InitProducerIdResponse: `read` and `write` its body at a given version. */
export const InitProducerIdResponse = {
  apiKey: 22,
  type: 'response',
  name: 'InitProducerId',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readInitProducerIdResponse,
  write: writeInitProducerIdResponse,
} as const satisfies ApiMessageCodec<InitProducerIdResponse>;

function readInitProducerIdResponse(r: Reader, v: number): InitProducerIdResponse {
  checkVersion(v, 0, 5, 'InitProducerIdResponse');
  const flex = v >= 2;
  const o: InitProducerIdResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    producerId: r.int64(),
    producerEpoch: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeInitProducerIdResponse(w: Writer, v: number, o: InitProducerIdResponse): void {
  checkVersion(v, 0, 5, 'InitProducerIdResponse');
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'InitProducerIdResponse', v);
}

/** InitProducerIdResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultInitProducerIdResponse(): InitProducerIdResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerId: -1n,
    producerEpoch: 0,
  };
}
