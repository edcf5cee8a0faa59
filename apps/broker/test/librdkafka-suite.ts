// The suite that today's librdkafka 2.x clients run against tarn (node-rdkafka.test.ts: librdkafka
// 2.12; confluent-kafka-javascript.test.ts: librdkafka 2.15 through the node-rdkafka-compatible
// API), both built from source by scripts/setup-clients. Each client: every codec with keys and
// headers, a consumer group that commits, survives a broker restart and resumes exactly where it
// was, topic administration, and an idempotent producer. Neither client binds DescribeConfigs or
// AlterConfigs, so the admin test sets configs at creation and reads them from the broker's
// metadata, and alters the topic with CreatePartitions. One client per test file: both addons load
// a librdkafka.so.1, and a process that loads both runs the first one loaded for both.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Broker } from '../src/index';
import { startBroker, type TestBroker } from './helpers';
import { makePki } from '../src/testing/pki';
import {
  type LibrdkafkaError,
  type RdkafkaClient,
  type RdkafkaConfig,
  type RdkafkaConsumer,
  type RdkafkaHeaders,
  type RdkafkaMessage,
  type RdkafkaMetadata,
  type RdkafkaModule,
  type RdkafkaProducer,
} from './native-clients';
import {
  CODECS,
  CODEC_ID,
  committedOffsets,
  inPartition,
  storedRecords,
  testRecords,
  within,
  type TestRecord,
} from './real-client-helpers';

const TEST_TIMEOUT = 60_000;

/** Client settings every test uses; TARN_TEST_CLIENT_DEBUG=protocol,broker,... prints librdkafka's debug log. */
function baseConfig(tb: TestBroker, clientId: string): RdkafkaConfig {
  const conf: RdkafkaConfig = { 'bootstrap.servers': `127.0.0.1:${tb.port}`, 'client.id': clientId, 'socket.timeout.ms': 10_000 };
  if (process.env.TARN_TEST_CLIENT_DEBUG) conf.debug = process.env.TARN_TEST_CLIENT_DEBUG;
  return conf;
}

/** Creates clients, records their errors, and disconnects all of them at the end. */
class Clients {
  readonly errors: string[] = [];
  private readonly open: RdkafkaClient[] = [];
  constructor(private readonly kafka: RdkafkaModule) {}

  private watch<T extends RdkafkaClient>(client: T, name: string): T {
    client.on('event.error', (err: LibrdkafkaError) => this.errors.push(`${name}: ${err.code} ${err.message}`));
    if (process.env.TARN_TEST_CLIENT_DEBUG) client.on('event.log', (log) => console.error(`[${name}] ${log.fac} ${log.message}`));
    this.open.push(client);
    return client;
  }

  async producer(conf: RdkafkaConfig, name = 'producer'): Promise<RdkafkaProducer> {
    const p = this.watch(new this.kafka.Producer({ dr_cb: true, ...conf }), name);
    await connect(p, name);
    p.setPollInterval(10);
    return p;
  }

  async consumer(conf: RdkafkaConfig, name = 'consumer'): Promise<RdkafkaConsumer> {
    // auto.offset.reset is a topic property: in the global config it is lost once these clients
    // pass a topic config (they always do)
    const c = this.watch(new this.kafka.KafkaConsumer({ 'enable.auto.commit': false, ...conf }, { 'auto.offset.reset': 'earliest' }), name);
    await connect(c, name);
    c.setDefaultConsumeTimeout(100);
    return c;
  }

  async close(client: RdkafkaClient): Promise<void> {
    const i = this.open.indexOf(client);
    if (i >= 0) this.open.splice(i, 1);
    if (!client.isConnected()) return;
    await within(15_000, 'disconnect', new Promise<void>((resolve) => client.disconnect(() => resolve()))).catch(() => {});
  }

  async closeAll(): Promise<void> {
    for (const c of [...this.open].reverse()) await this.close(c);
  }
}

function connect(client: RdkafkaClient, name: string): Promise<RdkafkaMetadata> {
  return within(
    20_000,
    `${name} connecting`,
    new Promise((resolve, reject) =>
      client.connect({ timeout: 15_000 }, (err, md) =>
        err ? reject(new Error(`${name} could not connect: ${err.message} (${err.code})`)) : resolve(md),
      ),
    ),
  );
}

function metadata(client: RdkafkaClient, topic?: string): Promise<RdkafkaMetadata> {
  return new Promise((resolve, reject) =>
    client.getMetadata(topic === undefined ? { allTopics: true, timeout: 10_000 } : { topic, timeout: 10_000 }, (err, md) =>
      err ? reject(err) : resolve(md),
    ),
  );
}

function rdHeaders(r: TestRecord): RdkafkaHeaders {
  return r.headers.map(([k, v]) => ({ [k]: Buffer.from(v) }));
}

interface Delivered {
  topic: string;
  partition: number;
  offset: number;
  index: number;
}

/** Produces the records (explicit partitions) and waits for every delivery report. */
async function produceAll(producer: RdkafkaProducer, topic: string, records: TestRecord[]): Promise<Delivered[]> {
  const delivered: Delivered[] = [];
  const failures: string[] = [];
  const done = new Promise<void>((resolve) => {
    producer.on('delivery-report', (err, report) => {
      if (err) failures.push(`${err.code} ${err.message}`);
      else delivered.push({ topic: report.topic, partition: report.partition, offset: report.offset, index: report.opaque as number });
      if (delivered.length + failures.length === records.length) resolve();
    });
  });
  records.forEach((r, index) =>
    producer.produce(topic, r.partition, Buffer.from(r.value), r.key === null ? null : Buffer.from(r.key), null, index, rdHeaders(r)),
  );
  await within(
    30_000,
    `delivery reports for ${records.length} records to ${topic} (${delivered.length} delivered, failures: ${failures.slice(0, 3).join('; ')})`,
    done,
  );
  assert.deepEqual(failures, [], 'every record delivered');
  return delivered;
}

/** Polls until `count` messages arrived (or fails after `ms`). */
async function consumeN(consumer: RdkafkaConsumer, count: number, ms = 30_000): Promise<RdkafkaMessage[]> {
  const out: RdkafkaMessage[] = [];
  const deadline = Date.now() + ms;
  while (out.length < count) {
    if (Date.now() > deadline) throw new Error(`consumed ${out.length} of ${count} messages in ${ms} ms`);
    const batch = await new Promise<RdkafkaMessage[]>((resolve, reject) =>
      consumer.consume(Math.min(500, count - out.length), (err, msgs) => (err ? reject(err) : resolve(msgs))),
    );
    out.push(...batch);
  }
  return out;
}

/** What arrives within `ms` (for checking that nothing more does). */
async function consumeFor(consumer: RdkafkaConsumer, ms: number): Promise<RdkafkaMessage[]> {
  const out: RdkafkaMessage[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    out.push(
      ...(await new Promise<RdkafkaMessage[]>((resolve, reject) =>
        consumer.consume(100, (err, msgs) => (err ? reject(err) : resolve(msgs))),
      )),
    );
  }
  return out;
}

/** Keeps polling (librdkafka delivers callbacks such as offset.commit from its poll) until `done` settles. */
async function pollUntil<T>(consumer: RdkafkaConsumer, done: Promise<T>): Promise<T> {
  let settled = false;
  const result = done.finally(() => (settled = true));
  result.catch(() => {});
  while (!settled) await new Promise<void>((resolve) => consumer.consume(1, () => resolve()));
  return result;
}

const text = (b: Buffer | string | null | undefined): string | null => (b === null || b === undefined ? null : b.toString());

/** A consumed message in the shape of a TestRecord (header order kept). */
function asRecord(m: RdkafkaMessage): TestRecord {
  const headers: Array<[string, string]> = (m.headers ?? []).flatMap((h) =>
    Object.entries(h).map(([k, v]): [string, string] => [k, v.toString()]),
  );
  return { partition: m.partition, key: text(m.key), value: m.value?.toString() ?? '', headers };
}

async function createTopic(broker: Broker, name: string, partitions: number): Promise<void> {
  await broker.topicAdmin.createTopic({ name, numPartitions: partitions, replicationFactor: 1 });
}

/** Registers the suite for one client; `librdkafka` is the version its build must report (e.g. '2.12.'). */
export function librdkafkaSuite(clientName: string, load: () => RdkafkaModule, librdkafka: string): void {
  describe(clientName, () => {
    const kafka = load();
    const tag = clientName.replace(/[^a-z]/g, '').slice(0, 10);

    test(`${clientName} runs its own librdkafka ${librdkafka}x`, () => {
      assert.ok(kafka.librdkafkaVersion.startsWith(librdkafka), `librdkafka ${kafka.librdkafkaVersion}`);
    });

    test(
      `${clientName} (librdkafka ${kafka.librdkafkaVersion}): keys, headers and every codec, consumed back exactly`,
      { timeout: TEST_TIMEOUT },
      async () => {
        const tb = await startBroker();
        const clients = new Clients(kafka);
        try {
          const sent = new Map<string, TestRecord[]>();
          for (const codec of CODECS) {
            const topic = `${tag}-${codec}`;
            await createTopic(tb.broker, topic, 2);
            const records = testRecords(codec, 200, 2);
            sent.set(topic, records);
            const producer = await clients.producer(
              { ...baseConfig(tb, `${tag}-producer-${codec}`), 'compression.codec': codec, 'linger.ms': 20 },
              `producer-${codec}`,
            );
            const delivered = await produceAll(producer, topic, records);
            for (const p of [0, 1]) {
              assert.deepEqual(
                delivered
                  .filter((d) => d.partition === p)
                  .sort((a, b) => a.offset - b.offset)
                  .map((d) => d.index),
                records.flatMap((r, i) => (r.partition === p ? [i] : [])),
                `${codec}: partition ${p} holds the records in produce order`,
              );
            }
            await clients.close(producer);
            for (const p of [0, 1]) {
              const stored = storedRecords(tb.broker, topic, p);
              assert.deepEqual(
                stored.map((s) => s.value),
                inPartition(records, p).map((r) => r.value),
              );
              assert.deepEqual([...new Set(stored.map((s) => s.codec))], [CODEC_ID[codec]], `${codec}: stored ${codec}-compressed`);
            }
          }

          const consumer = await clients.consumer({ ...baseConfig(tb, `${tag}-reader`), 'group.id': `${tag}-codec-reader` });
          consumer.assign([...sent.keys()].flatMap((topic) => [0, 1].map((partition) => ({ topic, partition, offset: 0 }))));
          const total = [...sent.values()].reduce((n, r) => n + r.length, 0);
          const consumed = await consumeN(consumer, total);
          for (const [topic, records] of sent) {
            for (const p of [0, 1]) {
              const got = consumed.filter((m) => m.topic === topic && m.partition === p).sort((a, b) => a.offset - b.offset);
              assert.deepEqual(
                got.map((m) => m.offset),
                inPartition(records, p).map((_, i) => i),
                `${topic}/${p}: offsets 0..n, each once`,
              );
              assert.deepEqual(got.map(asRecord), inPartition(records, p), `${topic}/${p}: keys, values and headers as produced`);
            }
          }
          assert.equal((await consumeFor(consumer, 300)).length, 0, 'nothing more');
          assert.deepEqual(clients.errors, []);
        } finally {
          await clients.closeAll();
          await tb.stop();
        }
      },
    );

    test(`${clientName}: SCRAM-SHA-512 over SASL_SSL, produced and consumed back`, { timeout: TEST_TIMEOUT }, async () => {
      const pki = makePki();
      const tb = await startBroker({
        listeners: 'SASL_SSL://127.0.0.1:0',
        'ssl.keystore.location': pki.serverKeystore,
        'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
        'scram.bootstrap.users': 'SCRAM-SHA-512=[name=app,password=app-secret]',
      });
      const clients = new Clients(kafka);
      const secure = {
        'security.protocol': 'sasl_ssl',
        'sasl.mechanisms': 'SCRAM-SHA-512',
        'sasl.username': 'app',
        'sasl.password': 'app-secret',
        'ssl.ca.location': pki.caFile,
      };
      const topic = `${tag}-scram`;
      try {
        await createTopic(tb.broker, topic, 1);
        const records = testRecords('scram', 50, 1);
        const producer = await clients.producer({ ...baseConfig(tb, `${tag}-scram-producer`), ...secure });
        await produceAll(producer, topic, records);
        await clients.close(producer);
        const consumer = await clients.consumer({ ...baseConfig(tb, `${tag}-scram-reader`), ...secure, 'group.id': `${tag}-scram-reader` });
        consumer.assign([{ topic, partition: 0, offset: 0 }]);
        const consumed = await consumeN(consumer, records.length);
        assert.deepEqual(
          consumed.map((m) => m.value?.toString()),
          records.map((r) => r.value),
        );
        assert.deepEqual(clients.errors, []);
      } finally {
        await clients.closeAll();
        await tb.stop();
      }
    });

    test(
      `${clientName}: a group commits, the broker restarts, and a new member resumes at the committed offsets`,
      { timeout: TEST_TIMEOUT },
      async () => {
        let tb = await startBroker();
        const logDir = tb.logDir;
        const clients = new Clients(kafka);
        const topic = `${tag}-resume`;
        const group = `${tag}-resume-group`;
        try {
          await createTopic(tb.broker, topic, 2);
          const records = testRecords('resume', 60, 2);
          const producer = await clients.producer(baseConfig(tb, `${tag}-resume-producer`));
          await produceAll(producer, topic, records);
          await clients.close(producer);

          const groupConf = { 'group.id': group, 'session.timeout.ms': 6000, 'heartbeat.interval.ms': 500 };
          const first = await clients.consumer({ ...baseConfig(tb, `${tag}-member-1`), ...groupConf, offset_commit_cb: true }, 'member-1');
          first.subscribe([topic]);
          // librdkafka prefetches: the first 25 messages handed over are the ones processed; commit
          // exactly those (one past the last processed offset of each partition).
          const processed = (await consumeN(first, 25)).slice(0, 25);
          const commit = new Map<number, number>();
          for (const m of processed) commit.set(m.partition, Math.max(commit.get(m.partition) ?? 0, m.offset + 1));
          // commit() and its offset.commit event (delivered while the consumer polls), never
          // commitSync: that blocks the event loop, which this broker shares
          const committed = new Promise<void>((resolve, reject) =>
            first.on('offset.commit', (err) => (err ? reject(new Error(`commit failed: ${err.message} (${err.code})`)) : resolve())),
          );
          first.commit([...commit].map(([partition, offset]) => ({ topic, partition, offset })));
          await pollUntil(first, within(10_000, 'the commit', committed));
          const seenByClient = await new Promise<Array<{ partition: number; offset: number }>>((resolve, reject) =>
            first.committed(
              [0, 1].map((partition) => ({ topic, partition })),
              10_000,
              (err, tps) => (err ? reject(err) : resolve(tps)),
            ),
          );
          for (const [p, o] of commit)
            assert.equal(seenByClient.find((t) => t.partition === p)?.offset, o, `the client reads back its commit for partition ${p}`);
          assert.deepEqual([...committedOffsets(tb.broker, group, topic)].sort(), [...commit].sort(), 'the coordinator has the commit');
          await clients.close(first);

          await tb.stop();
          tb = await startBroker({}, logDir);
          assert.deepEqual([...committedOffsets(tb.broker, group, topic)].sort(), [...commit].sort(), 'the commit survived the restart');

          const second = await clients.consumer({ ...baseConfig(tb, `${tag}-member-2`), ...groupConf }, 'member-2');
          second.subscribe([topic]);
          const rest = await consumeN(second, records.length - processed.length);
          rest.push(...(await consumeFor(second, 500)));
          for (const p of [0, 1]) {
            const from = commit.get(p) ?? 0;
            const got = rest.filter((m) => m.partition === p).sort((a, b) => a.offset - b.offset);
            assert.deepEqual(
              got.map((m) => m.offset),
              inPartition(records, p)
                .map((_, i) => i)
                .slice(from),
              `partition ${p}: resumed at ${from}, nothing re-read or skipped`,
            );
            assert.deepEqual(got.map(asRecord), inPartition(records, p).slice(from));
          }
          assert.deepEqual(clients.errors, []);
        } finally {
          await clients.closeAll();
          await tb.stop();
        }
      },
    );

    test(`${clientName}: create a topic with a config, describe it, add partitions, delete it`, { timeout: TEST_TIMEOUT }, async () => {
      const tb = await startBroker();
      const clients = new Clients(kafka);
      const admin = kafka.AdminClient.create(baseConfig(tb, `${tag}-admin`));
      const topic = `${tag}-admin-topic`;
      const call = (what: string, f: (cb: (err: LibrdkafkaError | null | undefined) => void) => void) =>
        within(
          20_000,
          what,
          new Promise<void>((resolve, reject) =>
            f((err) => (err ? reject(new Error(`${what}: ${err.message} (${err.code})`)) : resolve())),
          ),
        );
      try {
        await call('createTopic', (cb) =>
          admin.createTopic(
            { topic, num_partitions: 3, replication_factor: 1, config: { 'retention.ms': '3600000', 'cleanup.policy': 'compact' } },
            15_000,
            cb,
          ),
        );
        const conf = tb.broker.metadata.topic(topic)?.configs;
        assert.equal(conf?.['retention.ms'], '3600000');
        assert.equal(conf?.['cleanup.policy'], 'compact');

        const producer = await clients.producer(baseConfig(tb, `${tag}-admin-md`));
        const described = (await metadata(producer, topic)).topics.find((t) => t.name === topic);
        assert.deepEqual(described?.partitions.map((p) => p.id).sort(), [0, 1, 2]);
        const nodeId = tb.broker.liveBrokers()[0]?.nodeId;
        assert.ok(
          described?.partitions.every((p) => p.leader === nodeId && p.replicas.length === 1),
          'every partition led by the broker',
        );

        await call('createPartitions', (cb) => admin.createPartitions(topic, 5, 15_000, cb));
        assert.deepEqual(
          (await metadata(producer, topic)).topics
            .find((t) => t.name === topic)
            ?.partitions.map((p) => p.id)
            .sort(),
          [0, 1, 2, 3, 4],
        );

        await assert.rejects(
          call('createTopic again', (cb) => admin.createTopic({ topic, num_partitions: 1, replication_factor: 1 }, 15_000, cb)),
          /already exists/i,
        );

        await call('deleteTopic', (cb) => admin.deleteTopic(topic, 15_000, cb));
        assert.equal(tb.broker.metadata.topic(topic), undefined);
        assert.ok(!(await metadata(producer, undefined)).topics.some((t) => t.name === topic), 'gone from the cluster metadata');
        assert.deepEqual(clients.errors, []);
      } finally {
        admin.disconnect();
        await clients.closeAll();
        await tb.stop();
      }
    });

    test(`${clientName}: an idempotent acks=all producer writes 3000 records once each, in order`, { timeout: TEST_TIMEOUT }, async () => {
      const tb = await startBroker();
      const clients = new Clients(kafka);
      const topic = `${tag}-idempotent`;
      try {
        await createTopic(tb.broker, topic, 1);
        const records = Array.from({ length: 3000 }, (_, i): TestRecord => ({
          partition: 0,
          key: `k${i % 7}`,
          value: `idempotent-${String(i).padStart(5, '0')}`,
          headers: [],
        }));
        const producer = await clients.producer({
          ...baseConfig(tb, `${tag}-idempotent`),
          'enable.idempotence': true,
          acks: 'all',
          'linger.ms': 5,
          'batch.num.messages': 200,
        });
        const delivered = await produceAll(producer, topic, records);
        assert.deepEqual(
          delivered.sort((a, b) => a.offset - b.offset).map((d) => [d.offset, d.index]),
          records.map((_, i) => [i, i]),
          'record i at offset i',
        );
        await clients.close(producer);

        const stored = storedRecords(tb.broker, topic, 0);
        assert.deepEqual(
          stored.map((s) => s.value),
          records.map((r) => r.value),
          'stored once each, in order',
        );
        assert.ok(
          stored.every((s) => s.producerId >= 0),
          'written as an idempotent producer (batches carry a producer id)',
        );
        assert.equal(new Set(stored.map((s) => s.producerId)).size, 1);

        const consumer = await clients.consumer({ ...baseConfig(tb, `${tag}-idempotent-reader`), 'group.id': `${tag}-idempotent-reader` });
        consumer.assign([{ topic, partition: 0, offset: 0 }]);
        const consumed = await consumeN(consumer, records.length);
        consumed.push(...(await consumeFor(consumer, 300)));
        assert.deepEqual(
          consumed.map((m) => m.offset),
          records.map((_, i) => i),
        );
        assert.deepEqual(
          consumed.map((m) => [text(m.key), m.value?.toString()]),
          records.map((r) => [r.key, r.value]),
        );
        assert.deepEqual(clients.errors, []);
      } finally {
        await clients.closeAll();
        await tb.stop();
      }
    });
  });
}
