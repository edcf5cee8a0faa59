// The coordinator's life around its offsets partitions: losing leadership unloads the groups
// (NOT_COORDINATOR), regaining it replays the partition (COORDINATOR_LOAD_IN_PROGRESS meanwhile) and
// brings the same state back; offsets.retention.minutes expires the offsets of groups without
// members (tombstones, the group goes); a broker shutting down answers parked JoinGroups at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, OffsetCommitRequestTypes } from '@tarn/protocol';
import { readLogRecords } from '@tarn/storage';
import { decodeKey } from '../src/group/coordinator-record';
import { TestConnection, startBroker } from './helpers';
import { assignment, commit, fetchOffsets, joinGroup, syncGroup, until } from './group-helpers';

test('leadership of an offsets partition moves away and back: unloaded, then replayed', async () => {
  const { port, broker } = await startBroker({ 'offsets.topic.num.partitions': '1' });
  await broker.topicAdmin.createTopic({ name: 't', numPartitions: 1, replicationFactor: 1 });
  await broker.groupCoordinator.offsetsTopic.ensure();
  const c = await TestConnection.open(port);
  assert.equal(
    (await commit(c, 8, 'moving', -1, '', 't', [{ partition: 0, offset: 42, metadata: 'before' }])).topics[0]!.partitions[0]!.errorCode,
    ErrorCode.NONE,
  );
  const coordinator = broker.groupCoordinator;
  const move = async (leader: number) => {
    const state = broker.metadata.topic('__consumer_offsets')!.partitions[0]!;
    assert.ok(
      await broker.metadata.updatePartition(
        '__consumer_offsets',
        { ...state, leader, leaderEpoch: state.leaderEpoch + 1 },
        state.partitionEpoch,
      ),
    );
  };
  await move(2);
  assert.equal(coordinator.group('moving'), undefined, 'unloaded');
  assert.equal(coordinator.validateGroupStatus('moving', 'OffsetFetch'), ErrorCode.NOT_COORDINATOR);
  assert.equal(
    (await commit(c, 8, 'moving', -1, '', 't', [{ partition: 0, offset: 1 }])).topics[0]!.partitions[0]!.errorCode,
    ErrorCode.NOT_COORDINATOR,
  );

  // the coordinator hears of the change first; right after, the partition is still loading
  const duringLoad: unknown[] = [];
  const unsubscribe = broker.metadata.onChange(() => {
    duringLoad.push(coordinator.validateGroupStatus('moving', 'OffsetFetch'), coordinator.handleHeartbeat('moving', 'm', null, 1));
    void coordinator
      .handleSyncGroup('moving', {
        generationId: 1,
        memberId: 'm',
        groupInstanceId: null,
        protocolType: null,
        protocolName: null,
        assignments: new Map(),
      })
      .then((r) => duringLoad.push(r.error));
  });
  await move(1);
  unsubscribe();
  await until('loaded', () => coordinator.validateGroupStatus('moving', 'OffsetFetch') === null);
  assert.deepEqual(duringLoad, [ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, ErrorCode.NONE, ErrorCode.REBALANCE_IN_PROGRESS]);
  assert.deepEqual(await fetchOffsets(c, 'moving', 't', [0]), [[0, 42, 'before']], 'replayed from the log');
  c.close();
});

test('offsets.retention.minutes: offsets of a group without members expire into tombstones', async () => {
  const { port, broker } = await startBroker({ 'offsets.topic.num.partitions': '1', 'offsets.retention.minutes': '1' });
  await broker.topicAdmin.createTopic({ name: 't', numPartitions: 1, replicationFactor: 1 });
  await broker.groupCoordinator.offsetsTopic.ensure();
  const c = await TestConnection.open(port);
  // OffsetCommit v1 carries the commit timestamp: one two minutes old, one now
  for (const [groupId, ts] of [
    ['old', Date.now() - 120_000],
    ['fresh', -1],
  ] as const) {
    const res = await c.request(ApiKey.OffsetCommit, 1, {
      ...OffsetCommitRequestTypes.defaultOffsetCommitRequest(),
      groupId,
      generationIdOrMemberEpoch: -1,
      topics: [
        {
          ...OffsetCommitRequestTypes.defaultOffsetCommitRequestTopic(),
          name: 't',
          partitions: [
            {
              ...OffsetCommitRequestTypes.defaultOffsetCommitRequestPartition(),
              partitionIndex: 0,
              committedOffset: 7n,
              commitTimestamp: BigInt(ts),
              committedMetadata: null,
            },
          ],
        },
      ],
    });
    assert.equal(res.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
  }
  assert.equal(broker.groupCoordinator.cleanupExpiredOffsets(), 1);
  assert.equal(broker.groupCoordinator.group('old'), undefined, 'a group left without offsets goes');
  assert.deepEqual(await fetchOffsets(c, 'old', 't', [0]), [[0, -1, '']]);
  assert.deepEqual(await fetchOffsets(c, 'fresh', 't', [0]), [[0, 7, '']]);
  const log = broker.logManager.getLog('__consumer_offsets', 0)!;
  await until('the tombstone is written', () => log.logEndOffset === 3);
  const last = [...readLogRecords(log, 0)].at(-1)!;
  assert.deepEqual(decodeKey(last.key!), { kind: 'offset', group: 'old', topic: 't', partition: 0 });
  assert.equal(last.value, null);
  c.close();
});

test('a broker shutting down answers a parked JoinGroup instead of waiting out the rebalance', async () => {
  const { port, broker, stop } = await startBroker();
  await broker.groupCoordinator.offsetsTopic.ensure();
  const [a, b] = await Promise.all([TestConnection.open(port), TestConnection.open(port)]);
  const ja = await joinGroup(a!, 3, 'parked', { rebalanceTimeoutMs: 60_000 });
  assert.equal(
    (await syncGroup(a!, 2, 'parked', ja.generationId, ja.memberId, [{ memberId: ja.memberId, assignment: assignment({ t: [0] }) }]))
      .errorCode,
    ErrorCode.NONE,
  );
  const parked = joinGroup(b!, 3, 'parked', { rebalanceTimeoutMs: 60_000 });
  await until('rebalancing', () => broker.groupCoordinator.group('parked')?.is('PreparingRebalance'));
  const t0 = Date.now();
  await stop();
  assert.ok(Date.now() - t0 < 5000, 'shutdown did not wait for the rebalance timeout');
  assert.equal((await parked).errorCode, ErrorCode.NOT_COORDINATOR);
  a!.close();
  b!.close();
});
