// Transactions on the partition side (KIP-98), as Kafka's UnifiedLog and ProducerStateManager keep
// them: an open transaction holds the last stable offset back, a marker completes it once the high
// watermark passes the marker, aborts go into the .txnindex of the segment holding their marker,
// and truncation brings back what the remaining log says (restarts in transaction-recovery.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ErrorCode, decodeRecordBatch, readBatchHeader } from '@tarn/protocol';
import { MockTime, buildEndTxnMarkerBatch } from '../src/index';
import { makeBatch, openTestLog } from './helpers';
import { idem, refused } from './producer-state-helpers';
import { endTxn, replicated, txnBatch, txnIndexBytes, txnIndexFileOf } from './transaction-helpers';

test('an open transaction holds the LSO at its first offset; its marker releases it once the high watermark passes the marker', async () => {
  const { log } = openTestLog();
  await log.append(makeBatch(5));
  replicated(log);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [null, 5]);

  await log.append(txnBatch(1, 0, 0, 2)); // 5-6
  await log.append(makeBatch(2, { start: 7 })); // 7-8
  replicated(log);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset, log.highWatermark], [5, 5, 9]);
  assert.deepEqual(log.ongoingTransactions(), [{ producerId: 1, producerEpoch: 0, firstOffset: 5, lastTimestamp: 1_700_000_000_001 }]);
  assert.equal(log.activeProducers()[0]!.currentTxnStartOffset, 5);

  const commit = await endTxn(log, 'COMMIT', 1); // 9
  assert.equal(commit.firstOffset, 9);
  assert.deepEqual(log.ongoingTransactions(), []);
  // decided, but the marker is not replicated yet: a new leader might not have it
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [5, 5]);
  log.updateHighWatermark(9);
  assert.equal(log.lastStableOffset, 5, 'the high watermark reaching the marker is not enough');
  log.updateHighWatermark(10);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [null, 10]);
  assert.equal(txnIndexFileOf(log), null, 'a commit leaves no .txnindex');
  assert.deepEqual(log.collectAbortedTransactions(0, 10), []);
  assert.equal(log.activeProducers()[0]!.currentTxnStartOffset, -1);
});

test('the LSO never passes the high watermark', async () => {
  const { log } = openTestLog();
  await log.append(makeBatch(4));
  await log.append(txnBatch(1, 0, 0, 1)); // 4
  log.updateHighWatermark(3);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [4, 3]);
  replicated(log);
  assert.equal(log.lastStableOffset, 4);
});

test('an abort is indexed in Kafka format with the LSO of that moment; collectAbortedTransactions reports it', async () => {
  const { log } = openTestLog();
  await log.append(makeBatch(2)); // 0-1
  await log.append(txnBatch(7, 3, 0, 3)); // 2-4
  await endTxn(log, 'ABORT', 7, 3, 11); // 5
  const entry = { producerId: 7, firstOffset: 2, lastOffset: 5, lastStableOffset: 6 };
  assert.deepEqual(txnIndexFileOf(log), txnIndexBytes([entry]));
  assert.equal(txnIndexFileOf(log)!.length, 34);
  replicated(log);
  assert.equal(log.lastStableOffset, 6);
  assert.deepEqual(log.collectAbortedTransactions(0, 6), [entry]);
  assert.deepEqual(log.collectAbortedTransactions(3, 4), [entry]);
  assert.deepEqual(log.collectAbortedTransactions(0, 2), []);
  assert.deepEqual(log.collectAbortedTransactions(6, 6), []);
  // nothing aborted in range: the same empty result every time, nothing allocated
  const none = log.collectAbortedTransactions(6, 100);
  assert.equal(none, log.collectAbortedTransactions(7, 100));
  assert.equal(Object.isFrozen(none), true);
  assert.deepEqual(log.activeProducers()[0], {
    producerId: 7,
    producerEpoch: 3,
    lastSequence: 2,
    lastOffset: 4,
    lastTimestamp: 1_700_000_100_000,
    coordinatorEpoch: 11,
    currentTxnStartOffset: -1,
  });
});

test('two producers interleaved: an abort records the other open transaction as its LSO; the LSO waits for both', async () => {
  const { log } = openTestLog();
  await log.append(txnBatch(1, 0, 0, 1)); // 0
  await log.append(txnBatch(2, 0, 0, 1)); // 1
  await log.append(txnBatch(1, 0, 1, 1)); // 2
  await log.append(makeBatch(1, { start: 3 })); // 3
  replicated(log);
  assert.deepEqual(
    log.ongoingTransactions().map((t) => [t.producerId, t.firstOffset]),
    [
      [1, 0],
      [2, 1],
    ],
  );
  assert.equal(log.lastStableOffset, 0);
  await endTxn(log, 'ABORT', 1); // 4
  replicated(log);
  assert.equal(log.lastStableOffset, 1, "producer 2's transaction still holds it");
  await log.append(txnBatch(2, 0, 1, 1)); // 5
  await endTxn(log, 'ABORT', 2); // 6
  assert.deepEqual(log.collectAbortedTransactions(0, 7), [
    { producerId: 1, firstOffset: 0, lastOffset: 4, lastStableOffset: 1 },
    { producerId: 2, firstOffset: 1, lastOffset: 6, lastStableOffset: 7 },
  ]);
  // a fetch up to 1: the first entry's LSO (1) reaches the bound, so the search stops there
  assert.deepEqual(log.collectAbortedTransactions(0, 1), [{ producerId: 1, firstOffset: 0, lastOffset: 4, lastStableOffset: 1 }]);
  assert.equal(log.lastStableOffset, 1, 'the second abort is not replicated yet');
  replicated(log);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [null, 7]);
});

test('a marker for a producer with nothing open here is accepted and changes only its epochs; clients may not write markers', async () => {
  const { log } = openTestLog();
  await log.append(makeBatch(2));
  // the coordinator writes a marker to every partition of a transaction, whatever each holds
  const info = await endTxn(log, 'COMMIT', 42, 2, 5);
  assert.equal(info.firstOffset, 2);
  replicated(log);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [null, 3]);
  assert.deepEqual(log.activeProducers(), [
    {
      producerId: 42,
      producerEpoch: 2,
      lastSequence: -1,
      lastOffset: -1,
      lastTimestamp: 1_700_000_100_000,
      coordinatorEpoch: 5,
      currentTxnStartOffset: -1,
    },
  ]);
  await endTxn(log, 'ABORT', 42, 2, 5); // a retried marker is fine too
  assert.equal(txnIndexFileOf(log), null, 'an abort with no transaction open indexes nothing');
  const marker = buildEndTxnMarkerBatch({ producerId: 42, producerEpoch: 2, coordinatorEpoch: 5, controlType: 'COMMIT', timestamp: 1 });
  await refused(log.append(marker), ErrorCode.INVALID_RECORD, 'Clients are not allowed to write control records');
  await refused(
    endTxn(log, 'COMMIT', 42, 2, 4),
    ErrorCode.TRANSACTION_COORDINATOR_FENCED,
    'Invalid coordinator epoch for producerId 42 at offset 4 in partition topic-0: 4 (zombie), 5 (current)',
  );
});

test('buildEndTxnMarkerBatch: one control record, Kafka’s EndTransactionMarker v0, offsets left to the log', () => {
  const batch = buildEndTxnMarkerBatch({ producerId: 9, producerEpoch: 4, coordinatorEpoch: 17, controlType: 'ABORT', timestamp: 1234 });
  const h = readBatchHeader(batch);
  assert.deepEqual(
    [h.baseOffset, h.magic, h.attributes, h.lastOffsetDelta, h.producerId, h.producerEpoch, h.baseSequence, h.recordsCount],
    [0, 2, 0x30, 0, 9, 4, -1, 1],
  );
  assert.deepEqual([h.baseTimestamp, h.maxTimestamp, h.partitionLeaderEpoch], [1234, 1234, -1]);
  const [record] = decodeRecordBatch(batch).records;
  assert.equal(record!.key!.toString('hex'), '00000000');
  assert.equal(record!.value!.toString('hex'), '000000000011');
  const commit = decodeRecordBatch(
    buildEndTxnMarkerBatch({ producerId: 9, producerEpoch: 4, coordinatorEpoch: 0, controlType: 'COMMIT', timestamp: 1 }),
  ).records[0]!;
  assert.equal(commit.key!.toString('hex'), '00000001');
});

test('truncation inside a transaction reopens it and drops its index entry; below its start, the transaction is gone', async () => {
  const warnings: string[] = [];
  const { log } = openTestLog({}, { warn: (m) => warnings.push(m) });
  await log.append(makeBatch(1)); // 0
  await log.append(txnBatch(1, 0, 0, 1)); // 1
  await log.append(txnBatch(1, 0, 1, 1)); // 2
  await log.append(txnBatch(2, 0, 0, 1)); // 3
  await endTxn(log, 'ABORT', 1); // 4
  await log.append(txnBatch(3, 0, 0, 1)); // 5
  replicated(log);
  assert.equal(txnIndexFileOf(log)!.length, 34);
  assert.equal(log.lastStableOffset, 3);

  log.truncateTo(4); // the marker and producer 3's transaction go
  assert.equal(log.logEndOffset, 4);
  assert.equal(txnIndexFileOf(log), null, 'the entry of a marker cut off goes, and the file with it');
  assert.deepEqual(
    log.ongoingTransactions().map((t) => [t.producerId, t.firstOffset]),
    [
      [1, 1],
      [2, 3],
    ],
  );
  assert.equal(log.lastStableOffset, 1);
  // the coordinator writes the marker again
  await endTxn(log, 'ABORT', 1); // 4
  replicated(log);
  assert.deepEqual(log.collectAbortedTransactions(0, 5), [{ producerId: 1, firstOffset: 1, lastOffset: 4, lastStableOffset: 3 }]);

  log.truncateTo(1); // below every transaction
  replicated(log);
  assert.deepEqual([log.ongoingTransactions(), log.firstUnstableOffset, log.lastStableOffset], [[], null, 1]);
  assert.equal(txnIndexFileOf(log), null);
  log.truncateFullyAndStartAt(50);
  assert.deepEqual([log.ongoingTransactions(), log.firstUnstableOffset], [[], null]);
  assert.deepEqual(warnings, []);
});

test('a transaction whose marker lands in a later segment is indexed there and found from the segment it started in', async () => {
  const { log } = openTestLog({ 'segment.bytes': '1200' });
  await log.append(txnBatch(1, 0, 0, 2)); // 0-1
  while (log.segments.length < 3) await log.append(makeBatch(3, { start: log.logEndOffset }));
  await endTxn(log, 'ABORT', 1);
  const markerOffset = log.logEndOffset - 1;
  const markerSegment = log.segments.find(
    (s, i) => s.baseOffset <= markerOffset && (log.segments[i + 1]?.baseOffset ?? Infinity) > markerOffset,
  )!;
  assert.ok(markerSegment.baseOffset > 0);
  const entry = { producerId: 1, firstOffset: 0, lastOffset: markerOffset, lastStableOffset: markerOffset + 1 };
  assert.deepEqual(txnIndexFileOf(log, markerSegment), txnIndexBytes([entry]));
  assert.equal(txnIndexFileOf(log, log.segments[0]), null);
  assert.deepEqual(log.collectAbortedTransactions(0, 2), [entry], 'a fetch of the first segment only still learns of it');
  assert.deepEqual(log.collectAbortedTransactions(markerOffset + 1, markerOffset + 5), []);
});

test('a follower copies data and marker in one append and indexes the abort as its leader did', async () => {
  const leader = openTestLog().log;
  await leader.append(makeBatch(2));
  await leader.append(txnBatch(1, 0, 0, 2));
  await endTxn(leader, 'ABORT', 1);
  const follower = openTestLog().log;
  await follower.append(leader.readBytes(0, 1 << 20), { origin: 'replication' });
  assert.deepEqual(txnIndexFileOf(follower), txnIndexFileOf(leader));
  assert.deepEqual(follower.collectAbortedTransactions(0, 5), [{ producerId: 1, firstOffset: 2, lastOffset: 4, lastStableOffset: 5 }]);
  assert.equal(follower.lastStableOffset, 0, 'the follower learns the high watermark from its leader');
  follower.updateHighWatermark(5);
  assert.deepEqual([follower.firstUnstableOffset, follower.lastStableOffset], [null, 5]);
});

test('the log start offset passing an open transaction: the LSO is clamped to it, the producer is kept, its marker completes', async () => {
  const { log } = openTestLog({ 'segment.bytes': '1200', 'file.delete.delay.ms': '0' });
  await log.append(txnBatch(1, 0, 0, 1)); // 0
  while (log.segments.length < 3) await log.append(makeBatch(3, { start: log.logEndOffset }));
  replicated(log);
  const start = log.segments[2]!.baseOffset;
  log.deleteRecordsBefore(start);
  assert.equal(log.logStartOffset, start);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [start, start]);
  assert.deepEqual(
    log.activeProducers().map((p) => [p.producerId, p.currentTxnStartOffset]),
    [[1, 0]],
  );
  // the producer may go on with its transaction: its state (and sequence) survived
  await log.append(idem(1, 0, 1, 1, { isTransactional: true }));
  await endTxn(log, 'ABORT', 1);
  replicated(log);
  assert.deepEqual([log.firstUnstableOffset, log.lastStableOffset], [null, log.logEndOffset]);
  assert.equal(log.collectAbortedTransactions(start, log.logEndOffset)[0]!.firstOffset, 0);
});

test('retention deletes a segment with its .txnindex', async () => {
  const time = new MockTime();
  const { log } = openTestLog({ 'segment.bytes': '1200', 'file.delete.delay.ms': '1000', 'retention.bytes': '1' }, { time });
  await log.append(txnBatch(1, 0, 0, 1));
  await endTxn(log, 'ABORT', 1);
  const first = log.segments[0]!;
  const path = first.txnIndexPath;
  assert.ok(existsSync(path));
  while (log.segments.length < 3) await log.append(makeBatch(3, { start: log.logEndOffset }));
  replicated(log);
  log.deleteOldSegments();
  assert.ok(!log.segments.includes(first));
  assert.equal(existsSync(path), false);
  assert.ok(existsSync(path + '.deleted'), 'renamed with its segment');
  time.sleep(1000);
  assert.equal(existsSync(path + '.deleted'), false, 'deleted after file.delete.delay.ms');
  assert.deepEqual(log.collectAbortedTransactions(log.logStartOffset, log.logEndOffset), []);
});
