// Leader epochs in commits and OFFSET_OUT_OF_RANGE on a real tarn broker: a committed position
// carries the epoch of the last record consumed (committed_leader_epoch); a new member of the group
// restores it with that epoch (and validates it against the leader); when deleteRecords has since
// moved the log start past it, the fetch answers OFFSET_OUT_OF_RANGE and auto.offset.reset decides —
// none raises OffsetOutOfRangeError naming the partition and offset, earliest and latest move there.
// Offsets sent to a transaction (TxnOffsetCommit) keep the record's epoch the same way.
// A fetch session sends a partition again when only its current leader epoch changed.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Admin, LogTruncationError, OffsetOutOfRangeError, Producer, StringDeserializer, type ConsumerRecord } from '../src/index';
import { FetchSession } from '../src/consumer/fetch-session';
import { createTopic, kafkajsProducer, newConsumer, pollUntil, produce } from './consumer-support';
import { onCleanup, startTestBroker, type TestBroker } from './helpers';

let broker: TestBroker;
const tp = { topic: 'oor', partition: 0 };
/** The position the group committed (after the first records). */
let committed = -1;

before(async () => {
  broker = await startTestBroker();
  await createTopic(broker, 'oor', 1);
  const p = await kafkajsProducer(broker);
  await produce(p, 'oor', 0, 20);
  onCleanup(() => p.disconnect());
});

test('commitSync stores the leader epoch of the consumed position; committed() returns it', async () => {
  const c = newConsumer<Buffer | null, string | null>(
    broker,
    { 'group.id': 'oor-group', 'auto.offset.reset': 'earliest', 'enable.auto.commit': false, 'max.poll.records': 5 },
    { valueDeserializer: StringDeserializer },
  );
  c.assign([tp]);
  const seen: ConsumerRecord<Buffer | null, string | null>[] = await pollUntil(c, 5);
  await c.commitSync();
  const [got] = await c.committed([tp]);
  committed = seen.at(-1)!.offset + 1;
  assert.equal(got!.offset, committed);
  assert.ok(committed < 15, 'fewer than 15 records were consumed');
  assert.equal(typeof seen.at(-1)!.leaderEpoch, 'number');
  assert.ok(seen.at(-1)!.leaderEpoch >= 0);
  assert.equal(got!.leaderEpoch, seen.at(-1)!.leaderEpoch, 'the committed leader epoch is the last record’s');
  await c.close();

  // the log start moves past the committed position
  const admin = await Admin.connect(broker.props());
  onCleanup(() => admin.close());
  await admin.deleteRecords([{ ...tp, beforeOffset: 15 }]);
});

function member(reset: string) {
  const c = newConsumer<Buffer | null, string | null>(
    broker,
    { 'group.id': 'oor-group', 'auto.offset.reset': reset, 'enable.auto.commit': false, 'retry.backoff.ms': 50 },
    { valueDeserializer: StringDeserializer },
  );
  c.assign([tp]);
  return c;
}

test('auto.offset.reset=none: a committed position below the log start is an OffsetOutOfRangeError with the partition and offset', async () => {
  const c = member('none');
  let err: unknown = null;
  for (let i = 0; i < 50 && err === null; i++) {
    const records = await c.poll(100).catch((e: unknown) => ((err = e), null));
    assert.ok(records === null || records.isEmpty(), 'nothing is returned from below the log start');
  }
  assert.ok(err instanceof OffsetOutOfRangeError, `got ${String(err)}`);
  assert.ok(!(err instanceof LogTruncationError), 'not a truncation: the leader never changed');
  assert.equal(err.code, 1);
  assert.equal(err.name, 'OFFSET_OUT_OF_RANGE');
  assert.deepEqual(err.offsetOutOfRangePartitions, [{ ...tp, offset: committed }]);
  // the position stays where it was: the application decides
  assert.equal(await c.position(tp), committed);
  c.seek(tp, 17);
  const r = await pollUntil(c, 3);
  assert.deepEqual(
    r.map((x) => x.value),
    ['v17', 'v18', 'v19'],
  );
});

test('auto.offset.reset=earliest: from the committed position below the log start to the log start', async () => {
  const c = member('earliest');
  const r = await pollUntil(c, 5);
  assert.deepEqual(
    r.map((x) => x.offset),
    [15, 16, 17, 18, 19],
  );
});

test('auto.offset.reset=latest: from the committed position below the log start to the end, then new records', async () => {
  const c = member('latest');
  let position = -1;
  for (let i = 0; i < 100 && position !== 20; i++) {
    assert.ok((await c.poll(50)).isEmpty());
    position = await c.position(tp);
  }
  assert.equal(position, 20);
  const p = await kafkajsProducer(broker);
  await produce(p, 'oor', 0, 2, 20);
  const r = await pollUntil(c, 2);
  assert.deepEqual(
    r.map((x) => x.value),
    ['v20', 'v21'],
  );
});

test('sendOffsetsToTransaction with the record’s leader epoch: TxnOffsetCommit stores it, a new member restores and validates it', async () => {
  await createTopic(broker, 'txn-epoch', 1);
  const kp = await kafkajsProducer(broker);
  await produce(kp, 'txn-epoch', 0, 5);
  const tx = { topic: 'txn-epoch', partition: 0 };
  const props = { 'group.id': 'txn-epoch-group', 'auto.offset.reset': 'earliest', 'enable.auto.commit': false };
  const c = newConsumer<Buffer | null, string | null>(broker, props, { valueDeserializer: StringDeserializer });
  c.assign([tx]);
  const records = await pollUntil(c, 5);
  const last = records.at(-1)!;
  const p = await Producer.create({ 'bootstrap.servers': broker.bootstrap, 'transactional.id': 'txn-epoch', 'linger.ms': 0 });
  try {
    await p.initTransactions();
    p.beginTransaction();
    await p.sendOffsetsToTransaction([{ ...tx, offset: last.offset + 1, leaderEpoch: last.leaderEpoch }], c.groupMetadata());
    await p.commitTransaction();
  } finally {
    await p.close();
  }
  const [got] = await c.committed([tx]);
  assert.deepEqual([got!.offset, got!.leaderEpoch], [5, last.leaderEpoch]);
  const next = newConsumer<Buffer | null, string | null>(broker, props, { valueDeserializer: StringDeserializer });
  next.assign([tx]);
  assert.equal(await next.position(tx), 5, 'the restored position, validated against the leader');
  await produce(kp, 'txn-epoch', 0, 1, 5);
  const r = await pollUntil(next, 1);
  assert.deepEqual([r[0]!.offset, r[0]!.value], [5, 'v5']);
});

test('a fetch session re-sends a partition whose current leader epoch changed, even at the same offset', () => {
  const s = new FetchSession();
  const tp0 = { topic: 't', partition: 0 };
  const tp1 = { topic: 't', partition: 1 };
  s.build(
    [
      { tp: tp0, fetchOffset: 5, currentLeaderEpoch: 3 },
      { tp: tp1, fetchOffset: 7, currentLeaderEpoch: 3 },
    ],
    15,
  );
  s.onSuccess(42);
  const r = s.build(
    [
      { tp: tp0, fetchOffset: 5, currentLeaderEpoch: 4 },
      { tp: tp1, fetchOffset: 7, currentLeaderEpoch: 3 },
    ],
    15,
  );
  // otherwise the broker would go on checking the epoch the session first carried (FENCED_LEADER_EPOCH)
  assert.deepEqual(
    r.send.map((p) => [p.tp.partition, p.currentLeaderEpoch]),
    [[0, 4]],
  );
});

test('deleteRecords under a consumer that fetched ahead: the buffered records come first, then OFFSET_OUT_OF_RANGE at the position itself', async () => {
  await createTopic(broker, 'live-oor', 1);
  const kp = await kafkajsProducer(broker);
  for (let i = 0; i < 30; i++) await produce(kp, 'live-oor', 0, 1, i); // one batch per record
  const live = { topic: 'live-oor', partition: 0 };
  const admin = await Admin.connect(broker.props());
  onCleanup(() => admin.close());
  for (const reset of ['none', 'earliest']) {
    const c = newConsumer(broker, {
      'auto.offset.reset': reset,
      'max.partition.fetch.bytes': 1, // one batch per fetch: at most two answers buffered ahead
      'max.poll.records': 1,
      'retry.backoff.ms': 50,
    });
    c.assign([live]);
    const seen: number[] = [];
    const step = async (): Promise<unknown> => {
      try {
        for (const r of await c.poll(100)) seen.push(r.offset);
        return null;
      } catch (e) {
        return e;
      }
    };
    if (reset === 'none') {
      c.seek(live, 0);
      while (seen.length < 5) assert.equal(await step(), null);
      await admin.deleteRecords([{ ...live, beforeOffset: 20 }]);
      let err: unknown = null;
      for (let i = 0; i < 100 && err === null; i++) err = await step();
      assert.ok(err instanceof OffsetOutOfRangeError, `got ${String(err)}`);
      // what was buffered before the deletion came out, in order, and the error names the position after it
      assert.deepEqual(
        seen,
        Array.from({ length: seen.length }, (_, i) => i),
      );
      assert.deepEqual(err.offsetOutOfRangePartitions, [{ ...live, offset: seen.length }]);
      assert.equal(await c.position(live), seen.length);
    } else {
      // the log start is 20 now: a position below it (seek) resets to it
      c.seek(live, 3);
      while (seen.length < 10) assert.equal(await step(), null);
      assert.deepEqual(
        seen,
        Array.from({ length: 10 }, (_, i) => 20 + i),
      );
    }
  }
});
