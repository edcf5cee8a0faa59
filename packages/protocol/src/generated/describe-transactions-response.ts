// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeTransactionsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * DescribeTransactionsResponse (api key 65); versions 0; flexible 0+.
 */
export interface DescribeTransactionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** TransactionStates */
  transactionStates: TransactionState[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0.
 */
export interface TopicData {
  /** Topic */
  topic: string;
  /** Partitions */
  partitions: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TransactionState: versions 0.
 */
export interface TransactionState {
  /** ErrorCode */
  errorCode: number;
  /** TransactionalId */
  transactionalId: string;
  /** TransactionState */
  transactionState: string;
  /** TransactionTimeoutMs */
  transactionTimeoutMs: number;
  /** TransactionStartTimeMs */
  transactionStartTimeMs: bigint;
  /** ProducerId */
  producerId: bigint;
  /** ProducerEpoch */
  producerEpoch: number;
  /** The set of partitions included in the current transaction (if active). When a transaction is preparing to commit or abort, this will include only partitions which do not have markers. */
  topics: TopicData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeTransactionsResponse: `read` and `write` its body at a given version. */
export const DescribeTransactionsResponse = {
  apiKey: 65,
  type: 'response',
  name: 'DescribeTransactions',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeTransactionsResponse,
  write: writeDescribeTransactionsResponse,
} as const satisfies ApiMessageCodec<DescribeTransactionsResponse>;

function readDescribeTransactionsResponse(r: Reader, v: number): DescribeTransactionsResponse {
  checkVersion(v, 0, 0, 'DescribeTransactionsResponse');
  const o: DescribeTransactionsResponse = {
    throttleTimeMs: r.int32(),
    transactionStates: readArray(r, true, v, readTransactionState),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeTransactionsResponse(w: Writer, v: number, o: DescribeTransactionsResponse): void {
  checkVersion(v, 0, 0, 'DescribeTransactionsResponse');
  w.int32(o.throttleTimeMs);
  writeArray(w, true, v, o.transactionStates, writeTransactionState);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicData(r: Reader, v: number): TopicData {
  const o: TopicData = {
    topic: r.compactString(),
    partitions: readArray(r, true, v, readInt32Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicData(w: Writer, v: number, o: TopicData): void {
  w.compactString(o.topic);
  writeArray(w, true, v, o.partitions, writeInt32Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTransactionState(r: Reader, v: number): TransactionState {
  const o: TransactionState = {
    errorCode: r.int16(),
    transactionalId: r.compactString(),
    transactionState: r.compactString(),
    transactionTimeoutMs: r.int32(),
    transactionStartTimeMs: r.int64(),
    producerId: r.int64(),
    producerEpoch: r.int16(),
    topics: readArray(r, true, v, readTopicData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTransactionState(w: Writer, v: number, o: TransactionState): void {
  w.int16(o.errorCode);
  w.compactString(o.transactionalId);
  w.compactString(o.transactionState);
  w.int32(o.transactionTimeoutMs);
  w.int64(o.transactionStartTimeMs);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  writeArray(w, true, v, o.topics, writeTopicData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DescribeTransactionsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeTransactionsResponse(): DescribeTransactionsResponse {
  return {
    throttleTimeMs: 0,
    transactionStates: [],
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topic: "",
    partitions: [],
  };
}

/** TransactionState with every field at its default (Kafka's no-argument constructor). */
export function defaultTransactionState(): TransactionState {
  return {
    errorCode: 0,
    transactionalId: "",
    transactionState: "",
    transactionTimeoutMs: 0,
    transactionStartTimeMs: 0n,
    producerId: 0n,
    producerEpoch: 0,
    topics: [],
  };
}
