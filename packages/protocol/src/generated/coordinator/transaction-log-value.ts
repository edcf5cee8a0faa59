// generated — do not edit. Source: shared/kafka-protocol/coordinator-records/TransactionLogValue.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../../wire/reader';
import type { Writer } from '../../wire/writer';
import type { MessageCodec } from '../../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../../wire/tagged-fields';
import { checkVersion, nonDefault } from '../../wire/field-checks';
import { readArray, readInt32Element, readNullableArray, writeArray, writeInt32Element, writeNullableArray } from '../../wire/arrays';

/**
 * TransactionLogValue (data); versions 0-1; flexible 1+.
 */
export interface TransactionLogValue {
  /** Producer id in use by the transactional id */
  producerId: bigint;
  /** Producer id used by the last committed transaction (versions 1+; tagged 1+ as tag 0; default -1) */
  previousProducerId: bigint;
  /** Latest producer ID sent to the producer for the given transactional ID (versions 1+; tagged 1+ as tag 1; default -1) */
  nextProducerId: bigint;
  /** Epoch associated with the producer id */
  producerEpoch: number;
  /** Transaction timeout in milliseconds */
  transactionTimeoutMs: number;
  /** TransactionState the transaction is in */
  transactionStatus: number;
  /** Set of partitions involved in the transaction (nullable) */
  transactionPartitions: PartitionsSchema[] | null;
  /** Time the transaction was last updated */
  transactionLastUpdateTimestampMs: bigint;
  /** Time the transaction was started */
  transactionStartTimestampMs: bigint;
  /** The transaction version used by the client (versions 1+; tagged 1+ as tag 2; default 0) */
  clientTransactionVersion: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionsSchema: versions 0-1.
 */
export interface PartitionsSchema {
  /** Topic */
  topic: string;
  /** PartitionIds */
  partitionIds: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for TransactionLogValue: `read` and `write` its body at a given version. */
export const TransactionLogValue = {
  type: 'data',
  name: 'TransactionLogValue',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readTransactionLogValue,
  write: writeTransactionLogValue,
} as const satisfies MessageCodec<TransactionLogValue>;

function readTransactionLogValue(r: Reader, v: number): TransactionLogValue {
  checkVersion(v, 0, 1, 'TransactionLogValue');
  const flex = v === 1;
  const o: TransactionLogValue = {
    producerId: r.int64(),
    previousProducerId: -1n,
    nextProducerId: -1n,
    producerEpoch: r.int16(),
    transactionTimeoutMs: r.int32(),
    transactionStatus: r.int8(),
    transactionPartitions: readNullableArray(r, flex, v, readPartitionsSchema),
    transactionLastUpdateTimestampMs: r.int64(),
    transactionStartTimestampMs: r.int64(),
    clientTransactionVersion: 0,
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        o.previousProducerId = t.int64();
        return true;
      case 1:
        o.nextProducerId = t.int64();
        return true;
      case 2:
        o.clientTransactionVersion = t.int16();
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeTransactionLogValue(w: Writer, v: number, o: TransactionLogValue): void {
  checkVersion(v, 0, 1, 'TransactionLogValue');
  const flex = v === 1;
  w.int64(o.producerId);
  if (v < 1 && o.previousProducerId !== -1n) throw nonDefault('TransactionLogValue.previousProducerId', v);
  if (v < 1 && o.nextProducerId !== -1n) throw nonDefault('TransactionLogValue.nextProducerId', v);
  w.int16(o.producerEpoch);
  w.int32(o.transactionTimeoutMs);
  w.int8(o.transactionStatus);
  writeNullableArray(w, flex, v, o.transactionPartitions, writePartitionsSchema);
  w.int64(o.transactionLastUpdateTimestampMs);
  w.int64(o.transactionStartTimestampMs);
  if (v < 1 && o.clientTransactionVersion !== 0) throw nonDefault('TransactionLogValue.clientTransactionVersion', v);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    const tag0 = o.previousProducerId;
    if (tag0 !== -1n) tags.push([0, (tw) => tw.int64(tag0)]);
    const tag1 = o.nextProducerId;
    if (tag1 !== -1n) tags.push([1, (tw) => tw.int64(tag1)]);
    const tag2 = o.clientTransactionVersion;
    if (tag2 !== 0) tags.push([2, (tw) => tw.int16(tag2)]);
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'TransactionLogValue', v);
}

function readPartitionsSchema(r: Reader, v: number): PartitionsSchema {
  const flex = v === 1;
  const o: PartitionsSchema = {
    topic: flex ? r.compactString() : r.string(),
    partitionIds: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writePartitionsSchema(w: Writer, v: number, o: PartitionsSchema): void {
  const flex = v === 1;
  if (flex) w.compactString(o.topic);
  else w.string(o.topic);
  writeArray(w, flex, v, o.partitionIds, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'PartitionsSchema', v);
}

/** PartitionsSchema with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionsSchema(): PartitionsSchema {
  return {
    topic: "",
    partitionIds: [],
  };
}

/** TransactionLogValue with every field at its default (Kafka's no-argument constructor). */
export function defaultTransactionLogValue(): TransactionLogValue {
  return {
    producerId: 0n,
    previousProducerId: -1n,
    nextProducerId: -1n,
    producerEpoch: 0,
    transactionTimeoutMs: 0,
    transactionStatus: 0,
    transactionPartitions: [],
    transactionLastUpdateTimestampMs: 0n,
    transactionStartTimestampMs: 0n,
    clientTransactionVersion: 0,
  };
}
