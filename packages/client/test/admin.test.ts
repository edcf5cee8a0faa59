// Admin against a real tarn broker: topics (create with configs, validateOnly, per-topic errors,
// describe, list with/without internal topics, partitions, delete), configs (topic and broker),
// describeCluster, describeLogDirs, listOffsets (earliest/latest/timestamp/max-timestamp) and
// deleteRecords, over records written by kafkajs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { Admin, InvalidArgumentError, KafkaError, valuesOrThrow } from '../src/index';
import { onCleanup, startTestBroker } from './helpers';

const broker = await startTestBroker({ 'num.partitions': '2', 'auto.create.topics.enable': 'false' });
const admin = await Admin.connect(broker.props({ 'client.id': 'admin-test' }));
onCleanup(() => admin.close());

test('createTopics: partitions, configs, validateOnly, and per-topic errors', async () => {
  const results = await admin.createTopics([
    { name: 'orders', numPartitions: 3, configs: { 'retention.ms': '3600000', 'cleanup.policy': 'delete' } },
    { name: 'defaults' },
    { name: 'bad name!' },
  ]);
  assert.equal(results.length, 3);
  assert.equal(results[0]!.error, null);
  assert.equal(results[0]!.value!.numPartitions, 3);
  assert.equal(results[0]!.value!.configs['retention.ms'], '3600000');
  assert.equal(results[1]!.error, null);
  assert.equal(results[1]!.value!.numPartitions, 2, 'the broker default num.partitions');
  assert.ok(results[2]!.error instanceof KafkaError);
  assert.equal(results[2]!.error.name, 'INVALID_TOPIC_EXCEPTION');

  const again = await admin.createTopics([{ name: 'orders', numPartitions: 3 }]);
  assert.equal(again[0]!.error?.name, 'TOPIC_ALREADY_EXISTS');
  assert.equal(again[0]!.error?.retriable, false);

  const dry = await admin.createTopics([{ name: 'only-validated', numPartitions: 4 }], { validateOnly: true });
  assert.equal(dry[0]!.error, null);
  assert.ok(!(await admin.listTopics()).some((t) => t.name === 'only-validated'));
});

test('describeTopics and listTopics (internal topics only when asked)', async () => {
  const [orders, missing] = await admin.describeTopics(['orders', 'missing']);
  assert.equal(orders!.error, null);
  assert.deepEqual(
    orders!.value!.partitions.map((p) => [p.partition, p.leader, p.replicas, p.isr]),
    [0, 1, 2].map((p) => [p, 1, [1], [1]]),
  );
  assert.equal(missing!.error?.name, 'UNKNOWN_TOPIC_OR_PARTITION');

  // a group commit creates __consumer_offsets
  await admin.alterConsumerGroupOffsets('list-topics-group', [{ topic: 'orders', partition: 0, offset: 0 }]);
  const names = (await admin.listTopics()).map((t) => t.name);
  assert.ok(names.includes('orders') && names.includes('defaults'));
  assert.ok(!names.includes('__consumer_offsets'));
  const all = await admin.listTopics({ listInternal: true });
  assert.equal(all.find((t) => t.name === '__consumer_offsets')?.isInternal, true);
});

test('createPartitions grows a topic; shrinking is a per-topic INVALID_PARTITIONS', async () => {
  await admin.createTopics([{ name: 'grow', numPartitions: 1 }]);
  const [grown, shrunk] = await admin.createPartitions({ grow: { totalCount: 4 }, orders: { totalCount: 1 } });
  assert.equal(grown!.error, null);
  assert.equal(shrunk!.error?.name, 'INVALID_PARTITIONS');
  const [d] = await admin.describeTopics(['grow']);
  assert.equal(d!.value!.partitions.length, 4);
});

test('describeConfigs and incrementalAlterConfigs for a topic and a broker', async () => {
  const [topic] = await admin.describeConfigs([{ type: 'TOPIC', name: 'orders' }], { includeSynonyms: true });
  const retention = topic!.value!.find((c) => c.name === 'retention.ms')!;
  assert.equal(retention.value, '3600000');
  assert.equal(retention.source, 'DYNAMIC_TOPIC_CONFIG');
  assert.equal(topic!.value!.find((c) => c.name === 'segment.bytes')?.isDefault, true);

  const altered = await admin.incrementalAlterConfigs([
    {
      resource: { type: 'TOPIC', name: 'orders' },
      ops: [
        { name: 'retention.ms', value: '7200000' },
        { name: 'cleanup.policy', op: 'DELETE' },
      ],
    },
    { resource: { type: 'TOPIC', name: 'no-such-topic' }, ops: [{ name: 'retention.ms', value: '1' }] },
  ]);
  assert.equal(altered[0]!.error, null);
  assert.equal(altered[1]!.error?.name, 'UNKNOWN_TOPIC_OR_PARTITION');
  const [after] = await admin.describeConfigs([{ type: 'TOPIC', name: 'orders' }], { configNames: ['retention.ms', 'cleanup.policy'] });
  const byName = new Map(after!.value!.map((c) => [c.name, c]));
  assert.equal(byName.get('retention.ms')?.value, '7200000');
  assert.equal(byName.get('cleanup.policy')?.source, 'DEFAULT_CONFIG');

  const [brokerConfigs] = await admin.describeConfigs([{ type: 'BROKER', name: '1' }]);
  assert.equal(brokerConfigs!.error, null);
  assert.equal(brokerConfigs!.value!.find((c) => c.name === 'num.partitions')?.value, '2');
  assert.equal(brokerConfigs!.value!.find((c) => c.name === 'num.partitions')?.source, 'STATIC_BROKER_CONFIG');
  // tarn has no dynamic broker configs: that resource fails on its own, the topic change beside it succeeds
  const [topicAlter, brokerAlter] = await admin.incrementalAlterConfigs([
    { resource: { type: 'TOPIC', name: 'orders' }, ops: [{ name: 'retention.ms', value: '1800000' }] },
    { resource: { type: 'BROKER', name: '1' }, ops: [{ name: 'log.retention.ms', value: '86400000' }] },
  ]);
  assert.equal(topicAlter!.error, null);
  assert.equal(brokerAlter!.error?.name, 'INVALID_REQUEST');
});

test('describeCluster and describeLogDirs', async () => {
  const cluster = await admin.describeCluster();
  assert.equal(typeof cluster.clusterId, 'string');
  assert.deepEqual(
    cluster.brokers.map((b) => [b.nodeId, b.port]),
    [[1, broker.port]],
  );
  assert.equal(cluster.controller?.nodeId, 1);
  const [dirs] = await admin.describeLogDirs();
  assert.equal(dirs!.brokerId, 1);
  const dir = dirs!.value![0]!;
  assert.equal(dir.path, broker.logDir);
  assert.ok(dir.replicas.some((r) => r.topic === 'orders' && r.partition === 2));
});

test('listOffsets (earliest, latest, by timestamp, max-timestamp) and deleteRecords over records from kafkajs', async () => {
  await admin.createTopics([{ name: 'timed', numPartitions: 1 }]);
  const kafka = new Kafka({ clientId: 'kjs', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const base = Date.now() - 60_000;
  await producer.send({
    topic: 'timed',
    // recent timestamps: records older than retention.ms would be deleted by the next retention pass
    messages: [1000, 2000, 5000, 3000].map((ts, i) => ({ value: `v${i}`, timestamp: String(base + ts), partition: 0 })),
  });
  await producer.disconnect();
  const tp = { topic: 'timed', partition: 0 };
  const [earliest] = await admin.listOffsets([{ ...tp, spec: 'earliest' }]);
  const [latest] = await admin.listOffsets([{ ...tp, spec: 'latest' }]);
  const [at2500] = await admin.listOffsets([{ ...tp, spec: { timestamp: base + 2500 } }]);
  const [max] = await admin.listOffsets([{ ...tp, spec: 'max-timestamp' }]);
  const [after] = await admin.listOffsets([{ ...tp, spec: { timestamp: base + 9000 } }]);
  assert.equal(earliest!.value!.offset, 0);
  assert.equal(latest!.value!.offset, 4);
  assert.equal(at2500!.value!.offset, 2);
  assert.deepEqual([max!.value!.offset, max!.value!.timestamp], [2, base + 5000]);
  assert.equal(after!.value!.offset, -1);
  const [unknown] = await admin.listOffsets([{ topic: 'timed', partition: 9, spec: 'latest' }]);
  assert.equal(unknown!.error?.name, 'UNKNOWN_TOPIC_OR_PARTITION');

  const [deleted] = valuesOrThrow(await admin.deleteRecords([{ ...tp, beforeOffset: 2 }]));
  assert.equal(deleted!.lowWatermark, 2);
  const [start] = await admin.listOffsets([{ ...tp, spec: 'earliest' }]);
  assert.equal(start!.value!.offset, 2);
});

test('describeProducers, electLeaders and partition reassignments', async () => {
  await admin.createTopics([{ name: 'producers', numPartitions: 2 }]);
  const kafka = new Kafka({ clientId: 'kjs-idem', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({
    topic: 'producers',
    messages: [
      { value: 'a', partition: 0 },
      { value: 'b', partition: 0 },
    ],
  });
  await producer.disconnect();
  const [p0, p1] = await admin.describeProducers([
    { topic: 'producers', partition: 0 },
    { topic: 'producers', partition: 1 },
  ]);
  assert.equal(p0!.value!.length, 1);
  assert.equal(p0!.value![0]!.lastSequence, 1);
  assert.equal(p0!.value![0]!.currentTransactionStartOffset, null);
  assert.deepEqual(p1!.value, []);

  const elected = await admin.electLeaders('PREFERRED', [
    { topic: 'producers', partition: 0 },
    { topic: 'producers', partition: 9 },
  ]);
  assert.deepEqual(elected.map((r) => [r.partition, r.error?.name]).sort(), [
    [0, 'ELECTION_NOT_NEEDED'],
    [9, 'UNKNOWN_TOPIC_OR_PARTITION'],
  ]);

  const altered = await admin.alterPartitionReassignments([
    { topic: 'producers', partition: 0, replicas: [1] },
    { topic: 'producers', partition: 1, replicas: [7] },
    { topic: 'producers', partition: 1, replicas: null },
  ]);
  assert.equal(altered[0]!.error, null);
  // the same partition twice: the last entry wins (one request per partition, as Kafka's map)
  assert.equal(altered[1]!.error?.name, 'NO_REASSIGNMENT_IN_PROGRESS');
  const [bad] = await admin.alterPartitionReassignments([{ topic: 'producers', partition: 1, replicas: [7] }]);
  assert.ok(bad!.error !== null && ['INVALID_REPLICA_ASSIGNMENT', 'BROKER_NOT_AVAILABLE'].includes(bad!.error.name), String(bad!.error));
  assert.deepEqual(await admin.listPartitionReassignments(), []);
});

test('arguments that cannot be sent are InvalidArgumentErrors, raised before any request', async () => {
  await assert.rejects(admin.alterConsumerGroupOffsets('g', [{ topic: 'orders', partition: 0, offset: Number.NaN }]), InvalidArgumentError);
  await assert.rejects(admin.alterConsumerGroupOffsets('g', [{ topic: 'orders', partition: 0, offset: -5 }]), /at least 0, got -5/);
  await assert.rejects(admin.listOffsets([{ topic: 'orders', partition: 0, spec: { timestamp: 1.5 } }]), InvalidArgumentError);
  await assert.rejects(admin.deleteRecords([{ topic: 'orders', partition: 0, beforeOffset: -2 }]), InvalidArgumentError);
  await assert.rejects(admin.createTopics([{ name: 'x', numPartitions: 2.5 }]), /numPartitions of x must be an integer/);
  await assert.rejects(admin.createPartitions({ orders: { totalCount: 0 } }), InvalidArgumentError);
  await assert.rejects(
    admin.resetOffsetsPlan({ groupId: 'g', strategy: { type: 'shift-by', shift: 0.5 }, scope: 'all-topics' }),
    InvalidArgumentError,
  );
  assert.ok(!(await admin.listTopics()).some((t) => t.name === 'x'));
});

test('deleteTopics: per-topic results', async () => {
  const [a, b] = await admin.deleteTopics(['defaults', 'never-existed']);
  assert.equal(a!.error, null);
  assert.equal(b!.error?.name, 'UNKNOWN_TOPIC_OR_PARTITION');
  assert.ok(!(await admin.listTopics()).some((t) => t.name === 'defaults'));
});
