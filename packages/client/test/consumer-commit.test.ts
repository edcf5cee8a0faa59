// Group commits seen from outside (kafkajs admin = OffsetFetch by another client), committed()
// reading what kafkajs committed, auto commit on its interval, and read_committed skipping a
// transaction kafkajs aborted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Producer, StringDeserializer } from '../src/index';
import { startTestBroker } from './helpers';
import { createTopic, kafkajs, kafkajsAdmin, kafkajsProducer, newConsumer, pollUntil, produce, tps } from './consumer-support';

const broker = await startTestBroker({ 'num.partitions': '1', 'transaction.state.log.num.partitions': '1' });
await createTopic(broker, 'commits', 1);
const producer = await kafkajsProducer(broker);
await produce(producer, 'commits', 0, 10);
const admin = await kafkajsAdmin(broker);

async function committedByKafkajs(groupId: string, topic: string): Promise<string[]> {
  const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return t!.partitions.map((p) => p.offset);
}

test('commitSync of explicit offsets and of the consumed position, seen by kafkajs', async () => {
  const c = newConsumer(broker, { 'group.id': 'manual', 'enable.auto.commit': false, 'auto.offset.reset': 'earliest' });
  c.assign(tps('commits', 0));
  await pollUntil(c, 10);
  await c.commitSync([{ topic: 'commits', partition: 0, offset: 4, metadata: 'half-way' }]);
  assert.deepEqual(await committedByKafkajs('manual', 'commits'), ['4']);
  const [mine] = await c.committed(tps('commits', 0));
  assert.equal(mine!.offset, 4);
  assert.equal(mine!.metadata, 'half-way');
  await c.commitSync();
  assert.deepEqual(await committedByKafkajs('manual', 'commits'), ['10']);
  let asyncErr: Error | null | undefined;
  await c.commitAsync([{ topic: 'commits', partition: 0, offset: 8 }], (err) => (asyncErr = err));
  assert.equal(asyncErr, null);
  assert.deepEqual(await committedByKafkajs('manual', 'commits'), ['8']);
});

test('a consumer starts from the offset kafkajs committed for its group', async () => {
  await admin.setOffsets({ groupId: 'from-kafkajs', topic: 'commits', partitions: [{ partition: 0, offset: '6' }] });
  const c = newConsumer(broker, { 'group.id': 'from-kafkajs', 'enable.auto.commit': false }, { valueDeserializer: StringDeserializer });
  c.assign(tps('commits', 0));
  const r = await pollUntil(c, 4);
  assert.deepEqual(
    r.map((x) => x.value),
    ['v6', 'v7', 'v8', 'v9'],
  );
});

test('enable.auto.commit commits consumed positions every auto.commit.interval.ms', async () => {
  const c = newConsumer(broker, { 'group.id': 'auto', 'auto.commit.interval.ms': 100, 'auto.offset.reset': 'earliest' });
  c.subscribe(['commits']);
  await pollUntil(c, 10);
  const deadline = Date.now() + 10_000;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    await c.poll(150);
    seen = await committedByKafkajs('auto', 'commits');
    if (seen[0] === '10') break;
  }
  assert.deepEqual(seen, ['10']);
});

test('read_committed skips a transaction kafkajs aborted; read_uncommitted sees it', async () => {
  await createTopic(broker, 'txn', 1);
  const tx = kafkajs(broker, 'txn-producer').producer({ transactionalId: 'tarn-consumer-txn', idempotent: true, maxInFlightRequests: 1 });
  await tx.connect();
  try {
    const aborted = await tx.transaction();
    await aborted.send({ topic: 'txn', messages: [{ value: 'aborted-1' }, { value: 'aborted-2' }, { value: 'aborted-3' }] });
    await aborted.abort();
    const committed = await tx.transaction();
    await committed.send({ topic: 'txn', messages: [{ value: 'committed-1' }, { value: 'committed-2' }] });
    await committed.commit();
  } finally {
    await tx.disconnect();
  }
  const rc = newConsumer(
    broker,
    { 'isolation.level': 'read_committed', 'auto.offset.reset': 'earliest' },
    { valueDeserializer: StringDeserializer },
  );
  rc.assign(tps('txn', 0));
  const got = await pollUntil(rc, 2);
  assert.deepEqual(
    got.map((r) => r.value),
    ['committed-1', 'committed-2'],
  );
  assert.equal((await rc.poll(300)).count, 0);
  // Past both markers: 3 aborted + marker + 2 committed + marker.
  assert.equal(await rc.position({ topic: 'txn', partition: 0 }), 7);
  const ru = newConsumer(broker, { 'auto.offset.reset': 'earliest' }, { valueDeserializer: StringDeserializer });
  ru.assign(tps('txn', 0));
  const all = await pollUntil(ru, 5);
  assert.deepEqual(
    all.map((r) => r.value),
    ['aborted-1', 'aborted-2', 'aborted-3', 'committed-1', 'committed-2'],
  );
});

test('consume-transform-produce: groupMetadata() commits the consumer offsets inside a @tarn/client transaction', async () => {
  await createTopic(broker, 'ctp-out', 1);
  const c = newConsumer(broker, {
    'group.id': 'ctp',
    'enable.auto.commit': false,
    'auto.offset.reset': 'earliest',
    'heartbeat.interval.ms': 200,
  });
  c.subscribe(['commits']);
  const records = await pollUntil(c, 10);
  const p = await Producer.create({ 'bootstrap.servers': broker.bootstrap, 'transactional.id': 'ctp-txn', 'linger.ms': 0 });
  try {
    await p.initTransactions();
    p.beginTransaction();
    for (const r of records) await p.send({ topic: 'ctp-out', partition: 0, value: r.value });
    const last = records[records.length - 1]!;
    await p.sendOffsetsToTransaction([{ topic: last.topic, partition: last.partition, offset: last.offset + 1 }], c.groupMetadata());
    await p.commitTransaction();
  } finally {
    await p.close();
  }
  // OffsetFetch with require_stable (KIP-447) waits out the commit markers still being written
  const [mine] = await c.committed(tps('commits', 0));
  assert.equal(mine!.offset, 10);
  let seen: string[] = [];
  for (let i = 0; i < 50 && seen[0] !== '10'; i++) {
    seen = await committedByKafkajs('ctp', 'commits');
    if (seen[0] !== '10') await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(seen, ['10']);
  assert.equal(c.groupMetadata().generationId >= 1, true);
});
