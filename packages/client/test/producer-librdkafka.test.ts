// @tarn/client's producer next to librdkafka (node-rdkafka, built by scripts/setup-clients into a
// cache outside the repository) against one real tarn broker: the same keys land on the same
// partitions as librdkafka's `partitioner=murmur2_random` (the Java-compatible one), and batches in
// every compression.type (none, gzip, snappy, lz4, zstd) are read back by librdkafka's consumer.
// librdkafka is loaded once per process (see apps/broker/test/native-clients.ts), hence a file of its own.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { installedNativeClientsDir } from '@tarn/broker/testing/native-clients-cache';
import { Producer } from '../src/index';
import { connectCluster, onCleanup, startTestBroker, type TestBroker } from './helpers';
import { createTopic, readPartition } from './producer-support';

// the part of node-rdkafka's API used here (its typings live outside the repository)
interface RdError extends Error {
  code: number;
}
interface RdMessage {
  partition: number;
  offset: number;
  key: Buffer | null | undefined;
  value: Buffer | null;
}
interface RdClient {
  connect(options: { timeout?: number }, cb: (err: RdError | null) => void): void;
  disconnect(cb: () => void): void;
}
interface RdProducer extends RdClient {
  produce(
    topic: string,
    partition: number | null,
    value: Buffer | null,
    key?: Buffer | null,
    timestamp?: number | null,
    opaque?: unknown,
  ): void;
  setPollInterval(ms: number): void;
  on(event: 'delivery-report', cb: (err: RdError | null, report: { partition: number; opaque?: unknown }) => void): void;
}
interface RdConsumer extends RdClient {
  assign(assignments: Array<{ topic: string; partition: number; offset: number }>): void;
  consume(count: number, cb: (err: RdError | null, messages: RdMessage[]) => void): void;
  setDefaultConsumeTimeout(ms: number): void;
}
interface RdModule {
  Producer: new (conf: Record<string, unknown>, topicConf?: Record<string, unknown>) => RdProducer;
  KafkaConsumer: new (conf: Record<string, unknown>, topicConf: Record<string, unknown>) => RdConsumer;
  librdkafkaVersion: string;
}

let broker: TestBroker;
let rdkafka: RdModule;
const open: RdClient[] = [];

before(async () => {
  rdkafka = createRequire(join(installedNativeClientsDir(), 'package.json'))('node-rdkafka') as RdModule;
  broker = await startTestBroker();
});
after(async () => {
  for (const c of open) await new Promise<void>((resolve) => c.disconnect(() => resolve()));
});

function connected<T extends RdClient>(client: T): Promise<T> {
  open.push(client);
  return new Promise((resolve, reject) => client.connect({ timeout: 15_000 }, (err) => (err ? reject(err) : resolve(client))));
}

// No empty key here: node-rdkafka sends a zero-length key as no key at all (stored null, placed at
// random), while Java and kafkajs hash it — partitioner.test.ts checks ours against kafkajs for it.
const KEYS = [
  'a',
  '21',
  'foobar',
  'order-12345',
  'café',
  'naïve-ünïcödé',
  '日本語のキー',
  '🦀🚀',
  'x'.repeat(300),
  ...Array.from({ length: 150 }, (_, i) => `user-${i * 7919}`),
];

test('keyed records land on the partitions librdkafka murmur2_random picks', async () => {
  await createTopic(broker.bootstrap, 'placement', 7);
  // partitioner is a topic property: node-rdkafka's topic config replaces the global one's defaults
  const rd = await connected(
    new rdkafka.Producer({ 'bootstrap.servers': broker.bootstrap, dr_cb: true }, { partitioner: 'murmur2_random' }),
  );
  rd.setPollInterval(10);
  const rdPartitions = new Map<number, number>();
  await new Promise<void>((resolve, reject) => {
    rd.on('delivery-report', (err, report) => {
      if (err) return reject(err);
      rdPartitions.set(report.opaque as number, report.partition);
      if (rdPartitions.size === KEYS.length) resolve();
    });
    KEYS.forEach((k, i) => rd.produce('placement', null, Buffer.from(`rd-${i}`), Buffer.from(k, 'utf8'), null, i));
  });
  const ours = await Producer.create({ 'bootstrap.servers': broker.bootstrap, 'linger.ms': 0 });
  onCleanup(() => ours.close());
  const mds = await Promise.all(KEYS.map((k, i) => ours.send({ topic: 'placement', key: k, value: `tarn-${i}` })));
  const mismatches = KEYS.filter((_, i) => mds[i]!.partition !== rdPartitions.get(i));
  assert.deepEqual(mismatches, [], `librdkafka ${rdkafka.librdkafkaVersion} and @tarn/client agree on every key`);
  assert.ok(new Set(mds.map((m) => m.partition)).size === 7, 'the keys spread over every partition');
});

for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
  test(`compression.type=${codec}: librdkafka reads back what @tarn/client wrote`, async () => {
    const topic = `codec-${codec}`;
    await createTopic(broker.bootstrap, topic, 1);
    const p = await Producer.create({
      'bootstrap.servers': broker.bootstrap,
      'compression.type': codec,
      'linger.ms': 10,
      'batch.size': 8192,
    });
    onCleanup(() => p.close());
    const values = Array.from({ length: 300 }, (_, i) => `${codec}-${i}-${'compressible '.repeat(i % 20)}`);
    await Promise.all(values.map((v, i) => p.send({ topic, key: `k${i}`, value: v })));

    const cluster = await connectCluster(broker);
    const batches = await readPartition(cluster, topic, 0);
    const codecs = new Set(batches.map((b) => b.header.attributes & 7));
    assert.deepEqual([...codecs], [['none', 'gzip', 'snappy', 'lz4', 'zstd'].indexOf(codec)], 'stored with the codec asked for');
    assert.ok(batches.length > 1, 'several batches');

    const consumer = await connected(
      new rdkafka.KafkaConsumer(
        { 'bootstrap.servers': broker.bootstrap, 'group.id': `rd-${topic}`, 'enable.auto.commit': false },
        { 'auto.offset.reset': 'earliest' },
      ),
    );
    consumer.setDefaultConsumeTimeout(100);
    consumer.assign([{ topic, partition: 0, offset: 0 }]);
    const got: RdMessage[] = [];
    const deadline = Date.now() + 20_000;
    while (got.length < values.length && Date.now() < deadline) {
      got.push(
        ...(await new Promise<RdMessage[]>((resolve, reject) => consumer.consume(500, (err, m) => (err ? reject(err) : resolve(m))))),
      );
    }
    assert.deepEqual(
      got.map((m) => m.value!.toString()),
      values,
    );
    assert.deepEqual(
      got.map((m) => m.key!.toString()),
      values.map((_, i) => `k${i}`),
    );
  });
}
