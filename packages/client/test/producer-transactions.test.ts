// Transactions against a real tarn broker (its transaction coordinator): commit and abort read back
// by kafkajs with read_committed, offsets committed with the transaction (sendOffsetsToTransaction,
// seen by kafkajs's admin), fencing by a newer producer with the same transactional.id as a fatal
// ProducerFencedError, and the state rules (no send outside a transaction).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { KafkaError, Producer, ProducerFencedError, ProducerStateError, TransactionAbortableError } from '../src/index';
import { connectCluster, onCleanup, startTestBroker, type TestBroker } from './helpers';
import { consumeWithKafkajs, createTopic, kafkajs, readPartition } from './producer-support';

let broker: TestBroker;
before(async () => {
  broker = await startTestBroker({ 'transaction.state.log.num.partitions': '2' });
});

async function txnProducer(transactionalId: string, extra: Record<string, unknown> = {}): Promise<Producer> {
  const p = await Producer.create({ 'bootstrap.servers': broker.bootstrap, 'transactional.id': transactionalId, 'linger.ms': 0, ...extra });
  onCleanup(() => p.close({ timeoutMs: 1000 }));
  return p;
}

test('committed transactions are read by kafkajs read_committed; aborted ones are not', async () => {
  await createTopic(broker.bootstrap, 'txn', 2);
  const p = await txnProducer('txn-1');
  await assert.rejects(p.send({ topic: 'txn', value: 'too early' }), ProducerStateError);
  await p.initTransactions();

  p.beginTransaction();
  for (let i = 0; i < 10; i++) await p.send({ topic: 'txn', partition: i % 2, value: `committed-${i}` });
  await p.commitTransaction();

  p.beginTransaction();
  const aborted = Array.from({ length: 6 }, (_, i) => p.send({ topic: 'txn', partition: i % 2, value: `aborted-${i}` }));
  await Promise.all(aborted);
  await p.abortTransaction();

  p.beginTransaction();
  for (let i = 0; i < 4; i++) p.send({ topic: 'txn', partition: i % 2, value: `later-${i}` }, () => {});
  await p.commitTransaction(); // flushes the callback-form sends first

  const read = await consumeWithKafkajs(broker.bootstrap, 'txn', 14, { settleMs: 500 });
  const values = read.map((m) => m.value!.toString()).sort();
  assert.deepEqual(
    values,
    [...Array.from({ length: 10 }, (_, i) => `committed-${i}`), ...Array.from({ length: 4 }, (_, i) => `later-${i}`)].sort(),
  );

  // the aborted records are in the log (read_uncommitted sees them), inside transactional batches
  const cluster = await connectCluster(broker);
  const stored = (await readPartition(cluster, 'txn', 0)).flatMap((b) => b.records.map((r) => ({ b, v: r.value?.toString() })));
  assert.ok(stored.some((x) => x.v === 'aborted-0'));
  assert.ok(stored.filter((x) => x.v?.startsWith('aborted')).every((x) => (x.b.header.attributes & 0x10) !== 0));
  assert.equal(
    stored.filter((x) => (x.b.header.attributes & 0x20) !== 0).length,
    3,
    'one control marker per transaction on this partition',
  );
});

test('sendOffsetsToTransaction commits the group offsets with the transaction', async () => {
  await createTopic(broker.bootstrap, 'txn-in', 1);
  await createTopic(broker.bootstrap, 'txn-out', 1);
  const p = await txnProducer('txn-offsets');
  await p.initTransactions();
  p.beginTransaction();
  await p.send({ topic: 'txn-out', value: 'transformed' });
  await p.sendOffsetsToTransaction({ 'txn-in': { 0: 42 } }, { groupId: 'txn-group' });
  await p.commitTransaction();
  const admin = kafkajs(broker.bootstrap).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchOffsets({ groupId: 'txn-group', topics: ['txn-in'] });
    assert.equal(offsets[0]!.partitions[0]!.offset, '42');
  } finally {
    await admin.disconnect();
  }
  // an aborted transaction's offsets are not committed
  p.beginTransaction();
  await p.sendOffsetsToTransaction([{ topic: 'txn-in', partition: 0, offset: 99 }], 'txn-group');
  await p.abortTransaction();
  await admin.connect();
  try {
    const offsets = await admin.fetchOffsets({ groupId: 'txn-group', topics: ['txn-in'] });
    assert.equal(offsets[0]!.partitions[0]!.offset, '42');
  } finally {
    await admin.disconnect();
  }
});

test('a newer producer with the same transactional.id fences the older one (fatal ProducerFencedError)', async () => {
  await createTopic(broker.bootstrap, 'txn-fence', 1);
  const old = await txnProducer('txn-fenced');
  await old.initTransactions();
  old.beginTransaction();
  await old.send({ topic: 'txn-fence', value: 'from-old-open' });
  const fresh = await txnProducer('txn-fenced');
  await fresh.initTransactions(); // bumps the epoch and aborts the old producer's open transaction
  await assert.rejects(
    (async () => {
      await old.send({ topic: 'txn-fence', value: 'from-old-after' });
      await old.commitTransaction();
    })(),
    ProducerFencedError,
  );
  await assert.rejects(old.send({ topic: 'txn-fence', value: 'again' }), ProducerFencedError, 'fencing is fatal');
  fresh.beginTransaction();
  await fresh.send({ topic: 'txn-fence', value: 'from-new' });
  await fresh.commitTransaction();
  const read = await consumeWithKafkajs(broker.bootstrap, 'txn-fence', 1, { settleMs: 500 });
  assert.deepEqual(
    read.map((m) => m.value!.toString()),
    ['from-new'],
  );
});

test('transaction state rules: begin twice, commit without begin', async () => {
  const p = await txnProducer('txn-rules');
  assert.throws(() => p.beginTransaction(), ProducerStateError);
  await p.initTransactions();
  p.beginTransaction();
  assert.throws(() => p.beginTransaction(), ProducerStateError);
  await p.commitTransaction(); // an empty transaction commits without EndTxn
  await assert.rejects(p.commitTransaction(), ProducerStateError);
  const plain = await Producer.create({ 'bootstrap.servers': broker.bootstrap });
  onCleanup(() => plain.close());
  await assert.rejects(plain.initTransactions(), /transactional\.id/);
});

test('a send the broker refuses inside a transaction makes it abortable: commit fails, abort works, the next one commits', async () => {
  // the broker takes at most 2000-byte batches on this topic (max.message.bytes): a bigger one is MESSAGE_TOO_LARGE
  await createTopic(broker.bootstrap, 'txn-small', 1, { 'max.message.bytes': '2000' });
  const p = await txnProducer('txn-abortable', { 'batch.size': 100_000 });
  await p.initTransactions();
  p.beginTransaction();
  const ok = p.send({ topic: 'txn-small', value: 'small' });
  await ok;
  const tooBig = p.send({ topic: 'txn-small', value: Buffer.alloc(5000, 1) });
  await assert.rejects(tooBig, (e: unknown) => e instanceof KafkaError && e.name === 'MESSAGE_TOO_LARGE');
  await assert.rejects(p.commitTransaction(), TransactionAbortableError);
  await assert.rejects(p.send({ topic: 'txn-small', value: 'more' }), TransactionAbortableError);
  await p.abortTransaction();
  p.beginTransaction();
  await p.send({ topic: 'txn-small', value: 'next' });
  await p.commitTransaction();
  const read = await consumeWithKafkajs(broker.bootstrap, 'txn-small', 1, { settleMs: 500 });
  assert.deepEqual(
    read.map((m) => m.value!.toString()),
    ['next'],
  );
});
