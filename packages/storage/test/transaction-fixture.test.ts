// Transactions in the log directory Apache Kafka 2.1.1 wrote: each fx-*-0 topic holds a committed,
// an aborted (offsets 504-507, one .txnindex entry) and a committed transaction (fixtures README
// §1.2). Recovered from scratch, tarn rebuilds the same .txnindex byte for byte; the aborted
// transaction is what collectAbortedTransactions reports; nothing is left open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogManager, type PartitionLog } from '../src/index';
import { fixturesDir, openTestLog, tempDir } from './helpers';

const TOPICS = ['fx-none', 'fx-gzip', 'fx-snappy', 'fx-lz4', 'fx-zstd'];
const FIXTURE_CONFIG = { 'index.interval.bytes': '512', 'segment.bytes': '16384' };
const ABORTED = { producerId: 5, firstOffset: 504, lastOffset: 507, lastStableOffset: 508 };

function txnIndexFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txnindex'));
}

/** A copy of one fixture partition in a log dir of its own (no clean-shutdown marker, no checkpoints). */
function copyPartition(name: string): { logDir: string; dir: string } {
  const logDir = tempDir();
  const dir = join(logDir, name);
  cpSync(join(fixturesDir(), 'log-dir', name), dir, { recursive: true });
  return { logDir, dir };
}

function checkAbortedTxnQueries(log: PartitionLog): void {
  assert.deepEqual(log.collectAbortedTransactions(0, 513), [ABORTED]);
  assert.deepEqual(log.collectAbortedTransactions(504, 505), [ABORTED]);
  assert.deepEqual(log.collectAbortedTransactions(507, 508), [ABORTED], 'the marker alone overlaps');
  assert.deepEqual(log.collectAbortedTransactions(400, 504), [], 'the range ends before the transaction');
  assert.deepEqual(log.collectAbortedTransactions(508, 513), [], 'the range starts after the marker');
  // the first segment's range: the search goes on into the segment holding the marker
  const first = log.segments[1]!.baseOffset;
  assert.deepEqual(log.collectAbortedTransactions(0, first), []);
}

test("recovered from scratch, every fx topic rebuilds Kafka's .txnindex byte for byte", async () => {
  for (const topic of TOPICS) {
    const name = `${topic}-0`;
    const original = join(fixturesDir(), 'log-dir', name);
    const [kafkaTxnIndex] = txnIndexFiles(original);
    assert.ok(kafkaTxnIndex !== undefined, `${name} has a .txnindex`);
    const { logDir, dir } = copyPartition(name);
    for (const f of readdirSync(dir)) {
      if (/\.(index|timeindex|txnindex|snapshot)$/.test(f)) unlinkSync(join(dir, f));
    }
    const manager = new LogManager({ logDirs: [logDir], topicOverrides: () => FIXTURE_CONFIG });
    manager.startup();
    const log = manager.getLog(topic, 0)!;
    assert.deepEqual(txnIndexFiles(dir), [kafkaTxnIndex], `${name}: one .txnindex, in the segment holding the ABORT marker`);
    assert.deepEqual(readFileSync(join(dir, kafkaTxnIndex)), readFileSync(join(original, kafkaTxnIndex)), `${name}: .txnindex bytes`);
    log.updateHighWatermark(log.logEndOffset);
    assert.equal(log.firstUnstableOffset, null, `${name}: no transaction is left open`);
    assert.equal(log.lastStableOffset, 513);
    assert.deepEqual(log.ongoingTransactions(), []);
    checkAbortedTxnQueries(log);
    await manager.shutdown();
    assert.deepEqual(readFileSync(join(dir, kafkaTxnIndex)), readFileSync(join(original, kafkaTxnIndex)), `${name}: after shutdown`);
  }
});

test("Kafka's .txnindex files open as they are after the clean shutdown, and answer read_committed queries", async () => {
  const { dir } = copyPartition('fx-lz4-0');
  const t = openTestLog(FIXTURE_CONFIG, { dir, hadCleanShutdown: true });
  const log = t.log;
  assert.equal(log.highWatermark, 0, 'nothing is known replicated until the replica manager says so');
  assert.equal(log.lastStableOffset, 0);
  log.updateHighWatermark(500);
  assert.equal(log.lastStableOffset, 500, 'the LSO is the high watermark when no transaction is open');
  log.updateHighWatermark(513);
  assert.equal(log.lastStableOffset, 513);
  checkAbortedTxnQueries(log);
  assert.deepEqual(
    log.activeProducers().map((p) => [p.producerId, p.currentTxnStartOffset]),
    [
      [2, -1],
      [5, -1],
    ],
  );
  await log.close();
});

test('a corrupt .txnindex is rebuilt from the log at start-up, even after a clean shutdown; a missing one is not noticed', async () => {
  const name = 'fx-snappy-0';
  const original = readFileSync(join(fixturesDir(), 'log-dir', name, '00000000000000000411.txnindex'));
  const corruptions: Array<[string, (b: Buffer) => Buffer]> = [
    ['a partial entry', (b) => b.subarray(0, 30)],
    ['an unknown version', (b) => Buffer.concat([Buffer.from([0, 7]), b.subarray(2)])],
    ['a last offset below the segment', (b) => Buffer.concat([b.subarray(0, 18), Buffer.alloc(8), b.subarray(26)])],
  ];
  for (const [what, corrupt] of corruptions) {
    const { dir } = copyPartition(name);
    const path = join(dir, '00000000000000000411.txnindex');
    writeFileSync(path, corrupt(Buffer.from(original)));
    const warnings: string[] = [];
    const { log } = openTestLog(FIXTURE_CONFIG, {
      dir,
      hadCleanShutdown: true,
      warn: (m, c) => warnings.push(`${m} ${JSON.stringify(c)}`),
    });
    assert.deepEqual(readFileSync(path), original, `${what}: rebuilt`);
    assert.ok(
      warnings.some((w) => w.includes('corrupt transaction index')),
      `${what}: ${warnings.join('\n')}`,
    );
    log.updateHighWatermark(513);
    assert.deepEqual(log.collectAbortedTransactions(0, 513), [ABORTED]);
    await log.close();
  }
  // Kafka does not look for a missing one below the recovery point either: a clean start serves
  // without it (the aborted records would reach read_committed consumers; only a rescan restores it)
  const { dir } = copyPartition(name);
  unlinkSync(join(dir, '00000000000000000411.txnindex'));
  const { log } = openTestLog(FIXTURE_CONFIG, { dir, hadCleanShutdown: true });
  assert.equal(existsSync(join(dir, '00000000000000000411.txnindex')), false);
  assert.deepEqual(log.collectAbortedTransactions(0, 513), []);
  log.closeFds();
});
