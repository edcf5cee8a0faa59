// Compaction and transactions, as Kafka's LogCleaner treats them: aborted records never shadow a
// committed value and are removed; markers outlive their transaction's data and then wait out
// delete.retention.ms; the cleaned segment's .txnindex keeps the aborts whose data it is removing;
// nothing at or past the last stable offset is cleaned; an active producer's last batch stays, if
// only as an empty header, so its sequence survives a rebuild from the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, unlinkSync } from 'node:fs';
import { buildRecordBatch, readBatchHeader } from '@tarn/protocol';
import { MockTime, nodeFileSystem, readLogRecords, type PartitionLog } from '../src/index';
import { LogCleaner } from '../src/log-cleaner';
import { openTestLog } from './helpers';
import { endTxn, replicated, txnIndexBytes } from './transaction-helpers';

const CONFIG = { 'cleanup.policy': 'compact', 'segment.bytes': '100000', 'delete.retention.ms': '3600000' };

function records(
  log: PartitionLog,
  pairs: Array<[string, string]>,
  options: { pid?: number; seq?: number; txn?: boolean; time: MockTime },
): Promise<unknown> {
  const batch = buildRecordBatch(
    pairs.map(([key, value]) => ({ key, value, timestamp: options.time.milliseconds() })),
    options.pid === undefined
      ? {}
      : { producerId: options.pid, producerEpoch: 0, baseSequence: options.seq ?? 0, isTransactional: options.txn ?? false },
  );
  return log.append(batch);
}

/** Every batch left in the log: [base offset, records, control?]. */
function batches(log: PartitionLog): Array<[number, number, boolean]> {
  const out: Array<[number, number, boolean]> = [];
  for (const seg of log.segments) {
    let pos = 0;
    for (let h = seg.entryAt(pos); h !== null; h = seg.entryAt(pos)) {
      const header = readBatchHeader(log.readSlice({ fd: seg.fd, position: pos, length: 61 }));
      out.push([header.baseOffset, header.recordsCount, (header.attributes & 0x20) !== 0]);
      pos += h.size;
    }
  }
  return out;
}

function values(log: PartitionLog): Array<[number, string, string | null]> {
  return [...readLogRecords(log, 0)]
    .filter((r) => r.batch !== null && (r.batch.attributes & 0x20) === 0)
    .map((r) => [r.offset, r.key!.toString(), r.value?.toString() ?? null]);
}

function cleanAll(log: PartitionLog, cleaner: LogCleaner): void {
  log.roll();
  replicated(log);
  assert.ok(cleaner.clean(log, 0) !== null);
}

test('aborted records are removed and never hide a committed value; markers outlive their data, then their horizon', async () => {
  const time = new MockTime();
  const { log } = openTestLog(CONFIG, { time });
  const cleaner = new LogCleaner(nodeFileSystem, time);
  await records(log, [['a', 'a0']], { time }); // 0
  await records(
    log,
    [
      ['a', 'aborted'],
      ['b', 'aborted'],
    ],
    { pid: 2, txn: true, time },
  ); // 1-2
  await endTxn(log, 'ABORT', 2); // 3
  await records(log, [['c', 'c1']], { pid: 1, txn: true, time }); // 4
  await endTxn(log, 'COMMIT', 1); // 5
  await records(log, [['d', 'd2']], { pid: 2, seq: 2, time }); // 6: producer 2 moves on
  const abort = { producerId: 2, firstOffset: 1, lastOffset: 3, lastStableOffset: 4 };
  assert.deepEqual(log.collectAbortedTransactions(0, 7), [abort]);

  cleanAll(log, cleaner);
  assert.deepEqual(values(log), [
    [0, 'a', 'a0'],
    [4, 'c', 'c1'],
    [6, 'd', 'd2'],
  ]);
  assert.deepEqual(
    batches(log).filter(([, , control]) => control),
    [
      [3, 1, true],
      [5, 1, true],
    ],
    'both markers stay: the ABORT while its data goes, the COMMIT while its data is there',
  );
  const first = log.segments[0]!;
  assert.deepEqual(nodeFileSystem.readFileSync(first.txnIndexPath), txnIndexBytes([abort]), 'the cleaned segment indexes the abort');
  assert.deepEqual(log.collectAbortedTransactions(0, 7), [abort]);

  cleanAll(log, cleaner); // no data of the aborted transaction is left: its marker becomes removable
  assert.equal(existsSync(log.segments[0]!.txnIndexPath), false, 'and is no longer indexed');
  assert.deepEqual(log.collectAbortedTransactions(0, 7), []);
  assert.ok(
    batches(log).some(([base]) => base === 3),
    'the marker waits for its delete horizon',
  );

  time.sleep(2 * 3_600_000);
  cleanAll(log, cleaner);
  assert.deepEqual(
    batches(log)
      .filter(([, , control]) => control)
      .map(([base]) => base),
    [5],
    'the ABORT marker is gone; the COMMIT stays with its data',
  );
  assert.deepEqual(values(log), [
    [0, 'a', 'a0'],
    [4, 'c', 'c1'],
    [6, 'd', 'd2'],
  ]);
});

test('nothing at or past the last stable offset is cleaned', async () => {
  const time = new MockTime();
  const { log } = openTestLog(CONFIG, { time });
  const cleaner = new LogCleaner(nodeFileSystem, time);
  await records(log, [['a', 'a0']], { time }); // 0
  await records(log, [['a', 'a1']], { pid: 1, txn: true, time }); // 1, still open
  await records(log, [['a', 'a2']], { time }); // 2
  log.roll();
  replicated(log);
  assert.equal(log.lastStableOffset, 1);
  assert.equal(cleaner.firstUncleanableOffset(log), 1);
  cleaner.clean(log, 0);
  assert.deepEqual(
    values(log).map(([offset]) => offset),
    [0, 1, 2],
    'the open transaction holds the clean back',
  );
  await endTxn(log, 'COMMIT', 1);
  cleanAll(log, cleaner);
  assert.deepEqual(values(log), [[2, 'a', 'a2']]);
});

test("an active producer's last batch stays as an empty header when all its records go, so a rebuild keeps its sequence", async () => {
  const time = new MockTime();
  const t = openTestLog(CONFIG, { time });
  const cleaner = new LogCleaner(nodeFileSystem, time);
  await records(t.log, [['a', 'a0']], { pid: 1, seq: 0, time }); // 0
  await records(t.log, [['b', 'b0']], { pid: 1, seq: 1, time }); // 1: producer 1's last batch
  await records(
    t.log,
    [
      ['a', 'a1'],
      ['b', 'b1'],
    ],
    { time },
  ); // 2-3 supersede both
  cleanAll(t.log, cleaner);
  assert.deepEqual(
    batches(t.log).filter(([base]) => base < 4),
    [
      [1, 0, false],
      [2, 2, false],
    ],
  );
  assert.deepEqual(
    values(t.log).map(([offset]) => offset),
    [2, 3],
  );
  // rebuilt from the log alone, the state still knows producer 1's last sequence
  await t.log.close();
  for (const f of readdirSync(t.log.dir).filter((n) => n.endsWith('.snapshot'))) unlinkSync(`${t.log.dir}/${f}`);
  const log = t.reopen({ recoveryPoint: 0 });
  assert.equal(log.producerStateManager.lastEntry(1)?.lastSeq, 1);
  const retry = await records(log, [['b', 'b0']], { pid: 1, seq: 1, time });
  assert.deepEqual((retry as { duplicate: boolean; firstOffset: number }).duplicate, true);
  // a follower copies the empty batch as it is
  const follower = openTestLog(CONFIG).log;
  await follower.append(log.readBytes(0, 1 << 20, log.logEndOffset), { origin: 'replication' });
  assert.equal(follower.logEndOffset, log.logEndOffset);
});

test('a clean interrupted after its swap is completed by the loader, .txnindex included', async () => {
  const time = new MockTime();
  const t = openTestLog(CONFIG, { time });
  const cleaner = new LogCleaner(nodeFileSystem, time);
  await records(t.log, [['a', 'a0']], { time });
  await records(t.log, [['a', 'bad']], { pid: 2, txn: true, time });
  await endTxn(t.log, 'ABORT', 2);
  await records(t.log, [['e', 'e0']], { pid: 2, seq: 1, time });
  const abort = t.log.collectAbortedTransactions(0, 4);
  t.log.roll();
  replicated(t.log);
  assert.throws(
    () =>
      cleaner.clean(t.log, 0, {
        afterStep: (step) => {
          if (step === 'deleted') throw new Error('crash');
        },
      }),
    /crash/,
  );
  const recoveryPoint = t.log.activeSegment.baseOffset; // the cleaned segment was flushed before its swap
  t.log.closeFds();
  const log = t.reopen({ recoveryPoint });
  assert.deepEqual(log.collectAbortedTransactions(0, 4), abort);
  assert.equal(
    readdirSync(log.dir).some((f) => f.endsWith('.swap') || f.endsWith('.cleaned')),
    false,
  );
  assert.deepEqual(
    values(log).map(([offset, key]) => [offset, key]),
    [
      [0, 'a'],
      [3, 'e'],
    ],
  );
});
