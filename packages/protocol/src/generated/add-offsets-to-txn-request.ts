// generated — do not edit. Source: shared/kafka-protocol/messages/AddOffsetsToTxnRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * AddOffsetsToTxnRequest (api key 25); versions 0-4; flexible 3+.
 */
export interface AddOffsetsToTxnRequest {
  /** The transactional id corresponding to the transaction. */
  transactionalId: string;
  /** Current producer id in use by the transactional id. */
  producerId: bigint;
  /** Current epoch associated with the producer id. */
  producerEpoch: number;
  /** The unique group identifier. */
  groupId: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AddOffsetsToTxnRequest: `read` and `write` its body at a given version. */
export const AddOffsetsToTxnRequest = {
  apiKey: 25,
  type: 'request',
  name: 'AddOffsetsToTxn',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readAddOffsetsToTxnRequest,
  write: writeAddOffsetsToTxnRequest,
} as const satisfies ApiMessageCodec<AddOffsetsToTxnRequest>;

function readAddOffsetsToTxnRequest(r: Reader, v: number): AddOffsetsToTxnRequest {
  checkVersion(v, 0, 4, 'AddOffsetsToTxnRequest');
  const flex = v >= 3;
  const o: AddOffsetsToTxnRequest = {
    transactionalId: flex ? r.compactString() : r.string(),
    producerId: r.int64(),
    producerEpoch: r.int16(),
    groupId: flex ? r.compactString() : r.string(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAddOffsetsToTxnRequest(w: Writer, v: number, o: AddOffsetsToTxnRequest): void {
  checkVersion(v, 0, 4, 'AddOffsetsToTxnRequest');
  const flex = v >= 3;
  if (flex) w.compactString(o.transactionalId);
  else w.string(o.transactionalId);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AddOffsetsToTxnRequest', v);
}

/** AddOffsetsToTxnRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAddOffsetsToTxnRequest(): AddOffsetsToTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    groupId: "",
  };
}
