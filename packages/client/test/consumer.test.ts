// The consumer against a real tarn broker without a group first: assign, poll, seek,
// seekToBeginning/End, pause/resume, offsetsForTimes, positions; records written by kafkajs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StringDeserializer } from '../src/index';
import { startTestBroker } from './helpers';
import { createTopic, kafkajsProducer, newConsumer, pollUntil, produce, tps } from './consumer-support';

const broker = await startTestBroker({ 'num.partitions': '1' });
await createTopic(broker, 'plain', 2);
const producer = await kafkajsProducer(broker);
await produce(producer, 'plain', 0, 10);
await produce(producer, 'plain', 1, 5);

test('assign + poll reads every record from the beginning, typed by the deserializers', async () => {
  const c = newConsumer(
    broker,
    { 'auto.offset.reset': 'earliest' },
    { keyDeserializer: StringDeserializer, valueDeserializer: StringDeserializer },
  );
  c.assign(tps('plain', 0, 1));
  const records = await pollUntil(c, 15);
  const p0 = records.filter((r) => r.partition === 0);
  assert.deepEqual(
    p0.map((r) => r.offset),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  assert.equal(p0[3]!.key, 'k3');
  assert.equal(p0[3]!.value, 'v3');
  assert.equal(p0[3]!.timestampType, 'CreateTime');
  assert.equal(await c.position({ topic: 'plain', partition: 0 }), 10);
  assert.equal(await c.position({ topic: 'plain', partition: 1 }), 5);
});

test('auto.offset.reset=latest starts at the end; new records arrive', async () => {
  const c = newConsumer(broker, {}, { valueDeserializer: StringDeserializer });
  c.assign(tps('plain', 1));
  assert.equal(await c.position({ topic: 'plain', partition: 1 }), 5);
  await produce(producer, 'plain', 1, 2, 5);
  const records = await pollUntil(c, 2);
  assert.deepEqual(
    records.map((r) => r.value),
    ['v5', 'v6'],
  );
});

test('seek, seekToBeginning, seekToEnd move the position; max.poll.records bounds a poll', async () => {
  const c = newConsumer(broker, { 'auto.offset.reset': 'earliest', 'max.poll.records': 3 }, { valueDeserializer: StringDeserializer });
  const tp = { topic: 'plain', partition: 0 };
  c.assign([tp]);
  c.seek(tp, 7);
  const r = await pollUntil(c, 3);
  assert.deepEqual(
    r.map((x) => x.offset),
    [7, 8, 9],
  );
  c.seekToBeginning([tp]);
  const first = await pollUntil(c, 1);
  assert.equal(first[0]!.offset, 0);
  assert.ok(first.length <= 3);
  c.seekToEnd([tp]);
  assert.equal(await c.position(tp), 10);
  assert.equal((await c.poll(300)).count, 0);
});

test('pause stops a partition, resume brings it back', async () => {
  const c = newConsumer(broker, { 'auto.offset.reset': 'earliest' });
  c.assign(tps('plain', 0, 1));
  c.pause(tps('plain', 0));
  assert.deepEqual(c.paused(), tps('plain', 0));
  const got = await pollUntil(c, 7);
  assert.ok(got.every((r) => r.partition === 1));
  assert.equal((await c.poll(500)).count, 0);
  c.resume(tps('plain', 0));
  const rest = await pollUntil(c, 10);
  assert.ok(rest.every((r) => r.partition === 0));
});

test('offsetsForTimes finds the first offset at or after a timestamp; beginning/end offsets', async () => {
  const c = newConsumer(broker, {});
  const before = Date.now();
  await new Promise((r) => setTimeout(r, 5));
  await produce(producer, 'plain', 1, 3, 100);
  const [hit] = await c.offsetsForTimes([{ topic: 'plain', partition: 1, timestamp: before }]);
  assert.equal(hit!.result?.offset, 7);
  assert.ok(hit!.result!.timestamp >= before);
  const [none] = await c.offsetsForTimes([{ topic: 'plain', partition: 1, timestamp: Date.now() + 60_000 }]);
  assert.equal(none!.result, null);
  assert.deepEqual(
    (await c.endOffsets(tps('plain', 1))).map((o) => o.offset),
    [10],
  );
  assert.deepEqual(
    (await c.beginningOffsets(tps('plain', 1))).map((o) => o.offset),
    [0],
  );
});

test('misuse is a clear error: poll before subscribe/assign, subscribe without group.id', async () => {
  const c = newConsumer(broker, {});
  await assert.rejects(c.poll(0), /not subscribed to any topics or assigned any partitions/);
  assert.throws(() => c.subscribe(['plain']), { name: 'INVALID_GROUP_ID' });
  assert.throws(() => newConsumer(broker, { 'fetch.max.wait.ms': 'soon' }), { name: 'ConfigError' });
});

test('wakeup() interrupts a waiting poll; currentLag and listTopics', async () => {
  const c = newConsumer(broker, { 'auto.offset.reset': 'earliest' });
  c.assign(tps('plain', 0));
  await pollUntil(c, 10);
  const tp = { topic: 'plain', partition: 0 };
  assert.equal(c.currentLag(tp), 0);
  c.seek(tp, 4);
  assert.equal(c.currentLag(tp), 6);
  const started = Date.now();
  setTimeout(() => c.wakeup(), 100);
  c.seekToEnd([tp]);
  await assert.rejects(c.poll(10_000), { name: 'WakeupError' });
  assert.ok(Date.now() - started < 5000);
  const topics = await c.listTopics();
  assert.deepEqual(topics.get('plain'), tps('plain', 0, 1));
  assert.ok(![...topics.keys()].includes('__consumer_offsets'));
});
