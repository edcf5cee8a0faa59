// Transactions at the wire (KIP-98, KIP-890 part 1, KIP-664), against a real broker: FindCoordinator
// for a transactional id, InitProducerId bumping the epoch and fencing the older instance,
// AddPartitionsToTxn, transactional Produce (refused for a partition not in the transaction), the
// last stable offset holding read_committed fetches and ListOffsets back while the transaction is
// open, EndTxn commit and abort, the aborted transactions a read_committed fetch gets, and
// DescribeTransactions / ListTransactions / DescribeProducers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiKey,
  ErrorCode,
  FetchRequestTypes,
  ListOffsetsRequestTypes,
  ProduceRequestTypes,
  buildRecordBatch,
  decodeRecordBatches,
  isControl,
} from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';
import { eventually } from './cluster-helpers';

const TXN = 'txn-wire';

async function initProducerId(c: TestConnection, transactionalId: string, timeoutMs = 60_000) {
  for (;;) {
    const r = await c.request(ApiKey.InitProducerId, 4, {
      transactionalId,
      transactionTimeoutMs: timeoutMs,
      producerId: -1n,
      producerEpoch: -1,
    });
    // an open transaction of the previous instance is aborted first: retried, as clients do
    if (r.errorCode === ErrorCode.CONCURRENT_TRANSACTIONS) {
      await new Promise((res) => setTimeout(res, 50));
      continue;
    }
    return r;
  }
}

function addPartitions(c: TestConnection, producerId: bigint, producerEpoch: number, topic: string, partitions: number[]) {
  return c.request(ApiKey.AddPartitionsToTxn, 3, {
    transactions: [],
    v3AndBelowTransactionalId: TXN,
    v3AndBelowProducerId: producerId,
    v3AndBelowProducerEpoch: producerEpoch,
    v3AndBelowTopics: [{ name: topic, partitions }],
  });
}

async function produceTxn(c: TestConnection, producerId: bigint, epoch: number, seq: number, partition: number, values: string[]) {
  const res = await c.request(ApiKey.Produce, 9, {
    ...ProduceRequestTypes.defaultProduceRequest(),
    transactionalId: TXN,
    acks: -1,
    timeoutMs: 5000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: 'txn-t',
        partitionData: [
          {
            ...ProduceRequestTypes.defaultPartitionProduceData(),
            index: partition,
            records: buildRecordBatch(
              values.map((value) => ({ value })),
              { isTransactional: true, producerId: Number(producerId), producerEpoch: epoch, baseSequence: seq },
            ),
          },
        ],
      },
    ],
  });
  return res.responses[0]!.partitionResponses[0]!;
}

function endTxn(c: TestConnection, producerId: bigint, producerEpoch: number, committed: boolean) {
  return c.request(ApiKey.EndTxn, 3, { transactionalId: TXN, producerId, producerEpoch, committed });
}

async function fetchCommitted(c: TestConnection, partition: number) {
  const res = await c.request(ApiKey.Fetch, 11, {
    ...FetchRequestTypes.defaultFetchRequest(),
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 1 << 20,
    isolationLevel: 1,
    topics: [
      {
        ...FetchRequestTypes.defaultFetchTopic(),
        topic: 'txn-t',
        partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }],
      },
    ],
  });
  const p = res.responses[0]!.partitions[0]!;
  const batches = p.records === null || p.records.length === 0 ? [] : [...decodeRecordBatches(p.records)];
  return {
    highWatermark: Number(p.highWatermark),
    lastStableOffset: Number(p.lastStableOffset),
    aborted: (p.abortedTransactions ?? []).map((a) => [Number(a.producerId), Number(a.firstOffset)]),
    batches: batches.map((b) => ({ control: isControl(b.header.attributes), values: b.records.map((r) => r.value?.toString() ?? null) })),
  };
}

async function latestOffset(c: TestConnection, partition: number, isolationLevel: number): Promise<number> {
  const res = await c.request(ApiKey.ListOffsets, 5, {
    ...ListOffsetsRequestTypes.defaultListOffsetsRequest(),
    replicaId: -1,
    isolationLevel,
    topics: [
      {
        name: 'txn-t',
        partitions: [{ ...ListOffsetsRequestTypes.defaultListOffsetsPartition(), partitionIndex: partition, timestamp: -1n }],
      },
    ],
  });
  return Number(res.topics[0]!.partitions[0]!.offset);
}

test('a transaction at the wire: fencing, verification, LSO, commit, abort, describe', async () => {
  const { port, broker } = await startBroker({ 'transaction.state.log.num.partitions': '3' });
  await broker.topicAdmin.createTopic({ name: 'txn-t', numPartitions: 2, replicationFactor: 1 });
  const c = await TestConnection.open(port);

  const fc = await c.request(ApiKey.FindCoordinator, 3, { key: TXN, keyType: 1, coordinatorKeys: [] });
  assert.deepEqual([fc.errorCode, fc.nodeId, fc.port], [ErrorCode.NONE, 1, port]);
  const bad = await c.request(ApiKey.InitProducerId, 4, {
    transactionalId: TXN,
    transactionTimeoutMs: 0,
    producerId: -1n,
    producerEpoch: -1,
  });
  assert.equal(bad.errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);

  // the first instance; a second one with the same id bumps the epoch and fences it
  const zombie = await initProducerId(c, TXN);
  assert.deepEqual([zombie.errorCode, zombie.producerEpoch], [ErrorCode.NONE, 0]);
  const init = await initProducerId(c, TXN);
  assert.deepEqual([init.errorCode, init.producerId, init.producerEpoch], [ErrorCode.NONE, zombie.producerId, 1]);
  const pid = init.producerId;
  const fenced = await addPartitions(c, pid, 0, 'txn-t', [0]);
  assert.equal(fenced.resultsByTopicV3AndBelow[0]!.resultsByPartition[0]!.partitionErrorCode, ErrorCode.PRODUCER_FENCED);

  // KIP-890: a transactional write to a partition not added to the transaction is refused
  const unverified = await produceTxn(c, pid, 1, 0, 1, ['stray']);
  assert.equal(unverified.errorCode, ErrorCode.INVALID_TXN_STATE);
  assert.equal(broker.logManager.getLog('txn-t', 1)!.logEndOffset, 0, 'nothing written');

  // transaction 1: two writes to partition 0, then commit
  const added = await addPartitions(c, pid, 1, 'txn-t', [0]);
  assert.equal(added.resultsByTopicV3AndBelow[0]!.resultsByPartition[0]!.partitionErrorCode, ErrorCode.NONE);
  assert.equal((await produceTxn(c, pid, 1, 0, 0, ['a', 'b'])).errorCode, ErrorCode.NONE);
  assert.equal((await produceTxn(c, pid, 1, 2, 0, ['c'])).errorCode, ErrorCode.NONE);
  let seen = await fetchCommitted(c, 0);
  assert.deepEqual([seen.highWatermark, seen.lastStableOffset, seen.batches.length], [3, 0, 0], 'read_committed stops at the LSO');
  assert.deepEqual([await latestOffset(c, 0, 1), await latestOffset(c, 0, 0)], [0, 3]);

  const described = await c.request(ApiKey.DescribeTransactions, 0, { transactionalIds: [TXN, 'nobody'] });
  const state = described.transactionStates[0]!;
  assert.deepEqual(
    [state.errorCode, state.transactionState, state.producerId, state.producerEpoch, state.topics],
    [ErrorCode.NONE, 'Ongoing', pid, 1, [{ topic: 'txn-t', partitions: [0] }]],
  );
  assert.equal(described.transactionStates[1]!.errorCode, ErrorCode.TRANSACTIONAL_ID_NOT_FOUND);
  const listed = await c.request(ApiKey.ListTransactions, 1, {
    stateFilters: ['Ongoing', 'Bogus'],
    producerIdFilters: [],
    durationFilter: -1n,
  });
  assert.deepEqual(
    [listed.unknownStateFilters, listed.transactionStates.map((t) => [t.transactionalId, t.transactionState])],
    [['Bogus'], [[TXN, 'Ongoing']]],
  );
  const producers = await c.request(ApiKey.DescribeProducers, 0, { topics: [{ name: 'txn-t', partitionIndexes: [0] }] });
  const active = producers.topics[0]!.partitions[0]!.activeProducers;
  assert.deepEqual(
    active.map((p) => [p.producerId, p.producerEpoch, p.lastSequence, p.currentTxnStartOffset]),
    [[pid, 1, 2, 0n]],
  );

  assert.equal((await endTxn(c, pid, 1, true)).errorCode, ErrorCode.NONE);
  await eventually(async () => (await fetchCommitted(c, 0)).lastStableOffset === 4, 'the commit marker to release the LSO');
  seen = await fetchCommitted(c, 0);
  assert.deepEqual(seen.batches, [
    { control: false, values: ['a', 'b'] },
    { control: false, values: ['c'] },
    { control: true, values: [seen.batches[2]!.values[0]!] },
  ]);
  assert.deepEqual(seen.aborted, []);
  await eventually(
    async () =>
      (await c.request(ApiKey.DescribeTransactions, 0, { transactionalIds: [TXN] })).transactionStates[0]!.transactionState ===
      'CompleteCommit',
    'CompleteCommit',
  );
  assert.equal((await endTxn(c, pid, 1, true)).errorCode, ErrorCode.NONE, 'a retried commit is answered again');
  assert.equal((await endTxn(c, pid, 1, false)).errorCode, ErrorCode.INVALID_TXN_STATE, 'but not turned into an abort');

  // transaction 2: aborted; a read_committed fetch learns of it, and the next data is readable
  await addPartitions(c, pid, 1, 'txn-t', [0]);
  assert.equal((await produceTxn(c, pid, 1, 3, 0, ['x', 'y'])).errorCode, ErrorCode.NONE);
  assert.equal((await endTxn(c, pid, 1, false)).errorCode, ErrorCode.NONE);
  await eventually(async () => (await fetchCommitted(c, 0)).lastStableOffset === 7, 'the abort marker to release the LSO');
  seen = await fetchCommitted(c, 0);
  assert.deepEqual(seen.aborted, [[Number(pid), 4]], 'the aborted transaction, from its first offset');
  assert.equal(broker.logManager.getLog('txn-t', 0)!.logEndOffset, 7);
  c.close();
});

test('the coordinator aborts a transaction that outlives transaction.timeout.ms, fencing its producer', async () => {
  const { port, broker } = await startBroker({
    'transaction.state.log.num.partitions': '1',
    'transaction.abort.timed.out.transaction.cleanup.interval.ms': '100',
  });
  await broker.topicAdmin.createTopic({ name: 'txn-t', numPartitions: 1, replicationFactor: 1 });
  const c = await TestConnection.open(port);
  await c.request(ApiKey.FindCoordinator, 3, { key: TXN, keyType: 1, coordinatorKeys: [] });
  const init = await initProducerId(c, TXN, 500);
  await addPartitions(c, init.producerId, init.producerEpoch, 'txn-t', [0]);
  assert.equal((await produceTxn(c, init.producerId, init.producerEpoch, 0, 0, ['late'])).errorCode, ErrorCode.NONE);
  assert.equal((await fetchCommitted(c, 0)).lastStableOffset, 0);
  await eventually(async () => (await fetchCommitted(c, 0)).lastStableOffset === 2, 'the timed-out transaction to be aborted', 10_000);
  const seen = await fetchCommitted(c, 0);
  assert.deepEqual(seen.aborted, [[Number(init.producerId), 0]]);
  // the producer's epoch was bumped by the abort: its commit is fenced
  assert.equal((await endTxn(c, init.producerId, init.producerEpoch, true)).errorCode, ErrorCode.PRODUCER_FENCED);
  c.close();
});

test('KIP-890 verification guard: a marker written while a write was being verified voids that verification', async () => {
  const { port, broker } = await startBroker();
  await broker.topicAdmin.createTopic({ name: 'txn-t', numPartitions: 1, replicationFactor: 1 });
  const partition = broker.replicaManager.getPartition('txn-t', 0)!;
  const guard = partition.startVerification(77);
  assert.equal(partition.isVerificationValid(77, guard), true);
  const c = await TestConnection.open(port);
  const res = await c.request(ApiKey.WriteTxnMarkers, 1, {
    markers: [
      {
        producerId: 77n,
        producerEpoch: 0,
        transactionResult: false,
        coordinatorEpoch: 0,
        topics: [{ name: 'txn-t', partitionIndexes: [0] }],
      },
    ],
  });
  assert.equal(res.markers[0]!.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
  assert.equal(partition.isVerificationValid(77, guard), false, 'the marker voided the verification in flight');
  assert.equal(partition.isVerificationValid(78, guard), false);
  c.close();
});

test('KIP-890: pipelined first writes of a transaction to one partition are all verified (they share one guard)', async () => {
  const { port, broker } = await startBroker({ 'transaction.state.log.num.partitions': '3' });
  await broker.topicAdmin.createTopic({ name: 'txn-t', numPartitions: 1, replicationFactor: 1 });
  const c = await TestConnection.open(port);
  const coordinatorFound = async () =>
    (await c.request(ApiKey.FindCoordinator, 3, { key: TXN, keyType: 1, coordinatorKeys: [] })).errorCode === ErrorCode.NONE;
  await eventually(coordinatorFound, 'the transaction coordinator');
  const init = await initProducerId(c, TXN);
  assert.equal(init.errorCode, ErrorCode.NONE);
  const added = await addPartitions(c, init.producerId, init.producerEpoch, 'txn-t', [0]);
  assert.equal(added.resultsByTopicV3AndBelow[0]!.resultsByPartition[0]!.partitionErrorCode, ErrorCode.NONE);
  // sent back to back, as a client with max.in.flight.requests.per.connection=5 does: the second
  // arrives while the first waits for the coordinator's answer
  const answers = await Promise.all([
    produceTxn(c, init.producerId, init.producerEpoch, 0, 0, ['a', 'b']),
    produceTxn(c, init.producerId, init.producerEpoch, 2, 0, ['c']),
    produceTxn(c, init.producerId, init.producerEpoch, 3, 0, ['d']),
  ]);
  assert.deepEqual(
    answers.map((a) => [a.errorCode, Number(a.baseOffset)]),
    [
      [ErrorCode.NONE, 0],
      [ErrorCode.NONE, 2],
      [ErrorCode.NONE, 3],
    ],
  );
  assert.equal((await endTxn(c, init.producerId, init.producerEpoch, true)).errorCode, ErrorCode.NONE);
  c.close();
});
