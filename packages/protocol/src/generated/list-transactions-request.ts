// generated — do not edit. Source: shared/kafka-protocol/messages/ListTransactionsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readCompactStringElement, readInt64Element, writeArray, writeCompactStringElement, writeInt64Element } from '../wire/arrays';

/**
 * ListTransactionsRequest (api key 66); versions 0-1; flexible 0+.
 */
export interface ListTransactionsRequest {
  /** The transaction states to filter by: if empty, all transactions are returned; if non-empty, then only transactions matching one of the filtered states will be returned */
  stateFilters: string[];
  /** The producerIds to filter by: if empty, all transactions will be returned; if non-empty, only transactions which match one of the filtered producerIds will be returned */
  producerIdFilters: bigint[];
  /** Duration (in millis) to filter by: if < 0, all transactions will be returned; otherwise, only transactions running longer than this duration will be returned (versions 1+; default -1) */
  durationFilter: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListTransactionsRequest: `read` and `write` its body at a given version. */
export const ListTransactionsRequest = {
  apiKey: 66,
  type: 'request',
  name: 'ListTransactions',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readListTransactionsRequest,
  write: writeListTransactionsRequest,
} as const satisfies ApiMessageCodec<ListTransactionsRequest>;

function readListTransactionsRequest(r: Reader, v: number): ListTransactionsRequest {
  checkVersion(v, 0, 1, 'ListTransactionsRequest');
  const o: ListTransactionsRequest = {
    stateFilters: readArray(r, true, v, readCompactStringElement),
    producerIdFilters: readArray(r, true, v, readInt64Element),
    durationFilter: v === 1 ? r.int64() : -1n,
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListTransactionsRequest(w: Writer, v: number, o: ListTransactionsRequest): void {
  checkVersion(v, 0, 1, 'ListTransactionsRequest');
  writeArray(w, true, v, o.stateFilters, writeCompactStringElement);
  writeArray(w, true, v, o.producerIdFilters, writeInt64Element);
  if (v === 1) w.int64(o.durationFilter);
  else if (o.durationFilter !== -1n) throw nonDefault('ListTransactionsRequest.durationFilter', v);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ListTransactionsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultListTransactionsRequest(): ListTransactionsRequest {
  return {
    stateFilters: [],
    producerIdFilters: [],
    durationFilter: -1n,
  };
}
