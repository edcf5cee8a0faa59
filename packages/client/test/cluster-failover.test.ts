// A three-broker tarn cluster (etcd metadata, in this process): the admin client sends each call
// to the right broker — the controller, a group's coordinator, a partition's leader — and when that
// broker goes away mid-test, the same calls succeed by retrying within default.api.timeout.ms:
// the coordinator is found again (NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE / LOAD_IN_PROGRESS
// on the way), the new controller is found after NOT_CONTROLLER or a refused connection, and
// leaders are re-read from metadata.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Admin } from '../src/index';
import { EtcdCluster } from './etcd-cluster';
import { onCleanup } from './helpers';

// short sessions, so that a stopped broker leaves the ISR and its leaderships quickly
const tarn = await EtcdCluster.start(3, { 'broker.session.timeout.ms': '2000', 'replica.lag.time.max.ms': '2000' });
const admin = await Admin.connect({
  'bootstrap.servers': tarn.bootstrap,
  'default.api.timeout.ms': 30_000,
  'retry.backoff.ms': 50,
  'reconnect.backoff.ms': 20,
});
onCleanup(() => admin.close());

test('calls reach the controller, coordinators and leaders, and retry through a broker going away', async () => {
  const cluster = await admin.describeCluster();
  assert.deepEqual(
    cluster.brokers.map((b) => b.nodeId),
    [1, 2, 3],
  );
  const controller = cluster.controller!.nodeId;
  const [created] = await admin.createTopics([{ name: 'replicated', numPartitions: 3, replicationFactor: 3 }]);
  assert.equal(created!.error, null);
  // leaders spread over the brokers; every replica is in the ISR once replication starts
  const [d] = await admin.describeTopics(['replicated']);
  assert.deepEqual(
    d!.value!.partitions.map((p) => p.replicas.length),
    [3, 3, 3],
  );

  const committed = [0, 1, 2].map((partition) => ({ topic: 'replicated', partition, offset: 0 }));
  assert.ok((await admin.alterConsumerGroupOffsets('failover-group', committed)).every((r) => r.error === null));
  const coordinator = await admin.cluster.findCoordinator('GROUP', 'failover-group');

  // the group's coordinator goes away: the next call finds the new one and waits for it to load
  await tarn.stop(coordinator);
  const offsets = await admin.listConsumerGroupOffsets('failover-group');
  assert.deepEqual(
    offsets.map((o) => [o.partition, o.offset]),
    [
      [0, 0],
      [1, 0],
      [2, 0],
    ],
  );
  assert.notEqual(await admin.cluster.findCoordinator('GROUP', 'failover-group'), coordinator);

  // the controller goes away (unless it just did): topic creation reaches the next controller
  if (tarn.brokers.has(controller)) await tarn.stop(controller);
  const [again] = await admin.createTopics([{ name: 'after-failover', numPartitions: 1, replicationFactor: 1 }]);
  assert.equal(again!.error, null, String(again!.error));
  const now = await admin.describeCluster();
  assert.ok(now.controller !== null && tarn.brokers.has(now.controller.nodeId));

  // partitions led by a stopped broker get new leaders; listOffsets follows them
  const latest = await admin.listOffsets([0, 1, 2].map((partition) => ({ topic: 'replicated', partition, spec: 'latest' as const })));
  assert.deepEqual(
    latest.map((r) => [r.partition, r.error, r.value?.offset]),
    [
      [0, null, 0],
      [1, null, 0],
      [2, null, 0],
    ],
  );
});
