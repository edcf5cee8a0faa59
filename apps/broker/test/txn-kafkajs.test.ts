// kafkajs transactions against tarn: committed and aborted transactions, a read_committed consumer
// seeing exactly the committed records in order while a read_uncommitted one sees all of them, a
// consume-transform-produce step whose offsets commit with the transaction (sendOffsets), a zombie
// producer fenced by a new instance with the same transactional id, and an open transaction holding
// read_committed consumers back until it ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { startBroker } from './helpers';
import { eventually } from './cluster-helpers';

async function collect(kafka: Kafka, groupId: string, topic: string, readUncommitted: boolean, into: string[]): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId, readUncommitted, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  void consumer.run({ eachMessage: async ({ message }) => void into.push(message.value!.toString()) });
  return consumer;
}

test('kafkajs: commit and abort; read_committed sees exactly the committed records; sendOffsets; zombies fenced', async () => {
  const { port } = await startBroker({ 'transaction.state.log.num.partitions': '3', 'offsets.topic.num.partitions': '3' });
  const kafka = new Kafka({ clientId: 'txn-kjs', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'in' }, { topic: 'out' }] });

  const producer = kafka.producer({ transactionalId: 'kjs-app', idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const sendTxn = async (values: string[], commit: boolean) => {
    const txn = await producer.transaction();
    for (const v of values) await txn.send({ topic: 'out', messages: [{ value: v }] });
    await (commit ? txn.commit() : txn.abort());
  };
  await sendTxn(['c1', 'c2'], true);
  await sendTxn(['a1', 'a2', 'a3'], false);
  await sendTxn(['c3'], true);

  const committed: string[] = [];
  const everything: string[] = [];
  const rc = await collect(kafka, 'rc', 'out', false, committed);
  const ru = await collect(kafka, 'ru', 'out', true, everything);
  await eventually(() => committed.length >= 3 && everything.length >= 6, 'both consumers to read the topic');
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(committed, ['c1', 'c2', 'c3'], 'read_committed: the committed records, in order, once');
  assert.deepEqual(everything, ['c1', 'c2', 'a1', 'a2', 'a3', 'c3'], 'read_uncommitted: every data record');

  // an open transaction holds read_committed consumers back; its commit releases them
  const open = await producer.transaction();
  await open.send({ topic: 'out', messages: [{ value: 'pending' }] });
  await eventually(() => everything.includes('pending'), 'read_uncommitted to see the open transaction');
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(!committed.includes('pending'), 'read_committed waits for the transaction');
  await open.commit();
  await eventually(() => committed.includes('pending'), 'the commit to release it');
  await rc.disconnect();
  await ru.disconnect();

  // consume-transform-produce: the input offsets commit with the output, atomically
  const inProducer = kafka.producer();
  await inProducer.connect();
  await inProducer.send({ topic: 'in', messages: ['x', 'y', 'z'].map((value) => ({ value })) });
  await inProducer.disconnect();
  const step = async (commit: boolean) => {
    const txn = await producer.transaction();
    await txn.send({ topic: 'out', messages: [{ value: commit ? 'XYZ' : 'lost' }] });
    await txn.sendOffsets({ consumerGroupId: 'transformer', topics: [{ topic: 'in', partitions: [{ partition: 0, offset: '3' }] }] });
    await (commit ? txn.commit() : txn.abort());
  };
  await step(false);
  assert.deepEqual(await admin.fetchOffsets({ groupId: 'transformer', topics: ['in'] }), [
    { topic: 'in', partitions: [{ partition: 0, offset: '-1', metadata: null }] },
  ]);
  await step(true);
  await eventually(
    async () => (await admin.fetchOffsets({ groupId: 'transformer', topics: ['in'] }))[0]!.partitions[0]!.offset === '3',
    'the offsets to commit with the transaction',
  );

  // a new instance with the same transactional id fences the old one (kafkajs sends the
  // transactional InitProducerId when its first transaction begins)
  const successor = kafka.producer({ transactionalId: 'kjs-app', idempotent: true, maxInFlightRequests: 1 });
  await successor.connect();
  const txn = await successor.transaction();
  const zombie = await producer.transaction().catch((e: Error) => e);
  const refused =
    zombie instanceof Error
      ? zombie
      : await zombie.send({ topic: 'out', messages: [{ value: 'zombie' }] }).then(
          () =>
            zombie.commit().then(
              () => null,
              (e: Error) => e,
            ),
          (e: Error) => e,
        );
  assert.ok(refused instanceof Error, 'the fenced producer cannot commit');
  assert.match(`${refused.name} ${refused.message}`, /fenced|epoch/i);
  await txn.send({ topic: 'out', messages: [{ value: 'successor' }] });
  await txn.commit();
  const final: string[] = [];
  const check = await collect(kafka, 'final', 'out', false, final);
  await eventually(() => final.includes('successor'), 'the successor’s commit');
  assert.ok(!final.includes('zombie') && !final.includes('lost'));
  assert.deepEqual(final, ['c1', 'c2', 'c3', 'pending', 'XYZ', 'successor']);
  await check.disconnect();
  await successor.disconnect();
  await producer.disconnect().catch(() => {});
  await admin.disconnect();
});
