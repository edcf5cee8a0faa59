// The __consumer_offsets partition Kafka 2.1.1 wrote (fixtures README §1.4) loads into tarn's group
// coordinator by replay alone, and OffsetFetch, DescribeGroups and ListGroups answer its final state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, DescribeGroupsRequestTypes, ErrorCode, ListGroupsRequestTypes, OffsetFetchRequestTypes } from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';
import { copyFixtureLogDir, until } from './group-helpers';

test('a __consumer_offsets partition written by Kafka 2.1.1 loads with its final committed state', async () => {
  const { port, broker } = await startBroker({ 'offsets.topic.num.partitions': '1' }, copyFixtureLogDir());
  const offsetsTopic = broker.metadata.topic('__consumer_offsets')!;
  assert.equal(offsetsTopic.internal, true);
  assert.equal(offsetsTopic.configs['cleanup.policy'], 'compact', 'adopted as a compacted topic');
  assert.equal(broker.logManager.getLog('__consumer_offsets', 0)!.config.cleanupPolicy.compact, true);
  await until('loaded', () => broker.groupCoordinator.validateGroupStatus('fixture-group', 'OffsetFetch') === null);

  const c = await TestConnection.open(port);
  const fetchAll = async (groupId: string, version: number) => {
    const res = await c.request(ApiKey.OffsetFetch, version, {
      ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
      groupId,
      topics: null,
    });
    assert.equal(res.errorCode, ErrorCode.NONE);
    return Object.fromEntries(
      res.topics.flatMap((t) =>
        t.partitions.map((p) => [
          `${t.name}/${p.partitionIndex}`,
          [Number(p.committedOffset), p.metadata, p.committedLeaderEpoch, p.errorCode],
        ]),
      ),
    );
  };
  assert.deepEqual(await fetchAll('fixture-group', 7), {
    'fx-gzip/0': [513, '', -1, 0],
    'fx-kcat/0': [23, 'kcat end', -1, 0],
    'fx-lz4/0': [0, 'lz4 at zero', -1, 0],
    'fx-none/0': [200, 'second commit', -1, 0],
    'fx-snappy/0': [250, 'snappy ✓ ünïcödé', -1, 0],
    'fx-zstd/0': [508, 'after aborted txn', -1, 0],
  });
  assert.deepEqual(await fetchAll('fixture-simple-group', 2), {
    'fx-lz4/0': [300, 'standalone assign()', -1, 0],
    'fx-none/0': [42, '', -1, 0],
  });
  assert.deepEqual(await fetchAll('fixture-kcat-group', 5), { 'fx-kcat/0': [23, '', -1, 0] });
  // named partitions at v1: a partition never committed answers -1
  const v1 = await c.request(ApiKey.OffsetFetch, 1, {
    ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
    groupId: 'fixture-group',
    topics: [
      { ...OffsetFetchRequestTypes.defaultOffsetFetchRequestTopic(), name: 'fx-none', partitionIndexes: [0] },
      { ...OffsetFetchRequestTypes.defaultOffsetFetchRequestTopic(), name: 'fx-magic1', partitionIndexes: [0] },
    ],
  });
  assert.deepEqual(
    v1.topics.map((t) => [t.name, Number(t.partitions[0]!.committedOffset)]),
    [
      ['fx-none', 200],
      ['fx-magic1', -1],
    ],
  );

  const described = await c.request(ApiKey.DescribeGroups, 5, {
    ...DescribeGroupsRequestTypes.defaultDescribeGroupsRequest(),
    groups: ['fixture-group', 'fixture-simple-group', 'fixture-kcat-group', 'no-such-group'],
  });
  assert.deepEqual(
    described.groups.map((g) => [g.groupId, g.errorCode, g.groupState, g.protocolType, g.protocolData, g.members.length]),
    [
      ['fixture-group', 0, 'Empty', 'consumer', '', 0],
      ['fixture-simple-group', 0, 'Empty', '', '', 0],
      ['fixture-kcat-group', 0, 'Empty', 'consumer', '', 0],
      ['no-such-group', 0, 'Dead', '', '', 0],
    ],
  );
  const fixtureGroup = broker.groupCoordinator.group('fixture-group')!;
  assert.equal(fixtureGroup.generationId, 4);
  assert.equal(broker.groupCoordinator.group('fixture-kcat-group')!.generationId, 2);

  const listed = await c.request(ApiKey.ListGroups, 4, { ...ListGroupsRequestTypes.defaultListGroupsRequest(), statesFilter: [] });
  assert.equal(listed.errorCode, 0);
  assert.deepEqual(listed.groups.map((g) => [g.groupId, g.protocolType, g.groupState]).sort(), [
    ['fixture-group', 'consumer', 'Empty'],
    ['fixture-kcat-group', 'consumer', 'Empty'],
    ['fixture-simple-group', '', 'Empty'],
  ]);
  const stable = await c.request(ApiKey.ListGroups, 4, { ...ListGroupsRequestTypes.defaultListGroupsRequest(), statesFilter: ['Stable'] });
  assert.deepEqual(stable.groups, []);
  c.close();
});
