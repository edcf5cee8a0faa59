// The metadata cache keeps a partition's newer leader epoch when a broker that has not caught up
// answers with an older one (Kafka's Metadata.updateLatestMetadata), and takes any epoch for a
// topic whose id changed (deleted and created again).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetadataResponseTypes as M } from '@tarn/protocol';
import { MetadataCache } from '../src/cluster/metadata';

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

test('an answer with an older leader epoch does not replace a newer one; a new topic id does', () => {
  const cache = new MetadataCache();
  const leader = () => cache.topics.get('t')!.partitions[0]!;
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAQ', 1, 5));
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAQ', 2, 6));
  assert.deepEqual([leader().leader, leader().leaderEpoch], [2, 6]);
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAQ', 1, 5)); // a stale broker
  assert.deepEqual([leader().leader, leader().leaderEpoch], [2, 6]);
  cache.apply(response('AAAAAAAAAAAAAAAAAAAAAg', 1, 0)); // the topic was created again
  assert.deepEqual([leader().leader, leader().leaderEpoch], [1, 0]);
});
