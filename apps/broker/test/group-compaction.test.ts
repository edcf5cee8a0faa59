// __consumer_offsets is compacted: after the cleaner runs, only the latest commit of each
// group/topic/partition remains, a deleted group's offsets and metadata are left as tombstones, and
// a broker restarted on the cleaned log rebuilds exactly the latest state (the deleted group gone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, OffsetCommitRequestTypes } from '@tarn/protocol';
import { readLogRecords } from '@tarn/storage';
import { Kafka, logLevel } from 'kafkajs';
import { decodeKey, decodeOffsetCommitValue } from '../src/group/coordinator-record';
import { TestConnection, startBroker } from './helpers';
import { until } from './group-helpers';

test('compaction keeps the latest commit per group/topic/partition and deleted groups stay deleted', async () => {
  const overrides = { 'offsets.topic.num.partitions': '1', 'offsets.topic.segment.bytes': '2048', 'log.cleaner.enable': 'false' };
  const first = await startBroker(overrides);
  const { broker, port } = first;
  await broker.topicAdmin.createTopic({ name: 'cmp', numPartitions: 2, replicationFactor: 1 });
  await broker.groupCoordinator.offsetsTopic.ensure();
  await until('offsets partition loaded', () => broker.groupCoordinator.validateGroupStatus('simple', 'OffsetCommit') === null);

  // group "simple": 30 rounds of commits to both partitions through the wire (generation -1)
  const c = await TestConnection.open(port);
  for (let i = 1; i <= 30; i++) {
    const res = await c.request(ApiKey.OffsetCommit, 8, {
      ...OffsetCommitRequestTypes.defaultOffsetCommitRequest(),
      groupId: 'simple',
      topics: [
        {
          ...OffsetCommitRequestTypes.defaultOffsetCommitRequestTopic(),
          name: 'cmp',
          partitions: [0, 1].map((p) => ({
            ...OffsetCommitRequestTypes.defaultOffsetCommitRequestPartition(),
            partitionIndex: p,
            committedOffset: BigInt(i * 10 + p),
            committedMetadata: `round ${i}`,
          })),
        },
      ],
    });
    assert.deepEqual(
      res.topics[0]!.partitions.map((p) => p.errorCode),
      [0, 0],
    );
  }
  c.close();
  // group "doomed": a real consumer group (generation > 0) that commits, leaves, and is deleted
  const kafka = new Kafka({ clientId: 'cmp-test', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.setOffsets({ groupId: 'doomed', topic: 'cmp', partitions: [{ partition: 0, offset: '1' }] });
  const consumer = kafka.consumer({ groupId: 'doomed', sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'cmp', fromBeginning: true });
  await consumer.run({ eachMessage: async () => {} });
  await until('doomed is Stable', () => broker.groupCoordinator.group('doomed')?.is('Stable'));
  await consumer.commitOffsets([{ topic: 'cmp', partition: 1, offset: '5' }]);
  await consumer.disconnect();
  assert.ok(broker.groupCoordinator.group('doomed')!.generationId > 0);
  await admin.deleteGroups(['doomed']);
  await admin.disconnect();
  assert.equal(broker.groupCoordinator.group('doomed'), undefined);

  const log = broker.logManager.getLog('__consumer_offsets', 0)!;
  const count = () => {
    const byKey = new Map<string, number>();
    for (const r of readLogRecords(log, 0)) {
      const k = r.key!.toString('hex');
      byKey.set(k, (byKey.get(k) ?? 0) + 1);
    }
    return byKey;
  };
  assert.ok(
    [...count().values()].some((n) => n > 1),
    'before cleaning, keys repeat',
  );
  await log.idle();
  log.roll(); // everything so far leaves the active segment, which the cleaner never touches
  assert.ok(log.segments.length > 3);
  const results = broker.logManager.cleanLogs();
  assert.equal(results.length, 1, 'the offsets partition was cleaned');

  const latest = new Map<string, { value: Buffer | null }>();
  for (const r of readLogRecords(log, 0)) {
    const key = decodeKey(r.key!);
    const name =
      key.kind === 'offset' ? `${key.group}/${key.topic}/${key.partition}` : key.kind === 'group' ? `group:${key.group}` : 'unknown';
    assert.equal(latest.has(name), false, `${name} appears once after compaction`);
    latest.set(name, { value: r.value });
  }
  assert.equal(Number(decodeOffsetCommitValue(latest.get('simple/cmp/0')!.value!).offset), 300);
  assert.equal(Number(decodeOffsetCommitValue(latest.get('simple/cmp/1')!.value!).offset), 301);
  assert.equal(decodeOffsetCommitValue(latest.get('simple/cmp/1')!.value!).metadata, 'round 30');
  assert.equal(latest.get('doomed/cmp/0')!.value, null, 'deleted offsets are tombstones');
  assert.equal(latest.get('doomed/cmp/1')!.value, null);
  assert.equal(latest.get('group:doomed')!.value, null, 'the deleted group metadata is a tombstone');

  // state comes back from the cleaned log alone
  await first.stop();
  const second = await startBroker(overrides, first.logDir);
  await until('loaded again', () => second.broker.groupCoordinator.validateGroupStatus('simple', 'OffsetFetch') === null);
  const fetched = second.broker.groupCoordinator
    .handleFetchOffsets('simple', false, null)
    .partitions.map((p) => [p.tp.partition, Number(p.data.offset), p.data.metadata]);
  assert.deepEqual(fetched.sort(), [
    [0, 300, 'round 30'],
    [1, 301, 'round 30'],
  ]);
  assert.equal(second.broker.groupCoordinator.group('doomed'), undefined, 'the deleted group stays deleted');
  assert.deepEqual(second.broker.groupCoordinator.handleDescribeGroup('doomed'), {
    error: ErrorCode.NONE,
    summary: { state: 'Dead', protocolType: '', protocol: '', members: [] },
  });
});
