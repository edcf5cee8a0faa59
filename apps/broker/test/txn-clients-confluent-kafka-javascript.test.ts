// @confluentinc/kafka-javascript 1.10 (librdkafka 2.15, built from source by scripts/setup-clients)
// transactions against tarn: the suite in txn-clients-suite.ts through its node-rdkafka-compatible
// API, and its KafkaJS-compatible API (transaction(), send, sendOffsets with a consumer, commit,
// abort; consumers with readUncommitted false and true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker } from './helpers';
import { loadConfluentKafkaJS, loadConfluentKafkaJavascript, type KafkaJSAdmin, type KafkaJSMessage } from './native-clients';
import { within } from './real-client-helpers';
import {
  TXN_BROKER,
  allRecords,
  assertInputConsumed,
  assertPerPartition,
  committedRecords,
  markersIn,
  transformInput,
  transformed,
  txnLibrdkafkaSuite,
  txnPlan,
  type Consumed,
  type TxnRecord,
} from './txn-clients-suite';

txnLibrdkafkaSuite('@confluentinc/kafka-javascript', loadConfluentKafkaJavascript, '2.15.');

// The part of the KafkaJS-compatible API these tests use beyond native-clients.ts's declarations.
interface Txn {
  send(record: { topic: string; messages: Array<{ key: string | null; value: string; partition: number }> }): Promise<unknown>;
  sendOffsets(arg: {
    consumer: KjsConsumer;
    topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;
  }): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}
interface KjsProducer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  transaction(): Promise<Txn>;
}
interface KjsConsumer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  subscribe(subscription: { topics: string[] }): Promise<void>;
  run(config: { eachMessage: (payload: { topic: string; partition: number; message: KafkaJSMessage }) => Promise<void> }): Promise<void>;
}
interface KjsKafka {
  admin(): KafkaJSAdmin;
  producer(config: { kafkaJS: { transactionalId: string; idempotent: boolean } }): KjsProducer;
  consumer(config: {
    kafkaJS: { groupId: string; fromBeginning: boolean; autoCommit: boolean; readUncommitted: boolean; maxWaitTimeInMs?: number };
  }): KjsConsumer;
}

function kafkaJS(port: number): KjsKafka {
  const { Kafka, logLevel } = loadConfluentKafkaJS();
  const level = process.env.TARN_TEST_CLIENT_DEBUG ? logLevel.DEBUG : logLevel.NOTHING;
  return new Kafka({ kafkaJS: { brokers: [`127.0.0.1:${port}`], clientId: 'ckjs-kjs-txn', logLevel: level } }) as unknown as KjsKafka;
}

/** A consumer of the topic (its own group, from the beginning) collecting what it gets. */
async function collect(kafka: KjsKafka, topic: string, readUncommitted: boolean, into: Consumed[]): Promise<KjsConsumer> {
  const consumer = kafka.consumer({
    kafkaJS: {
      groupId: `${topic}-${readUncommitted ? 'ru' : 'rc'}`,
      fromBeginning: true,
      autoCommit: false,
      readUncommitted,
      maxWaitTimeInMs: 100,
    },
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic] });
  void consumer.run({
    eachMessage: async ({ partition, message }) =>
      void into.push([partition, Number(message.offset), message.key?.toString() ?? null, message.value?.toString() ?? '']),
  });
  return consumer;
}

async function settle(got: Consumed[], expected: number, what: string): Promise<Consumed[]> {
  await within(
    30_000,
    `${what}: ${expected} records`,
    (async () => {
      while (got.length < expected) await new Promise((r) => setTimeout(r, 50));
    })(),
  );
  await new Promise((r) => setTimeout(r, 700)); // and nothing more
  return got;
}

const send = (txn: Txn, topic: string, records: TxnRecord[]) =>
  txn.send({ topic, messages: records.map((r) => ({ key: r.key, value: r.value, partition: r.partition })) });

test(
  '@confluentinc/kafka-javascript KafkaJS API: transactions committed and aborted; readUncommitted false sees the committed records only',
  { timeout: 90_000 },
  async () => {
    const tb = await startBroker(TXN_BROKER);
    const kafka = kafkaJS(tb.port);
    const topic = 'ckjs-kjs-txn';
    await tb.broker.topicAdmin.createTopic({ name: topic, numPartitions: 3, replicationFactor: 1 });
    const producer = kafka.producer({ kafkaJS: { transactionalId: 'ckjs-kjs-app', idempotent: true } });
    const consumers: KjsConsumer[] = [];
    try {
      await producer.connect();
      const plan = txnPlan('kjs', 3);
      for (const planned of plan) {
        const txn = await producer.transaction();
        await send(txn, topic, planned.records); // resolves on the delivery reports: the records are in the log
        await (planned.commit ? txn.commit() : txn.abort());
      }
      const [rc, ru] = [[], []] as [Consumed[], Consumed[]];
      consumers.push(await collect(kafka, topic, false, rc), await collect(kafka, topic, true, ru));
      assertPerPartition(await settle(rc, committedRecords(plan).length, 'read_committed'), committedRecords(plan), 3, 'read_committed');
      assertPerPartition(await settle(ru, allRecords(plan).length, 'read_uncommitted'), allRecords(plan), 3, 'read_uncommitted');
      for (let p = 0; p < 3; p++) {
        const wrote = (commit: boolean) => plan.filter((t) => t.commit === commit && t.records.some((r) => r.partition === p)).length;
        assert.deepEqual(markersIn(tb.broker, topic, p), { commit: wrote(true), abort: wrote(false) });
      }
    } finally {
      for (const c of consumers) await c.disconnect();
      await producer.disconnect();
      await tb.stop();
    }
  },
);

test(
  '@confluentinc/kafka-javascript KafkaJS API: consume-transform-produce with sendOffsets, a transaction aborted and the message redelivered',
  { timeout: 90_000 },
  async () => {
    const tb = await startBroker(TXN_BROKER);
    const kafka = kafkaJS(tb.port);
    const [inTopic, outTopic, group] = ['ckjs-kjs-in', 'ckjs-kjs-out', 'ckjs-kjs-transformer'];
    for (const name of [inTopic, outTopic]) await tb.broker.topicAdmin.createTopic({ name, numPartitions: 2, replicationFactor: 1 });
    const writer = kafka.producer({ kafkaJS: { transactionalId: 'ckjs-kjs-in-writer', idempotent: true } });
    const producer = kafka.producer({ kafkaJS: { transactionalId: 'ckjs-kjs-transformer-txn', idempotent: true } });
    const consumer = kafka.consumer({
      kafkaJS: { groupId: group, fromBeginning: true, autoCommit: false, readUncommitted: false, maxWaitTimeInMs: 100 },
    });
    const readers: KjsConsumer[] = [];
    try {
      const input = transformInput(20, 2);
      await writer.connect();
      const load = await writer.transaction();
      await send(load, inTopic, input);
      await load.commit();
      await writer.disconnect();

      await producer.connect();
      await consumer.connect();
      await consumer.subscribe({ topics: [inTopic] });
      const failAt = 'input-7';
      const seen: string[] = [];
      let done = 0;
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const value = message.value!.toString();
          seen.push(value);
          const txn = await producer.transaction();
          await send(txn, outTopic, [{ partition, key: message.key?.toString() ?? null, value: value.toUpperCase() }]);
          const offset = String(Number(message.offset) + 1);
          await txn.sendOffsets({ consumer, topics: [{ topic: inTopic, partitions: [{ partition, offset }] }] });
          if (value === failAt && seen.filter((v) => v === failAt).length === 1) {
            await txn.abort();
            throw new Error('processing failed halfway'); // the consumer seeks back: the message comes again
          }
          await txn.commit();
          done++;
        },
      });
      await within(
        40_000,
        'every input record transformed',
        (async () => {
          while (done < input.length) await new Promise((r) => setTimeout(r, 50));
        })(),
      );
      assert.equal(seen.filter((v) => v === failAt).length, 2, 'the failed message was delivered again');
      await consumer.disconnect();

      const expected = transformed(input);
      const [rc, ru] = [[], []] as [Consumed[], Consumed[]];
      readers.push(await collect(kafka, outTopic, false, rc), await collect(kafka, outTopic, true, ru));
      assertPerPartition(await settle(rc, expected.length, 'read_committed'), expected, 2, 'output read_committed');
      assert.equal(
        (await settle(ru, expected.length + 1, 'read_uncommitted')).length,
        expected.length + 1,
        'the aborted attempt’s record too',
      );
      const admin = kafka.admin();
      await admin.connect();
      const [fetched] = await admin.fetchOffsets({ groupId: group, topics: [inTopic] });
      await admin.disconnect();
      assertInputConsumed(tb.broker, inTopic, group, new Map(fetched?.partitions.map((p) => [p.partition, Number(p.offset)])), 2);
    } finally {
      for (const c of readers) await c.disconnect();
      await producer.disconnect();
      await tb.stop();
    }
  },
);
