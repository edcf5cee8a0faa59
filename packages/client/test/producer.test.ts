// The producer against a real tarn broker (in-process, real sockets), read back by kafkajs and by a
// raw Fetch: await send / callback + flush, keys and headers, explicit partitions, murmur2 placement,
// acks 0/1/all, every codec read by kafkajs, serializers, sticky unkeyed placement, bad input.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  KafkaError,
  Producer,
  RecordSerializationError,
  StringSerializer,
  jsonSerializer,
  partitionForKey,
  type RecordMetadata,
} from '../src/index';
import { onCleanup, startTestBroker, connectCluster, type TestBroker } from './helpers';
import { consumeWithKafkajs, createTopic, kafkajs, readPartition } from './producer-support';
import { registerKafkajsCodecs } from './producer-kafkajs-codecs';

let broker: TestBroker;
before(async () => {
  registerKafkajsCodecs();
  broker = await startTestBroker({ 'num.partitions': '1' });
});

async function producer<K = Buffer | string | null, V = Buffer | string | null>(
  extra: Record<string, unknown> = {},
): Promise<Producer<K, V>> {
  const p = await Producer.create<K, V>({ 'bootstrap.servers': broker.bootstrap, 'client.id': 'producer-test', 'linger.ms': 0, ...extra });
  onCleanup(() => p.close({ timeoutMs: 1000 }));
  return p;
}

test('await send: offsets in order, keys, headers, timestamps; kafkajs reads what was sent', async () => {
  await createTopic(broker.bootstrap, 'basic', 3);
  const p = await producer();
  const sent: RecordMetadata[] = [];
  for (let i = 0; i < 30; i++) {
    sent.push(
      await p.send({
        topic: 'basic',
        key: `k${i % 5}`,
        value: `v${i}`,
        headers: { h: `x${i}`, empty: null },
        timestamp: 1_700_000_000_000 + i,
      }),
    );
  }
  for (const [i, md] of sent.entries()) {
    assert.equal(md.partition, partitionForKey(Buffer.from(`k${i % 5}`), 3));
    assert.equal(md.timestamp, 1_700_000_000_000 + i);
  }
  for (const part of [0, 1, 2]) {
    const offsets = sent.filter((m) => m.partition === part).map((m) => m.offset);
    assert.deepEqual(
      offsets,
      offsets.map((_, i) => i),
      `partition ${part} offsets are 0..n-1 in send order`,
    );
  }
  const read = await consumeWithKafkajs(broker.bootstrap, 'basic', 30);
  assert.equal(read.length, 30);
  for (const m of read) {
    const i = Number(m.value!.toString().slice(1));
    assert.equal(m.key!.toString(), `k${i % 5}`);
    assert.equal(m.partition, sent[i]!.partition);
    assert.equal(m.offset, sent[i]!.offset);
    assert.equal(m.timestamp, 1_700_000_000_000 + i);
    assert.equal(String(m.headers.h), `x${i}`);
  }
});

test('send(record, callback) and flush(): every callback has run when flush resolves, batched into few requests', async () => {
  await createTopic(broker.bootstrap, 'async', 2);
  const p = await producer({ 'linger.ms': 50, 'batch.size': 1 << 20 });
  const results: Array<RecordMetadata | Error> = [];
  for (let i = 0; i < 500; i++) p.send({ topic: 'async', partition: i % 2, value: `m${i}` }, (err, md) => results.push(err ?? md!));
  assert.equal(results.length, 0, 'nothing is acknowledged synchronously');
  await p.flush();
  assert.equal(results.length, 500);
  assert.ok(results.every((r) => !(r instanceof Error)));
  const cluster = await connectCluster(broker);
  for (const part of [0, 1]) {
    const batches = await readPartition(cluster, 'async', part);
    const values = batches.flatMap((b) => b.records.map((r) => r.value!.toString()));
    assert.deepEqual(
      values,
      Array.from({ length: 250 }, (_, i) => `m${i * 2 + part}`),
    );
    assert.ok(batches.length <= 3, `linger.ms batches the sends (${batches.length} batches)`);
    assert.ok(batches[0]!.header.producerId >= 0, 'idempotence is on by default: batches carry a producer id');
  }
});

test('acks=0, acks=1 and acks=all each deliver; acks=0 has no offsets', async () => {
  await createTopic(broker.bootstrap, 'acks', 1);
  const zero = await producer({ acks: 0 });
  const one = await producer({ acks: 1 });
  const all = await producer({ acks: 'all' });
  const md0 = await zero.send({ topic: 'acks', value: 'zero' });
  assert.equal(md0.offset, -1);
  await zero.flush();
  const md1 = await one.send({ topic: 'acks', value: 'one' });
  const mdAll = await all.send({ topic: 'acks', value: 'all' });
  assert.ok(md1.offset >= 0 && mdAll.offset === md1.offset + 1);
  const read = await consumeWithKafkajs(broker.bootstrap, 'acks', 3);
  assert.deepEqual(read.map((m) => m.value!.toString()).sort(), ['all', 'one', 'zero']);
  assert.equal(zero.settings.idempotence, false, 'acks=0 turns idempotence off when it is not asked for');
});

for (const codec of ['gzip', 'snappy', 'lz4', 'zstd'] as const) {
  test(`${codec} batches are read back by kafkajs`, async () => {
    const topic = `codec-${codec}`;
    await createTopic(broker.bootstrap, topic, 1);
    const p = await producer({ 'compression.type': codec, 'linger.ms': 20 });
    const values = Array.from({ length: 200 }, (_, i) => `${codec}-record-${i}-${'z'.repeat(i % 50)}`);
    await Promise.all(values.map((v) => p.send({ topic, value: v, headers: { i: String(values.indexOf(v)) } })));
    const read = await consumeWithKafkajs(broker.bootstrap, topic, values.length);
    assert.deepEqual(
      read.map((m) => m.value!.toString()),
      values,
    );
    assert.deepEqual(
      read.map((m) => String(m.headers.i)),
      values.map((_, i) => String(i)),
    );
    const cluster = await connectCluster(broker);
    const batches = await readPartition(cluster, topic, 0);
    const code = ['none', 'gzip', 'snappy', 'lz4', 'zstd'].indexOf(codec);
    assert.ok(batches.length > 0 && batches.every((b) => (b.header.attributes & 7) === code), `stored as ${codec}`);
  });
}

test('typed serializers: string keys and JSON values', async () => {
  await createTopic(broker.bootstrap, 'typed', 1);
  const p = await producer<string, { id: number; name: string }>({
    'key.serializer': StringSerializer,
    'value.serializer': jsonSerializer(),
  });
  await p.send({ topic: 'typed', key: 'a', value: { id: 1, name: 'ünï' } });
  const [m] = await consumeWithKafkajs(broker.bootstrap, 'typed', 1);
  assert.equal(m!.key!.toString(), 'a');
  assert.deepEqual(JSON.parse(m!.value!.toString()), { id: 1, name: 'ünï' });
});

test('unkeyed records stick to a partition for a batch, then spread', async () => {
  await createTopic(broker.bootstrap, 'sticky', 4);
  const p = await producer({ 'batch.size': 2000, 'linger.ms': 5 });
  const mds = await Promise.all(
    Array.from({ length: 2000 }, (_, i) => p.send({ topic: 'sticky', value: `record-${String(i).padStart(4, '0')}` })),
  );
  let switches = 0;
  for (let i = 1; i < mds.length; i++) if (mds[i]!.partition !== mds[i - 1]!.partition) switches++;
  assert.ok(switches >= 10 && switches < 200, `sticky partitioning switches about every batch.size bytes (${switches} switches)`);
  assert.equal(new Set(mds.map((m) => m.partition)).size, 4);
});

test('bad input fails clearly: unknown explicit partition, oversized record, sends after close', async () => {
  await createTopic(broker.bootstrap, 'bad', 2);
  const p = await producer({ 'max.request.size': 1000 });
  await assert.rejects(
    p.send({ topic: 'bad', partition: 5, value: 'x' }),
    (e: unknown) => e instanceof KafkaError && e.name === 'UNKNOWN_TOPIC_OR_PARTITION',
  );
  await assert.rejects(
    p.send({ topic: 'bad', value: Buffer.alloc(5000) }),
    (e: unknown) => e instanceof KafkaError && e.name === 'MESSAGE_TOO_LARGE',
  );
  assert.equal((await p.send({ topic: 'bad', partition: 1, value: 'ok' })).partition, 1);
  await assert.rejects(p.send({ topic: 'bad', value: 42 as unknown as string }), RecordSerializationError);
  const cyclic: { self?: unknown } = {};
  cyclic.self = cyclic;
  const json = await producer<null, unknown>({ 'value.serializer': jsonSerializer() });
  await assert.rejects(json.send({ topic: 'bad', value: cyclic }), RecordSerializationError);
  await assert.rejects(
    p.send({ topic: 'bad', value: 'x', timestamp: -5 }),
    (e: unknown) => e instanceof KafkaError && e.name === 'INVALID_TIMESTAMP',
  );
  await assert.rejects(
    p.send({ topic: 'bad', value: 'x', timestamp: NaN }),
    (e: unknown) => e instanceof KafkaError && e.name === 'INVALID_TIMESTAMP',
  );
  await assert.rejects(p.send({ topic: 'bad', value: 'x', headers: { n: 5 as unknown as string } }), RecordSerializationError);
  await assert.rejects(
    p.send({ topic: 'bad', value: 'x', headers: [{ key: 7 as unknown as string, value: 'v' }] }),
    RecordSerializationError,
  );
  const started = Date.now();
  await assert.rejects(
    p.send({ topic: 'bad topic!', value: 'x' }),
    (e: unknown) => e instanceof KafkaError && e.name === 'INVALID_TOPIC_EXCEPTION',
  );
  assert.ok(Date.now() - started < 5000, 'an invalid topic name fails at once, not after max.block.ms');
  await p.close();
  await assert.rejects(p.send({ topic: 'bad', value: 'late' }), /closed/);
  await assert.rejects(Producer.create({ 'bootstrap.servers': broker.bootstrap, acks: 1, 'enable.idempotence': true }), /idempotence/);
  await assert.rejects(
    Producer.create({ 'bootstrap.servers': broker.bootstrap, 'compression.type': 'brotli' as 'gzip' }),
    /compression.type/,
  );
});

test('a batch the broker refuses (MESSAGE_TOO_LARGE) gives its sequence back: the next batches go on under the same epoch', async () => {
  await createTopic(broker.bootstrap, 'refused', 1, { 'max.message.bytes': '2000' });
  const p = await producer({ 'batch.size': 100_000 });
  await p.send({ topic: 'refused', value: 'a' });
  await assert.rejects(
    p.send({ topic: 'refused', value: Buffer.alloc(5000) }),
    (e: unknown) => e instanceof KafkaError && e.name === 'MESSAGE_TOO_LARGE',
  );
  await p.send({ topic: 'refused', value: 'b' });
  await p.send({ topic: 'refused', value: 'c' });
  const cluster = await connectCluster(broker);
  const batches = await readPartition(cluster, 'refused', 0);
  assert.deepEqual(
    batches.map((b) => [b.records[0]!.value!.toString(), b.header.producerEpoch, b.header.baseSequence]),
    [
      ['a', 0, 0],
      ['b', 0, 1],
      ['c', 0, 2],
    ],
  );
});

test('metadata older than metadata.max.age.ms is asked again: partitions added to a topic get records', async () => {
  await createTopic(broker.bootstrap, 'growing', 1);
  const p = await producer({ 'metadata.max.age.ms': 200 });
  assert.equal((await p.send({ topic: 'growing', key: 'k', value: 'v' })).partition, 0);
  const admin = kafkajs(broker.bootstrap).admin();
  await admin.connect();
  await admin.createPartitions({ topicPartitions: [{ topic: 'growing', count: 4 }] });
  await admin.disconnect();
  const seen = new Set<number>();
  for (let deadline = Date.now() + 10_000; seen.size < 4 && Date.now() < deadline;) {
    for (let i = 0; i < 50; i++) seen.add((await p.send({ topic: 'growing', key: `key-${i}`, value: 'v' })).partition);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(seen.size, 4, 'keys spread over the 4 partitions once metadata was refreshed');
});

test('partitioner.class=RoundRobinPartitioner spreads records evenly, keys ignored, as Kafka does', async () => {
  await createTopic(broker.bootstrap, 'rr', 3);
  const p = await producer({ 'partitioner.class': 'org.apache.kafka.clients.producer.RoundRobinPartitioner' });
  const mds: RecordMetadata[] = [];
  for (let i = 0; i < 12; i++) mds.push(await p.send({ topic: 'rr', key: 'same-key', value: `rr-${i}` }));
  const counts = [0, 1, 2].map((part) => mds.filter((m) => m.partition === part).length);
  assert.deepEqual(counts, [4, 4, 4]);
  assert.deepEqual(
    mds.slice(0, 3).map((m) => m.partition),
    [0, 1, 2],
  );
});
