// The log dir Kafka 2.1.1 wrote (fixtures README §1.2, §1.5): its __transaction_state partitions
// replay to the transactional ids' final states, and its topics' transactional and control batches
// read as Kafka serves them — a read_committed fetch learns of the aborted transaction
// (producer 5 from offset 504) from the adopted `.txnindex`, a read_committed consumer gets the 507
// committed records, a read_uncommitted one all 510.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, logLevel } from 'kafkajs';
import { ApiKey, ErrorCode, FetchRequestTypes } from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';
import { copyFixtureLogDir } from './group-helpers';
import { eventually } from './cluster-helpers';

test('Kafka 2.1.1 transactions: coordinator state replayed, aborted transaction served as aborted', async () => {
  // the fixture was written with Kafka's defaults: 50 partitions of __transaction_state, of which it keeps 3
  const { port, broker } = await startBroker({ 'offsets.topic.num.partitions': '1' }, copyFixtureLogDir());
  assert.equal(broker.metadata.topic('__transaction_state')!.partitions.length, 50);
  const c = await TestConnection.open(port);
  let states: Array<[string, number, string, bigint, number]> = [];
  await eventually(async () => {
    const res = await c.request(ApiKey.DescribeTransactions, 0, { transactionalIds: ['fixture-txn', 'fixture-kcat-txn'] });
    states = res.transactionStates.map((t) => [t.transactionalId, t.errorCode, t.transactionState, t.producerId, t.producerEpoch]);
    return states.every((s) => s[1] === ErrorCode.NONE);
  }, 'the transaction state to load');
  assert.deepEqual(states, [
    ['fixture-txn', ErrorCode.NONE, 'CompleteCommit', 5n, 0],
    ['fixture-kcat-txn', ErrorCode.NONE, 'CompleteCommit', 6n, 0],
  ]);

  for (const topic of ['fx-none', 'fx-gzip', 'fx-snappy', 'fx-lz4', 'fx-zstd']) {
    const res = await c.request(ApiKey.Fetch, 11, {
      ...FetchRequestTypes.defaultFetchRequest(),
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: 64 << 20,
      isolationLevel: 1,
      topics: [
        {
          ...FetchRequestTypes.defaultFetchTopic(),
          topic,
          partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: 0n, partitionMaxBytes: 64 << 20 }],
        },
      ],
    });
    const p = res.responses[0]!.partitions[0]!;
    assert.deepEqual(
      [p.errorCode, Number(p.highWatermark), Number(p.lastStableOffset)],
      [ErrorCode.NONE, 513, 513],
      `${topic}: every transaction ended`,
    );
    assert.deepEqual(
      (p.abortedTransactions ?? []).map((a) => [Number(a.producerId), Number(a.firstOffset)]),
      [[5, 504]],
      `${topic}: the aborted transaction`,
    );
  }
  c.close();

  const kafka = new Kafka({ clientId: 'txn-fixture', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const read = async (readUncommitted: boolean) => {
    const seen: number[] = [];
    const consumer = kafka.consumer({ groupId: `fixture-reader-${readUncommitted}`, readUncommitted });
    await consumer.connect();
    await consumer.subscribe({ topic: 'fx-none', fromBeginning: true });
    void consumer.run({ eachMessage: async ({ message }) => void seen.push(Number(message.offset)) });
    await eventually(() => seen.length >= (readUncommitted ? 510 : 507), `the ${readUncommitted ? 'uncommitted' : 'committed'} records`);
    await new Promise((r) => setTimeout(r, 300));
    await consumer.disconnect();
    return seen;
  };
  const committed = await read(false);
  assert.equal(committed.length, 507);
  for (const aborted of [504, 505, 506]) assert.ok(!committed.includes(aborted), `offset ${aborted} is in the aborted transaction`);
  assert.ok(committed.includes(503 - 1) && committed.includes(508), 'the committed transactions around it are read');
  assert.equal((await read(true)).length, 510);
});
