// Idempotent-producer state (KIP-98), as Kafka's ProducerStateManager keeps it: sequence and epoch
// checks, duplicates answered with the original offsets (also while the original is still being
// written), rollback after a failed write, snapshots in Kafka's own format and rebuild after a crash
// (recovery from Kafka's own log dir, truncation, log start offset and expiration in
// producer-state-recovery.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '@tarn/protocol';
import { nodeFileSystem, readLogRecords, type FileSystem, type PartitionLog } from '../src/index';
import { decodeProducerSnapshot, encodeProducerSnapshot, producerSnapshotFileName } from '../src/producer-snapshot-file';
import { fixturesDir, makeBatch, openTestLog } from './helpers';
import { idem, refused } from './producer-state-helpers';

function logFileSizes(log: PartitionLog): number {
  return log.segments.reduce((n, s) => n + statSync(s.logPath).size, 0);
}

/** A filesystem whose writes can be held back and made to fail with EIO. */
function controllableFs() {
  const ctl = { fail: false, hold: false, held: [] as Array<() => void> };
  const writev = (
    fd: number,
    bufs: NodeJS.ArrayBufferView[],
    pos: number,
    cb: (err: NodeJS.ErrnoException | null, n: number) => void,
  ): void => {
    const go = (): void => {
      if (!ctl.fail) return nodeFileSystem.writev(fd, bufs, pos, cb);
      const err = new Error('EIO: i/o error, write') as NodeJS.ErrnoException;
      err.code = 'EIO';
      setImmediate(() => cb(err, 0));
    };
    if (ctl.hold) ctl.held.push(go);
    else go();
  };
  return {
    ctl,
    fsys: { ...nodeFileSystem, writev: writev as FileSystem['writev'] },
    release(): void {
      ctl.hold = false;
      for (const go of ctl.held.splice(0)) go();
    },
  };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('sequences: in order accepted, gaps and bad epoch starts refused, old epochs fenced, unknown producers start anywhere', async () => {
  const { log } = openTestLog();
  assert.deepEqual([(await log.append(idem(1, 0, 0, 3))).firstOffset, (await log.append(idem(1, 0, 3, 2))).lastOffset], [0, 4]);
  const size = logFileSizes(log);
  await refused(
    log.append(idem(1, 0, 6, 1)),
    ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    'Out of order sequence number for producer 1 at offset 5 in partition topic-0: 6 (incoming seq. number), 4 (current end sequence number)',
  );
  await refused(
    log.append(idem(1, 1, 5, 1)),
    ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
    'Invalid sequence number for new epoch of producer 1 at offset 5 in partition topic-0: 1 (request epoch), 5 (seq. number), 0 (current producer epoch)',
  );
  // a refused batch takes no offsets and writes nothing
  assert.equal(log.logEndOffset, 5);
  assert.equal(logFileSizes(log), size);

  assert.equal((await log.append(idem(1, 1, 0, 2))).firstOffset, 5, 'a new epoch starts at sequence 0');
  await refused(
    log.append(idem(1, 0, 5, 1)),
    ErrorCode.INVALID_PRODUCER_EPOCH,
    'Epoch of producer 1 at offset 7 in topic-0 is 0, which is smaller than the last seen epoch 1',
  );
  // KIP-360: a producer the partition does not know (expired, or its data deleted) may start anywhere
  assert.equal((await log.append(idem(2, 3, 42, 1))).firstOffset, 7);
  assert.equal((await log.append(idem(2, 3, 43, 1))).firstOffset, 8);
  // sequences wrap from Int32 max to 0: 2147483646, 2147483647, 0, then 1
  await log.append(idem(3, 0, 2147483646, 3, { start: 100 }));
  assert.equal(log.producerStateManager.lastEntry(3)?.lastSeq, 0);
  assert.equal((await log.append(idem(3, 0, 1, 1, { start: 200 }))).firstOffset, 12);
  // batches without a producer id are not tracked
  await log.append(makeBatch(2, { start: 300 }));

  assert.deepEqual(
    log.producerStateManager.activeProducers().map((p) => [p.producerId, p.producerEpoch, p.lastSequence, p.lastOffset]),
    [
      [1, 1, 1, 6],
      [2, 3, 43, 8],
      [3, 0, 1, 12],
    ],
  );
});

test('a retry of any of the last five batches returns the original offsets and writes nothing', async () => {
  const { log } = openTestLog();
  const originals = [];
  for (let i = 0; i < 7; i++) originals.push(await log.append(idem(1, 0, i * 2, 2)));
  const size = logFileSizes(log);
  for (let i = 2; i < 7; i++) {
    const info = await log.append(idem(1, 0, i * 2, 2));
    assert.equal(info.duplicate, true);
    assert.deepEqual([info.firstOffset, info.lastOffset], [originals[i]!.firstOffset, originals[i]!.lastOffset], `batch ${i}`);
    assert.deepEqual([info.recordCount, info.sizeInBytes, info.batches.length], [0, 0, 0]);
    // Kafka answers a duplicate with the original batch's max timestamp as its log append time
    assert.equal(info.logAppendTime, 1_700_000_000_000 + i * 2 + 1);
  }
  // the sixth batch from the end is no longer cached: its retry is out of order
  await refused(log.append(idem(1, 0, 2, 2)), ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
  // a different range over cached sequences is not a duplicate either
  await refused(log.append(idem(1, 0, 10, 1)), ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
  // Kafka's rule for several batches: the first duplicate makes the whole append a duplicate
  const mixed = await log.append(Buffer.concat([idem(2, 0, 0, 1), idem(1, 0, 12, 2)]));
  assert.equal(mixed.duplicate, true);
  assert.deepEqual([mixed.firstOffset, mixed.lastOffset], [12, 13]);
  assert.equal(log.logEndOffset, 14);
  assert.equal(logFileSizes(log), size);
  assert.deepEqual(
    [...readLogRecords(log, 0)].map((r) => r.offset),
    Array.from({ length: 14 }, (_, i) => i),
  );
  assert.equal(log.producerStateManager.lastEntry(2), null);
});

test('a retry while the original is still being written waits for it and gets its offsets', async () => {
  const { fsys, ctl, release } = controllableFs();
  const { log } = openTestLog({}, { fsys, inlineWrites: false }); // the pool's writes are the ones held
  // issued in the same turn: the original is queued, not written
  const [a, retry, next] = await Promise.all([log.append(idem(1, 0, 0, 3)), log.append(idem(1, 0, 0, 3)), log.append(idem(1, 0, 3, 2))]);
  assert.deepEqual([a.firstOffset, a.lastOffset, a.duplicate], [0, 2, false]);
  assert.deepEqual([retry.firstOffset, retry.lastOffset, retry.duplicate], [0, 2, true]);
  assert.deepEqual([next.firstOffset, next.lastOffset], [3, 4]);
  assert.equal(log.logEndOffset, 5);

  // the original's write is in flight on the thread pool when the retry arrives
  ctl.hold = true;
  const original = log.append(idem(1, 0, 5, 2));
  await turn();
  assert.equal(ctl.held.length, 1, 'the write is in flight');
  let retried = false;
  const retryInFlight = log.append(idem(1, 0, 5, 2)).then((info) => {
    retried = true;
    return info;
  });
  // the state of what is in the log does not include it yet; the check does
  assert.equal(log.producerStateManager.activeProducers()[0]!.lastSequence, 4);
  assert.equal(log.producerStateManager.lastEntry(1)?.lastSeq, 6);
  await turn();
  assert.equal(retried, false, 'the retry is not answered before the original is written');
  release();
  const [o, r] = await Promise.all([original, retryInFlight]);
  assert.deepEqual([o.firstOffset, r.firstOffset, r.lastOffset, r.duplicate], [5, 5, 6, true]);
  assert.equal(log.logEndOffset, 7);
  assert.deepEqual(
    [...readLogRecords(log, 0)].map((rec) => rec.offset),
    [0, 1, 2, 3, 4, 5, 6],
  );
});

test('a failed write takes the producer state back to what is in the log; retries then succeed', async () => {
  const { fsys, ctl, release } = controllableFs();
  const { log } = openTestLog({}, { fsys, inlineWrites: false }); // the pool's writes are the ones held
  await log.append(idem(1, 0, 0, 2));
  ctl.fail = true;
  ctl.hold = true;
  const b = log.append(idem(1, 0, 2, 2));
  const c = log.append(idem(1, 0, 4, 2));
  await turn();
  // a retry of b while its write is in flight shares its fate
  const bRetry = log.append(idem(1, 0, 2, 2));
  const other = log.append(idem(2, 0, 0, 1));
  release();
  for (const p of [b, c, bRetry, other]) await refused(p, ErrorCode.KAFKA_STORAGE_ERROR);
  assert.equal(log.logEndOffset, 2);
  assert.equal(log.producerStateManager.lastEntry(1)?.lastSeq, 1);
  assert.equal(log.producerStateManager.lastEntry(2), null);

  ctl.fail = false;
  // c came after b, which never landed: still out of order
  await refused(log.append(idem(1, 0, 4, 2)), ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
  const again = await log.append(idem(1, 0, 2, 2));
  assert.deepEqual([again.firstOffset, again.duplicate], [2, false]);
  assert.equal((await log.append(idem(1, 0, 4, 2))).firstOffset, 4);
  assert.equal((await log.append(idem(2, 0, 0, 1))).firstOffset, 6);
  assert.deepEqual(
    [...readLogRecords(log, 0)].map((r) => r.offset),
    [0, 1, 2, 3, 4, 5, 6],
  );
});

test('a clean close writes a snapshot at the log end; the reopened log knows the producers', async () => {
  const t = openTestLog();
  for (let i = 0; i < 3; i++) await t.log.append(idem(7, 2, i * 3, 3));
  await t.log.append(idem(8, 0, 0, 1));
  await t.log.close();
  const file = join(t.log.dir, producerSnapshotFileName(10));
  assert.ok(existsSync(file));
  assert.deepEqual(decodeProducerSnapshot(readFileSync(file)), [
    {
      producerId: 7,
      producerEpoch: 2,
      lastSequence: 8,
      lastOffset: 8,
      offsetDelta: 2,
      timestamp: 1_700_000_000_008,
      coordinatorEpoch: -1,
      currentTxnFirstOffset: -1,
    },
    {
      producerId: 8,
      producerEpoch: 0,
      lastSequence: 0,
      lastOffset: 9,
      offsetDelta: 0,
      timestamp: 1_700_000_000_000,
      coordinatorEpoch: -1,
      currentTxnFirstOffset: -1,
    },
  ]);

  const log = t.reopen({ hadCleanShutdown: true });
  assert.deepEqual(
    log.producerStateManager.activeProducers().map((p) => [p.producerId, p.lastSequence, p.lastOffset]),
    [
      [7, 8, 8],
      [8, 0, 9],
    ],
  );
  const dup = await log.append(idem(7, 2, 6, 3));
  assert.deepEqual([dup.duplicate, dup.firstOffset, dup.lastOffset], [true, 6, 8]);
  // as in Kafka, a snapshot keeps only each producer's last batch
  await refused(log.append(idem(7, 2, 3, 3)), ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
  assert.equal((await log.append(idem(7, 2, 9, 1))).firstOffset, 10);
  await refused(log.append(idem(7, 1, 0, 1)), ErrorCode.INVALID_PRODUCER_EPOCH);
});

test('segments roll with a snapshot at each new base offset; after a crash the state is rebuilt by replaying the log', async () => {
  const t = openTestLog({ 'segment.bytes': '1500' });
  for (let i = 0; i < 12; i++) {
    await t.log.append(idem(1, 0, i * 2, 2));
    await t.log.append(idem(2, 5, 100 + i, 1));
  }
  const bases = t.log.segments.map((s) => s.baseOffset);
  assert.ok(bases.length >= 4, `expected several segments, got ${bases.length}`);
  const snapshots = readdirSync(t.log.dir)
    .filter((f) => f.endsWith('.snapshot'))
    .sort();
  assert.deepEqual(snapshots, bases.slice(1).map(producerSnapshotFileName));
  // each snapshot holds the state as of its offset: producer 1's last batch ends just before it
  for (const base of bases.slice(1)) {
    const [p1] = decodeProducerSnapshot(readFileSync(join(t.log.dir, producerSnapshotFileName(base))));
    assert.ok(p1 !== undefined && p1.producerId === 1 && p1.lastOffset < base && p1.lastOffset >= base - 3, `snapshot ${base}`);
  }
  const end = t.log.logEndOffset;
  t.log.closeFds(); // crash: no snapshot at the log end

  const check = async (log: PartitionLog, batchesKnown: number): Promise<void> => {
    assert.equal(log.logEndOffset, end);
    const p1 = log.producerStateManager.lastEntry(1)!;
    assert.deepEqual([p1.producerEpoch, p1.lastSeq, p1.batchMetadata.length], [0, 23, batchesKnown]);
    assert.deepEqual([log.producerStateManager.lastEntry(2)?.lastSeq, log.producerStateManager.lastEntry(2)?.producerEpoch], [111, 5]);
    for (let i = 12 - batchesKnown; i < 12; i++) {
      const info = await log.append(idem(1, 0, i * 2, 2));
      assert.equal(info.duplicate, true, `batch ${i} is a duplicate after the crash`);
    }
    assert.equal(log.logEndOffset, end);
  };
  // recovering the active segment (the recovery point at its base), the latest snapshot (at that
  // base) brings producer 1's last batch before it; the active segment's batches are replayed after it
  const lastBase = bases.at(-1)!;
  const replayed = Math.ceil((end - lastBase) / 3);
  const log = t.reopen({ recoveryPoint: lastBase });
  await check(log, Math.min(5, 1 + replayed));
  assert.ok(existsSync(join(log.dir, producerSnapshotFileName(end))), 'a snapshot at the log end after the replay');
  log.closeFds();

  // recovering the whole log (recovery point 0) replays it all: all five batches are known again
  await check(t.reopen(), 5);
  t.log.closeFds();
  // and so does a start without any snapshot
  for (const f of readdirSync(log.dir).filter((n) => n.endsWith('.snapshot'))) unlinkSync(join(log.dir, f));
  await check(t.reopen(), 5);
});

test("snapshot files are Kafka's: every fixture snapshot decodes as Kafka wrote it and re-encodes byte for byte", () => {
  let checked = 0;
  for (const dir of readdirSync(join(fixturesDir(), 'log-dir'))) {
    const decodedPath = join(fixturesDir(), 'log-dir-decoded', `${dir}.json`);
    if (!existsSync(decodedPath)) continue;
    const expected = JSON.parse(readFileSync(decodedPath, 'utf8')).producer_snapshots as
      Record<string, { entries: Array<Record<string, number>> }> | undefined;
    for (const [name, snap] of Object.entries(expected ?? {})) {
      const bytes = readFileSync(join(fixturesDir(), 'log-dir', dir, name));
      const entries = decodeProducerSnapshot(bytes);
      assert.deepEqual(
        entries,
        snap.entries.map((e) => ({
          producerId: e.producer_id,
          producerEpoch: e.producer_epoch,
          lastSequence: e.last_sequence,
          lastOffset: e.last_offset,
          offsetDelta: e.offset_delta,
          timestamp: e.timestamp,
          coordinatorEpoch: e.coordinator_epoch,
          currentTxnFirstOffset: e.current_txn_first_offset,
        })),
        `${dir}/${name}`,
      );
      assert.deepEqual(encodeProducerSnapshot(entries), bytes, `${dir}/${name} re-encodes identically`);
      checked++;
    }
  }
  assert.ok(checked >= 15, `checked ${checked} snapshots`);
});
