// The metadata cache keeps a partition's newer leader epoch when a broker that has not caught up
// answers with an older one (Kafka's Metadata and its lastSeenLeaderEpochs, which outlive an
// invalidated entry), and takes any epoch for a topic whose id changed or that was answered unknown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode, MetadataResponseTypes as M } from '@tarn/protocol';
import { MetadataCache, ZERO_UUID } from '../src/cluster/metadata';

function response(topicId: string, leader: number, leaderEpoch: number): M.MetadataResponse {
  return {
    ...M.defaultMetadataResponse(),
    brokers: [1, 2].map((nodeId) => ({ ...M.defaultMetadataResponseBroker(), nodeId, host: '127.0.0.1', port: 9000 + nodeId })),
    topics: [
      {
        ...M.defaultMetadataResponseTopic(),
        name: 't',
        topicId,
        partitions: [{ ...M.defaultMetadataResponsePartition(), partitionIndex: 0, leaderId: leader, leaderEpoch, replicaNodes: [1, 2] }],
      },
    ],
  };
}

test('an answer with an older leader epoch does not replace a newer one, even after invalidation; a new topic id does', () => {
  const cache = new MetadataCache();
  const leader = () => cache.topics.get('t')!.partitions[0]!;
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAQ', 1, 5));
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAQ', 2, 6));
  assert.deepEqual([leader().leader, leader().leaderEpoch], [2, 6]);
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAQ', 1, 5)); // a stale broker
  assert.deepEqual([leader().leader, leader().leaderEpoch], [2, 6]);
  // NOT_LEADER_OR_FOLLOWER made the client forget the entry; a stale broker answers the refresh
  cache.invalidate('t');
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAQ', 1, 5));
  assert.deepEqual(
    [leader().leader, leader().leaderEpoch, leader().errorCode],
    [-1, 6, ErrorCode.LEADER_NOT_AVAILABLE],
    'no leader until a newer answer',
  );
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAQ', 2, 7));
  assert.deepEqual([leader().leader, leader().leaderEpoch], [2, 7]);
  // Metadata before v10 carries no topic id: epochs still compared
  cache.apply(response(ZERO_UUID, 1, 6));
  assert.deepEqual([leader().leader, leader().leaderEpoch], [2, 7]);
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAg', 1, 0)); // the topic was created again
  assert.deepEqual([leader().leader, leader().leaderEpoch], [1, 0]);
});

test('a topic answered as unknown forgets its epochs (deleted, it may come back from epoch 0)', () => {
  const cache = new MetadataCache();
  cache.apply(response(ZERO_UUID, 1, 5));
  cache.apply({
    ...response(ZERO_UUID, 1, 0),
    topics: [{ ...M.defaultMetadataResponseTopic(), name: 't', errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION }],
  });
  cache.apply(response(ZERO_UUID, 2, 0));
  assert.deepEqual([cache.topics.get('t')!.partitions[0]!.leader, cache.topics.get('t')!.partitions[0]!.leaderEpoch], [2, 0]);
});
