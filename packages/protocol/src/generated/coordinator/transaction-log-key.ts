// generated — do not edit. Source: shared/kafka-protocol/coordinator-records/TransactionLogKey.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../../wire/reader';
import type { Writer } from '../../wire/writer';
import type { MessageCodec } from '../../wire/message-codec';
import { checkVersion } from '../../wire/field-checks';

/**
 * TransactionLogKey (data); versions 0; no flexible versions.
 */
export interface TransactionLogKey {
  /** TransactionalId */
  transactionalId: string;
}

/** Codec for TransactionLogKey: `read` and `write` its body at a given version. */
export const TransactionLogKey = {
  type: 'data',
  name: 'TransactionLogKey',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: null,
  read: readTransactionLogKey,
  write: writeTransactionLogKey,
} as const satisfies MessageCodec<TransactionLogKey>;

function readTransactionLogKey(r: Reader, v: number): TransactionLogKey {
  checkVersion(v, 0, 0, 'TransactionLogKey');
  const o: TransactionLogKey = {
    transactionalId: r.string(),
  };
  return o;
}

function writeTransactionLogKey(w: Writer, v: number, o: TransactionLogKey): void {
  checkVersion(v, 0, 0, 'TransactionLogKey');
  w.string(o.transactionalId);
}

/** TransactionLogKey with every field at its default (Kafka's no-argument constructor). */
export function defaultTransactionLogKey(): TransactionLogKey {
  return {
    transactionalId: "",
  };
}
