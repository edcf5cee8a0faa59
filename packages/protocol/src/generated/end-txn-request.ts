// generated — do not edit. Source: shared/kafka-protocol/messages/EndTxnRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * EndTxnRequest (api key 26); versions 0-5; flexible 3+.
 */
export interface EndTxnRequest {
  /** The ID of the transaction to end. */
  transactionalId: string;
  /** The producer ID. */
  producerId: bigint;
  /** The current epoch associated with the producer. */
  producerEpoch: number;
  /** True if the transaction was committed, false if it was aborted. */
  committed: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for EndTxnRequest: `read` and `write` its body at a given version. */
export const EndTxnRequest = {
  apiKey: 26,
  type: 'request',
  name: 'EndTxn',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readEndTxnRequest,
  write: writeEndTxnRequest,
} as const satisfies ApiMessageCodec<EndTxnRequest>;

function readEndTxnRequest(r: Reader, v: number): EndTxnRequest {
  checkVersion(v, 0, 5, 'EndTxnRequest');
  const flex = v >= 3;
  const o: EndTxnRequest = {
    transactionalId: flex ? r.compactString() : r.string(),
    producerId: r.int64(),
    producerEpoch: r.int16(),
    committed: r.bool(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeEndTxnRequest(w: Writer, v: number, o: EndTxnRequest): void {
  checkVersion(v, 0, 5, 'EndTxnRequest');
  const flex = v >= 3;
  if (flex) w.compactString(o.transactionalId);
  else w.string(o.transactionalId);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  w.bool(o.committed);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'EndTxnRequest', v);
}

/** EndTxnRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultEndTxnRequest(): EndTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    committed: false,
  };
}
