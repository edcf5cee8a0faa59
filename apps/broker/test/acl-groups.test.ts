// ACL checks on the group APIs, as Kafka 3.9's KafkaApis makes them, against a broker with the
// StandardAuthorizer, super.users=User:admin and SASL logins: kafkajs consumers (refused without
// READ on the group, consuming and committing with it; a super user needs no ACL) and raw requests
// where the exact error codes and their places matter — JoinGroup/SyncGroup/Heartbeat/LeaveGroup
// (READ on the group), FindCoordinator (DESCRIBE on the group or transactional id), OffsetCommit
// (READ on the group and each topic), OffsetFetch (DESCRIBE on the group and each topic, explicit
// partitions refused, "all" filtered), DescribeGroups (DESCRIBE per group, authorized operations),
// ListGroups (DESCRIBE on the cluster, else per group), DeleteGroups (DELETE per group) and
// OffsetDelete (DELETE on the group, READ per topic).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiKey,
  DeleteGroupsRequestTypes,
  DescribeGroupsRequestTypes,
  ErrorCode,
  FindCoordinatorRequestTypes,
  HeartbeatRequestTypes,
  JoinGroupRequestTypes,
  LeaveGroupRequestTypes,
  ListGroupsRequestTypes,
  OffsetCommitRequestTypes,
  OffsetDeleteRequestTypes,
  OffsetFetchRequestTypes,
  SyncGroupRequestTypes,
} from '@tarn/protocol';
import { ResourceType } from '../src/security/authorizer';
import { subscription } from './group-helpers';
import { TestConnection } from './helpers';

import { ADMIN, ALICE, READ, DELETE, DESCRIBE, OPS, setup, allow, kafka, login, consumeAll, committed, crash } from './acl-group-helpers';

test('kafkajs: without READ on the group alice cannot join; with it she consumes and commits; admin needs no ACL', async () => {
  const b = await setup();
  const producer = kafka(b.port, ADMIN, 'acl-producer').producer();
  await producer.connect();
  await producer.send({ topic: 'acl-t', messages: ['m0', 'm1', 'm2'].map((value) => ({ value })) });
  await producer.disconnect();

  // READ on the topic is not enough: FindCoordinator already needs DESCRIBE on the group (kafkajs
  // turns its GROUP_AUTHORIZATION_FAILED into "Failed to find group coordinator")
  assert.equal((await crash(b.port, ALICE, 'acl-g')).name, 'KafkaJSGroupCoordinatorNotFound');
  // DESCRIBE finds the coordinator; joining needs READ
  await allow(b, 'User:alice', ResourceType.GROUP, 'acl-g', DESCRIBE);
  assert.equal((await crash(b.port, ALICE, 'acl-g')).type, 'GROUP_AUTHORIZATION_FAILED');
  assert.equal(b.broker.groupCoordinator.group('acl-g'), undefined);

  await allow(b, 'User:alice', ResourceType.GROUP, 'acl-g', READ);
  assert.deepEqual(await consumeAll(b.port, ALICE, 'acl-g', 3), ['m0', 'm1', 'm2']);
  assert.equal(await committed(b.port, 'acl-g'), '3');

  // a super user: no ACL on its group at all
  assert.deepEqual(await consumeAll(b.port, ADMIN, 'acl-admin', 3), ['m0', 'm1', 'm2']);
});

test('JoinGroup, SyncGroup, Heartbeat, LeaveGroup and FindCoordinator answer GROUP_AUTHORIZATION_FAILED without the ACL', async () => {
  const b = await setup();
  const c = await login(b.port, 'alice', 'alice-secret');
  const join = (version: number, groupId: string) =>
    c.request(ApiKey.JoinGroup, version, {
      ...JoinGroupRequestTypes.defaultJoinGroupRequest(),
      groupId,
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 10_000,
      memberId: 'stale-member',
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: subscription(['acl-t']) }],
    });
  // as JoinGroupRequest.getErrorResponse: no member id, generation -1, protocol name "" before v7 and null from v7
  for (const [version, protocolName] of [
    [5, ''],
    [7, null],
  ] as const) {
    const r = await join(version, 'acl-denied');
    assert.deepEqual(
      {
        errorCode: r.errorCode,
        memberId: r.memberId,
        generationId: r.generationId,
        leader: r.leader,
        protocolName: r.protocolName,
        members: r.members,
      },
      { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, memberId: '', generationId: -1, leader: '', protocolName, members: [] },
    );
  }
  // with READ the coordinator answers (an unknown member id)
  assert.equal((await join(5, 'acl-g')).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);

  const sync = (protocolType: string | null) =>
    c.request(ApiKey.SyncGroup, 5, {
      ...SyncGroupRequestTypes.defaultSyncGroupRequest(),
      groupId: 'acl-denied',
      generationId: 1,
      memberId: 'm',
      protocolType,
      protocolName: 'range',
      assignments: [],
    });
  // v5's mandatory protocol fields are checked first, as Kafka does
  assert.equal((await sync(null)).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  const synced = await sync('consumer');
  assert.equal(synced.errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED);
  assert.equal(synced.assignment.length, 0);

  const beat = await c.request(ApiKey.Heartbeat, 4, {
    ...HeartbeatRequestTypes.defaultHeartbeatRequest(),
    groupId: 'acl-denied',
    generationId: 1,
    memberId: 'm',
  });
  assert.equal(beat.errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED);
  const left = await c.request(ApiKey.LeaveGroup, 3, {
    ...LeaveGroupRequestTypes.defaultLeaveGroupRequest(),
    groupId: 'acl-denied',
    members: [{ ...LeaveGroupRequestTypes.defaultMemberIdentity(), memberId: 'm' }],
  });
  assert.deepEqual([left.errorCode, left.members], [ErrorCode.GROUP_AUTHORIZATION_FAILED, []]);
  const leftV0 = await c.request(ApiKey.LeaveGroup, 0, {
    ...LeaveGroupRequestTypes.defaultLeaveGroupRequest(),
    groupId: 'acl-denied',
    memberId: 'm',
  });
  assert.equal(leftV0.errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED);

  // FindCoordinator: v0-3 one key (Kafka's error response: no node, the error's default message)
  const single = await c.request(ApiKey.FindCoordinator, 3, {
    ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
    key: 'acl-denied',
    keyType: 0,
  });
  assert.deepEqual(
    [single.errorCode, single.errorMessage, single.nodeId, single.host, single.port],
    [ErrorCode.GROUP_AUTHORIZATION_FAILED, 'Group authorization failed.', -1, '', -1],
  );
  // v4+: per key
  const batched = await c.request(ApiKey.FindCoordinator, 4, {
    ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
    keyType: 0,
    coordinatorKeys: ['acl-g', 'acl-denied'],
  });
  assert.deepEqual(
    batched.coordinators.map((k) => [k.key, k.errorCode, k.nodeId]),
    [
      ['acl-g', ErrorCode.NONE, b.broker.config.nodeId],
      ['acl-denied', ErrorCode.GROUP_AUTHORIZATION_FAILED, -1],
    ],
  );
  // a transactional id needs DESCRIBE on it
  const txn = await c.request(ApiKey.FindCoordinator, 4, {
    ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
    keyType: 1,
    coordinatorKeys: ['acl-txn'],
  });
  assert.deepEqual(
    txn.coordinators.map((k) => [k.errorCode, k.errorMessage]),
    [[ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, 'Transactional Id authorization failed.']],
  );
  c.close();
});

function commitRequest(groupId: string, offsets: Array<[string, number, bigint]>): OffsetCommitRequestTypes.OffsetCommitRequest {
  const topics = [...new Set(offsets.map(([t]) => t))].map((name) => ({
    ...OffsetCommitRequestTypes.defaultOffsetCommitRequestTopic(),
    name,
    partitions: offsets
      .filter(([t]) => t === name)
      .map(([, partitionIndex, committedOffset]) => ({
        ...OffsetCommitRequestTypes.defaultOffsetCommitRequestPartition(),
        partitionIndex,
        committedOffset,
      })),
  }));
  return { ...OffsetCommitRequestTypes.defaultOffsetCommitRequest(), groupId, generationIdOrMemberEpoch: -1, memberId: '', topics };
}

function errorsOf(r: {
  topics: Array<{ name: string; partitions: Array<{ partitionIndex: number; errorCode: number }> }>;
}): Array<[string, number, number]> {
  return r.topics.flatMap((t) => t.partitions.map((p): [string, number, number] => [t.name, p.partitionIndex, p.errorCode]));
}

test('OffsetCommit needs READ on the group and on each topic; OffsetFetch DESCRIBE on both, refusing named partitions and filtering "all"', async () => {
  const b = await setup();
  await allow(b, 'User:alice', ResourceType.GROUP, 'acl-raw', READ);
  await allow(b, 'User:alice', ResourceType.GROUP, 'acl-view', DESCRIBE);
  const admin = await login(b.port, 'admin', 'admin-secret');
  const alice = await login(b.port, 'alice', 'alice-secret');

  const denied = await alice.request(ApiKey.OffsetCommit, 8, commitRequest('acl-denied', [['acl-t', 0, 1n]]));
  assert.deepEqual(errorsOf(denied), [['acl-t', 0, ErrorCode.GROUP_AUTHORIZATION_FAILED]]);
  // topic authorization comes before existence: acl-nowhere (no ACL, no topic) is not disclosed
  const mixed = await alice.request(
    ApiKey.OffsetCommit,
    8,
    commitRequest('acl-raw', [
      ['acl-t', 0, 2n],
      ['acl-secret', 0, 1n],
      ['acl-ghost', 0, 1n],
      ['acl-nowhere', 0, 1n],
    ]),
  );
  assert.deepEqual(errorsOf(mixed), [
    ['acl-t', 0, ErrorCode.NONE],
    ['acl-secret', 0, ErrorCode.TOPIC_AUTHORIZATION_FAILED],
    ['acl-ghost', 0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    ['acl-nowhere', 0, ErrorCode.TOPIC_AUTHORIZATION_FAILED],
  ]);
  // DESCRIBE on a group is not enough to commit to it
  const viewOnly = await alice.request(ApiKey.OffsetCommit, 2, commitRequest('acl-view', [['acl-t', 0, 1n]]));
  assert.deepEqual(errorsOf(viewOnly), [['acl-t', 0, ErrorCode.GROUP_AUTHORIZATION_FAILED]]);
  // the super user commits anything
  for (const groupId of ['acl-raw', 'acl-view']) {
    const r = await admin.request(
      ApiKey.OffsetCommit,
      8,
      commitRequest(
        groupId,
        groupId === 'acl-raw'
          ? [['acl-secret', 0, 5n]]
          : [
              ['acl-t', 0, 3n],
              ['acl-secret', 0, 7n],
            ],
      ),
    );
    assert.ok(errorsOf(r).every(([, , e]) => e === ErrorCode.NONE));
  }

  const fetched = await alice.request(ApiKey.OffsetFetch, 8, {
    ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
    groups: [
      {
        ...OffsetFetchRequestTypes.defaultOffsetFetchRequestGroup(),
        groupId: 'acl-raw',
        topics: [
          { name: 'acl-secret', partitionIndexes: [0] },
          { name: 'acl-t', partitionIndexes: [0] },
        ],
      },
      { ...OffsetFetchRequestTypes.defaultOffsetFetchRequestGroup(), groupId: 'acl-view', topics: null },
      { ...OffsetFetchRequestTypes.defaultOffsetFetchRequestGroup(), groupId: 'acl-denied', topics: null },
    ],
  });
  assert.deepEqual(
    fetched.groups.map((g) => [
      g.groupId,
      g.errorCode,
      g.topics.flatMap((t) => t.partitions.map((p) => [t.name, p.partitionIndex, p.committedOffset, p.errorCode])),
    ]),
    [
      // the partitions she may not describe come after the others, with offset -1
      [
        'acl-raw',
        ErrorCode.NONE,
        [
          ['acl-t', 0, 2n, ErrorCode.NONE],
          ['acl-secret', 0, -1n, ErrorCode.TOPIC_AUTHORIZATION_FAILED],
        ],
      ],
      // "all partitions": acl-secret is left out
      ['acl-view', ErrorCode.NONE, [['acl-t', 0, 3n, ErrorCode.NONE]]],
      ['acl-denied', ErrorCode.GROUP_AUTHORIZATION_FAILED, []],
    ],
  );
  // v2-7: the group-level error; v0-1 have none, so each partition asked for carries it
  const v7 = await alice.request(ApiKey.OffsetFetch, 7, {
    ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
    groupId: 'acl-denied',
    topics: null,
  });
  assert.deepEqual([v7.errorCode, v7.topics], [ErrorCode.GROUP_AUTHORIZATION_FAILED, []]);
  const v1 = await alice.request(ApiKey.OffsetFetch, 1, {
    ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
    groupId: 'acl-denied',
    topics: [{ name: 'acl-t', partitionIndexes: [0] }],
  });
  assert.deepEqual(errorsOf(v1), [['acl-t', 0, ErrorCode.GROUP_AUTHORIZATION_FAILED]]);
  const v3all = await alice.request(ApiKey.OffsetFetch, 3, {
    ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
    groupId: 'acl-view',
    topics: null,
  });
  assert.deepEqual(errorsOf(v3all), [['acl-t', 0, ErrorCode.NONE]]);
  // the super user sees everything
  const all = await admin.request(ApiKey.OffsetFetch, 3, {
    ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
    groupId: 'acl-view',
    topics: null,
  });
  assert.deepEqual(
    all.topics.map((t) => t.name),
    ['acl-secret', 'acl-t'],
  );
  admin.close();
  alice.close();
});

test('ListGroups and DescribeGroups show alice only the groups she may describe; DESCRIBE on the cluster lists all', async () => {
  const b = await setup();
  const names = (groups: Array<{ groupId: string }>) => groups.map((g) => g.groupId).sort();
  const aliceAdmin = kafka(b.port, ALICE, 'acl-alice-admin').admin();
  await aliceAdmin.connect();
  assert.deepEqual(names((await aliceAdmin.listGroups()).groups), ['acl-g', 'acl-raw', 'acl-view']);
  const superAdmin = kafka(b.port, ADMIN, 'acl-super-admin').admin();
  await superAdmin.connect();
  assert.deepEqual(names((await superAdmin.listGroups()).groups), ['acl-admin', 'acl-g', 'acl-raw', 'acl-view']);
  await superAdmin.disconnect();

  const alice = await login(b.port, 'alice', 'alice-secret');
  const describe = (c: TestConnection, groups: string[]) =>
    c.request(ApiKey.DescribeGroups, 5, {
      ...DescribeGroupsRequestTypes.defaultDescribeGroupsRequest(),
      groups,
      includeAuthorizedOperations: true,
    });
  const described = await describe(alice, ['acl-g', 'acl-admin', 'acl-view']);
  assert.deepEqual(
    described.groups.map((g) => [g.groupId, g.errorCode, g.groupState, g.protocolType, g.authorizedOperations]),
    [
      // refused groups first, as Kafka lists them, with nothing but the error
      ['acl-admin', ErrorCode.GROUP_AUTHORIZATION_FAILED, '', '', -2147483648],
      // READ implies DESCRIBE
      ['acl-g', ErrorCode.NONE, 'Empty', 'consumer', OPS(READ, DESCRIBE)],
      ['acl-view', ErrorCode.NONE, 'Empty', '', OPS(DESCRIBE)],
    ],
  );
  const admin = await login(b.port, 'admin', 'admin-secret');
  const asAdmin = await describe(admin, ['acl-admin']);
  assert.deepEqual(
    asAdmin.groups.map((g) => [g.groupId, g.errorCode, g.authorizedOperations]),
    [['acl-admin', ErrorCode.NONE, OPS(READ, DESCRIBE, DELETE)]],
  );
  admin.close();

  // ListGroups never fails on authorization: with DESCRIBE on the cluster alice sees every group
  const listed = await alice.request(ApiKey.ListGroups, 4, ListGroupsRequestTypes.defaultListGroupsRequest());
  assert.deepEqual([listed.errorCode, names(listed.groups)], [ErrorCode.NONE, ['acl-g', 'acl-raw', 'acl-view']]);
  await allow(b, 'User:alice', ResourceType.CLUSTER, 'kafka-cluster', DESCRIBE);
  assert.deepEqual(names((await aliceAdmin.listGroups()).groups), ['acl-admin', 'acl-g', 'acl-raw', 'acl-view']);
  await aliceAdmin.disconnect();
  alice.close();
});

test('DeleteGroups needs DELETE on each group and OffsetDelete DELETE on the group and READ on each topic; the super user deletes anything', async () => {
  const b = await setup();
  const alice = await login(b.port, 'alice', 'alice-secret');
  const del = (c: TestConnection, groupsNames: string[]) =>
    c.request(ApiKey.DeleteGroups, 2, { ...DeleteGroupsRequestTypes.defaultDeleteGroupsRequest(), groupsNames });
  const results = (r: { results: Array<{ groupId: string; errorCode: number }> }) => r.results.map((g) => [g.groupId, g.errorCode]);
  // READ on acl-raw is not DELETE; a group named twice is answered once
  assert.deepEqual(results(await del(alice, ['acl-admin', 'acl-raw', 'acl-raw'])), [
    ['acl-admin', ErrorCode.GROUP_AUTHORIZATION_FAILED],
    ['acl-raw', ErrorCode.GROUP_AUTHORIZATION_FAILED],
  ]);
  assert.ok(b.broker.groupCoordinator.group('acl-raw') !== undefined);
  await allow(b, 'User:alice', ResourceType.GROUP, 'acl-raw', DELETE);
  // the groups deleted (or failing in the coordinator) come first, the refused ones after
  assert.deepEqual(results(await del(alice, ['acl-admin', 'acl-raw'])), [
    ['acl-raw', ErrorCode.NONE],
    ['acl-admin', ErrorCode.GROUP_AUTHORIZATION_FAILED],
  ]);
  assert.equal(b.broker.groupCoordinator.group('acl-raw'), undefined);

  const offsetDelete = (c: TestConnection, groupId: string) =>
    c.request(ApiKey.OffsetDelete, 0, {
      ...OffsetDeleteRequestTypes.defaultOffsetDeleteRequest(),
      groupId,
      topics: ['acl-t', 'acl-secret', 'acl-ghost'].map((name) => ({
        ...OffsetDeleteRequestTypes.defaultOffsetDeleteRequestTopic(),
        name,
        partitions: [{ partitionIndex: 0 }],
      })),
    });
  // DESCRIBE on acl-view is not DELETE: the group-level error, no topics
  const refused = await offsetDelete(alice, 'acl-view');
  assert.deepEqual([refused.errorCode, refused.topics], [ErrorCode.GROUP_AUTHORIZATION_FAILED, []]);
  await allow(b, 'User:alice', ResourceType.GROUP, 'acl-view', DELETE);
  const deleted = await offsetDelete(alice, 'acl-view');
  assert.equal(deleted.errorCode, ErrorCode.NONE);
  assert.deepEqual(errorsOf(deleted), [
    ['acl-t', 0, ErrorCode.NONE],
    ['acl-secret', 0, ErrorCode.TOPIC_AUTHORIZATION_FAILED],
    ['acl-ghost', 0, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
  ]);
  alice.close();

  const admin = await login(b.port, 'admin', 'admin-secret');
  const left = await admin.request(ApiKey.OffsetFetch, 3, {
    ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
    groupId: 'acl-view',
    topics: null,
  });
  assert.deepEqual(
    left.topics.map((t) => [t.name, t.partitions.map((p) => p.committedOffset)]),
    [['acl-secret', [7n]]],
  );
  assert.deepEqual(results(await del(admin, ['acl-admin', 'acl-view'])), [
    ['acl-admin', ErrorCode.NONE],
    ['acl-view', ErrorCode.NONE],
  ]);
  admin.close();
});
