// The etcd metadata store against a real etcd: topics and partitions with compare-and-swap, broker
// registrations that expire with their lease, the controller election, and watches that keep every
// store's image in step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { EtcdMetadataStore } from '../src/metadata/etcd-metadata-store';
import type { BrokerRegistration } from '../src/metadata/cluster-metadata';
import type { MetadataChange } from '../src/metadata/metadata-store';
import { startEtcd } from '../src/testing/etcd-server';

const logger = pino({ level: 'silent' });
const reg = (nodeId: number): BrokerRegistration => ({
  nodeId,
  host: '127.0.0.1',
  port: 9000 + nodeId,
  rack: null,
  adminUrl: '',
  state: 'running',
  registeredAtMs: Date.now(),
});

async function eventually(pred: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('etcd store: topics, CAS partition updates, leases, controller election, watches', async () => {
  const etcd = await startEtcd();
  const open = async () => {
    const s = new EtcdMetadataStore({ endpoints: [etcd.endpoint], prefix: '/tarn-test', leaseTtlSeconds: 2, logger });
    await s.start();
    return s;
  };
  const [a, b] = [await open(), await open()];
  try {
    assert.equal(a.clusterId, b.clusterId, 'one cluster id for everyone');
    const changes: MetadataChange[] = [];
    b.onChange((c) => changes.push(c));
    const state = (p: number) => ({ partition: p, replicas: [1, 2], isr: [1, 2], leader: 1, leaderEpoch: 0, partitionEpoch: 0 });
    await a.createTopic({
      name: 't',
      topicId: 'id-t',
      internal: false,
      partitions: [state(0), state(1)],
      configs: { 'retention.ms': '1000' },
    });
    await assert.rejects(
      a.createTopic({ name: 't', topicId: 'x', internal: false, partitions: [state(0)], configs: {} }),
      /already exists/,
    );
    await eventually(() => b.topic('t')?.partitions.length === 2, 'the other store to see the topic');
    assert.ok(changes.some((c) => c.type === 'topic-created' && c.topic === 't'));

    // compare-and-swap: only one of two concurrent updates from the same epoch wins
    const [r1, r2] = await Promise.all([
      a.updatePartition('t', { ...state(0), isr: [1] }, 0),
      b.updatePartition('t', { ...state(0), leader: 2, leaderEpoch: 1 }, 0),
    ]);
    assert.equal(Number(r1) + Number(r2), 1, 'exactly one conditional write wins');
    await eventually(
      () => a.topic('t')!.partitions[0]!.partitionEpoch === 1 && b.topic('t')!.partitions[0]!.partitionEpoch === 1,
      'both images at epoch 1',
    );
    assert.equal(await a.updatePartition('t', state(0), 0), false, 'a stale epoch is refused');

    await a.setTopicConfigs('t', { 'retention.ms': '5000' });
    await eventually(() => b.topic('t')?.configs['retention.ms'] === '5000', 'configs replicated');
    const [p1, p2] = await Promise.all([a.allocateProducerIds(1000), b.allocateProducerIds(1000)]);
    assert.notEqual(p1, p2);

    // registrations live as long as their lease
    await a.registerBroker(reg(1));
    await b.registerBroker(reg(2));
    await eventually(() => a.brokers().length === 2, 'two brokers registered');
    await b.close();
    await eventually(
      () =>
        a
          .brokers()
          .map((x) => x.nodeId)
          .join() === '1',
      'a closed broker disappears',
    );

    // controller election
    await a.startControllerElection(1);
    await eventually(() => a.controllerId === 1, 'broker 1 becomes controller');

    await a.deleteTopic('t');
    assert.equal(a.topic('t'), undefined);
  } finally {
    await a.close();
    await b.close();
    await etcd.stop();
  }
});
