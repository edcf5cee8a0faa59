// The console's transactions API (admin/routers/transactions-router.ts) against a real broker: an
// open kafkajs transaction shows up with its state, age and partition, the partition's LSO held
// below its high watermark; aborting it through the API fences the producer and releases a waiting
// read_committed consumer. A hanging transaction (data written with verification off and no
// coordinator that knows of it) is flagged as hanging and its ABORT marker written from the API.
// Both aborts are in the audit log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTRPCClient, httpLink } from '@trpc/client';
import { Kafka, logLevel } from 'kafkajs';
import { ApiKey, ErrorCode, ProduceRequestTypes, buildRecordBatch } from '@tarn/protocol';
import type { AdminRouter } from '../src/index';
import { TestConnection, startBroker } from './helpers';
import { eventually } from './cluster-helpers';

async function adminClient(adminPort: number) {
  const res = await fetch(`http://127.0.0.1:${adminPort}/api/auth/login`, {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password: 'pw' }),
    headers: { 'content-type': 'application/json' },
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return createTRPCClient<AdminRouter>({ links: [httpLink({ url: `http://127.0.0.1:${adminPort}/trpc`, headers: { cookie } })] });
}

test('transactions in the admin API: an open transaction, its held-back partition, aborting it; a hanging one', async () => {
  const { port, adminPort, logDir, broker } = await startBroker({
    'admin.password': 'pw',
    'transaction.state.log.num.partitions': '1',
    'offsets.topic.num.partitions': '1',
    // so that the test can write transactional data no coordinator knows of (a hanging transaction)
    'transaction.partition.verification.enable': 'false',
  });
  const api = await adminClient(adminPort);
  await broker.topicAdmin.createTopic({ name: 'orders', numPartitions: 1, replicationFactor: 1 });
  const kafka = new Kafka({ clientId: 'admin-txn', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ transactionalId: 'checkout', idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const first = await producer.transaction();
  await first.send({ topic: 'orders', messages: [{ value: 'o-0' }] });
  await first.commit(); // o-0 at offset 0, its COMMIT marker at 1

  const consumer = kafka.consumer({ groupId: 'billing', maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  const billed: string[] = [];
  void consumer.run({ autoCommitInterval: 100, eachMessage: async ({ message }) => void billed.push(message.value!.toString()) });
  await eventually(() => billed.includes('o-0'), 'the committed record');
  billed.length = 0;

  const txn = await producer.transaction();
  await txn.send({ topic: 'orders', messages: [{ value: 'o-1' }, { value: 'o-2' }] });

  let o = await api.transactions.overview.query();
  assert.deepEqual(
    o.transactions.map((t) => [t.transactionalId, t.state, t.partitions, t.coordinator]),
    [['checkout', 'Ongoing', [{ topic: 'orders', partition: 0 }], 1]],
  );
  assert.ok(o.transactions[0]!.ageMs !== null && o.transactions[0]!.ageMs >= 0);
  assert.deepEqual(
    o.partitions.map((p) => [p.topic, p.partition, p.lastStableOffset, p.highWatermark, p.open.map((x) => [x.transactionalId, x.hanging])]),
    [['orders', 0, 2, 4, [['checkout', false]]]],
  );
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(billed.length, 0, 'the read_committed consumer waits');
  // the group committed offset 1 (after o-0): only the marker lies before the LSO, so it is held, not stalled
  await eventually(
    async () => (await api.groups.get.query({ groupId: 'billing' })).lag?.partitions[0]?.heldByTransaction === true,
    'the group to show as held by the transaction',
  );
  const lag = (await api.groups.get.query({ groupId: 'billing' })).lag!.partitions[0]!;
  assert.deepEqual([lag.committedOffset, lag.lastStableOffset, lag.highWatermark], [1, 2, 4]);
  assert.notEqual(lag.status, 'STOP');

  await api.transactions.abort.mutate({ transactionalId: 'checkout', coordinator: o.transactions[0]!.coordinator });
  await eventually(async () => (await api.transactions.overview.query()).partitions.length === 0, 'the abort to release the partition');
  const fenced = await txn.commit().then(
    () => null,
    (e: Error) => e,
  );
  assert.ok(fenced !== null, "the aborted transaction's producer is fenced");
  await producer.disconnect().catch(() => {});
  // a transaction after the abort is read; the aborted one never is
  const next = kafka.producer({ transactionalId: 'checkout', idempotent: true, maxInFlightRequests: 1 });
  await next.connect();
  const t2 = await next.transaction();
  await t2.send({ topic: 'orders', messages: [{ value: 'o-3' }] });
  await t2.commit();
  await eventually(() => billed.includes('o-3'), 'the consumer to read the next transaction');
  assert.deepEqual(billed, ['o-3']);
  await next.disconnect();
  await consumer.disconnect();

  // a hanging transaction: transactional data that no coordinator knows about
  const c = await TestConnection.open(port);
  const res = await c.request(ApiKey.Produce, 9, {
    ...ProduceRequestTypes.defaultProduceRequest(),
    transactionalId: 'ghost',
    acks: -1,
    timeoutMs: 5000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: 'orders',
        partitionData: [
          {
            ...ProduceRequestTypes.defaultPartitionProduceData(),
            index: 0,
            records: buildRecordBatch([{ value: 'stuck' }], { isTransactional: true, producerId: 4242, producerEpoch: 3, baseSequence: 0 }),
          },
        ],
      },
    ],
  });
  assert.equal(res.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
  c.close();
  o = await api.transactions.overview.query();
  const stuck = o.partitions[0]!;
  assert.deepEqual(
    [stuck.topic, stuck.open.map((x) => [x.producerId, x.producerEpoch, x.transactionalId, x.hanging])],
    ['orders', [[4242, 3, null, true]]],
  );
  assert.ok(stuck.lastStableOffset < stuck.highWatermark);
  await api.transactions.abortHanging.mutate({
    topic: 'orders',
    partition: 0,
    producerId: 4242,
    producerEpoch: 3,
    coordinatorEpoch: stuck.open[0]!.coordinatorEpoch,
  });
  await eventually(
    async () => (await api.transactions.overview.query()).partitions.length === 0,
    'the ABORT marker to release the partition',
  );

  const audit = readFileSync(join(logDir, 'tarn-audit.log'), 'utf8');
  assert.match(audit, /"action":"transaction.abort","target":"checkout"/);
  assert.match(audit, /"action":"transaction.abort-hanging","target":"orders-0"/);
});
