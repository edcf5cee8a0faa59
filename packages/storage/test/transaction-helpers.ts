// What the transaction tests share: transactional batches, markers written as the coordinator
// writes them, and the bytes a .txnindex should hold.
import { existsSync, readFileSync } from 'node:fs';
import { buildEndTxnMarkerBatch, type AbortedTxn, type LogAppendInfo, type PartitionLog } from '../src/index';
import { encodeAbortedTxn } from '../src/transaction-index';
import { idem } from './producer-state-helpers';

/** `count` transactional records of producer `pid` (epoch `epoch`), sequences from `seq`. */
export function txnBatch(pid: number, epoch: number, seq: number, count: number): Buffer {
  return idem(pid, epoch, seq, count, { isTransactional: true });
}

/** The coordinator's COMMIT or ABORT marker for `pid`, appended as WriteTxnMarkers does. */
export function endTxn(
  log: PartitionLog,
  controlType: 'COMMIT' | 'ABORT',
  pid: number,
  epoch = 0,
  coordinatorEpoch = 0,
): Promise<LogAppendInfo> {
  const batch = buildEndTxnMarkerBatch({
    producerId: pid,
    producerEpoch: epoch,
    coordinatorEpoch,
    controlType,
    timestamp: 1_700_000_100_000,
  });
  return log.append(batch, { origin: 'coordinator' });
}

/** The .txnindex file Kafka would write for these entries. */
export function txnIndexBytes(entries: readonly AbortedTxn[]): Buffer {
  return Buffer.concat(entries.map((e) => encodeAbortedTxn(e)));
}

/** The .txnindex file of a log's segment, or null when it has none. */
export function txnIndexFileOf(log: PartitionLog, segment = log.activeSegment): Buffer | null {
  return existsSync(segment.txnIndexPath) ? readFileSync(segment.txnIndexPath) : null;
}

/** The high watermark catches up with the log end (every replica has everything). */
export function replicated(log: PartitionLog): void {
  log.updateHighWatermark(log.logEndOffset);
}
