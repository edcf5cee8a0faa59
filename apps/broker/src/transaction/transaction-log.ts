/**
 * The records of `__transaction_state`, in Kafka's encoding (shared/kafka-protocol/coordinator-records):
 *
 *   key   = int16 version (0) + TransactionLogKey(transactional_id)
 *   value = int16 version + TransactionLogValue, or null: a tombstone (the id expired, state Dead)
 *
 * Written at value version 0, as Kafka 3.9 does for clients below transaction version 2: the previous
 * and next producer ids exist only in version 1 and are not stored. Kafka writes no partitions for
 * Empty and the Complete states, and so does this (the transit carries none).
 */
import { Reader, TransactionLogKey, TransactionLogValue, Writer } from '@tarn/protocol';
import type { TopicPartition, TxnTransitMetadata } from './transaction-metadata';
import type { TransactionState } from './transaction-state';

const KEY_VERSION = 0;
const VALUE_VERSION = 0;

export function transactionLogKey(transactionalId: string): Buffer {
  const w = new Writer(32 + transactionalId.length * 3);
  w.int16(KEY_VERSION);
  TransactionLogKey.write(w, KEY_VERSION, { transactionalId });
  return w.toBuffer();
}

export function transactionLogValue(t: TxnTransitMetadata): Buffer {
  const byTopic = new Map<string, number[]>();
  for (const tp of t.partitions) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
  const w = new Writer(64);
  w.int16(VALUE_VERSION);
  TransactionLogValue.write(w, VALUE_VERSION, {
    producerId: BigInt(t.producerId),
    previousProducerId: -1n,
    nextProducerId: -1n,
    producerEpoch: t.producerEpoch,
    transactionTimeoutMs: t.txnTimeoutMs,
    transactionStatus: t.state,
    transactionPartitions: [...byTopic].map(([topic, partitionIds]) => ({ topic, partitionIds })),
    transactionLastUpdateTimestampMs: BigInt(t.txnLastUpdateTimestamp),
    transactionStartTimestampMs: BigInt(t.txnStartTimestamp),
    clientTransactionVersion: 0,
  });
  return w.toBuffer();
}

/** The transactional id of a key, or null for a key version this broker does not know. */
export function decodeTransactionLogKey(key: Buffer): string | null {
  const r = new Reader(key);
  const version = r.int16();
  if (version !== KEY_VERSION) return null;
  return TransactionLogKey.read(r, version).transactionalId;
}

export function decodeTransactionLogValue(value: Buffer): TxnTransitMetadata {
  const r = new Reader(value);
  const version = r.int16();
  const v = TransactionLogValue.read(r, Math.min(version, TransactionLogValue.validVersions.max));
  const partitions: TopicPartition[] = (v.transactionPartitions ?? []).flatMap((t) =>
    t.partitionIds.map((partition) => ({ topic: t.topic, partition })),
  );
  return {
    producerId: Number(v.producerId),
    previousProducerId: Number(v.previousProducerId),
    nextProducerId: Number(v.nextProducerId),
    producerEpoch: v.producerEpoch,
    // the last epoch is not stored: a retry across a coordinator move cannot be recognized (as in Kafka)
    lastProducerEpoch: -1,
    txnTimeoutMs: v.transactionTimeoutMs,
    state: v.transactionStatus as TransactionState,
    partitions,
    txnStartTimestamp: Number(v.transactionStartTimestampMs),
    txnLastUpdateTimestamp: Number(v.transactionLastUpdateTimestampMs),
  };
}
