// The classic group protocol over the wire at the versions clients use: FindCoordinator (group and
// transaction keys), JoinGroup v0 and v7, static members replaced and fenced (FENCED_INSTANCE_ID),
// a member that does not rejoin within the rebalance timeout dropped, LeaveGroup v0 and v3 batches,
// DescribeGroups members and authorized operations, ListGroups state filters, and the group events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiKey,
  DescribeGroupsRequestTypes,
  ErrorCode,
  FindCoordinatorRequestTypes,
  LeaveGroupRequestTypes,
  ListGroupsRequestTypes,
} from '@tarn/protocol';
import type { StampedEvent } from '../src/events/event-bus';
import { javaStringHashCode } from '../src/group/partition-for-group';
import { TestConnection, startBroker } from './helpers';
import { assignment, heartbeat, joinGroup, syncGroup, until } from './group-helpers';

test('FindCoordinator: groups and transactional ids find this broker (creating __consumer_offsets and __transaction_state)', async () => {
  const { port, broker } = await startBroker({ 'offsets.topic.num.partitions': '3' });
  const c = await TestConnection.open(port);
  for (const v of [0, 1, 2, 3]) {
    const res = await c.request(ApiKey.FindCoordinator, v, {
      ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
      key: `g-${v}`,
    });
    assert.deepEqual([res.errorCode, res.nodeId, res.host, res.port], [ErrorCode.NONE, 1, '127.0.0.1', port]);
  }
  const topic = broker.metadata.topic('__consumer_offsets')!;
  assert.equal(topic.partitions.length, 3);
  assert.deepEqual(topic.configs, { 'cleanup.policy': 'compact', 'segment.bytes': '104857600', 'compression.type': 'producer' });
  const txn = await c.request(ApiKey.FindCoordinator, 3, {
    ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
    key: 'my-txn',
    keyType: 1,
  });
  assert.deepEqual([txn.errorCode, txn.errorMessage, txn.nodeId, txn.port], [ErrorCode.NONE, null, 1, port]);
  const txnTopic = broker.metadata.topic('__transaction_state')!;
  assert.equal(txnTopic.internal, true);
  assert.equal(txnTopic.configs['cleanup.policy'], 'compact');
  assert.equal(txnTopic.configs['min.insync.replicas'], '1');
  // Java's String.hashCode decides the partition, as in Kafka: Utils.abs(hash) % 3
  assert.equal(javaStringHashCode('hello'), 99162322);
  assert.equal(broker.groupCoordinator.partitionFor('hello'), 99162322 % 3);
  assert.equal(javaStringHashCode('polygenelubricants'), -2147483648);
  assert.equal(broker.groupCoordinator.partitionFor('polygenelubricants'), 0, 'Utils.abs(Integer.MIN_VALUE) is 0');
  c.close();
});

test('JoinGroup v0/v7, static members, rebalance timeout, LeaveGroup batches, DescribeGroups and ListGroups', async () => {
  const { port, broker } = await startBroker();
  await broker.groupCoordinator.offsetsTopic.ensure();
  const events: StampedEvent[] = [];
  broker.events.subscribe((e) => events.push(e));
  const [a, b, s1, s2] = await Promise.all([0, 1, 2, 3].map(() => TestConnection.open(port)));

  // v0: no rebalance timeout (the session timeout serves), a member id at once, protocol name as a string
  const j0 = await joinGroup(a!, 0, 'classic', { rebalanceTimeoutMs: -1 });
  assert.equal(j0.errorCode, ErrorCode.NONE);
  assert.equal(j0.protocolName, 'range');
  const memberA = j0.memberId;
  assert.equal(broker.groupCoordinator.group('classic')!.get(memberA).rebalanceTimeoutMs, 6000);
  assert.equal(
    (await syncGroup(a!, 0, 'classic', 1, memberA, [{ memberId: memberA, assignment: assignment({ t: [0] }) }])).errorCode,
    ErrorCode.NONE,
  );

  // a second member (v7): the join parks until A rejoins; A's heartbeat says REBALANCE_IN_PROGRESS
  const first = await joinGroup(b!, 7, 'classic');
  assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
  const joinB = joinGroup(b!, 7, 'classic', { memberId: first.memberId, rebalanceTimeoutMs: 1000 });
  await until('rebalancing', () => broker.groupCoordinator.group('classic')?.is('PreparingRebalance'));
  assert.equal((await heartbeat(a!, 0, 'classic', 1, memberA)).errorCode, ErrorCode.REBALANCE_IN_PROGRESS);
  // A never rejoins: after the rebalance timeout (max over members: A's 6000 ms) it is dropped and B leads generation 2
  const jb = await joinB;
  assert.equal(jb.errorCode, ErrorCode.NONE);
  assert.equal(jb.generationId, 2);
  assert.equal(jb.protocolType, 'consumer');
  assert.equal(jb.leader, first.memberId);
  assert.deepEqual(
    jb.members.map((m) => m.memberId),
    [first.memberId],
  );
  assert.ok(
    events.some((e) => e.event.type === 'group-member-left' && e.event['memberId'] === memberA && e.event['reason'] === 'rejoin-timeout'),
  );
  assert.equal((await heartbeat(a!, 0, 'classic', 2, memberA)).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  assert.equal(
    (await syncGroup(b!, 5, 'classic', 2, first.memberId, [{ memberId: first.memberId, assignment: assignment({ t: [0, 1] }) }])).errorCode,
    ErrorCode.NONE,
  );

  // DescribeGroups: a Stable group shows members with metadata and assignment; v3+ authorized operations
  const described = await b!.request(ApiKey.DescribeGroups, 5, {
    ...DescribeGroupsRequestTypes.defaultDescribeGroupsRequest(),
    groups: ['classic'],
    includeAuthorizedOperations: true,
  });
  const d = described.groups[0]!;
  assert.deepEqual(
    [d.groupState, d.protocolType, d.protocolData, d.members.length, d.authorizedOperations],
    ['Stable', 'consumer', 'range', 1, 328],
  );
  assert.deepEqual(d.members[0]!.memberAssignment, assignment({ t: [0, 1] }));
  assert.ok(d.members[0]!.clientHost.startsWith('/127.0.0.1'));

  // static members: s1 joins with group.instance.id "inst"; a restart of it (unknown member id)
  // takes a new member id without a rebalance, and the old id is fenced
  const st = await joinGroup(s1!, 5, 'static', { groupInstanceId: 'inst' });
  assert.equal(st.errorCode, ErrorCode.NONE, 'static members skip MEMBER_ID_REQUIRED');
  assert.ok(st.memberId.startsWith('inst-'));
  assert.equal(
    (await syncGroup(s1!, 3, 'static', 1, st.memberId, [{ memberId: st.memberId, assignment: assignment({ t: [0] }) }], 'inst')).errorCode,
    ErrorCode.NONE,
  );
  const again = await joinGroup(s2!, 5, 'static', { groupInstanceId: 'inst' });
  assert.equal(again.errorCode, ErrorCode.NONE);
  assert.notEqual(again.memberId, st.memberId);
  assert.equal(again.generationId, 1, 'no rebalance');
  assert.equal(again.leader, st.memberId, 'the old leader id, so the member does not run an assignment');
  assert.equal((await heartbeat(s1!, 3, 'static', 1, st.memberId, 'inst')).errorCode, ErrorCode.FENCED_INSTANCE_ID);
  assert.equal((await heartbeat(s2!, 3, 'static', 1, again.memberId, 'inst')).errorCode, ErrorCode.NONE);
  assert.deepEqual(
    (await syncGroup(s2!, 3, 'static', 1, again.memberId, [], 'inst')).assignment,
    assignment({ t: [0] }),
    'the replaced member keeps the assignment',
  );

  // ListGroups: all, and filtered by state (v4)
  const listed = await a!.request(ApiKey.ListGroups, 4, { ...ListGroupsRequestTypes.defaultListGroupsRequest(), statesFilter: ['Stable'] });
  assert.deepEqual(listed.groups.map((g) => [g.groupId, g.groupState]).sort(), [
    ['classic', 'Stable'],
    ['static', 'Stable'],
  ]);
  assert.deepEqual(
    (await a!.request(ApiKey.ListGroups, 4, { ...ListGroupsRequestTypes.defaultListGroupsRequest(), statesFilter: ['Empty'] })).groups,
    [],
  );

  // LeaveGroup v3: a batch by member id and by instance id; unknown ones answered per member
  const leave = await b!.request(ApiKey.LeaveGroup, 3, {
    ...LeaveGroupRequestTypes.defaultLeaveGroupRequest(),
    groupId: 'static',
    members: [
      { memberId: '', groupInstanceId: 'inst', reason: null },
      { memberId: 'ghost', groupInstanceId: null, reason: null },
    ],
  });
  assert.deepEqual(
    [leave.errorCode, ...leave.members.map((m) => m.errorCode)],
    [ErrorCode.NONE, ErrorCode.NONE, ErrorCode.UNKNOWN_MEMBER_ID],
  );
  // LeaveGroup v0: one member, one error code
  const v0 = await b!.request(ApiKey.LeaveGroup, 0, {
    ...LeaveGroupRequestTypes.defaultLeaveGroupRequest(),
    groupId: 'classic',
    memberId: 'ghost',
  });
  assert.equal(v0.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
  const v1 = await b!.request(ApiKey.LeaveGroup, 1, {
    ...LeaveGroupRequestTypes.defaultLeaveGroupRequest(),
    groupId: 'classic',
    memberId: first.memberId,
  });
  assert.equal(v1.errorCode, ErrorCode.NONE);
  await until(
    'both groups Empty',
    () => broker.groupCoordinator.group('classic')?.is('Empty') && broker.groupCoordinator.group('static')?.is('Empty'),
  );
  const history = broker.groupCoordinator.rebalanceHistory('classic');
  assert.deepEqual(
    history.map((r) => [r.generation, r.members.length]),
    [
      [1, 1],
      [2, 1],
      [3, 0],
    ],
  );
  assert.equal(history[1]!.cause, 'join');
  const types = new Set<string>(events.map((e) => e.event.type));
  for (const t of [
    'group-member-joined',
    'group-member-left',
    'group-rebalance-started',
    'group-rebalance-completed',
    'group-state-changed',
  ])
    assert.ok(types.has(t), t);
  for (const c of [a, b, s1, s2]) c!.close();
});
