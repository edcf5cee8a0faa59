// Idempotent-producer state, recovery: Kafka 2.1.1's fx-gzip-0 log dir with its snapshots (byte
// for byte), rebuild without or with a corrupt snapshot, truncation, the log start offset passing
// producers, expiration, replicated appends and transactions refused (the rest in
// producer-state.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '@tarn/protocol';
import { LogManager, MockTime, readLogRecords, type PartitionLog } from '../src/index';
import { decodeProducerSnapshot, producerSnapshotFileName, type ProducerSnapshotEntry } from '../src/producer-snapshot-file';
import { copyFixtureLogDir, fixturesDir, makeBatch, openTestLog, tempDir } from './helpers';
import { idem, marker, refused } from './producer-state-helpers';

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
  // Kafka shut the fixture broker down cleanly: nothing is recovered, the snapshot is loaded as is
  const t = openTestLog(FIXTURE_CONFIG, { dir, hadCleanShutdown: true });
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
  const late = openTestLog(FIXTURE_CONFIG, { dir, time: new MockTime(1_700_000_499_000 + 86_400_000), hadCleanShutdown: true });
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
  // after the fixture's clean shutdown nothing is recovered: only producer state is rebuilt
  const a = openTestLog(FIXTURE_CONFIG, { dir: missing, hadCleanShutdown: true });
  const expected = expectedAfterReplay(a.log);
  assert.deepEqual(entriesOf(missing), expected, 'replayed from 436 and snapshotted at the log end');
  a.log.closeFds();

  const corrupt = fxGzipCopy();
  const bytes = readFileSync(join(corrupt, SNAPSHOT_513));
  bytes[20] = bytes[20]! ^ 0xff;
  writeFileSync(join(corrupt, SNAPSHOT_513), bytes);
  const warnings: string[] = [];
  const time = new MockTime();
  const b = openTestLog(FIXTURE_CONFIG, { dir: corrupt, time, hadCleanShutdown: true });
  b.log.closeFds();
  assert.deepEqual(entriesOf(corrupt), expected, 'the corrupt snapshot is replaced');
  // the warning names the file and Kafka's reason
  const c = fxGzipCopy();
  writeFileSync(join(c, SNAPSHOT_513), bytes);
  const logDir = join(c, '..');
  writeFileSync(join(logDir, '.kafka_cleanshutdown'), '');
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
