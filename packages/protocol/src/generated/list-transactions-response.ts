// generated — do not edit. Source: shared/kafka-protocol/messages/ListTransactionsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readCompactStringElement, writeArray, writeCompactStringElement } from '../wire/arrays';

/**
 * ListTransactionsResponse (api key 66); versions 0-1; flexible 0+.
 */
export interface ListTransactionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** ErrorCode */
  errorCode: number;
  /** Set of state filters provided in the request which were unknown to the transaction coordinator */
  unknownStateFilters: string[];
  /** TransactionStates */
  transactionStates: TransactionState[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TransactionState: versions 0-1.
 */
export interface TransactionState {
  /** TransactionalId */
  transactionalId: string;
  /** ProducerId */
  producerId: bigint;
  /** The current transaction state of the producer */
  transactionState: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListTransactionsResponse: `read` and `write` its body at a given version. */
export const ListTransactionsResponse = {
  apiKey: 66,
  type: 'response',
  name: 'ListTransactions',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readListTransactionsResponse,
  write: writeListTransactionsResponse,
} as const satisfies ApiMessageCodec<ListTransactionsResponse>;

function readListTransactionsResponse(r: Reader, v: number): ListTransactionsResponse {
  checkVersion(v, 0, 1, 'ListTransactionsResponse');
  const o: ListTransactionsResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    unknownStateFilters: readArray(r, true, v, readCompactStringElement),
    transactionStates: readArray(r, true, v, readTransactionState),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListTransactionsResponse(w: Writer, v: number, o: ListTransactionsResponse): void {
  checkVersion(v, 0, 1, 'ListTransactionsResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, true, v, o.unknownStateFilters, writeCompactStringElement);
  writeArray(w, true, v, o.transactionStates, writeTransactionState);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTransactionState(r: Reader, v: number): TransactionState {
  const o: TransactionState = {
    transactionalId: r.compactString(),
    producerId: r.int64(),
    transactionState: r.compactString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTransactionState(w: Writer, v: number, o: TransactionState): void {
  w.compactString(o.transactionalId);
  w.int64(o.producerId);
  w.compactString(o.transactionState);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ListTransactionsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultListTransactionsResponse(): ListTransactionsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    unknownStateFilters: [],
    transactionStates: [],
  };
}

/** TransactionState with every field at its default (Kafka's no-argument constructor). */
export function defaultTransactionState(): TransactionState {
  return {
    transactionalId: "",
    producerId: 0n,
    transactionState: "",
  };
}
