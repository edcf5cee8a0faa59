// Topic administration through the Kafka APIs: name rules, validate-only, partitions, configs that
// take effect on the live logs, DeleteRecords, and internal topics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiKey,
  CreateTopicsRequestTypes,
  DeleteRecordsRequestTypes,
  DeleteTopicsRequestTypes,
  DescribeConfigsRequestTypes,
  ErrorCode,
  IncrementalAlterConfigsRequestTypes,
  ProduceRequestTypes,
  buildRecordBatch,
} from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';

const topic = (name: string, numPartitions = 1, configs: Record<string, string> = {}) => ({
  ...CreateTopicsRequestTypes.defaultCreatableTopic(),
  name,
  numPartitions,
  replicationFactor: 1,
  configs: Object.entries(configs).map(([k, v]) => ({ name: k, value: v })),
});

async function produce(c: TestConnection, name: string, n: number, partition = 0) {
  const res = await c.request(ApiKey.Produce, 8, {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks: 1,
    timeoutMs: 1000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name,
        partitionData: [
          {
            ...ProduceRequestTypes.defaultPartitionProduceData(),
            index: partition,
            records: buildRecordBatch(Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(200) }))),
          },
        ],
      },
    ],
  });
  return res.responses[0]!.partitionResponses[0]!;
}

test('CreateTopics: Kafka name rules, collisions, bad configs, validate-only, duplicates', async () => {
  const { port, broker } = await startBroker();
  const c = await TestConnection.open(port);
  const create = async (topics: ReturnType<typeof topic>[], validateOnly = false) =>
    (await c.request(ApiKey.CreateTopics, 7, { ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(), topics, validateOnly })).topics;
  const [ok] = await create([topic('metrics.cpu', 2, { 'retention.ms': '60000' })]);
  assert.equal(ok!.errorCode, 0);
  assert.equal(ok!.numPartitions, 2);
  assert.equal(ok!.configs?.find((x) => x.name === 'retention.ms')?.value, '60000');
  const results = await create([
    topic('bad name!'),
    topic('x'.repeat(250)),
    topic('..'),
    topic('metrics_cpu'),
    topic('metrics.cpu'),
    topic('cfg', 1, { 'retention.ms': 'soon' }),
    topic('cfg2', 1, { 'no.such.config': '1' }),
    topic('zero', 0),
    topic('__consumer_offsets'),
  ]);
  assert.deepEqual(
    results.map((r) => [r.name.slice(0, 12), r.errorCode]),
    [
      ['bad name!', ErrorCode.INVALID_TOPIC_EXCEPTION],
      ['xxxxxxxxxxxx', ErrorCode.INVALID_TOPIC_EXCEPTION],
      ['..', ErrorCode.INVALID_TOPIC_EXCEPTION],
      ['metrics_cpu', ErrorCode.INVALID_TOPIC_EXCEPTION],
      ['metrics.cpu', ErrorCode.TOPIC_ALREADY_EXISTS],
      ['cfg', ErrorCode.INVALID_CONFIG],
      ['cfg2', ErrorCode.INVALID_CONFIG],
      ['zero', ErrorCode.INVALID_PARTITIONS],
      ['__consumer_o', ErrorCode.INVALID_REQUEST],
    ],
  );
  assert.match(results[3]!.errorMessage!, /collides with existing topic: metrics.cpu/);
  assert.match(results[5]!.errorMessage!, /retention.ms/);
  const [validated] = await create([topic('only-validated', 3)], true);
  assert.equal(validated!.errorCode, 0);
  assert.equal(broker.metadata.topic('only-validated'), undefined, 'validate-only creates nothing');
  const dup = await create([topic('twice'), topic('twice')]);
  assert.deepEqual(
    dup.map((r) => r.errorCode),
    [ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST],
  );
  c.close();
});

test('topic configs changed with IncrementalAlterConfigs take effect on the live log', async () => {
  const { port, broker } = await startBroker();
  const c = await TestConnection.open(port);
  await c.request(ApiKey.CreateTopics, 7, { ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(), topics: [topic('live')] });
  await produce(c, 'live', 20);
  const log = broker.logManager.getLog('live', 0)!;
  assert.equal(log.segments.length, 1);
  const alter = async (configs: Array<[string, number, string | null]>) =>
    (
      await c.request(ApiKey.IncrementalAlterConfigs, 1, {
        ...IncrementalAlterConfigsRequestTypes.defaultIncrementalAlterConfigsRequest(),
        resources: [
          {
            ...IncrementalAlterConfigsRequestTypes.defaultAlterConfigsResource(),
            resourceType: 2,
            resourceName: 'live',
            configs: configs.map(([name, op, value]) => ({
              ...IncrementalAlterConfigsRequestTypes.defaultAlterableConfig(),
              name,
              configOperation: op,
              value,
            })),
          },
        ],
      })
    ).responses[0]!;
  assert.equal(
    (
      await alter([
        ['segment.bytes', 0, '5000'],
        ['cleanup.policy', 0, 'compact,delete'],
      ])
    ).errorCode,
    0,
  );
  for (let i = 0; i < 5; i++) await produce(c, 'live', 20);
  assert.ok(log.segments.length > 3, `segments rolled at the new segment.bytes (${log.segments.length})`);
  assert.deepEqual(log.config.cleanupPolicy, { compact: true, delete: true });
  const bad = await alter([['segment.bytes', 0, '-1']]);
  assert.equal(bad.errorCode, ErrorCode.INVALID_CONFIG);
  assert.equal(log.config.segmentBytes, 5000, 'a refused change leaves the config as it was');
  // DescribeConfigs shows the override with its source and the synonym chain
  const described = await c.request(ApiKey.DescribeConfigs, 4, {
    ...DescribeConfigsRequestTypes.defaultDescribeConfigsRequest(),
    resources: [
      {
        ...DescribeConfigsRequestTypes.defaultDescribeConfigsResource(),
        resourceType: 2,
        resourceName: 'live',
        configurationKeys: ['segment.bytes', 'retention.ms'],
      },
    ],
    includeSynonyms: true,
  });
  const byName = new Map(described.results[0]!.configs.map((x) => [x.name, x]));
  assert.equal(byName.get('segment.bytes')!.value, '5000');
  assert.equal(byName.get('segment.bytes')!.configSource, 1);
  assert.deepEqual(
    byName.get('segment.bytes')!.synonyms.map((s) => [s.name, s.value, s.source]),
    [
      ['segment.bytes', '5000', 1],
      ['log.segment.bytes', '1073741824', 5],
    ],
  );
  assert.equal(byName.get('retention.ms')!.configSource, 5);
  // DELETE puts the default back
  assert.equal((await alter([['segment.bytes', 1, null]])).errorCode, 0);
  assert.equal(log.config.segmentBytes, 1073741824);
  c.close();
});

test('DeleteRecords moves the log start offset; compacted topics refuse; internal topics cannot be deleted', async () => {
  const { port, broker } = await startBroker();
  const c = await TestConnection.open(port);
  await c.request(ApiKey.CreateTopics, 7, {
    ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
    topics: [topic('trim'), topic('compacted', 1, { 'cleanup.policy': 'compact' })],
  });
  await produce(c, 'trim', 30);
  const del = async (name: string, offset: bigint) =>
    (
      await c.request(ApiKey.DeleteRecords, 2, {
        ...DeleteRecordsRequestTypes.defaultDeleteRecordsRequest(),
        timeoutMs: 1000,
        topics: [
          {
            ...DeleteRecordsRequestTypes.defaultDeleteRecordsTopic(),
            name,
            partitions: [{ ...DeleteRecordsRequestTypes.defaultDeleteRecordsPartition(), partitionIndex: 0, offset }],
          },
        ],
      })
    ).topics[0]!.partitions[0]!;
  const r = await del('trim', 12n);
  assert.deepEqual([r.errorCode, r.lowWatermark], [0, 12n]);
  assert.equal(broker.logManager.getLog('trim', 0)!.logStartOffset, 12);
  assert.equal((await del('trim', 31n)).errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
  assert.deepEqual([(await del('trim', -1n)).lowWatermark], [30n]);
  assert.equal((await del('compacted', 0n)).errorCode, ErrorCode.POLICY_VIOLATION);
  await broker.topicAdmin.createTopic(
    { name: '__consumer_offsets', numPartitions: 1, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } },
    { internal: true },
  );
  const deleted = await c.request(ApiKey.DeleteTopics, 4, {
    ...DeleteTopicsRequestTypes.defaultDeleteTopicsRequest(),
    topicNames: ['__consumer_offsets', 'nope', 'trim'],
    timeoutMs: 1000,
  });
  assert.deepEqual(
    deleted.responses.map((x) => [x.name, x.errorCode]),
    [
      ['__consumer_offsets', ErrorCode.INVALID_TOPIC_EXCEPTION],
      ['nope', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
      ['trim', ErrorCode.NONE],
    ],
  );
  assert.equal(broker.logManager.getLog('trim', 0), undefined);
  c.close();
});

test('idle connections are closed after connections.max.idle.ms', async () => {
  const { port } = await startBroker({ 'connections.max.idle.ms': '300' });
  const c = await TestConnection.open(port);
  await c.expectClosed(3000);
});
