// @confluentinc/kafka-javascript 1.10 (librdkafka 2.15, built from source by scripts/setup-clients
// with CKJS_LINKING=dynamic) against tarn: the suite in librdkafka-suite.ts through its
// node-rdkafka-compatible API, and the same client's KafkaJS-compatible API (promises, eachMessage,
// headers as objects), the API its own documentation leads with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker } from './helpers';
import { librdkafkaSuite } from './librdkafka-suite';
import { loadConfluentKafkaJS, loadConfluentKafkaJavascript, type KafkaJSMessage } from './native-clients';
import { committedOffsets, eventually, inPartition, storedRecords, testRecords, within, type TestRecord } from './real-client-helpers';

librdkafkaSuite('@confluentinc/kafka-javascript', loadConfluentKafkaJavascript, '2.15.');

test(
  '@confluentinc/kafka-javascript KafkaJS API: admin, zstd with keys and headers, a group that consumes and commits',
  { timeout: 60_000 },
  async () => {
    const { Kafka, CompressionTypes, logLevel } = loadConfluentKafkaJS();
    const tb = await startBroker();
    const kafka = new Kafka({
      kafkaJS: {
        brokers: [`127.0.0.1:${tb.port}`],
        clientId: 'ckjs-kafkajs',
        logLevel: process.env.TARN_TEST_CLIENT_DEBUG ? logLevel.DEBUG : logLevel.NOTHING,
      },
    });
    const admin = kafka.admin();
    const producer = kafka.producer({ kafkaJS: { compression: CompressionTypes.ZSTD } });
    const consumer = kafka.consumer({
      kafkaJS: { groupId: 'ckjs-kafkajs-group', fromBeginning: true, autoCommit: false, sessionTimeout: 6000 },
    });
    const topic = 'ckjs-kafkajs';
    try {
      await admin.connect();
      assert.equal(
        await admin.createTopics({ topics: [{ topic, numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }] }] }),
        true,
      );
      const [described] = await admin.fetchTopicMetadata({ topics: [topic] });
      assert.deepEqual(described?.partitions.map((p) => p.partitionId).sort(), [0, 1]);
      assert.equal(tb.broker.metadata.topic(topic)?.configs['retention.ms'], '3600000');

      const records = testRecords('kafkajs', 100, 2);
      await producer.connect();
      // headers as KafkaJS has them: an object, a repeated header as an array of values
      const headersOf = (r: TestRecord) => {
        const h: Record<string, string | string[]> = {};
        for (const [k, v] of r.headers) {
          const prev = h[k];
          h[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
        }
        return h;
      };
      await producer.send({
        topic,
        messages: records.map((r) => ({ key: r.key, value: r.value, partition: r.partition, headers: headersOf(r) })),
      });
      for (const p of [0, 1]) {
        const stored = storedRecords(tb.broker, topic, p);
        assert.deepEqual(
          stored.map((s) => s.value),
          inPartition(records, p).map((r) => r.value),
        );
        assert.deepEqual([...new Set(stored.map((s) => s.codec))], [4], 'stored zstd-compressed');
      }

      await consumer.connect();
      await consumer.subscribe({ topics: [topic] });
      const got: Array<{ partition: number; message: KafkaJSMessage }> = [];
      await within(
        30_000,
        'consuming 100 records',
        new Promise<void>((resolve, reject) => {
          consumer
            .run({
              eachMessage: async ({ partition, message }) => {
                got.push({ partition, message });
                if (got.length === records.length) resolve();
              },
            })
            .catch(reject);
        }),
      );
      const flat = (h: KafkaJSMessage['headers']) =>
        Object.entries(h ?? {}).flatMap(([k, v]) =>
          (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x): [string, string] => [k, x.toString()]),
        );
      for (const p of [0, 1]) {
        const mine = got.filter((g) => g.partition === p);
        assert.deepEqual(
          mine.map((g) => Number(g.message.offset)),
          inPartition(records, p).map((_, i) => i),
          `partition ${p}: each offset once, in order`,
        );
        // the KafkaJS API groups a repeated header into an array, so compare per name, in order
        const sortByName = (hs: Array<[string, string]>) => [...hs].sort((a, b) => a[0].localeCompare(b[0]));
        assert.deepEqual(
          mine.map((g) => ({
            key: g.message.key?.toString() ?? null,
            value: g.message.value?.toString(),
            headers: sortByName(flat(g.message.headers)),
          })),
          inPartition(records, p).map((r) => ({ key: r.key, value: r.value, headers: sortByName(r.headers) })),
        );
      }
      await consumer.commitOffsets(
        [0, 1].map((partition) => ({ topic, partition, offset: String(inPartition(records, partition).length) })),
      );
      // commitOffsets resolves once librdkafka has queued the commit (commitAsync), not when the
      // broker has answered: wait for the coordinator to have it
      await eventually(10_000, 'the commit reaches the coordinator', () => {
        assert.deepEqual([...committedOffsets(tb.broker, 'ckjs-kafkajs-group', topic)].sort(), [
          [0, 50],
          [1, 50],
        ]);
      });
      const fetched = await admin.fetchOffsets({ groupId: 'ckjs-kafkajs-group', topics: [topic] });
      assert.deepEqual(fetched[0]?.partitions.map((p) => [p.partition, p.offset]).sort(), [
        [0, '50'],
        [1, '50'],
      ]);
      await consumer.disconnect();

      await admin.deleteTopics({ topics: [topic] });
      assert.equal(tb.broker.metadata.topic(topic), undefined);
    } finally {
      for (const c of [consumer, producer, admin]) await within(10_000, 'disconnect', c.disconnect()).catch(() => {});
      await tb.stop();
    }
  },
);
