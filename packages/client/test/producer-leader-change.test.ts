// Metadata refresh and re-routing on a real leader change: a 3-broker tarn cluster (etcd, brokers in
// this process), a topic with 3 replicas, records streaming with acks=all while the leader of its
// partitions is shut down (controlled shutdown moves leadership, as Kafka's does). The producer gets
// NOT_LEADER_OR_FOLLOWER or a broken connection, asks for metadata again, sends the batches to the
// new leader — and with idempotence every record is stored once, in send order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Producer, type RecordMetadata } from '../src/index';
import { EtcdCluster } from './etcd-cluster';
import { connectCluster, onCleanup } from './helpers';
import { createTopic, readPartition } from './producer-support';

test('a leader shut down mid-stream: the producer re-routes to the new leader, every record once and in order', async (t) => {
  const tarn = await EtcdCluster.start(3);
  const bootstrap = tarn.bootstrap;
  await createTopic(bootstrap, 'moving', 2, { 'min.insync.replicas': '2' }, 3);
  const p = await Producer.create({
    'bootstrap.servers': bootstrap,
    'linger.ms': 2,
    'batch.size': 4000,
    'retry.backoff.ms': 50,
    'reconnect.backoff.ms': 50,
  });
  onCleanup(() => p.close({ timeoutMs: 1000 }));
  // the followers join the ISR first, so acks=all waits for all three and the new leader has everything
  for (let deadline = Date.now() + 20_000; ;) {
    const parts = (await p.cluster.refreshMetadata(['moving']))[0]?.partitions ?? [];
    if (parts.length === 2 && parts.every((x) => x.isr.length === 3)) break;
    assert.ok(Date.now() < deadline, 'the followers joined the ISR');
    await new Promise((r) => setTimeout(r, 100));
  }
  const first = await p.send({ topic: 'moving', partition: 0, value: 'first' });
  assert.equal(first.offset, 0);
  const victim = await p.cluster.leaderFor('moving', 0);
  const count = 3000;
  const sends: Array<Promise<RecordMetadata>> = [];
  for (let i = 0; i < count; i++) {
    sends.push(p.send({ topic: 'moving', partition: i % 2, value: `moving-${String(i).padStart(5, '0')}` }));
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 3));
    if (i === 1000) {
      void tarn.stop(victim); // controlled shutdown: its leaderships move while records keep coming
    }
  }
  const mds = await Promise.all(sends);
  const newLeader = await p.cluster.leaderFor('moving', 0);
  assert.notEqual(newLeader, victim, 'partition 0 has a new leader');
  const survivor = [...tarn.brokers.keys()][0]!;
  const cluster = await connectCluster(bootstrap.split(',')[survivor - 1]!);
  for (const part of [0, 1]) {
    const values = (await readPartition(cluster, 'moving', part)).flatMap((b) => b.records.map((r) => r.value!.toString()));
    const expected = [
      ...(part === 0 ? ['first'] : []),
      ...Array.from({ length: count / 2 }, (_, i) => `moving-${String(i * 2 + part).padStart(5, '0')}`),
    ];
    assert.deepEqual(values, expected, `partition ${part}: every record once, in order, across the leader change`);
  }
  assert.ok(mds.every((m) => m.offset >= 0));
  t.diagnostic(`leader of moving-0 moved from ${victim} to ${newLeader}`);
});
