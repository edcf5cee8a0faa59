// listTransactions and describeTransactions against a transaction kafkajs keeps open on a real
// broker: its state, producer id, partitions; an unknown transactional id is its own error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { Admin } from '../src/index';
import { onCleanup, startTestBroker } from './helpers';

const broker = await startTestBroker({ 'transaction.state.log.replication.factor': '1', 'transaction.state.log.min.isr': '1' });
const admin = await Admin.connect(broker.props());
onCleanup(() => admin.close());

test('an open transaction is listed and described; after commit it is CompleteCommit', async () => {
  await admin.createTopics([{ name: 'txn-topic', numPartitions: 2 }]);
  const kafka = new Kafka({ clientId: 'kjs-txn', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ transactionalId: 'txn-1', idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  onCleanup(() => producer.disconnect());
  const txn = await producer.transaction();
  await txn.send({ topic: 'txn-topic', messages: [{ value: 'a', partition: 1 }] });

  const { transactions, errors } = await admin.listTransactions();
  assert.deepEqual(errors, []);
  const listed = transactions.find((t) => t.transactionalId === 'txn-1');
  assert.equal(listed?.state, 'Ongoing');
  assert.deepEqual(
    (await admin.listTransactions({ states: ['CompleteCommit'] })).transactions.map((t) => t.transactionalId),
    [],
  );

  const [described, unknown] = await admin.describeTransactions(['txn-1', 'no-such-txn']);
  const d = described!.value!;
  assert.equal(d.state, 'Ongoing');
  assert.equal(d.producerId, listed!.producerId);
  assert.deepEqual(d.topicPartitions, [{ topic: 'txn-topic', partition: 1 }]);
  assert.ok(d.transactionStartTimeMs !== null && d.transactionStartTimeMs <= Date.now());
  assert.equal(d.coordinatorId, 1);
  assert.equal(unknown!.error?.name, 'TRANSACTIONAL_ID_NOT_FOUND');

  await txn.commit();
  // EndTxn answers once PrepareCommit is written; CompleteCommit follows the markers (Kafka's order)
  let after = (await admin.describeTransactions(['txn-1']))[0];
  for (let i = 0; i < 100 && after!.value?.state === 'PrepareCommit'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    after = (await admin.describeTransactions(['txn-1']))[0];
  }
  assert.equal(after!.value!.state, 'CompleteCommit');
  assert.deepEqual(after!.value!.topicPartitions, []);
});
