// Consumer lag: per partition committed offset, log end offset, high watermark, lag in records and
// in time (age of the record at the committed offset), and the Burrow-style evaluation of the
// window of commits (OK, WARN, STALL, STOP, REWIND).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRecordBatch } from '@tarn/protocol';
import { LagEvaluator } from '../src/insights/lag-evaluator';
import { startBroker } from './helpers';

test('lag per partition in records and in time, with the group status', async () => {
  const { broker } = await startBroker();
  await broker.topicAdmin.createTopic({ name: 'lag-t', numPartitions: 2, replicationFactor: 1 });
  await broker.groupCoordinator.offsetsTopic.ensure();
  const now = Date.now();
  for (const p of [0, 1]) {
    const batch = buildRecordBatch(
      Array.from({ length: 10 }, (_, i) => ({ key: null, value: `v${i}`, timestamp: now - 60_000 + i * 1000 })),
    );
    await broker.replicaManager.leaderPartition('lag-t', p).appendRecordsToLeader(batch, 1);
  }
  const om = (offset: number) => ({
    offset: BigInt(offset),
    leaderEpoch: -1,
    metadata: '',
    commitTimestamp: Date.now(),
    expireTimestamp: null,
  });
  const errors = await broker.groupCoordinator.handleCommitOffsets('lag-g', '', null, -1, [
    { tp: { topic: 'lag-t', partition: 0 }, om: om(4) },
    { tp: { topic: 'lag-t', partition: 1 }, om: om(10) },
  ]);
  assert.deepEqual([...errors.values()], [0, 0]);
  const lag = broker.insights.lag.groupLag('lag-g')!;
  assert.equal(lag.totalLag, 6);
  const [p0, p1] = lag.partitions;
  assert.deepEqual([p0!.committedOffset, p0!.logEndOffset, p0!.highWatermark, p0!.lag], [4, 10, 10, 6]);
  assert.ok(Math.abs(p0!.lagMs! - 56_000) < 2000, `the record at offset 4 is ~56 s old (${p0!.lagMs})`);
  assert.deepEqual([p1!.lag, p1!.lagMs, p1!.status], [0, 0, 'OK']);
  assert.equal(broker.insights.lag.groupLag('no-such-group'), null);
  broker.insights.lag.sampleAll();
  assert.deepEqual(
    broker.insights.lag.samples('lag-g', { topic: 'lag-t', partition: 0 }).map((s) => s.lag),
    [6],
  );
});

test('the lag evaluator: OK, WARN, STALL, STOP, REWIND over a window of commits', () => {
  const e = new LagEvaluator(5);
  const w = (rows: Array<[number, number, number]>) => rows.map(([offset, lag, timeMs]) => ({ offset, lag, timeMs }));
  const now = 10_000;
  // caught up at some point in the window
  assert.equal(
    e.evaluate(
      w([
        [10, 5, 6000],
        [20, 0, 7000],
        [30, 3, 8000],
      ]),
      3,
      now,
    ).status,
    'OK',
  );
  // committing, moving forward, lag going down: fine
  assert.equal(
    e.evaluate(
      w([
        [10, 50, 6000],
        [20, 40, 7000],
        [30, 30, 8000],
        [40, 20, 9000],
      ]),
      20,
      now,
    ).status,
    'OK',
  );
  // moving forward but lag growing every time
  assert.equal(
    e.evaluate(
      w([
        [10, 10, 6000],
        [20, 15, 7000],
        [30, 20, 8000],
        [40, 30, 9000],
      ]),
      35,
      now,
    ).status,
    'WARN',
  );
  // commits keep coming, offset stuck, lag > 0
  assert.equal(
    e.evaluate(
      w([
        [10, 10, 6000],
        [10, 12, 7000],
        [10, 14, 8000],
        [10, 16, 9000],
      ]),
      16,
      now,
    ).status,
    'STALL',
  );
  // last commit older than the window's span: stopped
  assert.equal(
    e.evaluate(
      w([
        [10, 10, 1000],
        [20, 10, 2000],
        [30, 10, 3000],
      ]),
      10,
      now,
    ).status,
    'STOP',
  );
  // offset went backwards (a reset)
  assert.equal(
    e.evaluate(
      w([
        [30, 10, 6000],
        [10, 30, 7000],
        [20, 25, 8000],
      ]),
      25,
      now,
    ).status,
    'REWIND',
  );
  // the window is bounded
  const window = w([]);
  for (let i = 0; i < 8; i++) e.push(window, { offset: i, lag: 1, timeMs: i });
  assert.deepEqual(
    window.map((s) => s.offset),
    [3, 4, 5, 6, 7],
  );
  assert.equal(e.evaluate(window, 1, 8).complete, true);
  assert.equal(LagEvaluator.worst(['OK', 'STALL', 'WARN']), 'STALL');
});
