// generated — do not edit. Source: shared/kafka-protocol/messages/AllocateProducerIdsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * AllocateProducerIdsResponse (api key 67); versions 0; flexible 0+.
 */
export interface AllocateProducerIdsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code */
  errorCode: number;
  /** The first producer ID in this range, inclusive */
  producerIdStart: bigint;
  /** The number of producer IDs in this range */
  producerIdLen: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AllocateProducerIdsResponse: `read` and `write` its body at a given version. */
export const AllocateProducerIdsResponse = {
  apiKey: 67,
  type: 'response',
  name: 'AllocateProducerIds',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAllocateProducerIdsResponse,
  write: writeAllocateProducerIdsResponse,
} as const satisfies ApiMessageCodec<AllocateProducerIdsResponse>;

function readAllocateProducerIdsResponse(r: Reader, v: number): AllocateProducerIdsResponse {
  checkVersion(v, 0, 0, 'AllocateProducerIdsResponse');
  const o: AllocateProducerIdsResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    producerIdStart: r.int64(),
    producerIdLen: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAllocateProducerIdsResponse(w: Writer, v: number, o: AllocateProducerIdsResponse): void {
  checkVersion(v, 0, 0, 'AllocateProducerIdsResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.int64(o.producerIdStart);
  w.int32(o.producerIdLen);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AllocateProducerIdsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAllocateProducerIdsResponse(): AllocateProducerIdsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerIdStart: 0n,
    producerIdLen: 0,
  };
}
