// What Metadata says about a partition whose leader has just gone: between a broker's lease
// expiring and the controller's election, the stored leader names a broker that is no longer in the
// brokers list. Kafka answers LEADER_NOT_AVAILABLE with leader -1 then, and so must tarn: kafkajs
// builds one fetcher per listed broker and would otherwise never fetch that partition again until
// its next periodic metadata refresh (a group consumer stalled in the SIGKILL fault test this way).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode } from '@tarn/protocol';
import { topicResponse } from '../src/handlers/metadata';
import type { TopicMetadata } from '../src/metadata/cluster-metadata';

const topic: TopicMetadata = {
  name: 'orders',
  topicId: 'AAAAAAAAAAAAAAAAAAAAAQ',
  internal: false,
  configs: {},
  partitions: [
    { partition: 0, replicas: [3, 1, 2], isr: [3, 1, 2], leader: 3, leaderEpoch: 4, partitionEpoch: 9 },
    { partition: 1, replicas: [1, 2, 3], isr: [1, 2, 3], leader: 1, leaderEpoch: 2, partitionEpoch: 5 },
    { partition: 2, replicas: [2, 3, 1], isr: [2], leader: -1, leaderEpoch: 7, partitionEpoch: 11 },
  ],
};

test('a partition led by a broker missing from the live set is LEADER_NOT_AVAILABLE with leader -1', () => {
  const [p0, p1, p2] = topicResponse(topic, new Set([1, 2]), false).partitions;
  assert.deepEqual([p0!.errorCode, p0!.leaderId, p0!.leaderEpoch], [ErrorCode.LEADER_NOT_AVAILABLE, -1, 4]);
  assert.deepEqual(p0!.replicaNodes, [3, 1, 2], 'replicas are listed as stored');
  assert.deepEqual(p0!.offlineReplicas, [3]);
  assert.deepEqual([p1!.errorCode, p1!.leaderId, p1!.offlineReplicas], [ErrorCode.NONE, 1, [3]]);
  assert.deepEqual([p2!.errorCode, p2!.leaderId], [ErrorCode.LEADER_NOT_AVAILABLE, -1], 'an offline partition');
});

test('once every broker is live again, the same partitions have their leaders and no offline replicas', () => {
  const parts = topicResponse(topic, new Set([1, 2, 3]), false).partitions;
  assert.deepEqual(
    parts.map((p) => [p.errorCode, p.leaderId, p.offlineReplicas.length]),
    [
      [ErrorCode.NONE, 3, 0],
      [ErrorCode.NONE, 1, 0],
      [ErrorCode.LEADER_NOT_AVAILABLE, -1, 0],
    ],
  );
});
