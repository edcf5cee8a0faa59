// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeTransactionsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readCompactStringElement, writeArray, writeCompactStringElement } from '../wire/arrays';

/**
 * DescribeTransactionsRequest (api key 65); versions 0; flexible 0+.
 */
export interface DescribeTransactionsRequest {
  /** Array of transactionalIds to include in describe results. If empty, then no results will be returned. */
  transactionalIds: string[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeTransactionsRequest: `read` and `write` its body at a given version. */
export const DescribeTransactionsRequest = {
  apiKey: 65,
  type: 'request',
  name: 'DescribeTransactions',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeTransactionsRequest,
  write: writeDescribeTransactionsRequest,
} as const satisfies ApiMessageCodec<DescribeTransactionsRequest>;

function readDescribeTransactionsRequest(r: Reader, v: number): DescribeTransactionsRequest {
  checkVersion(v, 0, 0, 'DescribeTransactionsRequest');
  const o: DescribeTransactionsRequest = {
    transactionalIds: readArray(r, true, v, readCompactStringElement),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeTransactionsRequest(w: Writer, v: number, o: DescribeTransactionsRequest): void {
  checkVersion(v, 0, 0, 'DescribeTransactionsRequest');
  writeArray(w, true, v, o.transactionalIds, writeCompactStringElement);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DescribeTransactionsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeTransactionsRequest(): DescribeTransactionsRequest {
  return {
    transactionalIds: [],
  };
}
