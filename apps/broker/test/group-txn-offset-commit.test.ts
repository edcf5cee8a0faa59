// TxnOffsetCommit over the wire (v0-4) and the life of a transactional commit in its group: the
// errors Kafka answers (unknown topics, group id, metadata size, KIP-447's member checks, a fenced
// producer epoch, loading and moved coordinators by version), a commit pending until the COMMIT
// marker (invisible to OffsetFetch, UNSTABLE_OFFSET_COMMIT for require_stable at v7-v9), ABORT
// dropping it, and the same state after the partition is replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, OffsetCommitRequestTypes } from '@tarn/protocol';
import type { StampedEvent } from '../src/events/event-bus';
import type { Broker } from '../src/index';
import { TestConnection, startBroker } from './helpers';
import { assignment, commit, joinGroup, syncGroup, until } from './group-helpers';
import { endTxn, fetchTxn, txnCommit } from './group-txn-helpers';

const { NONE, UNSTABLE_OFFSET_COMMIT: UNSTABLE } = ErrorCode;

async function setup(overrides: Record<string, string> = {}) {
  // TxnOffsetCommit is driven directly, with producer ids no transaction coordinator handed out:
  // no KIP-890 verification (txn-kafkajs.test.ts covers commits verified through real transactions)
  const b = await startBroker({ 'offsets.topic.num.partitions': '1', 'transaction.partition.verification.enable': 'false', ...overrides });
  await b.broker.topicAdmin.createTopic({ name: 't', numPartitions: 2, replicationFactor: 1 });
  await b.broker.groupCoordinator.offsetsTopic.ensure();
  await until('loaded', () => b.broker.groupCoordinator.validateGroupStatus('any', 'OffsetFetch') === null);
  return { ...b, c: await TestConnection.open(b.port) };
}

/** Moves the leadership of __consumer_offsets-0 away and back: the groups are unloaded, then replayed. */
async function reload(broker: Broker): Promise<void> {
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
  await until('replayed', () => broker.groupCoordinator.validateGroupStatus('any', 'OffsetFetch') === null);
}

test('TxnOffsetCommit answers as Kafka: topics, group id, metadata size, KIP-447 members, fenced epochs, coordinator errors', async () => {
  const { broker, c } = await setup();
  const coordinator = broker.groupCoordinator;
  const one = { t: [{ partition: 0, offset: 1 }] };

  // unknown topics and partitions are answered; the rest is written; an unknown group is created Empty
  assert.deepEqual(
    await txnCommit(
      c,
      0,
      { groupId: 'plain', producerId: 100 },
      {
        t: [
          { partition: 0, offset: 5 },
          { partition: 2, offset: 1 },
        ],
        ghost: [{ partition: 0, offset: 1 }],
      },
    ),
    { 't/0': NONE, 't/2': ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'ghost/0': ErrorCode.UNKNOWN_TOPIC_OR_PARTITION },
  );
  assert.equal(coordinator.group('plain')?.state, 'Empty');
  assert.deepEqual(await txnCommit(c, 3, { groupId: '', producerId: 100 }, one), { 't/0': ErrorCode.INVALID_GROUP_ID });
  assert.deepEqual(
    await txnCommit(c, 2, { groupId: 'plain', producerId: 100 }, { t: [{ partition: 1, offset: 1, metadata: 'x'.repeat(4097) }] }),
    {
      't/1': ErrorCode.OFFSET_METADATA_TOO_LARGE,
    },
  );
  // v3 names a member: a group the coordinator did not know has none (and now exists, Empty)
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'fresh', producerId: 101, memberId: 'm-1', generationId: 1 }, one), {
    't/0': ErrorCode.UNKNOWN_MEMBER_ID,
  });
  assert.equal(coordinator.group('fresh')?.state, 'Empty');

  // KIP-447 against a Stable group with a static member
  const j = await joinGroup(c, 5, 'cg', { groupInstanceId: 'i-1', sessionTimeoutMs: 60_000 });
  assert.equal(j.errorCode, NONE);
  const sync = await syncGroup(
    c,
    3,
    'cg',
    j.generationId,
    j.memberId,
    [{ memberId: j.memberId, assignment: assignment({ t: [0, 1] }) }],
    'i-1',
  );
  assert.equal(sync.errorCode, NONE);
  const member = { groupId: 'cg', producerId: 102, memberId: j.memberId, generationId: j.generationId, groupInstanceId: 'i-1' };
  assert.deepEqual(await txnCommit(c, 3, member, one), { 't/0': NONE });
  assert.deepEqual(await txnCommit(c, 4, { ...member, generationId: j.generationId + 1 }, one), { 't/0': ErrorCode.ILLEGAL_GENERATION });
  assert.deepEqual(await txnCommit(c, 3, { ...member, memberId: 'nobody', groupInstanceId: null }, one), {
    't/0': ErrorCode.UNKNOWN_MEMBER_ID,
  });
  assert.deepEqual(await txnCommit(c, 3, { ...member, memberId: 'other' }, one), { 't/0': ErrorCode.FENCED_INSTANCE_ID });
  // before v3 a transactional commit names no member and is accepted; OffsetCommit without one is not
  assert.deepEqual(await txnCommit(c, 2, { groupId: 'cg', producerId: 103 }, one), { 't/0': NONE });
  assert.equal(
    (await commit(c, 8, 'cg', -1, '', 't', [{ partition: 0, offset: 1 }])).topics[0]!.partitions[0]!.errorCode,
    ErrorCode.UNKNOWN_MEMBER_ID,
  );

  // the offsets partition's producer state fences an older epoch of the producer
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'plain', producerId: 104, producerEpoch: 3 }, one), { 't/0': NONE });
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'plain', producerId: 104, producerEpoch: 2 }, one), {
    't/0': ErrorCode.INVALID_PRODUCER_EPOCH,
  });
  await endTxn(broker, 104, 'ABORT', [0], 3);

  // loading: v0-1 clients get COORDINATOR_NOT_AVAILABLE (they would not retry the loading error)
  const manager = coordinator.manager;
  const isGroupLoading = manager.isGroupLoading;
  manager.isGroupLoading = () => true;
  try {
    for (const [v, error] of [
      [0, ErrorCode.COORDINATOR_NOT_AVAILABLE],
      [1, ErrorCode.COORDINATOR_NOT_AVAILABLE],
      [2, ErrorCode.COORDINATOR_LOAD_IN_PROGRESS],
      [4, ErrorCode.COORDINATOR_LOAD_IN_PROGRESS],
    ] as const)
      assert.deepEqual(await txnCommit(c, v, { groupId: 'plain', producerId: 100 }, one), { 't/0': error }, `v${v}`);
  } finally {
    manager.isGroupLoading = isGroupLoading;
  }
  // another broker leads the group's partition
  const state = broker.metadata.topic('__consumer_offsets')!.partitions[0]!;
  assert.ok(
    await broker.metadata.updatePartition(
      '__consumer_offsets',
      { ...state, leader: 2, leaderEpoch: state.leaderEpoch + 1 },
      state.partitionEpoch,
    ),
  );
  assert.deepEqual(await txnCommit(c, 4, { groupId: 'plain', producerId: 100 }, one), { 't/0': ErrorCode.NOT_COORDINATOR });
  c.close();
});

test('a transactional commit is pending until its COMMIT marker; require_stable sees it as unstable; ABORT drops it; a replay agrees', async () => {
  const { broker, c } = await setup();
  const events: StampedEvent[] = [];
  broker.events.subscribe((e) => events.push(e));
  assert.equal(
    (await commit(c, 8, 'g', -1, '', 't', [{ partition: 0, offset: 10, metadata: 'plain' }])).topics[0]!.partitions[0]!.errorCode,
    NONE,
  );
  const both = { t: [0, 1] };

  assert.deepEqual(
    await txnCommit(
      c,
      3,
      { groupId: 'g', producerId: 300 },
      {
        t: [
          { partition: 0, offset: 20, metadata: 'txn' },
          { partition: 1, offset: 21 },
        ],
      },
    ),
    {
      't/0': NONE,
      't/1': NONE,
    },
  );
  // not committed yet: the old offset, or none; require_stable says "retry" for both partitions
  assert.deepEqual(await fetchTxn(c, 7, 'g', both, false), { 't/0': [10, 'plain', NONE], 't/1': [-1, '', NONE] });
  for (const v of [7, 8, 9])
    assert.deepEqual(await fetchTxn(c, v, 'g', both), { 't/0': [-1, '', UNSTABLE], 't/1': [-1, '', UNSTABLE] }, `v${v}`);
  // "all partitions" lists the committed ones
  assert.deepEqual(await fetchTxn(c, 7, 'g', null), { 't/0': [-1, '', UNSTABLE] });
  assert.equal(broker.groupCoordinator.group('g')!.pendingTxnOffsetCommits.size, 2);

  // a marker on another offsets partition does not concern this group
  broker.groupCoordinator.onTxnCompletion(300, [5], 'COMMIT');
  assert.deepEqual(await fetchTxn(c, 7, 'g', both), { 't/0': [-1, '', UNSTABLE], 't/1': [-1, '', UNSTABLE] });

  events.length = 0;
  await endTxn(broker, 300, 'COMMIT');
  assert.deepEqual(await fetchTxn(c, 8, 'g', both), { 't/0': [20, 'txn', NONE], 't/1': [21, '', NONE] });
  const committed = events.flatMap(({ event: e }) => (e.type === 'group-offsets-committed' && e.group === 'g' ? e.offsets : []));
  assert.deepEqual(
    committed.map((o) => [o.topic, o.partition, o.offset]),
    [
      ['t', 0, 20],
      ['t', 1, 21],
    ],
  );
  assert.equal(broker.groupCoordinator.group('g')!.pendingTxnOffsetCommits.isEmpty, true);

  // ABORT: the commit never shows, and the partition is stable again
  assert.deepEqual(await txnCommit(c, 4, { groupId: 'g', producerId: 301 }, { t: [{ partition: 0, offset: 99 }] }), { 't/0': NONE });
  assert.deepEqual(await fetchTxn(c, 9, 'g', { t: [0] }), { 't/0': [-1, '', UNSTABLE] });
  events.length = 0;
  await endTxn(broker, 301, 'ABORT');
  assert.deepEqual(await fetchTxn(c, 9, 'g', both), { 't/0': [20, 'txn', NONE], 't/1': [21, '', NONE] });
  assert.equal(events.filter(({ event: e }) => e.type === 'group-offsets-committed').length, 0);

  // a COMMIT leaves alone an offset committed later in the log than the transaction's record
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'g', producerId: 302 }, { t: [{ partition: 1, offset: 50 }] }), { 't/1': NONE });
  assert.equal((await commit(c, 8, 'g', -1, '', 't', [{ partition: 1, offset: 60 }])).topics[0]!.partitions[0]!.errorCode, NONE);
  await endTxn(broker, 302, 'COMMIT');
  assert.deepEqual(await fetchTxn(c, 7, 'g', both), { 't/0': [20, 'txn', NONE], 't/1': [60, '', NONE] });

  // and one still open when the partition is replayed comes back pending
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'g', producerId: 303 }, { t: [{ partition: 0, offset: 70 }] }), { 't/0': NONE });
  await reload(broker);
  assert.deepEqual(await fetchTxn(c, 7, 'g', both), { 't/0': [-1, '', UNSTABLE], 't/1': [60, '', NONE] });
  assert.deepEqual(await fetchTxn(c, 7, 'g', both, false), { 't/0': [20, 'txn', NONE], 't/1': [60, '', NONE] });
  await endTxn(broker, 303, 'COMMIT');
  assert.deepEqual(await fetchTxn(c, 7, 'g', both), { 't/0': [70, '', NONE], 't/1': [60, '', NONE] });
  c.close();
});

test('pending transactional commits: OffsetDelete and DeleteGroups remove them for good; expiry waits for their transaction', async () => {
  const { broker, c } = await setup({ 'offsets.retention.minutes': '1', 'offsets.retention.check.interval.ms': '3600000' });
  const coordinator = broker.groupCoordinator;

  // OffsetDelete of the only (pending) offset: the group goes, and the later COMMIT brings nothing back
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'del', producerId: 400 }, { t: [{ partition: 0, offset: 1 }] }), { 't/0': NONE });
  const deleted = coordinator.handleDeleteOffsets('del', [{ topic: 't', partition: 0 }]);
  assert.deepEqual([deleted.error, [...deleted.partitions.values()]], [NONE, [NONE]]);
  assert.equal(coordinator.group('del'), undefined);
  await endTxn(broker, 400, 'COMMIT');
  assert.deepEqual(await fetchTxn(c, 7, 'del', { t: [0] }), { 't/0': [-1, '', NONE] });

  // DeleteGroups of an Empty group with a committed offset and a pending one
  assert.equal((await commit(c, 8, 'del2', -1, '', 't', [{ partition: 1, offset: 5 }])).topics[0]!.partitions[0]!.errorCode, NONE);
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'del2', producerId: 401 }, { t: [{ partition: 0, offset: 7 }] }), { 't/0': NONE });
  assert.deepEqual([...coordinator.handleDeleteGroups(['del2'])], [['del2', NONE]]);
  await endTxn(broker, 401, 'COMMIT');
  assert.deepEqual(await fetchTxn(c, 7, 'del2', { t: [0, 1] }), { 't/0': [-1, '', NONE], 't/1': [-1, '', NONE] });

  // expiry: an expired offset with a transaction pending on its partition stays, and so does a group
  // whose only offsets are pending; once the transaction ends, both expire
  const old = Date.now() - 120_000;
  const v1 = await c.request(ApiKey.OffsetCommit, 1, {
    ...OffsetCommitRequestTypes.defaultOffsetCommitRequest(),
    groupId: 'exp',
    generationIdOrMemberEpoch: -1,
    topics: [
      {
        ...OffsetCommitRequestTypes.defaultOffsetCommitRequestTopic(),
        name: 't',
        partitions: [
          {
            ...OffsetCommitRequestTypes.defaultOffsetCommitRequestPartition(),
            partitionIndex: 0,
            committedOffset: 3n,
            commitTimestamp: BigInt(old),
          },
        ],
      },
    ],
  });
  assert.equal(v1.topics[0]!.partitions[0]!.errorCode, NONE);
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'exp', producerId: 402 }, { t: [{ partition: 0, offset: 8 }] }), { 't/0': NONE });
  assert.deepEqual(await txnCommit(c, 3, { groupId: 'exp-only', producerId: 402 }, { t: [{ partition: 1, offset: 9 }] }), { 't/1': NONE });
  assert.equal(coordinator.cleanupExpiredOffsets(), 0);
  assert.deepEqual(await fetchTxn(c, 7, 'exp', { t: [0] }, false), { 't/0': [3, '', NONE] });
  assert.equal(coordinator.group('exp-only')?.state, 'Empty');
  await endTxn(broker, 402, 'ABORT');
  assert.equal(coordinator.cleanupExpiredOffsets(), 1);
  assert.equal(coordinator.group('exp'), undefined);
  assert.equal(coordinator.group('exp-only'), undefined);

  // the log replays to the same: no group, no offset
  await reload(broker);
  for (const g of ['del', 'del2', 'exp', 'exp-only']) {
    assert.equal(coordinator.group(g), undefined, g);
    assert.deepEqual(await fetchTxn(c, 7, g, { t: [0, 1] }), { 't/0': [-1, '', NONE], 't/1': [-1, '', NONE] }, g);
  }
  c.close();
});
