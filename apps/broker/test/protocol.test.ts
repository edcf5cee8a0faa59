// Byte-level exchanges with the broker: ApiVersions (flexible v3 and the KIP-511 fallback),
// Metadata v12 and Fetch v12 round trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiKey,
  ApiVersionsRequestTypes,
  ErrorCode,
  FetchRequestTypes,
  MetadataRequestTypes,
  ProduceRequestTypes,
  CreateTopicsRequestTypes,
  buildRecordBatch,
  decodeRecordBatch,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  CompressionType,
} from '@tarn/protocol';
import { TestConnection, startBroker } from './helpers';

/**
 * What Apache Kafka 3.9 advertises for each API tarn serves (its protocol guide and schemas): tarn
 * must advertise exactly these ranges (DESIGN.md decision 1).
 */
const KAFKA_3_9: Record<number, [number, number]> = {
  [ApiKey.Produce]: [0, 11],
  [ApiKey.Fetch]: [0, 17],
  [ApiKey.ListOffsets]: [0, 9],
  [ApiKey.Metadata]: [0, 12],
  [ApiKey.OffsetCommit]: [0, 9],
  [ApiKey.OffsetFetch]: [0, 9],
  [ApiKey.FindCoordinator]: [0, 6],
  [ApiKey.JoinGroup]: [0, 9],
  [ApiKey.Heartbeat]: [0, 4],
  [ApiKey.LeaveGroup]: [0, 5],
  [ApiKey.SyncGroup]: [0, 5],
  [ApiKey.DescribeGroups]: [0, 5],
  [ApiKey.ListGroups]: [0, 5],
  [ApiKey.ApiVersions]: [0, 4],
  [ApiKey.CreateTopics]: [0, 7],
  [ApiKey.DeleteTopics]: [0, 6],
  [ApiKey.DeleteRecords]: [0, 2],
  [ApiKey.InitProducerId]: [0, 5],
  [ApiKey.OffsetForLeaderEpoch]: [0, 4],
  [ApiKey.DescribeConfigs]: [0, 4],
  [ApiKey.AlterConfigs]: [0, 2],
  [ApiKey.DescribeLogDirs]: [0, 4],
  [ApiKey.CreatePartitions]: [0, 3],
  [ApiKey.DeleteGroups]: [0, 2],
  [ApiKey.ElectLeaders]: [0, 2],
  [ApiKey.IncrementalAlterConfigs]: [0, 1],
  [ApiKey.AlterPartitionReassignments]: [0, 0],
  [ApiKey.ListPartitionReassignments]: [0, 0],
  [ApiKey.OffsetDelete]: [0, 0],
  [ApiKey.DescribeCluster]: [0, 1],
  [ApiKey.SaslHandshake]: [0, 1],
  [ApiKey.SaslAuthenticate]: [0, 2],
  [ApiKey.DescribeUserScramCredentials]: [0, 0],
  [ApiKey.AlterUserScramCredentials]: [0, 0],
  [ApiKey.DescribeAcls]: [0, 3],
  [ApiKey.CreateAcls]: [0, 3],
  [ApiKey.DeleteAcls]: [0, 3],
  [ApiKey.AddPartitionsToTxn]: [0, 4],
  [ApiKey.AddOffsetsToTxn]: [0, 4],
  [ApiKey.EndTxn]: [0, 4],
  [ApiKey.WriteTxnMarkers]: [0, 1],
  [ApiKey.TxnOffsetCommit]: [0, 4],
  [ApiKey.DescribeProducers]: [0, 0],
  [ApiKey.DescribeTransactions]: [0, 0],
  [ApiKey.ListTransactions]: [0, 1],
};

test('ApiVersions v3/v4 list every served API at the versions Kafka 3.9 advertises; v0 too; v5 gets the KIP-511 fallback', async () => {
  const { port } = await startBroker();
  const c = await TestConnection.open(port);
  const v4 = await c.request(ApiKey.ApiVersions, 4, {
    ...ApiVersionsRequestTypes.defaultApiVersionsRequest(),
    clientSoftwareName: 'tarn-test',
    clientSoftwareVersion: '1.0',
  });
  assert.equal(v4.errorCode, 0);
  const ranges = Object.fromEntries(v4.apiKeys.map((k) => [k.apiKey, [k.minVersion, k.maxVersion]]));
  assert.deepEqual(ranges, KAFKA_3_9);
  assert.equal(68 in ranges, false, 'KIP-848 ConsumerGroupHeartbeat is not advertised');

  const v3 = await c.request(ApiKey.ApiVersions, 3, {
    ...ApiVersionsRequestTypes.defaultApiVersionsRequest(),
    clientSoftwareName: 'tarn-test',
    clientSoftwareVersion: '1.0',
  });
  assert.deepEqual(v3.apiKeys, v4.apiKeys);
  const v0 = await c.request(ApiKey.ApiVersions, 0, ApiVersionsRequestTypes.defaultApiVersionsRequest());
  assert.deepEqual(
    v0.apiKeys,
    v3.apiKeys.map((k) => ({ apiKey: k.apiKey, minVersion: k.minVersion, maxVersion: k.maxVersion })),
  );

  // A client asking for a version newer than ours: a v0 body with UNSUPPORTED_VERSION and our range.
  const request = Buffer.concat(
    encodeRequest(ApiKey.ApiVersions, 4, 99, 'future', {
      ...ApiVersionsRequestTypes.defaultApiVersionsRequest(),
      clientSoftwareName: 'future',
      clientSoftwareVersion: '9',
    }),
  );
  request.writeInt16BE(5, 6);
  c.write(request);
  const id = 99;
  const frame = await c.readFrame();
  const fallback = decodeResponse(ApiKey.ApiVersions, 0, frame);
  assert.equal(fallback.correlationId, id);
  assert.equal(fallback.body.errorCode, ErrorCode.UNSUPPORTED_VERSION);
  assert.deepEqual(
    fallback.body.apiKeys.map((k) => [k.apiKey, k.minVersion, k.maxVersion]),
    [[ApiKey.ApiVersions, 0, 4]],
  );
  // exactly the bytes Kafka writes: v0 response header, error 35, one api key, nothing after
  assert.deepEqual(frame, Buffer.concat(encodeResponse(ApiKey.ApiVersions, 0, id, fallback.body)).subarray(4));
  assert.equal(frame.length, 4 + 2 + 4 + 6);

  // an invalid client software name is INVALID_REQUEST
  const bad = await c.request(ApiKey.ApiVersions, 3, {
    ...ApiVersionsRequestTypes.defaultApiVersionsRequest(),
    clientSoftwareName: '-bad-',
    clientSoftwareVersion: '1',
  });
  assert.equal(bad.errorCode, ErrorCode.INVALID_REQUEST);
  c.close();
});

test('Metadata v12 round trip: the response re-encodes to the same bytes and describes the cluster', async () => {
  const { port, broker } = await startBroker();
  const c = await TestConnection.open(port);
  const created = await c.request(ApiKey.CreateTopics, 7, {
    ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
    topics: [{ ...CreateTopicsRequestTypes.defaultCreatableTopic(), name: 'meta-topic', numPartitions: 3, replicationFactor: 1 }],
  });
  assert.equal(created.topics[0]!.errorCode, 0);
  const topicId = created.topics[0]!.topicId;
  const id = c.sendRequest(ApiKey.Metadata, 12, {
    ...MetadataRequestTypes.defaultMetadataRequest(),
    topics: [
      { ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: 'meta-topic' },
      { ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: null, topicId },
    ],
    allowAutoTopicCreation: false,
  });
  const frame = await c.readFrame();
  const { body } = decodeResponse(ApiKey.Metadata, 12, frame);
  assert.deepEqual(Buffer.concat(encodeResponse(ApiKey.Metadata, 12, id, body)).subarray(4), frame);
  assert.equal(body.clusterId, broker.metadata.clusterId);
  assert.equal(body.controllerId, 1);
  assert.deepEqual(
    body.brokers.map((b) => [b.nodeId, b.host, b.port]),
    [[1, '127.0.0.1', port]],
  );
  assert.equal(body.topics.length, 2);
  for (const t of body.topics) {
    assert.equal(t.errorCode, 0);
    assert.equal(t.name, 'meta-topic');
    assert.equal(t.topicId, topicId);
    assert.deepEqual(
      t.partitions.map((p) => [p.partitionIndex, p.leaderId, p.leaderEpoch, p.replicaNodes, p.isrNodes]),
      [0, 1, 2].map((i) => [i, 1, 0, [1], [1]]),
    );
  }
  c.close();
});

test('Fetch v12 round trip: batches come back byte for byte as produced (with offsets assigned)', async () => {
  const { port } = await startBroker();
  const c = await TestConnection.open(port);
  const batch = buildRecordBatch(
    [
      { key: 'k1', value: 'v1', headers: [{ key: 'h', value: 'x' }] },
      { key: null, value: 'v2' },
      { key: 'k3', value: null },
    ],
    { compression: CompressionType.LZ4, now: 1_700_000_000_000 },
  );
  const produced = Buffer.from(batch);
  await c.request(ApiKey.Metadata, 12, {
    ...MetadataRequestTypes.defaultMetadataRequest(),
    topics: [{ ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: 'fetch-topic' }],
  });
  const pr = await c.request(ApiKey.Produce, 9, {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks: -1,
    timeoutMs: 5000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: 'fetch-topic',
        partitionData: [{ ...ProduceRequestTypes.defaultPartitionProduceData(), index: 0, records: batch }],
      },
    ],
  });
  assert.equal(pr.responses[0]!.partitionResponses[0]!.errorCode, 0);
  assert.equal(pr.responses[0]!.partitionResponses[0]!.baseOffset, 0n);
  const id = c.sendRequest(ApiKey.Fetch, 12, {
    ...FetchRequestTypes.defaultFetchRequest(),
    maxWaitMs: 100,
    minBytes: 1,
    maxBytes: 1 << 20,
    topics: [
      {
        ...FetchRequestTypes.defaultFetchTopic(),
        topic: 'fetch-topic',
        partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }],
      },
    ],
  });
  const frame = await c.readFrame();
  const { body } = decodeResponse(ApiKey.Fetch, 12, frame);
  assert.deepEqual(Buffer.concat(encodeResponse(ApiKey.Fetch, 12, id, body)).subarray(4), frame);
  assert.equal(body.errorCode, 0);
  assert.equal(body.sessionId, 0);
  const p = body.responses[0]!.partitions[0]!;
  assert.equal(p.errorCode, 0);
  assert.equal(p.highWatermark, 3n);
  assert.equal(p.lastStableOffset, 3n);
  assert.equal(p.logStartOffset, 0n);
  // the stored batch is the produced one with partitionLeaderEpoch set to the leader's epoch (0)
  produced.writeInt32BE(0, 12);
  assert.deepEqual(p.records, produced);
  assert.deepEqual(
    decodeRecordBatch(p.records!).records.map((r) => [r.offset, r.key?.toString() ?? null, r.value?.toString() ?? null]),
    [
      [0, 'k1', 'v1'],
      [1, null, 'v2'],
      [2, 'k3', null],
    ],
  );
  c.close();
});

test('a long poll waits for data, then answers as soon as a produce arrives', async () => {
  const { port } = await startBroker();
  const consumer = await TestConnection.open(port);
  const producer = await TestConnection.open(port);
  await producer.request(ApiKey.Metadata, 9, {
    ...MetadataRequestTypes.defaultMetadataRequest(),
    topics: [{ ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: 'poll' }],
  });
  const started = Date.now();
  consumer.sendRequest(ApiKey.Fetch, 11, {
    ...FetchRequestTypes.defaultFetchRequest(),
    maxWaitMs: 10_000,
    minBytes: 1,
    maxBytes: 1 << 20,
    topics: [
      {
        ...FetchRequestTypes.defaultFetchTopic(),
        topic: 'poll',
        partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }],
      },
    ],
  });
  await new Promise((r) => setTimeout(r, 200));
  await producer.request(ApiKey.Produce, 7, {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks: 1,
    timeoutMs: 1000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: 'poll',
        partitionData: [
          { ...ProduceRequestTypes.defaultPartitionProduceData(), index: 0, records: buildRecordBatch([{ value: 'wake up' }]) },
        ],
      },
    ],
  });
  const { body } = decodeResponse(ApiKey.Fetch, 11, await consumer.readFrame());
  assert.ok(Date.now() - started < 5000, 'answered long before max.wait.ms');
  assert.equal(decodeRecordBatch(body.responses[0]!.partitions[0]!.records!).records[0]!.value!.toString(), 'wake up');
  consumer.close();
  producer.close();
});
