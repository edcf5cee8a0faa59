// generated — do not edit. Source: shared/kafka-protocol/messages/AllocateProducerIdsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * AllocateProducerIdsRequest (api key 67); versions 0; flexible 0+.
 */
export interface AllocateProducerIdsRequest {
  /** The ID of the requesting broker */
  brokerId: number;
  /** The epoch of the requesting broker (default -1) */
  brokerEpoch: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AllocateProducerIdsRequest: `read` and `write` its body at a given version. */
export const AllocateProducerIdsRequest = {
  apiKey: 67,
  type: 'request',
  name: 'AllocateProducerIds',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAllocateProducerIdsRequest,
  write: writeAllocateProducerIdsRequest,
} as const satisfies ApiMessageCodec<AllocateProducerIdsRequest>;

function readAllocateProducerIdsRequest(r: Reader, v: number): AllocateProducerIdsRequest {
  checkVersion(v, 0, 0, 'AllocateProducerIdsRequest');
  const o: AllocateProducerIdsRequest = {
    brokerId: r.int32(),
    brokerEpoch: r.int64(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAllocateProducerIdsRequest(w: Writer, v: number, o: AllocateProducerIdsRequest): void {
  checkVersion(v, 0, 0, 'AllocateProducerIdsRequest');
  w.int32(o.brokerId);
  w.int64(o.brokerEpoch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AllocateProducerIdsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAllocateProducerIdsRequest(): AllocateProducerIdsRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}
