// @platformatic/kafka (1.x, pure JavaScript, installed by scripts/setup-clients) against tarn. It
// implements only recent API versions (FindCoordinator >= 4, OffsetFetch >= 8, DeleteTopics >= 6,
// ...) and refuses a broker that lacks them. Every codec with keys and headers, a consumer group
// that commits, survives a broker restart and resumes, topic administration including configs, and
// an idempotent producer. Headers are a Map in this client, so no repeated header names here. The
// client compresses zstd with zlib's zstd (Node >= 22.15); on an older Node the test gives it the
// zstd binding that tarn's protocol package uses (zstd-napi), as a newer Node's zlib would.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startBroker, type TestBroker } from './helpers';
import {
  loadPlatformaticKafka,
  type PlatformaticConsumer,
  type PlatformaticMessage,
  type PlatformaticMessagesStream,
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
const kafka = await loadPlatformaticKafka();

if (!kafka.compressionsAlgorithms.zstd.available) {
  const zstd = createRequire(createRequire(import.meta.url).resolve('@tarn/protocol'))('zstd-napi') as {
    compress(data: Buffer): Buffer;
    decompress(data: Buffer): Buffer;
  };
  const bytes = (data: Buffer | { buffer: Buffer }): Buffer => (Buffer.isBuffer(data) ? data : data.buffer);
  Object.assign(kafka.compressionsAlgorithms.zstd, {
    available: true,
    compressSync: (d: Buffer | { buffer: Buffer }) => zstd.compress(bytes(d)),
    decompressSync: (d: Buffer | { buffer: Buffer }) => zstd.decompress(bytes(d)),
  });
}

function base(tb: TestBroker, clientId: string) {
  return { clientId, bootstrapBrokers: [`127.0.0.1:${tb.port}`], timeout: 10_000, retries: 3, retryDelay: 250 };
}

function producer(tb: TestBroker, clientId: string, extra: { idempotent?: boolean; acks?: number } = {}) {
  return new kafka.Producer({ ...base(tb, clientId), serializers: kafka.stringSerializers, ...extra });
}

function consumer(tb: TestBroker, clientId: string, groupId: string): PlatformaticConsumer {
  return new kafka.Consumer({
    ...base(tb, clientId),
    groupId,
    deserializers: kafka.stringDeserializers,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
    maxWaitTime: 200,
  });
}

function toMessage(topic: string, r: TestRecord) {
  return { topic, partition: r.partition, ...(r.key === null ? {} : { key: r.key }), value: r.value, headers: new Map(r.headers) };
}

/** A consumed message in the shape of a TestRecord. */
function asRecord(m: PlatformaticMessage): TestRecord {
  return { partition: m.partition, key: m.key ?? null, value: m.value, headers: [...m.headers] };
}

/** Everything a stream delivers from now on (one listener for the stream's life: nothing is missed). */
function collect(stream: PlatformaticMessagesStream) {
  const messages: PlatformaticMessage[] = [];
  const failed: { error: Error | null } = { error: null };
  stream.on('data', (m) => messages.push(m));
  stream.on('error', (err) => (failed.error = err));
  return {
    messages,
    /** Waits until at least `count` messages arrived. */
    async waitFor(count: number, ms = 30_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (messages.length < count) {
        if (failed.error !== null) throw failed.error;
        if (Date.now() > deadline) throw new Error(`received ${messages.length} of ${count} messages in ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function closeQuietly(...closers: Array<{ close(): Promise<void> } | undefined>): Promise<void> {
  for (const c of closers) {
    if (c === undefined) continue;
    await within(10_000, 'close', c.close()).catch(() => {});
  }
}

describe(`@platformatic/kafka ${kafka.version ?? ''}`.trim(), () => {
  for (const codec of CODECS) {
    test(`@platformatic/kafka: keys, headers and ${codec}, consumed back exactly`, { timeout: TEST_TIMEOUT }, async () => {
      const tb = await startBroker();
      const topic = `pk-${codec}`;
      const p = producer(tb, `pk-producer-${codec}`);
      let c: PlatformaticConsumer | undefined;
      let stream: PlatformaticMessagesStream | undefined;
      try {
        await tb.broker.topicAdmin.createTopic({ name: topic, numPartitions: 2, replicationFactor: 1 });
        const records = testRecords(codec, 200, 2, { duplicateHeaders: false });
        // in sends of 50, so that each batch is big enough to compress
        for (let i = 0; i < records.length; i += 50) {
          await p.send({ messages: records.slice(i, i + 50).map((r) => toMessage(topic, r)), compression: codec });
        }
        for (const part of [0, 1]) {
          const stored = storedRecords(tb.broker, topic, part);
          assert.deepEqual(
            stored.map((s) => [s.key, s.value]),
            inPartition(records, part).map((r) => [r.key, r.value]),
            `partition ${part} in produce order`,
          );
          assert.deepEqual([...new Set(stored.map((s) => s.codec))], [CODEC_ID[codec]], `stored ${codec}-compressed`);
        }

        c = consumer(tb, `pk-reader-${codec}`, `pk-reader-${codec}`);
        stream = await c.consume({ topics: [topic], mode: 'earliest', autocommit: false });
        const received = collect(stream);
        await received.waitFor(records.length);
        await settle(300); // and nothing more
        for (const part of [0, 1]) {
          const got = received.messages.filter((m) => m.partition === part).sort((a, b) => Number(a.offset - b.offset));
          assert.deepEqual(
            got.map((m) => Number(m.offset)),
            inPartition(records, part).map((_, i) => i),
            `partition ${part}: offsets 0..n, each once`,
          );
          assert.deepEqual(got.map(asRecord), inPartition(records, part), `partition ${part}: keys, values and headers as produced`);
        }
      } finally {
        await closeQuietly(stream, c, p);
        await tb.stop();
      }
    });
  }

  test(
    '@platformatic/kafka: a group commits, the broker restarts, and a new member resumes at the committed offsets',
    { timeout: TEST_TIMEOUT },
    async () => {
      let tb = await startBroker();
      const logDir = tb.logDir;
      const topic = 'pk-resume';
      const group = 'pk-resume-group';
      const p = producer(tb, 'pk-resume-producer');
      let first: PlatformaticConsumer | undefined;
      let second: PlatformaticConsumer | undefined;
      let stream: PlatformaticMessagesStream | undefined;
      try {
        await tb.broker.topicAdmin.createTopic({ name: topic, numPartitions: 2, replicationFactor: 1 });
        const records = testRecords('resume', 60, 2, { duplicateHeaders: false });
        await p.send({ messages: records.map((r) => toMessage(topic, r)) });
        await closeQuietly(p);

        first = consumer(tb, 'pk-member-1', group);
        stream = await first.consume({ topics: [topic], mode: 'committed', fallbackMode: 'earliest', autocommit: false });
        const firstReceived = collect(stream);
        await firstReceived.waitFor(25);
        const processed = firstReceived.messages.slice(0, 25);
        // commit the last processed message of each partition (its offset + 1)
        const last = new Map<number, PlatformaticMessage>();
        for (const m of processed) if ((last.get(m.partition)?.offset ?? -1n) < m.offset) last.set(m.partition, m);
        for (const m of last.values()) await m.commit();
        const commit = new Map([...last].map(([part, m]) => [part, Number(m.offset) + 1]));
        const listed = await first.listCommittedOffsets({ topics: [{ topic, partitions: [0, 1] }] });
        for (const [part, o] of commit)
          assert.equal(Number(listed.get(topic)?.[part]), o, `the client reads back its commit for partition ${part}`);
        assert.deepEqual([...committedOffsets(tb.broker, group, topic)].sort(), [...commit].sort(), 'the coordinator has the commit');
        await closeQuietly(stream, first);
        stream = undefined;
        first = undefined;

        await tb.stop();
        tb = await startBroker({}, logDir);
        assert.deepEqual([...committedOffsets(tb.broker, group, topic)].sort(), [...commit].sort(), 'the commit survived the restart');

        second = consumer(tb, 'pk-member-2', group);
        stream = await second.consume({ topics: [topic], mode: 'committed', fallbackMode: 'earliest', autocommit: false });
        const rest = collect(stream);
        await rest.waitFor(records.length - processed.length);
        await settle(500); // and nothing more
        for (const part of [0, 1]) {
          const from = commit.get(part) ?? 0;
          const got = rest.messages.filter((m) => m.partition === part).sort((a, b) => Number(a.offset - b.offset));
          assert.deepEqual(
            got.map((m) => Number(m.offset)),
            inPartition(records, part)
              .map((_, i) => i)
              .slice(from),
            `partition ${part}: resumed at ${from}, nothing re-read or skipped`,
          );
          assert.deepEqual(got.map(asRecord), inPartition(records, part).slice(from));
        }
      } finally {
        await closeQuietly(stream, first, second, p);
        await tb.stop();
      }
    },
  );

  test(
    '@platformatic/kafka: create a topic, describe it, alter and describe its configs, add partitions, delete it',
    { timeout: TEST_TIMEOUT },
    async () => {
      const tb = await startBroker();
      const admin = new kafka.Admin(base(tb, 'pk-admin'));
      const topic = 'pk-admin-topic';
      const TOPIC = kafka.ConfigResourceTypes.TOPIC;
      const describeConfig = async (name: string) =>
        (
          await admin.describeConfigs({ resources: [{ resourceType: TOPIC, resourceName: topic, configurationKeys: [name] }] })
        )[0]?.configs.find((c) => c.name === name)?.value;
      try {
        const created = await admin.createTopics({
          topics: [topic],
          partitions: 3,
          replicas: 1,
          configs: [{ name: 'retention.ms', value: '3600000' }],
        });
        assert.equal(created[0]?.name, topic);
        assert.equal(created[0]?.partitions, 3);
        assert.ok((await admin.listTopics()).includes(topic));

        const md = await admin.metadata({ topics: [topic], forceUpdate: true });
        const described = md.topics.get(topic);
        assert.equal(described?.partitionsCount, 3);
        const nodeId = tb.broker.liveBrokers()[0]?.nodeId;
        assert.ok(
          described?.partitions.every((p) => p.leader === nodeId && p.isr.length === 1),
          'every partition led by the broker, in sync',
        );

        assert.equal(await describeConfig('retention.ms'), '3600000');
        await admin.alterConfigs({
          resources: [{ resourceType: TOPIC, resourceName: topic, configs: [{ name: 'retention.ms', value: '7200000' }] }],
        });
        assert.equal(await describeConfig('retention.ms'), '7200000');
        await admin.incrementalAlterConfigs({
          resources: [
            {
              resourceType: TOPIC,
              resourceName: topic,
              configs: [{ name: 'segment.bytes', configOperation: kafka.IncrementalAlterConfigOperationTypes.SET, value: '1048576' }],
            },
          ],
        });
        assert.equal(await describeConfig('segment.bytes'), '1048576');
        assert.equal(await describeConfig('retention.ms'), '7200000', 'an incremental alter keeps the other overrides');
        assert.deepEqual(tb.broker.metadata.topic(topic)?.configs, { 'retention.ms': '7200000', 'segment.bytes': '1048576' });

        await admin.createPartitions({ topics: [{ name: topic, count: 5, assignments: null }] });
        assert.equal((await admin.metadata({ topics: [topic], forceUpdate: true })).topics.get(topic)?.partitionsCount, 5);

        await admin.deleteTopics({ topics: [topic] });
        assert.equal(tb.broker.metadata.topic(topic), undefined);
        assert.ok(!(await admin.listTopics()).includes(topic));
      } finally {
        await closeQuietly(admin);
        await tb.stop();
      }
    },
  );

  test(
    '@platformatic/kafka: an idempotent acks=all producer writes 3000 records once each, in order',
    { timeout: TEST_TIMEOUT },
    async () => {
      const tb = await startBroker();
      const topic = 'pk-idempotent';
      const p = producer(tb, 'pk-idempotent', { idempotent: true, acks: kafka.ProduceAcks.ALL });
      let c: PlatformaticConsumer | undefined;
      let stream: PlatformaticMessagesStream | undefined;
      try {
        await tb.broker.topicAdmin.createTopic({ name: topic, numPartitions: 1, replicationFactor: 1 });
        const values = Array.from({ length: 3000 }, (_, i) => `idempotent-${String(i).padStart(5, '0')}`);
        // 30 sends of 100 records, one after another: @platformatic/kafka 1.x takes a partition's next
        // sequence number only when a send's response arrives, so sends in flight together carry the
        // same sequence numbers, and a broker (Kafka's and tarn's alike) keeps only the first of them
        // as a duplicate.
        const results = [];
        for (let s = 0; s < 30; s++) {
          results.push(
            await p.send({
              messages: values
                .slice(s * 100, s * 100 + 100)
                .map((value, i) => ({ topic, partition: 0, key: `k${(s * 100 + i) % 7}`, value })),
            }),
          );
        }
        const firstOffsets = results.map((r) => Number(r.offsets?.find((o) => o.topic === topic)?.offset ?? -1));
        assert.deepEqual(
          firstOffsets,
          Array.from({ length: 30 }, (_, s) => s * 100),
          'send s starts at offset 100·s',
        );

        const stored = storedRecords(tb.broker, topic, 0);
        assert.deepEqual(
          stored.map((s) => s.value),
          values,
          'stored once each, in order',
        );
        assert.ok(
          stored.every((s) => s.producerId >= 0),
          'written as an idempotent producer (batches carry a producer id)',
        );
        assert.equal(new Set(stored.map((s) => s.producerId)).size, 1);

        c = consumer(tb, 'pk-idempotent-reader', 'pk-idempotent-reader');
        stream = await c.consume({ topics: [topic], mode: 'earliest', autocommit: false });
        const consumed = collect(stream);
        await consumed.waitFor(values.length);
        await settle(300); // and nothing more
        assert.deepEqual(
          consumed.messages.map((m) => Number(m.offset)),
          values.map((_, i) => i),
        );
        assert.deepEqual(
          consumed.messages.map((m) => m.value),
          values,
        );
      } finally {
        await closeQuietly(stream, c, p);
        await tb.stop();
      }
    },
  );
});
