// What producer-state.test.ts and producer-state-recovery.test.ts share: idempotent batches,
// refusals with their Kafka error, and control markers.
import assert from 'node:assert/strict';
import { KafkaError, buildRecordBatch, type BatchOptions } from '@tarn/protocol';
import { makeBatch } from './helpers';

/** An idempotent batch of `count` records from producer `pid`, epoch `epoch`, sequences from `seq`. */
export function idem(pid: number, epoch: number, seq: number, count: number, extra: BatchOptions & { start?: number } = {}): Buffer {
  return makeBatch(count, { producerId: pid, producerEpoch: epoch, baseSequence: seq, start: seq, ...extra });
}

export async function refused(promise: Promise<unknown>, code: number, message?: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof KafkaError, String(e));
    assert.equal(e.code, code, e.message);
    if (message !== undefined) assert.equal(e.message, message);
    return true;
  });
}

/** A transaction marker control batch (EndTransactionMarker key/value, version 0). */
export function marker(type: 'ABORT' | 'COMMIT', pid: number, epoch: number, coordinatorEpoch: number, timestamp: number): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(type === 'ABORT' ? 0 : 1, 2);
  const value = Buffer.alloc(6);
  value.writeInt16BE(0, 0);
  value.writeInt32BE(coordinatorEpoch, 2);
  return buildRecordBatch([{ key, value, timestamp }], {
    isControl: true,
    isTransactional: true,
    producerId: pid,
    producerEpoch: epoch,
    now: timestamp,
  });
}
