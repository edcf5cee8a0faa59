// Bad group requests get Kafka's error codes, byte for byte over the wire, and change nothing:
// unsupported or mismatching protocols, stale generations, unknown members, oversized metadata,
// session timeouts out of bounds, invalid group ids, unknown topics, deleting busy or unknown groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, DeleteGroupsRequestTypes, ErrorCode, OffsetDeleteRequestTypes } from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';
import { assignment, commit, fetchOffsets, heartbeat, joinGroup, subscription, syncGroup } from './group-helpers';

test('bad group requests get Kafka error codes and leave the group as it was', async () => {
  const { port, broker } = await startBroker({ 'offset.metadata.max.bytes': '100' });
  await broker.topicAdmin.createTopic({ name: 't', numPartitions: 2, replicationFactor: 1 });
  const c = await TestConnection.open(port);
  // before __consumer_offsets exists nobody coordinates anything
  assert.equal((await joinGroup(c, 5, 'bad-g')).errorCode, ErrorCode.NOT_COORDINATOR);
  await broker.groupCoordinator.offsetsTopic.ensure();

  // a first member with an empty protocol type, or no protocols at all
  assert.equal((await joinGroup(c, 5, 'bad-g', { protocolType: '' })).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  assert.equal((await joinGroup(c, 5, 'bad-g', { protocols: [] })).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  assert.equal((await joinGroup(c, 5, 'bad-g', { sessionTimeoutMs: 1000 })).errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
  assert.equal((await joinGroup(c, 5, 'bad-g', { sessionTimeoutMs: 1_800_001 })).errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
  assert.equal((await joinGroup(c, 5, '')).errorCode, ErrorCode.INVALID_GROUP_ID);
  assert.equal((await joinGroup(c, 5, 'bad-g', { memberId: 'who-knows' })).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);

  // a real member: v4+ first hands out a member id (KIP-394)
  const first = await joinGroup(c, 5, 'bad-g');
  assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
  const memberId = first.memberId;
  const joined = await joinGroup(c, 5, 'bad-g', { memberId });
  assert.equal(joined.errorCode, ErrorCode.NONE);
  assert.equal(joined.generationId, 1);
  assert.equal(joined.leader, memberId);
  const synced = await syncGroup(c, 5, 'bad-g', 1, memberId, [{ memberId, assignment: assignment({ t: [0, 1] }) }]);
  assert.equal(synced.errorCode, ErrorCode.NONE);
  const group = broker.groupCoordinator.group('bad-g')!;
  const snapshot = () => [group.state, group.generationId, group.size, group.protocolName, group.leaderId];
  const before = snapshot();
  assert.deepEqual(before, ['Stable', 1, 1, 'range', memberId]);

  // another member with a different protocol type, or no protocol in common
  const other = await TestConnection.open(port);
  assert.equal((await joinGroup(other, 3, 'bad-g', { protocolType: 'connect' })).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  assert.equal(
    (await joinGroup(other, 3, 'bad-g', { protocols: [{ name: 'my-own', metadata: subscription(['t']) }] })).errorCode,
    ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
  );
  // SyncGroup v5 must name the protocol type and name
  const noType = await c.request(ApiKey.SyncGroup, 5, {
    groupId: 'bad-g',
    generationId: 1,
    memberId,
    groupInstanceId: null,
    protocolType: null,
    protocolName: 'range',
    assignments: [],
  });
  assert.equal(noType.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  // stale generation, unknown member
  assert.equal((await syncGroup(c, 5, 'bad-g', 0, memberId)).errorCode, ErrorCode.ILLEGAL_GENERATION);
  assert.equal((await syncGroup(c, 2, 'bad-g', 2, memberId)).errorCode, ErrorCode.ILLEGAL_GENERATION);
  assert.equal((await heartbeat(c, 4, 'bad-g', 0, memberId)).errorCode, ErrorCode.ILLEGAL_GENERATION);
  assert.equal((await heartbeat(c, 4, 'bad-g', 1, 'nobody')).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  assert.equal((await heartbeat(c, 0, 'no-such-group', 1, 'nobody')).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  assert.deepEqual(snapshot(), before);

  // commits: unknown member, stale generation, a "simple" commit while the group has members
  const p0 = [{ partition: 0, offset: 5 }];
  assert.equal((await commit(c, 8, 'bad-g', 1, 'nobody', 't', p0)).topics[0]!.partitions[0]!.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  assert.equal((await commit(c, 8, 'bad-g', 7, memberId, 't', p0)).topics[0]!.partitions[0]!.errorCode, ErrorCode.ILLEGAL_GENERATION);
  assert.equal((await commit(c, 8, 'bad-g', -1, '', 't', p0)).topics[0]!.partitions[0]!.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  assert.equal((await commit(c, 2, 'never-seen', 3, 'x', 't', p0)).topics[0]!.partitions[0]!.errorCode, ErrorCode.ILLEGAL_GENERATION);
  assert.equal(
    (await commit(c, 8, 'bad-g', 1, memberId, 'no-such-topic', p0)).topics[0]!.partitions[0]!.errorCode,
    ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  );
  assert.equal(
    (await commit(c, 8, 'bad-g', 1, memberId, 't', [{ partition: 9, offset: 1 }])).topics[0]!.partitions[0]!.errorCode,
    ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  );
  assert.deepEqual(
    await fetchOffsets(c, 'bad-g', 't', [0, 1]),
    [
      [0, -1, ''],
      [1, -1, ''],
    ],
    'nothing was committed',
  );
  // metadata over offset.metadata.max.bytes: that partition is refused, the other committed
  const mixed = await commit(c, 8, 'bad-g', 1, memberId, 't', [
    { partition: 0, offset: 5, metadata: 'x'.repeat(101) },
    { partition: 1, offset: 7, metadata: 'y'.repeat(100) },
  ]);
  assert.deepEqual(
    mixed.topics[0]!.partitions.map((p) => p.errorCode),
    [ErrorCode.OFFSET_METADATA_TOO_LARGE, ErrorCode.NONE],
  );
  assert.deepEqual(await fetchOffsets(c, 'bad-g', 't', [0, 1]), [
    [0, -1, ''],
    [1, 7, 'y'.repeat(100)],
  ]);

  // busy and unknown groups cannot be deleted; a consumed topic's offsets cannot be deleted
  const deleted = await c.request(ApiKey.DeleteGroups, 2, {
    ...DeleteGroupsRequestTypes.defaultDeleteGroupsRequest(),
    groupsNames: ['bad-g', 'no-such-group'],
  });
  assert.deepEqual(
    deleted.results.map((r) => [r.groupId, r.errorCode]),
    [
      ['bad-g', ErrorCode.NON_EMPTY_GROUP],
      ['no-such-group', ErrorCode.GROUP_ID_NOT_FOUND],
    ],
  );
  const offsetDelete = await c.request(ApiKey.OffsetDelete, 0, {
    ...OffsetDeleteRequestTypes.defaultOffsetDeleteRequest(),
    groupId: 'bad-g',
    topics: [
      { ...OffsetDeleteRequestTypes.defaultOffsetDeleteRequestTopic(), name: 't', partitions: [{ partitionIndex: 1 }] },
      { ...OffsetDeleteRequestTypes.defaultOffsetDeleteRequestTopic(), name: 'gone', partitions: [{ partitionIndex: 0 }] },
    ],
  });
  assert.equal(offsetDelete.errorCode, ErrorCode.NONE);
  assert.deepEqual(
    offsetDelete.topics.map((t) => [t.name, t.partitions[0]!.errorCode]),
    [
      ['t', ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC],
      ['gone', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    ],
  );
  assert.deepEqual(await fetchOffsets(c, 'bad-g', 't', [1]), [[1, 7, 'y'.repeat(100)]]);
  assert.deepEqual(snapshot(), before, 'the group is as it was');
  // the broker still answers this member normally
  assert.equal((await heartbeat(c, 4, 'bad-g', 1, memberId)).errorCode, ErrorCode.NONE);
  c.close();
  other.close();
});
