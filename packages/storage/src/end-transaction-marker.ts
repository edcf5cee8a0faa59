/**
 * The record of a control batch that ends a transaction (Kafka's EndTransactionMarker), as written by
 * the transaction coordinator through WriteTxnMarkers:
 *
 *   key    version int16 (0), type int16 (0 = ABORT, 1 = COMMIT)
 *   value  version int16 (0), coordinatorEpoch int32
 *
 * Producer state needs the coordinator epoch (it fences zombie coordinators) and the record's
 * timestamp. Later versions may append fields, so only the minimum sizes are checked.
 *
 * The marker goes alone in a control batch (attributes isControl | isTransactional, the producer's
 * id and epoch, no sequence), as Kafka's MemoryRecords.withEndTransactionMarker builds it.
 */
import { ErrorCode, KafkaError, buildRecordBatch, decodeRecordBatch } from '@tarn/protocol';

export type ControlRecordType = 'ABORT' | 'COMMIT';

export interface EndTransactionMarker {
  controlType: ControlRecordType;
  coordinatorEpoch: number;
  /** Timestamp of the marker record (the batch's max timestamp for LogAppendTime batches). */
  timestamp: number;
}

function invalid(message: string): never {
  throw new KafkaError(ErrorCode.INVALID_RECORD, message);
}

/**
 * The marker of the control batch in `batch` (whole batch bytes), or null for a control batch with no
 * records: the cleaner leaves those behind once a whole transaction has been removed.
 * `logAppendTime` stands in for the record timestamp when the broker is about to stamp the batch.
 */
export function readEndTransactionMarker(batch: Buffer, logAppendTime: number | null = null): EndTransactionMarker | null {
  const record = decodeRecordBatch(batch, 0, { verifyCrc: false }).records[0];
  if (record === undefined) return null;
  const { key, value } = record;
  if (key === null || key.length < 4)
    invalid(`Invalid value size found for end control record key. Must have at least 4 bytes, but found only ${key?.length ?? 0}`);
  if (key.readInt16BE(0) < 0) invalid(`Invalid version found for control record: ${key.readInt16BE(0)}`);
  const type = key.readInt16BE(2);
  if (type !== 0 && type !== 1) invalid(`Invalid record type for end transaction marker: ${type}`);
  if (value === null || value.length < 6)
    invalid(`Invalid value size found for end transaction marker. Must have at least 6 bytes, but found only ${value?.length ?? 0}`);
  if (value.readInt16BE(0) < 0) invalid(`Invalid version found for end transaction marker: ${value.readInt16BE(0)}`);
  return {
    controlType: type === 0 ? 'ABORT' : 'COMMIT',
    coordinatorEpoch: value.readInt32BE(2),
    timestamp: logAppendTime ?? record.timestamp,
  };
}

export interface EndTxnMarkerBatchArgs {
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  controlType: ControlRecordType;
  /** The marker record's timestamp (the coordinator's clock). */
  timestamp: number;
}

/**
 * One control batch holding the marker, at offset 0 and with no leader epoch: the partition's
 * append (`origin: 'coordinator'`) assigns both, as for any other batch.
 */
export function buildEndTxnMarkerBatch(args: EndTxnMarkerBatchArgs): Buffer {
  const key = Buffer.allocUnsafe(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(args.controlType === 'ABORT' ? 0 : 1, 2);
  const value = Buffer.allocUnsafe(6);
  value.writeInt16BE(0, 0);
  value.writeInt32BE(args.coordinatorEpoch, 2);
  return buildRecordBatch([{ key, value, timestamp: args.timestamp }], {
    isControl: true,
    isTransactional: true,
    producerId: args.producerId,
    producerEpoch: args.producerEpoch,
    now: args.timestamp,
  });
}
