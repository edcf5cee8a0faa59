// kafkajs against tarn: topic admin, producing with and without keys and with gzip, offsets, and
// deleting the topic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { readLogRecords } from '@tarn/storage';
import { startBroker } from './helpers';

test('kafkajs: create a topic, produce with and without keys and gzip, list offsets, consume back, delete the topic', async () => {
  const { port, broker } = await startBroker();
  const kafka = new Kafka({ clientId: 'tarn-kafkajs-test', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  assert.equal(
    await admin.createTopics({ topics: [{ topic: 'kjs', numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }] }] }),
    true,
  );
  assert.ok((await admin.listTopics()).includes('kjs'));
  const described = await admin.describeConfigs({ resources: [{ type: 2, name: 'kjs' }], includeSynonyms: false });
  assert.equal(described.resources[0]!.configEntries.find((c) => c.configName === 'retention.ms')?.configValue, '3600000');

  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic: 'kjs',
    messages: [
      { key: 'a', value: 'with key a', partition: 0 },
      { value: 'no key', partition: 0 },
    ],
  });
  await producer.send({
    topic: 'kjs',
    compression: CompressionTypes.GZIP,
    messages: Array.from({ length: 100 }, (_, i) => ({ key: `g${i}`, value: `gzip ${i}`, partition: 1, headers: { n: String(i) } })),
  });
  const offsets = await admin.fetchTopicOffsets('kjs');
  assert.deepEqual(
    offsets.sort((a, b) => a.partition - b.partition).map((o) => [o.partition, o.low, o.high]),
    [
      [0, '0', '2'],
      [1, '0', '100'],
    ],
  );
  const p0 = [...readLogRecords(broker.logManager.getLog('kjs', 0)!, 0)];
  assert.deepEqual(
    p0.map((r) => [r.key?.toString() ?? null, r.value?.toString()]),
    [
      ['a', 'with key a'],
      [null, 'no key'],
    ],
  );
  const p1 = [...readLogRecords(broker.logManager.getLog('kjs', 1)!, 0)];
  assert.equal(p1.length, 100);
  assert.equal(p1[0]!.codec, 1, 'stored gzip-compressed');
  assert.equal(p1[42]!.headers[0]!.value?.toString(), '42');

  // consume everything back with a kafkajs consumer group
  const consumer = kafka.consumer({ groupId: 'kjs-readers', sessionTimeout: 10_000 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'kjs', fromBeginning: true });
  const seen: string[] = [];
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          seen.push(`${partition}:${message.key?.toString() ?? ''}:${message.value?.toString()}`);
          if (seen.length === 102) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  assert.equal(seen.length, 102);
  assert.ok(seen.includes('0:a:with key a') && seen.includes('0::no key') && seen.includes('1:g99:gzip 99'));
  assert.deepEqual(
    seen.filter((s) => s.startsWith('1:')),
    Array.from({ length: 100 }, (_, i) => `1:g${i}:gzip ${i}`),
    'in order within a partition',
  );

  await admin.deleteTopics({ topics: ['kjs'] });
  assert.equal((await admin.listTopics()).includes('kjs'), false);
  await producer.disconnect();
  await admin.disconnect();
});
