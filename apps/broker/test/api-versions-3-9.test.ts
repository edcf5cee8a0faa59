// The versions Kafka 3.9 added over 3.x's older ones, each with its semantics, byte-level: batched
// FindCoordinator (v4+) and OffsetFetch (v8+), DeleteTopics by topic id (v6), Fetch by topic id
// (v13+, replica_state v15+), ListOffsets' -4/-5 (v8/v9), ListGroups' types filter (v5), and the
// per-request partition bound of CreateTopics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiKey,
  CreateTopicsRequestTypes,
  DeleteTopicsRequestTypes,
  ErrorCode,
  FetchRequestTypes,
  FindCoordinatorRequestTypes,
  ListGroupsRequestTypes,
  ListOffsetsRequestTypes,
  OffsetFetchRequestTypes,
  ProduceRequestTypes,
  buildRecordBatch,
} from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';

const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

async function produce(c: TestConnection, topic: string, values: string[]): Promise<void> {
  const res = await c.request(ApiKey.Produce, 11, {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks: -1,
    timeoutMs: 5000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: topic,
        partitionData: [
          { ...ProduceRequestTypes.defaultPartitionProduceData(), index: 0, records: buildRecordBatch(values.map((value) => ({ value }))) },
        ],
      },
    ],
  });
  assert.equal(res.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
}

test('Kafka 3.9 versions: batched coordinators and offsets, topic ids, new ListOffsets timestamps, group types', async () => {
  const { port, broker } = await startBroker();
  const c = await TestConnection.open(port);
  const topic = await broker.topicAdmin.createTopic({ name: 'v39', numPartitions: 1, replicationFactor: 1 });
  await produce(c, 'v39', ['a', 'b', 'c']);

  // FindCoordinator v4-6: one answer per key, in the order asked, duplicates answered too
  for (const v of [4, 5, 6]) {
    const fc = await c.request(ApiKey.FindCoordinator, v, {
      ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
      keyType: 0,
      coordinatorKeys: ['g1', 'g2', 'g1'],
    });
    assert.deepEqual(
      fc.coordinators.map((x) => [x.key, x.errorCode, x.nodeId, x.port]),
      [
        ['g1', 0, 1, port],
        ['g2', 0, 1, port],
        ['g1', 0, 1, port],
      ],
    );
  }
  const share = await c.request(ApiKey.FindCoordinator, 6, {
    ...FindCoordinatorRequestTypes.defaultFindCoordinatorRequest(),
    keyType: 2,
    coordinatorKeys: ['s'],
  });
  assert.equal(share.coordinators[0]!.errorCode, ErrorCode.INVALID_REQUEST, 'share groups are not supported');

  // OffsetFetch v8/v9: several groups in one request, each with its own answer
  await broker.groupCoordinator.handleCommitOffsets('g1', '', null, -1, [
    {
      tp: { topic: 'v39', partition: 0 },
      om: { offset: 2n, leaderEpoch: -1, metadata: 'm', commitTimestamp: Date.now(), expireTimestamp: null },
    },
  ]);
  for (const v of [8, 9]) {
    const of = await c.request(ApiKey.OffsetFetch, v, {
      ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(),
      groups: [
        { ...OffsetFetchRequestTypes.defaultOffsetFetchRequestGroup(), groupId: 'g1', topics: null },
        {
          ...OffsetFetchRequestTypes.defaultOffsetFetchRequestGroup(),
          groupId: 'g2',
          topics: [{ ...OffsetFetchRequestTypes.defaultOffsetFetchRequestTopics(), name: 'v39', partitionIndexes: [0] }],
        },
      ],
    });
    assert.deepEqual(
      of.groups.map((g) => [
        g.groupId,
        g.errorCode,
        g.topics.map((t) => [t.name, t.partitions.map((p) => [p.partitionIndex, Number(p.committedOffset), p.metadata])]),
      ]),
      [
        ['g1', 0, [['v39', [[0, 2, 'm']]]]],
        ['g2', 0, [['v39', [[0, -1, '']]]]],
      ],
    );
  }

  // Fetch v13-17 names topics by id; an unknown id is UNKNOWN_TOPIC_ID on its partitions
  for (const v of [13, 15, 17]) {
    const fetched = await c.request(ApiKey.Fetch, v, {
      ...FetchRequestTypes.defaultFetchRequest(),
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 1,
      maxBytes: 1 << 20,
      topics: [
        {
          ...FetchRequestTypes.defaultFetchTopic(),
          topicId: topic.topicId,
          partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }],
        },
        {
          ...FetchRequestTypes.defaultFetchTopic(),
          topicId: 'AQIDBAUGBwgJCgsMDQ4PEA',
          partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }],
        },
      ],
    });
    assert.equal(fetched.errorCode, ErrorCode.NONE);
    const [known, unknown] = fetched.responses;
    assert.equal(known!.topicId, topic.topicId);
    assert.equal(known!.partitions[0]!.errorCode, ErrorCode.NONE);
    assert.equal(known!.partitions[0]!.highWatermark, 3n);
    assert.ok(known!.partitions[0]!.records!.length > 0, `v${v} returns the records`);
    assert.equal(unknown!.partitions[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
  }

  // ListOffsets: -4 (v8+) is the log start offset, -5 (v9+) has no tiered offset; older versions refuse them
  const listOffsets = (v: number, timestamp: bigint) =>
    c.request(ApiKey.ListOffsets, v, {
      ...ListOffsetsRequestTypes.defaultListOffsetsRequest(),
      replicaId: -1,
      topics: [
        {
          ...ListOffsetsRequestTypes.defaultListOffsetsTopic(),
          name: 'v39',
          partitions: [{ ...ListOffsetsRequestTypes.defaultListOffsetsPartition(), partitionIndex: 0, timestamp }],
        },
      ],
    });
  const earliestLocal = (await listOffsets(8, -4n)).topics[0]!.partitions[0]!;
  assert.deepEqual([earliestLocal.errorCode, earliestLocal.offset], [ErrorCode.NONE, 0n]);
  const latestTiered = (await listOffsets(9, -5n)).topics[0]!.partitions[0]!;
  assert.deepEqual([latestTiered.errorCode, latestTiered.offset, latestTiered.leaderEpoch], [ErrorCode.NONE, -1n, -1]);
  assert.equal((await listOffsets(7, -4n)).topics[0]!.partitions[0]!.errorCode, ErrorCode.UNSUPPORTED_VERSION);
  assert.equal((await listOffsets(8, -5n)).topics[0]!.partitions[0]!.errorCode, ErrorCode.UNSUPPORTED_VERSION);
  assert.equal((await listOffsets(9, -1n)).topics[0]!.partitions[0]!.offset, 3n);

  // ListGroups v5: every tarn group is a classic group
  const classic = await c.request(ApiKey.ListGroups, 5, { ...ListGroupsRequestTypes.defaultListGroupsRequest(), typesFilter: ['Classic'] });
  assert.deepEqual(
    classic.groups.map((g) => [g.groupId, g.groupType]),
    [['g1', 'classic']],
  );
  const consumer = await c.request(ApiKey.ListGroups, 5, {
    ...ListGroupsRequestTypes.defaultListGroupsRequest(),
    typesFilter: ['consumer'],
  });
  assert.deepEqual(consumer.groups, []);

  // DeleteTopics v6: by id, or by name; both or neither is INVALID_REQUEST; an unknown id UNKNOWN_TOPIC_ID
  await broker.topicAdmin.createTopic({ name: 'by-name', numPartitions: 1, replicationFactor: 1 });
  const state = (name: string | null, topicId = ZERO_UUID) => ({ ...DeleteTopicsRequestTypes.defaultDeleteTopicState(), name, topicId });
  const deleted = await c.request(ApiKey.DeleteTopics, 6, {
    ...DeleteTopicsRequestTypes.defaultDeleteTopicsRequest(),
    timeoutMs: 5000,
    topics: [state(null, topic.topicId), state('by-name'), state('x', topic.topicId), state(null), state(null, 'AQIDBAUGBwgJCgsMDQ4PEA')],
  });
  assert.deepEqual(
    deleted.responses.map((r) => [r.name, r.errorCode]),
    [
      ['v39', ErrorCode.NONE],
      ['by-name', ErrorCode.NONE],
      ['x', ErrorCode.INVALID_REQUEST],
      [null, ErrorCode.INVALID_REQUEST],
      [null, ErrorCode.UNKNOWN_TOPIC_ID],
    ],
  );
  assert.equal(deleted.responses[0]!.topicId, topic.topicId);
  assert.equal(broker.metadata.topic('v39'), undefined);
  assert.equal(broker.metadata.topic('by-name'), undefined);
  c.close();
});

test('a request for more than 10,000 partitions is refused whole with POLICY_VIOLATION, and nothing is created', async () => {
  const { port, broker } = await startBroker();
  const c = await TestConnection.open(port);
  const creatable = (name: string, numPartitions: number) => ({
    ...CreateTopicsRequestTypes.defaultCreatableTopic(),
    name,
    numPartitions,
    replicationFactor: 1,
  });
  const huge = await c.request(ApiKey.CreateTopics, 7, {
    ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
    timeoutMs: 5000,
    topics: [creatable('small', 1), creatable('flipped', 0x7fffffff)],
  });
  assert.deepEqual(
    huge.topics.map((t) => [t.name, t.errorCode]),
    [
      ['small', ErrorCode.POLICY_VIOLATION],
      ['flipped', ErrorCode.POLICY_VIOLATION],
    ],
  );
  const many = await c.request(ApiKey.CreateTopics, 7, {
    ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
    timeoutMs: 5000,
    topics: Array.from({ length: 11 }, (_, i) => creatable(`t${i}`, 1000)),
  });
  assert.ok(many.topics.every((t) => t.errorCode === ErrorCode.POLICY_VIOLATION));
  assert.equal(broker.metadata.topics().filter((t) => !t.internal).length, 0);
  c.close();
});
