// generated — do not edit. Source: shared/kafka-protocol/messages/AddPartitionsToTxnRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * AddPartitionsToTxnRequest (api key 24); versions 0-5; flexible 3+.
 */
export interface AddPartitionsToTxnRequest {
  /** List of transactions to add partitions to. (versions 4+) */
  transactions: AddPartitionsToTxnTransaction[];
  /** The transactional id corresponding to the transaction. (versions 0-3) */
  v3AndBelowTransactionalId: string;
  /** Current producer id in use by the transactional id. (versions 0-3) */
  v3AndBelowProducerId: bigint;
  /** Current epoch associated with the producer id. (versions 0-3) */
  v3AndBelowProducerEpoch: number;
  /** The partitions to add to the transaction. (versions 0-3) */
  v3AndBelowTopics: AddPartitionsToTxnTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AddPartitionsToTxnTransaction: versions 4-5.
 */
export interface AddPartitionsToTxnTransaction {
  /** The transactional id corresponding to the transaction. */
  transactionalId: string;
  /** Current producer id in use by the transactional id. */
  producerId: bigint;
  /** Current epoch associated with the producer id. */
  producerEpoch: number;
  /** Boolean to signify if we want to check if the partition is in the transaction rather than add it. (default false) */
  verifyOnly: boolean;
  /** The partitions to add to the transaction. */
  topics: AddPartitionsToTxnTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AddPartitionsToTxnTopic (common struct): versions 0-5.
 */
export interface AddPartitionsToTxnTopic {
  /** The name of the topic. */
  name: string;
  /** The partition indexes to add to the transaction */
  partitions: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AddPartitionsToTxnRequest: `read` and `write` its body at a given version. */
export const AddPartitionsToTxnRequest = {
  apiKey: 24,
  type: 'request',
  name: 'AddPartitionsToTxn',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readAddPartitionsToTxnRequest,
  write: writeAddPartitionsToTxnRequest,
} as const satisfies ApiMessageCodec<AddPartitionsToTxnRequest>;

function readAddPartitionsToTxnRequest(r: Reader, v: number): AddPartitionsToTxnRequest {
  checkVersion(v, 0, 5, 'AddPartitionsToTxnRequest');
  const flex = v >= 3;
  const o: AddPartitionsToTxnRequest = {
    transactions: v >= 4 ? readArray(r, true, v, readAddPartitionsToTxnTransaction) : [],
    v3AndBelowTransactionalId: v <= 3 ? (flex ? r.compactString() : r.string()) : "",
    v3AndBelowProducerId: v <= 3 ? r.int64() : 0n,
    v3AndBelowProducerEpoch: v <= 3 ? r.int16() : 0,
    v3AndBelowTopics: v <= 3 ? readArray(r, flex, v, readAddPartitionsToTxnTopic) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAddPartitionsToTxnRequest(w: Writer, v: number, o: AddPartitionsToTxnRequest): void {
  checkVersion(v, 0, 5, 'AddPartitionsToTxnRequest');
  const flex = v >= 3;
  if (v >= 4) writeArray(w, true, v, o.transactions, writeAddPartitionsToTxnTransaction);
  else if (o.transactions.length !== 0) throw nonDefault('AddPartitionsToTxnRequest.transactions', v);
  if (v <= 3) {
    if (flex) w.compactString(o.v3AndBelowTransactionalId);
    else w.string(o.v3AndBelowTransactionalId);
  } else if (o.v3AndBelowTransactionalId !== "") throw nonDefault('AddPartitionsToTxnRequest.v3AndBelowTransactionalId', v);
  if (v <= 3) w.int64(o.v3AndBelowProducerId);
  else if (o.v3AndBelowProducerId !== 0n) throw nonDefault('AddPartitionsToTxnRequest.v3AndBelowProducerId', v);
  if (v <= 3) w.int16(o.v3AndBelowProducerEpoch);
  else if (o.v3AndBelowProducerEpoch !== 0) throw nonDefault('AddPartitionsToTxnRequest.v3AndBelowProducerEpoch', v);
  if (v <= 3) writeArray(w, flex, v, o.v3AndBelowTopics, writeAddPartitionsToTxnTopic);
  else if (o.v3AndBelowTopics.length !== 0) throw nonDefault('AddPartitionsToTxnRequest.v3AndBelowTopics', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AddPartitionsToTxnRequest', v);
}

function readAddPartitionsToTxnTransaction(r: Reader, v: number): AddPartitionsToTxnTransaction {
  const o: AddPartitionsToTxnTransaction = {
    transactionalId: r.compactString(),
    producerId: r.int64(),
    producerEpoch: r.int16(),
    verifyOnly: r.bool(),
    topics: readArray(r, true, v, readAddPartitionsToTxnTopic),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAddPartitionsToTxnTransaction(w: Writer, v: number, o: AddPartitionsToTxnTransaction): void {
  w.compactString(o.transactionalId);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  w.bool(o.verifyOnly);
  writeArray(w, true, v, o.topics, writeAddPartitionsToTxnTopic);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readAddPartitionsToTxnTopic(r: Reader, v: number): AddPartitionsToTxnTopic {
  const flex = v >= 3;
  const o: AddPartitionsToTxnTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAddPartitionsToTxnTopic(w: Writer, v: number, o: AddPartitionsToTxnTopic): void {
  const flex = v >= 3;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AddPartitionsToTxnTopic', v);
}

/** AddPartitionsToTxnRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAddPartitionsToTxnRequest(): AddPartitionsToTxnRequest {
  return {
    transactions: [],
    v3AndBelowTransactionalId: "",
    v3AndBelowProducerId: 0n,
    v3AndBelowProducerEpoch: 0,
    v3AndBelowTopics: [],
  };
}

/** AddPartitionsToTxnTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultAddPartitionsToTxnTopic(): AddPartitionsToTxnTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** AddPartitionsToTxnTransaction with every field at its default (Kafka's no-argument constructor). */
export function defaultAddPartitionsToTxnTransaction(): AddPartitionsToTxnTransaction {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    verifyOnly: false,
    topics: [],
  };
}
