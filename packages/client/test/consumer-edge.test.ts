// Consumer edge cases against a real broker: compressed batches (gzip from kafkajs; snappy, lz4 and
// zstd from @tarn/client's producer), OFFSET_OUT_OF_RANGE handled by auto.offset.reset (or an error
// under none), pattern subscriptions, the async iterator, and corrupt fetched bytes becoming a
// typed error rather than a crash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompressionTypes } from 'kafkajs';
import { Producer, StringDeserializer, jsonDeserializer, type ConsumerRecord } from '../src/index';
import { decodeFetchedRecords } from '../src/consumer/fetch-decoder';
import { FetchSession } from '../src/consumer/fetch-session';
import { onCleanup, startTestBroker } from './helpers';
import { createTopic, kafkajsAdmin, kafkajsProducer, newConsumer, pollUntil, produce, tps } from './consumer-support';

const broker = await startTestBroker({ 'num.partitions': '1' });
await createTopic(broker, 'edge', 1);
const kjs = await kafkajsProducer(broker);
await produce(kjs, 'edge', 0, 5);

test('compressed batches: gzip from kafkajs, snappy/lz4/zstd from @tarn/client', async () => {
  await createTopic(broker, 'compressed', 1);
  await kjs.send({ topic: 'compressed', compression: CompressionTypes.GZIP, messages: [{ value: 'gzip-1' }, { value: 'gzip-2' }] });
  for (const codec of ['snappy', 'lz4', 'zstd'] as const) {
    const p = await Producer.create({ 'bootstrap.servers': broker.bootstrap, 'compression.type': codec, 'linger.ms': 0 });
    onCleanup(() => p.close());
    await p.send({ topic: 'compressed', partition: 0, value: Buffer.from(`${codec}-1`) });
  }
  const c = newConsumer(broker, { 'auto.offset.reset': 'earliest' }, { valueDeserializer: StringDeserializer });
  c.assign(tps('compressed', 0));
  const got = await pollUntil(c, 5);
  assert.deepEqual(
    got.map((r) => r.value),
    ['gzip-1', 'gzip-2', 'snappy-1', 'lz4-1', 'zstd-1'],
  );
});

test('OFFSET_OUT_OF_RANGE: auto.offset.reset decides; none is an error', async () => {
  const c = newConsumer(broker, { 'auto.offset.reset': 'earliest' }, { valueDeserializer: StringDeserializer });
  const tp = { topic: 'edge', partition: 0 };
  c.assign([tp]);
  c.seek(tp, 1000);
  const r = await pollUntil(c, 5);
  assert.equal(r[0]!.offset, 0);
  const strict = newConsumer(broker, { 'auto.offset.reset': 'none' });
  strict.assign([tp]);
  await assert.rejects(strict.poll(1000), { name: 'NoOffsetForPartitionError' });
  strict.seek(tp, 1000);
  let err: unknown = null;
  for (let i = 0; i < 20 && err === null; i++) await strict.poll(200).catch((e: unknown) => (err = e));
  assert.equal((err as Error).name, 'OFFSET_OUT_OF_RANGE');
});

test('subscribe to a pattern picks up matching topics', async () => {
  await createTopic(broker, 'pattern-a', 1);
  await createTopic(broker, 'pattern-b', 1);
  await produce(kjs, 'pattern-a', 0, 2);
  await produce(kjs, 'pattern-b', 0, 3);
  const c = newConsumer(broker, {
    'group.id': 'pattern-group',
    'auto.offset.reset': 'earliest',
    'heartbeat.interval.ms': 200,
    'metadata.max.age.ms': 500,
  });
  c.subscribe(/^pattern-/);
  const got = await pollUntil(c, 5);
  assert.deepEqual([...new Set(got.map((r) => r.topic))].sort(), ['pattern-a', 'pattern-b']);
  assert.deepEqual(c.subscription(), ['pattern-a', 'pattern-b']);
});

test('for await … of consumer yields records until the consumer is closed', async () => {
  const c = newConsumer(broker, { 'auto.offset.reset': 'earliest' }, { valueDeserializer: StringDeserializer });
  c.assign(tps('edge', 0));
  const seen: ConsumerRecord<Buffer | null, string | null>[] = [];
  for await (const r of c) {
    seen.push(r);
    if (seen.length === 5) await c.close();
  }
  assert.deepEqual(
    seen.map((r) => r.value),
    ['v0', 'v1', 'v2', 'v3', 'v4'],
  );
});

test('corrupt fetched bytes are a CORRUPT_MESSAGE error, a cut-off last batch is left for the next fetch', () => {
  const opts = { readCommitted: false, aborted: null, checkCrcs: true };
  // a whole batch header claiming magic 2 with a wrong CRC
  const bad = Buffer.alloc(80);
  bad.writeInt32BE(68, 8);
  bad.writeInt8(2, 16);
  assert.throws(() => decodeFetchedRecords('t', 0, bad, 0, opts), { name: 'CORRUPT_MESSAGE' });
  // a length running past the buffer is a partial batch: nothing decoded, nothing thrown
  const partial = Buffer.alloc(40);
  partial.writeInt32BE(1_000_000, 8);
  assert.equal(decodeFetchedRecords('t', 0, partial, 0, opts).records.length, 0);
});

test('the leader notices a topic gained partitions and rebalances so they are consumed', async () => {
  await createTopic(broker, 'growing', 2);
  const c = newConsumer(broker, {
    'group.id': 'growing-group',
    'auto.offset.reset': 'earliest',
    'heartbeat.interval.ms': 200,
    'metadata.max.age.ms': 300,
  });
  c.subscribe(['growing']);
  while (c.assignment().length < 2) await c.poll(100);
  const admin = await kafkajsAdmin(broker);
  await admin.createPartitions({ topicPartitions: [{ topic: 'growing', count: 4 }] });
  await produce(kjs, 'growing', 3, 1);
  const got = await pollUntil(c, 1);
  assert.equal(got[0]!.partition, 3);
  assert.equal(c.assignment().length, 4);
});

test('a record that does not deserialize: the records before it are returned, then a SerializationError naming it; seek skips it', async () => {
  await createTopic(broker, 'json', 1);
  await kjs.send({ topic: 'json', messages: [{ value: '{"n":1}' }, { value: '{"n":2}' }, { value: 'not json' }, { value: '{"n":4}' }] });
  const c = newConsumer(broker, { 'auto.offset.reset': 'earliest' }, { valueDeserializer: jsonDeserializer<{ n: number }>() });
  c.assign(tps('json', 0));
  const good = await pollUntil(c, 2);
  assert.deepEqual(
    good.map((r) => r.value?.n),
    [1, 2],
  );
  const err = await c.poll(1000).then(
    () => null,
    (e: unknown) => e as { name: string; offset: number; partition: number },
  );
  assert.equal(err?.name, 'SerializationError');
  assert.equal(err?.offset, 2);
  // the same record fails again until the application seeks past it
  await assert.rejects(c.poll(1000), { name: 'SerializationError' });
  c.seek({ topic: 'json', partition: 0 }, 3);
  const rest = await pollUntil(c, 1);
  assert.equal(rest[0]!.value?.n, 4);
});

test('fetch sessions (KIP-227): full first fetch, then only moved partitions and forgotten ones; errors reset', () => {
  const s = new FetchSession();
  const want = (offsets: Record<number, number>) =>
    Object.entries(offsets).map(([p, o]) => ({ tp: { topic: 't', partition: Number(p) }, fetchOffset: o }));
  let r = s.build(want({ 0: 0, 1: 0, 2: 0 }), 15);
  assert.deepEqual([r.sessionId, r.sessionEpoch, r.send.length, r.forget.length], [0, 0, 3, 0]);
  s.onSuccess(77);
  r = s.build(want({ 0: 5, 1: 0, 2: 0 }), 15);
  assert.deepEqual([r.sessionId, r.sessionEpoch, r.send.map((p) => p.tp.partition), r.forget], [77, 1, [0], []]);
  s.onSuccess(77);
  r = s.build(want({ 0: 5, 2: 0 }), 15);
  assert.deepEqual([r.sessionEpoch, r.send.length, r.forget.map((p) => p.partition)], [2, 0, [1]]);
  s.reset();
  r = s.build(want({ 0: 5 }), 15);
  assert.deepEqual([r.sessionId, r.sessionEpoch, r.send.length], [0, 0, 1]);
  // a broker that creates no session (id 0) keeps getting full fetches; before v7 there are none
  s.onSuccess(0);
  assert.equal(s.build(want({ 0: 5 }), 15).sessionEpoch, 0);
  assert.equal(new FetchSession().build(want({ 0: 1 }), 6).sessionEpoch, -1);
});
