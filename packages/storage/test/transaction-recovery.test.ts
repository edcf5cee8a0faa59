// Transactions across restarts: after a clean shutdown the snapshot at the log end brings the open
// transactions back and the .txnindex files are used as they are; after a crash, recovery replays
// the log into producer state and rebuilds the .txnindex of every segment it scans (Kafka's
// LogLoader.recoverSegment), so a crash between a transaction's data and its marker leaves the
// transaction open, and a marker torn by the crash never counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync, truncateSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { decodeProducerSnapshot, producerSnapshotFileName } from '../src/producer-snapshot-file';
import { readFileSync } from 'node:fs';
import type { PartitionLog } from '../src/index';
import { makeBatch, openTestLog } from './helpers';
import { endTxn, replicated, txnBatch, txnIndexBytes, txnIndexFileOf } from './transaction-helpers';

/** Producer 2 aborted, producer 3 committed, producer 1 still open: offsets 0-8. */
async function mixedTransactions(log: PartitionLog): Promise<void> {
  await log.append(makeBatch(1)); // 0
  await log.append(txnBatch(1, 0, 0, 1)); // 1
  await log.append(txnBatch(2, 0, 0, 2)); // 2-3
  await log.append(txnBatch(3, 0, 0, 1)); // 4
  await endTxn(log, 'ABORT', 2); // 5
  await endTxn(log, 'COMMIT', 3); // 6
  await log.append(txnBatch(1, 0, 1, 1)); // 7
  await log.append(makeBatch(1, { start: 8 })); // 8
}

const ABORT_2 = { producerId: 2, firstOffset: 2, lastOffset: 5, lastStableOffset: 1 };

function checkMixed(log: PartitionLog, what: string): void {
  assert.equal(log.logEndOffset, 9, what);
  assert.deepEqual(
    log.ongoingTransactions().map((t) => [t.producerId, t.firstOffset]),
    [[1, 1]],
    what,
  );
  assert.deepEqual(txnIndexFileOf(log), txnIndexBytes([ABORT_2]), what);
  log.updateHighWatermark(9);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [1, 1], what);
  assert.deepEqual(log.collectAbortedTransactions(1, 9), [ABORT_2], what);
}

test('after a clean shutdown the open transaction comes back from the snapshot; the .txnindex is kept as it is', async () => {
  const t = openTestLog();
  await mixedTransactions(t.log);
  checkMixed(t.log, 'before');
  await t.log.close();
  const [entry1] = decodeProducerSnapshot(readFileSync(join(t.log.dir, producerSnapshotFileName(9)))).filter((e) => e.producerId === 1);
  assert.equal(entry1!.currentTxnFirstOffset, 1, 'the snapshot records the open transaction');
  const log = t.reopen({ hadCleanShutdown: true, recoveryPoint: 9 });
  assert.deepEqual(
    t.events.filter((e) => e.type === 'recovered'),
    [],
    'nothing recovered',
  );
  checkMixed(log, 'after a clean restart');
  // and the transaction goes on where it was
  await endTxn(log, 'COMMIT', 1);
  replicated(log);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [null, 10]);
});

test('after a crash, a rescan from the recovery point rebuilds producer state and the .txnindex byte for byte', async () => {
  // an offset index entry per batch, so that a recovery point inside the segment is trusted
  const warnings: string[] = [];
  const t = openTestLog({ 'index.interval.bytes': '1' }, { warn: (m) => warnings.push(m) });
  await mixedTransactions(t.log);
  const before = txnIndexFileOf(t.log);
  t.log.closeFds(); // crash: no snapshot at the log end, nothing flushed
  const indexPath = t.log.activeSegment.txnIndexPath;
  unlinkSync(indexPath);
  const log = t.reopen({ recoveryPoint: 0 });
  assert.deepEqual(txnIndexFileOf(log), before);
  checkMixed(log, 'after a full rescan');
  log.closeFds();

  // a recovery point inside the segment: entries below it are trusted, the tail is rescanned
  // (before the abort's marker, and after it)
  for (const recoveryPoint of [4, 7]) {
    t.events.length = 0;
    const again = t.reopen({ recoveryPoint });
    const recovered = t.events.find((e) => e.type === 'recovered');
    assert.ok(recovered?.type === 'recovered' && recovered.scannedBytes < statSync(again.activeSegment.logPath).size, 'only the tail');
    checkMixed(again, `after a rescan from ${recoveryPoint}`);
    again.closeFds();
  }
  assert.deepEqual(warnings, []);
});

test('a crash between the data and the marker leaves the transaction open; the coordinator’s marker then completes it', async () => {
  const t = openTestLog();
  await t.log.append(makeBatch(2)); // 0-1
  await t.log.append(txnBatch(4, 1, 0, 2)); // 2-3
  t.log.flush();
  t.log.closeFds();
  for (const recoveryPoint of [0, 4]) {
    const log = t.reopen({ recoveryPoint });
    assert.deepEqual(
      log.ongoingTransactions().map((x) => [x.producerId, x.producerEpoch, x.firstOffset]),
      [[4, 1, 2]],
      `recovery point ${recoveryPoint}`,
    );
    log.updateHighWatermark(4);
    assert.equal(log.lastStableOffset, 2);
    log.closeFds();
  }
  const log = t.reopen({ recoveryPoint: 4 });
  await endTxn(log, 'ABORT', 4, 1);
  replicated(log);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [null, 5]);
  assert.deepEqual(log.collectAbortedTransactions(0, 5), [{ producerId: 4, firstOffset: 2, lastOffset: 4, lastStableOffset: 5 }]);
});

test('an ABORT marker torn by a crash: the log is cut before it, its index entry goes and the transaction is open again', async () => {
  const t = openTestLog();
  await t.log.append(txnBatch(1, 0, 0, 2)); // 0-1
  t.log.flush();
  await endTxn(t.log, 'ABORT', 1); // 2, indexed at once
  assert.ok(txnIndexFileOf(t.log) !== null);
  const logPath = t.log.activeSegment.logPath;
  t.log.closeFds();
  truncateSync(logPath, statSync(logPath).size - 5);
  const log = t.reopen({ recoveryPoint: 2 });
  assert.equal(log.logEndOffset, 2);
  assert.equal(existsSync(log.activeSegment.txnIndexPath), false);
  assert.deepEqual(
    log.ongoingTransactions().map((x) => x.firstOffset),
    [0],
  );
  assert.deepEqual(log.collectAbortedTransactions(0, 2), []);
});

test('an open transaction spanning segments: the roll snapshot carries it, and recovering the last segment starts from there', async () => {
  const t = openTestLog({ 'segment.bytes': '1200' });
  await t.log.append(txnBatch(1, 0, 0, 1)); // 0
  while (t.log.segments.length < 3) await t.log.append(makeBatch(3, { start: t.log.logEndOffset }));
  await t.log.append(txnBatch(2, 0, 0, 1));
  await endTxn(t.log, 'ABORT', 2);
  const lastBase = t.log.activeSegment.baseOffset;
  const snapshot = decodeProducerSnapshot(readFileSync(join(t.log.dir, producerSnapshotFileName(lastBase))));
  assert.deepEqual(
    snapshot.map((e) => [e.producerId, e.currentTxnFirstOffset]),
    [[1, 0]],
  );
  const before = txnIndexFileOf(t.log);
  const end = t.log.logEndOffset;
  t.log.closeFds();
  const log = t.reopen({ recoveryPoint: lastBase });
  assert.deepEqual(
    log.ongoingTransactions().map((x) => x.producerId),
    [1],
  );
  assert.deepEqual(txnIndexFileOf(log), before);
  assert.equal(log.collectAbortedTransactions(0, end)[0]!.lastStableOffset, 0, "producer 1's open transaction held it at 0");
  log.updateHighWatermark(end);
  assert.equal(log.lastStableOffset, 0);
});
