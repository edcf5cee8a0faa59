// Idempotent-producer state (KIP-98), as Kafka's ProducerStateManager keeps it: sequence and epoch
// checks, duplicates answered with the original offsets (also while the original is still being
// written), rollback after a failed write, snapshots in Kafka's own format (byte for byte against
// the Kafka 2.1.1 fixtures), rebuild after a crash, truncation, log start offset and expiration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, KafkaError, buildRecordBatch, type BatchOptions } from '@tarn/protocol';
import { LogManager, MockTime, nodeFileSystem, readLogRecords, type FileSystem, type PartitionLog } from '../src/index';
import {
  decodeProducerSnapshot,
  encodeProducerSnapshot,
  producerSnapshotFileName,
  type ProducerSnapshotEntry,
} from '../src/producer-snapshot-file';
import { copyFixtureLogDir, fixturesDir, makeBatch, openTestLog, tempDir } from './helpers';

/** An idempotent batch of `count` records from producer `pid`, epoch `epoch`, sequences from `seq`. */
function idem(pid: number, epoch: number, seq: number, count: number, extra: BatchOptions & { start?: number } = {}): Buffer {
  return makeBatch(count, { producerId: pid, producerEpoch: epoch, baseSequence: seq, start: seq, ...extra });
}

async function refused(promise: Promise<unknown>, code: number, message?: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof KafkaError, String(e));
    assert.equal(e.code, code, e.message);
    if (message !== undefined) assert.equal(e.message, message);
    return true;
  });
}

function logFileSizes(log: PartitionLog): number {
  return log.segments.reduce((n, s) => n + statSync(s.logPath).size, 0);
}

/** A transaction marker control batch (EndTransactionMarker key/value, version 0). */
function marker(type: 'ABORT' | 'COMMIT', pid: number, epoch: number, coordinatorEpoch: number, timestamp: number): Buffer {
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
  const { log } = openTestLog({}, { fsys });
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
  const { log } = openTestLog({}, { fsys });
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
  // the latest snapshot (at the active segment's base) brings producer 1's last batch before it;
  // the active segment's batches are replayed after it
  const lastBase = bases.at(-1)!;
  const replayed = Math.ceil((end - lastBase) / 3);
  const log = t.reopen();
  await check(log, Math.min(5, 1 + replayed));
  assert.ok(existsSync(join(log.dir, producerSnapshotFileName(end))), 'a snapshot at the log end after the replay');
  log.closeFds();

  // with every snapshot gone the whole log is replayed: all five batches are known again
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

/** fx-gzip-0's 513 snapshot as log-dir-decoded lists it. */
function fxGzipExpected(): ProducerSnapshotEntry[] {
  const json = JSON.parse(readFileSync(join(fixturesDir(), 'log-dir-decoded', 'fx-gzip-0.json'), 'utf8'));
  return json.producer_snapshots['00000000000000000513.snapshot'].entries.map((e: Record<string, number>) => ({
    producerId: e.producer_id!,
    producerEpoch: e.producer_epoch!,
    lastSequence: e.last_sequence!,
    lastOffset: e.last_offset!,
    offsetDelta: e.offset_delta!,
    timestamp: e.timestamp!,
    coordinatorEpoch: e.coordinator_epoch!,
    currentTxnFirstOffset: e.current_txn_first_offset!,
  }));
}

function fxGzipCopy(): string {
  const dir = join(tempDir(), 'fx-gzip-0');
  cpSync(join(copyFixtureLogDir(), 'fx-gzip-0'), dir, { recursive: true });
  return dir;
}

const FIXTURE_CONFIG = { 'index.interval.bytes': '512', 'segment.bytes': '16384' };
const SNAPSHOT_513 = '00000000000000000513.snapshot';

test("Kafka's fx-gzip-0 opens with producers 3 and 5 from its 513 snapshot, and the same state writes the same bytes", async () => {
  const dir = fxGzipCopy();
  const original = readFileSync(join(dir, SNAPSHOT_513));
  const t = openTestLog(FIXTURE_CONFIG, { dir });
  const psm = t.log.producerStateManager;
  assert.deepEqual(psm.snapshotOffsets(), [220, 436, 513]);
  assert.deepEqual(
    psm.activeProducers(),
    fxGzipExpected().map((e) => ({
      producerId: e.producerId,
      producerEpoch: e.producerEpoch,
      lastSequence: e.lastSequence,
      lastOffset: e.lastOffset,
      lastTimestamp: e.timestamp,
      coordinatorEpoch: e.coordinatorEpoch,
      currentTxnStartOffset: e.currentTxnFirstOffset,
    })),
  );
  assert.deepEqual(psm.encodeSnapshot(), original);
  // the idempotent producer's last batch (offsets 483-499, sequences 83-99) is recognised
  const retry = await t.log.append(makeBatch(17, { producerId: 3, producerEpoch: 0, baseSequence: 83 }));
  assert.deepEqual([retry.duplicate, retry.firstOffset, retry.lastOffset], [true, 483, 499]);
  await t.log.close();
  assert.deepEqual(readFileSync(join(dir, SNAPSHOT_513)), original, 'nothing new to snapshot: the file is untouched');

  // long after the producers' last writes, they are expired as the snapshot loads
  const late = openTestLog(FIXTURE_CONFIG, { dir, time: new MockTime(1_700_000_499_000 + 86_400_000) });
  assert.deepEqual(
    late.log.producerStateManager.activeProducers().map((p) => p.producerId),
    [5],
  );
  late.log.closeFds();
});

test('without its latest snapshot, or with a corrupt one, the state is rebuilt from the one before and the log after it', () => {
  const timestampOfMarker = (log: PartitionLog): number => [...readLogRecords(log, 512, { maxOffset: 513 })][0]!.timestamp;
  const expectedAfterReplay = (log: PartitionLog): ProducerSnapshotEntry[] =>
    fxGzipExpected()
      // Kafka 3.x stamps a producer with its transaction marker's time; 2.1.1, which wrote the
      // fixture, kept the time of the last data batch.
      .map((e) => (e.producerId === 5 ? { ...e, timestamp: timestampOfMarker(log) } : e))
      .sort((a, b) => a.producerId - b.producerId);
  const entriesOf = (dir: string): ProducerSnapshotEntry[] =>
    decodeProducerSnapshot(readFileSync(join(dir, SNAPSHOT_513))).sort((a, b) => a.producerId - b.producerId);

  const missing = fxGzipCopy();
  unlinkSync(join(missing, SNAPSHOT_513));
  const a = openTestLog(FIXTURE_CONFIG, { dir: missing });
  const expected = expectedAfterReplay(a.log);
  assert.deepEqual(entriesOf(missing), expected, 'replayed from 436 and snapshotted at the log end');
  a.log.closeFds();

  const corrupt = fxGzipCopy();
  const bytes = readFileSync(join(corrupt, SNAPSHOT_513));
  bytes[20] = bytes[20]! ^ 0xff;
  writeFileSync(join(corrupt, SNAPSHOT_513), bytes);
  const warnings: string[] = [];
  const time = new MockTime();
  const b = openTestLog(FIXTURE_CONFIG, { dir: corrupt, time });
  b.log.closeFds();
  assert.deepEqual(entriesOf(corrupt), expected, 'the corrupt snapshot is replaced');
  // the warning names the file and Kafka's reason
  const c = fxGzipCopy();
  writeFileSync(join(c, SNAPSHOT_513), bytes);
  const logDir = join(c, '..');
  const manager = new LogManager({
    logDirs: [logDir],
    time,
    scheduler: time,
    logger: { info: () => {}, warn: (m, ctx) => warnings.push(`${m} ${JSON.stringify(ctx)}`) },
  });
  manager.startup();
  assert.ok(
    warnings.some((w) => w.includes('corrupt producer snapshot') && w.includes('CRC is no longer valid')),
    warnings.join('\n'),
  );
  manager.getLog('fx-gzip', 0)!.closeFds();
});

test('truncation reloads the state from the log that is left', async () => {
  const { log } = openTestLog({ 'segment.bytes': '1200' });
  for (let i = 0; i < 8; i++) await log.append(idem(1, 0, i * 2, 2));
  assert.ok(log.segments.length >= 2);
  log.truncateTo(10); // batches with sequences 10.. go
  assert.equal(log.logEndOffset, 10);
  assert.ok(log.producerStateManager.snapshotOffsets().every((o) => o <= 10));
  assert.ok(
    readdirSync(log.dir)
      .filter((f) => f.endsWith('.snapshot'))
      .every((f) => Number(f.slice(0, 20)) <= 10),
  );
  assert.equal(log.producerStateManager.lastEntry(1)?.lastSeq, 9);
  const dup = await log.append(idem(1, 0, 8, 2));
  assert.deepEqual([dup.duplicate, dup.firstOffset], [true, 8]);
  const again = await log.append(idem(1, 0, 10, 2));
  assert.deepEqual([again.duplicate, again.firstOffset], [false, 10]);

  log.truncateFullyAndStartAt(100);
  assert.deepEqual(log.producerStateManager.activeProducers(), []);
  assert.deepEqual(log.producerStateManager.snapshotOffsets(), []);
  assert.equal((await log.append(idem(1, 0, 40, 1))).firstOffset, 100, 'an unknown producer again');
});

test('when the log start offset passes a producer its state and the snapshots below go', async () => {
  const time = new MockTime();
  const { log } = openTestLog({ 'segment.bytes': '1200', 'file.delete.delay.ms': '1000' }, { time });
  await log.append(idem(1, 0, 0, 2));
  for (let i = 0; i < 10; i++) await log.append(makeBatch(3, { start: 10 + i * 3 }));
  await log.append(idem(2, 0, 0, 2));
  log.updateHighWatermark(log.logEndOffset);
  const start = log.segments[2]!.baseOffset;
  log.deleteRecordsBefore(start);
  assert.deepEqual(
    log.producerStateManager.activeProducers().map((p) => p.producerId),
    [2],
  );
  assert.ok(log.producerStateManager.snapshotOffsets().every((o) => o >= start));
  time.sleep(1000);
  const onDisk = readdirSync(log.dir).filter((f) => f.includes('.snapshot'));
  assert.ok(onDisk.length > 0 && onDisk.every((f) => f.endsWith('.snapshot') && Number(f.slice(0, 20)) >= start), onDisk.join(','));
  // producer 1 may start over anywhere; producer 2 is still checked
  assert.equal((await log.append(idem(1, 0, 77, 1))).duplicate, false);
  await refused(log.append(idem(2, 0, 5, 1)), ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
});

test("idle producers expire through the log manager's producer.id.expiration task", async () => {
  const time = new MockTime();
  const broker = { 'producer.id.expiration.ms': '3600000', 'producer.id.expiration.check.interval.ms': '60000' };
  const m = new LogManager({ logDirs: [tempDir()], time, scheduler: time, brokerConfig: broker });
  m.startup();
  m.startBackgroundTasks();
  const log = m.getOrCreateLog('t', 0);
  await log.append(idem(1, 0, 0, 1, { now: time.milliseconds() }));
  time.sleep(1_800_000);
  await log.append(idem(2, 0, 0, 1, { now: time.milliseconds() }));
  time.sleep(1_860_000);
  assert.deepEqual(
    log.producerStateManager.activeProducers().map((p) => p.producerId),
    [2],
    'producer 1 expired after an hour',
  );
  time.sleep(1_800_000);
  assert.deepEqual(log.producerStateManager.activeProducers(), []);
  assert.equal((await log.append(idem(1, 0, 9, 1, { now: time.milliseconds() }))).firstOffset, 2, 'an expired producer starts anywhere');
  await m.shutdown();
});

test('replicated appends update the state without checks, as a follower does', async () => {
  const { log } = openTestLog();
  await log.append(idem(4, 2, 100, 2, { baseOffset: 0 }), { origin: 'replication' });
  await log.append(idem(4, 2, 500, 1, { baseOffset: 5 }), { origin: 'replication' });
  const e = log.producerStateManager.lastEntry(4)!;
  assert.deepEqual([e.producerEpoch, e.lastSeq, e.lastDataOffset, e.batchMetadata.length], [2, 500, 5, 2]);
  // a follower that becomes leader answers retries of what it replicated
  const dup = await log.append(idem(4, 2, 100, 2));
  assert.deepEqual([dup.duplicate, dup.firstOffset, dup.lastOffset], [true, 0, 1]);
});

test('transactions: markers from the coordinator close them and carry the coordinator epoch; zombies are fenced', async () => {
  const time = new MockTime();
  const { log } = openTestLog({}, { time });
  const now = time.milliseconds();
  await log.append(idem(9, 0, 0, 2, { isTransactional: true }));
  assert.equal(log.producerStateManager.activeProducers()[0]!.currentTxnStartOffset, 0);
  await refused(
    log.append(idem(9, 0, 2, 1)),
    ErrorCode.INVALID_TXN_STATE,
    'Expected transactional write from producer 9 at offset 2 in partition topic-0',
  );
  await refused(log.append(marker('COMMIT', 9, 0, 3, now)), ErrorCode.INVALID_RECORD, 'Clients are not allowed to write control records');
  await log.append(marker('COMMIT', 9, 0, 3, now), { origin: 'coordinator' });
  assert.deepEqual(log.producerStateManager.activeProducers(), [
    { producerId: 9, producerEpoch: 0, lastSequence: 1, lastOffset: 1, lastTimestamp: now, coordinatorEpoch: 3, currentTxnStartOffset: -1 },
  ]);
  await refused(
    log.append(marker('ABORT', 9, 0, 2, now), { origin: 'coordinator' }),
    ErrorCode.TRANSACTION_COORDINATOR_FENCED,
    'Invalid coordinator epoch for producerId 9 at offset 3 in partition topic-0: 2 (zombie), 3 (current)',
  );
  await log.append(idem(9, 1, 0, 1));
  await refused(log.append(marker('ABORT', 9, 0, 3, now), { origin: 'coordinator' }), ErrorCode.INVALID_PRODUCER_EPOCH);
  // the coordinator's own writes are not sequence-checked
  await log.append(idem(9, 1, 50, 1), { origin: 'coordinator' });
  assert.equal(log.producerStateManager.lastEntry(9)?.lastSeq, 50);

  // the snapshot records the coordinator epoch; a crash-and-replay yields the same
  await log.close();
  const snap = decodeProducerSnapshot(readFileSync(join(log.dir, producerSnapshotFileName(log.logEndOffset))));
  assert.deepEqual(
    snap.map((e) => [e.producerId, e.producerEpoch, e.lastSequence, e.coordinatorEpoch, e.currentTxnFirstOffset]),
    [[9, 1, 50, 3, -1]],
  );
});
