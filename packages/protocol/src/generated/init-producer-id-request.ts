// generated — do not edit. Source: shared/kafka-protocol/messages/InitProducerIdRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';

/**
 * InitProducerIdRequest (api key 22); versions 0-5; flexible 2+.
 */
export interface InitProducerIdRequest {
  /** The transactional id, or null if the producer is not transactional. (nullable) */
  transactionalId: string | null;
  /** The time in ms to wait before aborting idle transactions sent by this producer. This is only relevant if a TransactionalId has been defined. */
  transactionTimeoutMs: number;
  /** The producer id. This is used to disambiguate requests if a transactional id is reused following its expiration. (versions 3+; default -1) */
  producerId: bigint;
  /** The producer's current epoch. This will be checked against the producer epoch on the broker, and the request will return an error if they do not match. (versions 3+; default -1) */
  producerEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for InitProducerIdRequest: `read` and `write` its body at a given version. */
export const InitProducerIdRequest = {
  apiKey: 22,
  type: 'request',
  name: 'InitProducerId',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readInitProducerIdRequest,
  write: writeInitProducerIdRequest,
} as const satisfies ApiMessageCodec<InitProducerIdRequest>;

function readInitProducerIdRequest(r: Reader, v: number): InitProducerIdRequest {
  checkVersion(v, 0, 5, 'InitProducerIdRequest');
  const flex = v >= 2;
  const o: InitProducerIdRequest = {
    transactionalId: flex ? r.compactNullableString() : r.nullableString(),
    transactionTimeoutMs: r.int32(),
    producerId: v >= 3 ? r.int64() : -1n,
    producerEpoch: v >= 3 ? r.int16() : -1,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeInitProducerIdRequest(w: Writer, v: number, o: InitProducerIdRequest): void {
  checkVersion(v, 0, 5, 'InitProducerIdRequest');
  const flex = v >= 2;
  if (flex) w.compactNullableString(o.transactionalId);
  else w.nullableString(o.transactionalId);
  w.int32(o.transactionTimeoutMs);
  if (v >= 3) w.int64(o.producerId);
  else if (o.producerId !== -1n) throw nonDefault('InitProducerIdRequest.producerId', v);
  if (v >= 3) w.int16(o.producerEpoch);
  else if (o.producerEpoch !== -1) throw nonDefault('InitProducerIdRequest.producerEpoch', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'InitProducerIdRequest', v);
}

/** InitProducerIdRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultInitProducerIdRequest(): InitProducerIdRequest {
  return {
    transactionalId: "",
    transactionTimeoutMs: 0,
    producerId: -1n,
    producerEpoch: -1,
  };
}
