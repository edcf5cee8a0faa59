// The log manager: checkpoints and the clean-shutdown marker in Kafka's formats, restarts with and
// without recovery, and the background tasks (flush.ms, retention, cleaner, delayed deletes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecordBatch } from '@tarn/protocol';
import { LogManager, MockTime, readLogRecords, type LogEvent } from '../src/index';
import { makeBatch, tempDir } from './helpers';

function manager(dir: string, time: MockTime, broker: Record<string, string> = {}, topics: Record<string, Record<string, string>> = {}) {
  const events: LogEvent[] = [];
  const m = new LogManager({ logDirs: [dir], time, scheduler: time, brokerConfig: broker, topicOverrides: (t) => topics[t] ?? {} });
  m.onEvent((e) => events.push(e));
  m.startup();
  return { m, events };
}

test('clean shutdown writes Kafka checkpoints and the marker; the restart skips recovery', async () => {
  const dir = tempDir();
  const time = new MockTime();
  const { m } = manager(dir, time);
  const a = m.getOrCreateLog('orders', 0);
  const b = m.getOrCreateLog('orders', 1);
  await a.append(makeBatch(5));
  await b.append(makeBatch(3));
  a.updateHighWatermark(5);
  b.updateHighWatermark(3);
  await m.shutdown();
  assert.equal(readFileSync(join(dir, 'recovery-point-offset-checkpoint'), 'utf8'), '0\n2\norders 0 5\norders 1 3\n');
  assert.equal(readFileSync(join(dir, 'replication-offset-checkpoint'), 'utf8'), '0\n2\norders 0 5\norders 1 3\n');
  assert.equal(readFileSync(join(dir, 'log-start-offset-checkpoint'), 'utf8'), '0\n2\norders 0 0\norders 1 0\n');
  assert.ok(existsSync(join(dir, '.kafka_cleanshutdown')));

  const { m: again, events } = manager(dir, time);
  assert.equal(existsSync(join(dir, '.kafka_cleanshutdown')), false, 'the marker is consumed at start-up');
  assert.equal(events.filter((e) => e.type === 'recovered').length, 0);
  assert.equal(again.getLog('orders', 0)!.logEndOffset, 5);
  assert.equal(again.getLog('orders', 1)!.highWatermark, 3);
  await again.shutdown();
});

test('after a crash, logs are recovered from their recovery point', async () => {
  const dir = tempDir();
  const time = new MockTime();
  const { m } = manager(dir, time);
  const log = m.getOrCreateLog('t', 0);
  await log.append(makeBatch(5));
  log.flush();
  m.checkpointRecoveryPoints();
  await log.append(makeBatch(5, { start: 5 }));
  log.closeFds(); // crash: no shutdown
  const { m: again, events } = manager(dir, time);
  const recovered = events.filter((e) => e.type === 'recovered');
  assert.equal(recovered.length, 1);
  assert.deepEqual(
    [...readLogRecords(again.getLog('t', 0)!, 0)].map((r) => r.offset),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  await again.shutdown();
});

test('background tasks: flush.ms, retention checks, the cleaner and delayed log deletion', async () => {
  const dir = tempDir();
  const time = new MockTime();
  const broker = {
    'log.flush.scheduler.interval.ms': '1000',
    'log.retention.check.interval.ms': '10000',
    'log.cleaner.backoff.ms': '5000',
    'log.segment.delete.delay.ms': '30000',
  };
  const topics = {
    flushed: { 'flush.ms': '5000' },
    expiring: { 'retention.ms': '60000', 'segment.bytes': '1500' },
    compacted: { 'cleanup.policy': 'compact', 'min.cleanable.dirty.ratio': '0.01' },
  };
  const { m, events } = manager(dir, time, broker, topics);
  m.startBackgroundTasks();

  const flushed = m.getOrCreateLog('flushed', 0);
  await flushed.append(makeBatch(2));
  assert.equal(flushed.recoveryPoint, 0);
  time.sleep(6000);
  assert.equal(flushed.recoveryPoint, 2, 'flushed once flush.ms passed');

  const expiring = m.getOrCreateLog('expiring', 0);
  for (let i = 0; i < 10; i++) await expiring.append(makeBatch(4, { start: i * 4, now: time.milliseconds() }));
  expiring.updateHighWatermark(expiring.logEndOffset);
  time.sleep(70_000);
  assert.ok(expiring.logStartOffset > 0, 'retention ran');
  assert.ok(events.some((e) => e.type === 'segment-marked-deleted' && e.topic === 'expiring'));

  const compacted = m.getOrCreateLog('compacted', 0);
  for (let round = 0; round < 4; round++) {
    await compacted.append(
      buildRecordBatch([
        { key: 'a', value: `a${round}` },
        { key: 'b', value: `b${round}` },
      ]),
    );
  }
  compacted.roll();
  compacted.updateHighWatermark(compacted.logEndOffset);
  time.sleep(5000);
  assert.ok(events.some((e) => e.type === 'cleaned' && e.topic === 'compacted'));
  assert.deepEqual(
    [...readLogRecords(compacted, 0)].map((r) => `${r.key}=${r.value}`),
    ['a=a3', 'b=b3'],
  );
  assert.match(readFileSync(join(dir, 'cleaner-offset-checkpoint'), 'utf8'), /^0\n1\ncompacted 0 8\n$/);

  m.deleteLog('expiring', 0);
  assert.equal(m.getLog('expiring', 0), undefined, 'the log leaves the manager at once');
  time.sleep(0); // its files are closed and its directory renamed in the next turn
  assert.ok(readdirSync(dir).some((n) => n.startsWith('expiring-0.') && n.endsWith('-delete')));
  time.sleep(30_001);
  assert.equal(
    readdirSync(dir).some((n) => n.startsWith('expiring-0')),
    false,
  );
  await m.shutdown();
});

test('a log deleted and at once created again starts empty, and the old files still go away', async () => {
  const dir = tempDir();
  const time = new MockTime();
  const { m } = manager(dir, time, { 'log.segment.delete.delay.ms': '1000' });
  const old = m.getOrCreateLog('recreated', 0);
  await old.append(makeBatch(5));
  m.deleteLog('recreated', 0);
  const fresh = m.getOrCreateLog('recreated', 0); // before the deletion's turn came
  assert.notEqual(fresh, old);
  assert.equal(fresh.logEndOffset, 0);
  await fresh.append(makeBatch(1));
  time.sleep(1001);
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.startsWith('recreated-')),
    ['recreated-0'],
  );
  assert.deepEqual(
    [...readLogRecords(fresh, 0)].map((r) => r.key?.toString()),
    ['key-0'],
  );
  await m.shutdown();
});

test('log.open.files.max bounds open segment files; idle ones reopen on use', async () => {
  const dir = tempDir();
  const time = new MockTime();
  const { m } = manager(dir, time, { 'log.open.files.max': '10' });
  const logs = Array.from({ length: 40 }, (_, p) => m.getOrCreateLog('many', p));
  for (const [p, log] of logs.entries()) await log.append(makeBatch(3, { start: p * 3 }));
  // descriptors not used for a moment may be closed
  await new Promise((r) => setTimeout(r, 1100));
  m.getOrCreateLog('many', 40);
  assert.ok(m.files.size <= 12, `${m.files.size} files open`);
  for (const [p, log] of logs.entries()) {
    assert.deepEqual(
      [...readLogRecords(log, 0)].map((r) => r.key?.toString()),
      [0, 1, 2].map((i) => `key-${p * 3 + i}`),
    );
    await log.append(makeBatch(1, { start: 1000 + p }));
  }
  await m.shutdown();
});
