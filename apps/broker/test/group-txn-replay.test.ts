// Replaying __consumer_offsets with transactions in it, as Kafka's loader does: a COMMIT marker applies
// its producer's offset commits where they stand in the log, an ABORT drops them, and a transaction
// without a marker comes back pending (across a broker restart too) until the transaction
// coordinator completes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';
import { commit, until } from './group-helpers';
import { appendToOffsetsTopic, endTxn, fetchTxn, markerBatch, offsetsBatch, txnCommit } from './group-txn-helpers';

const { NONE, UNSTABLE_OFFSET_COMMIT: UNSTABLE } = ErrorCode;
// TxnOffsetCommit is driven directly, with producer ids no transaction coordinator handed out
const CONFIG = { 'offsets.topic.num.partitions': '1', 'transaction.partition.verification.enable': 'false' };

test('a broker restart brings back a transaction without marker as pending; the marker written after the reload completes it', async () => {
  const first = await startBroker(CONFIG);
  await first.broker.topicAdmin.createTopic({ name: 't', numPartitions: 2, replicationFactor: 1 });
  await first.broker.groupCoordinator.offsetsTopic.ensure();
  await until('loaded', () => first.broker.groupCoordinator.validateGroupStatus('r', 'OffsetFetch') === null);
  let c = await TestConnection.open(first.port);
  assert.equal((await commit(c, 8, 'r', -1, '', 't', [{ partition: 1, offset: 4 }])).topics[0]!.partitions[0]!.errorCode, NONE);
  assert.deepEqual(
    await txnCommit(c, 3, { groupId: 'r', producerId: 1001 }, { t: [{ partition: 0, offset: 11, metadata: 'committed' }] }),
    {
      't/0': NONE,
    },
  );
  await endTxn(first.broker, 1001, 'COMMIT');
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'r', producerId: 1002 }, { t: [{ partition: 1, offset: 12 }] }), { 't/1': NONE });
  await endTxn(first.broker, 1002, 'ABORT');
  // the open one: records in the log, no marker yet
  assert.deepEqual(
    await txnCommit(c, 3, { groupId: 'r', producerId: 1000, producerEpoch: 2 }, { t: [{ partition: 1, offset: 13, metadata: 'open' }] }),
    {
      't/1': NONE,
    },
  );
  assert.deepEqual(
    await txnCommit(c, 0, { groupId: 'r-only', producerId: 1000, producerEpoch: 2 }, { t: [{ partition: 0, offset: 14 }] }),
    {
      't/0': NONE,
    },
  );
  c.close();
  await first.stop();

  const second = await startBroker(CONFIG, first.logDir);
  const coordinator = second.broker.groupCoordinator;
  await until('reloaded', () => coordinator.validateGroupStatus('r', 'OffsetFetch') === null);
  c = await TestConnection.open(second.port);
  assert.deepEqual(await fetchTxn(c, 7, 'r', { t: [0, 1] }, false), { 't/0': [11, 'committed', NONE], 't/1': [4, '', NONE] });
  assert.deepEqual(await fetchTxn(c, 8, 'r', { t: [0, 1] }), { 't/0': [11, 'committed', NONE], 't/1': [-1, '', UNSTABLE] });
  // a group whose only offset waits for its transaction is loaded too
  assert.equal(coordinator.group('r-only')?.state, 'Empty');
  assert.deepEqual(await fetchTxn(c, 9, 'r-only', { t: [0] }), { 't/0': [-1, '', UNSTABLE] });

  await endTxn(second.broker, 1000, 'COMMIT', [0], 2);
  assert.deepEqual(await fetchTxn(c, 7, 'r', { t: [0, 1] }), { 't/0': [11, 'committed', NONE], 't/1': [13, 'open', NONE] });
  assert.deepEqual(await fetchTxn(c, 7, 'r-only', { t: [0] }), { 't/0': [14, '', NONE] });
  c.close();
});

test('replay of committed, aborted, overtaken, deleted and open transactions written straight to the log', async () => {
  const { port, broker } = await startBroker(CONFIG);
  await broker.topicAdmin.createTopic({ name: 't', numPartitions: 1, replicationFactor: 1 });
  await broker.groupCoordinator.offsetsTopic.ensure();
  await until('loaded', () => broker.groupCoordinator.validateGroupStatus('gA', 'OffsetFetch') === null);
  const at = (group: string, offset: number | null, metadata = '') => ({ group, topic: 't', partition: 0, offset, metadata });
  const txn = (producerId: number) => ({ producerId, producerEpoch: 0 });
  for (const batch of [
    offsetsBatch([at('gA', 10, 'A')], txn(7)), // committed below
    offsetsBatch([at('gB', 5, 'B before')]),
    offsetsBatch([at('gB', 20, 'B aborted')], txn(8)),
    offsetsBatch([at('gC', 30, 'C in txn')], txn(9)),
    offsetsBatch([at('gC', 35, 'C later')]), // later in the log than the transaction's record
    offsetsBatch([at('gE', 70, 'E')], txn(12)),
    offsetsBatch([at('gE', null)]), // the offset deleted while its transaction was open
    offsetsBatch([at('gD', 60, 'D open')], txn(11)), // never ended
    markerBatch(8, 0, 'ABORT'),
    markerBatch(7, 0, 'COMMIT'),
    markerBatch(9, 0, 'COMMIT'),
    markerBatch(12, 0, 'COMMIT'),
  ])
    await appendToOffsetsTopic(broker, 0, batch);

  // the coordinator learns of them only by replaying the partition: move its leadership away and back
  for (const leader of [2, 1]) {
    const state = broker.metadata.topic('__consumer_offsets')!.partitions[0]!;
    assert.ok(
      await broker.metadata.updatePartition(
        '__consumer_offsets',
        { ...state, leader, leaderEpoch: state.leaderEpoch + 1 },
        state.partitionEpoch,
      ),
    );
  }
  await until('replayed', () => broker.groupCoordinator.validateGroupStatus('gA', 'OffsetFetch') === null);
  const c = await TestConnection.open(port);
  const fetched = async (group: string, requireStable: boolean) => (await fetchTxn(c, 7, group, { t: [0] }, requireStable))['t/0'];
  assert.deepEqual(await fetched('gA', true), [10, 'A', NONE], 'committed');
  assert.deepEqual(await fetched('gB', true), [5, 'B before', NONE], 'aborted');
  assert.deepEqual(await fetched('gC', true), [35, 'C later', NONE], 'the commit written later in the log wins');
  assert.deepEqual(await fetched('gE', true), [-1, '', NONE], 'deleted');
  assert.equal(broker.groupCoordinator.group('gE'), undefined);
  assert.deepEqual(await fetched('gD', false), [-1, '', NONE], 'open');
  assert.deepEqual(await fetched('gD', true), [-1, '', UNSTABLE], 'open');

  // the transaction coordinator ends the open one
  await endTxn(broker, 11, 'ABORT');
  assert.deepEqual(await fetched('gD', true), [-1, '', NONE]);
  c.close();
});
