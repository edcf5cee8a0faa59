// The consumer through broker failures on a real 3-broker tarn cluster (etcd, brokers in this
// process), topic with 3 replicas: the leader of a partition it is fetching is shut down — the
// fetcher gets NOT_LEADER_OR_FOLLOWER or a broken connection, refreshes metadata and goes on from
// the new leader, every record once and in order; then the group's coordinator is shut down — the
// member finds the new coordinator, stays in the group and commits there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { Consumer, StringDeserializer, type ConsumerRecord } from '../src/index';
import { EtcdCluster } from './etcd-cluster';
import { connectCluster, onCleanup } from './helpers';
import { createTopic } from './producer-support';

test('leader and coordinator shut down under a consuming group member: it follows both, every record once, in order', async () => {
  const tarn = await EtcdCluster.start(3);
  const bootstrap = tarn.bootstrap;
  await createTopic(bootstrap, 'failover', 1, { 'min.insync.replicas': '2' }, 3);
  // records written by kafkajs, which retries through the leader change on its own
  const kjs = new Kafka({
    clientId: 'failover-producer',
    brokers: bootstrap.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 30, initialRetryTime: 100 },
  });
  const p = kjs.producer();
  await p.connect();
  onCleanup(() => p.disconnect());
  const cluster = await connectCluster(bootstrap);
  const send = (from: number, n: number) =>
    p.send({ topic: 'failover', acks: -1, messages: Array.from({ length: n }, (_, i) => ({ partition: 0, value: `r${from + i}` })) });
  await send(0, 200);

  const c = new Consumer<Buffer | null, string | null>(
    {
      'bootstrap.servers': bootstrap,
      'group.id': 'failover-consumers',
      'auto.offset.reset': 'earliest',
      'enable.auto.commit': false,
      'heartbeat.interval.ms': 200,
      'session.timeout.ms': 10_000,
      'max.poll.interval.ms': 20_000,
      'retry.backoff.ms': 50,
      'reconnect.backoff.ms': 50,
      'max.poll.records': 50,
    },
    { valueDeserializer: StringDeserializer },
  );
  onCleanup(() => c.close().catch(() => {}));
  c.subscribe(['failover']);
  const seen: ConsumerRecord<Buffer | null, string | null>[] = [];
  const readUntil = async (n: number) => {
    const deadline = Date.now() + 30_000;
    while (seen.length < n) {
      assert.ok(Date.now() < deadline, `read ${seen.length} of ${n}`);
      seen.push(...(await c.poll(200)));
    }
  };
  await readUntil(100);

  const leader = await cluster.leaderFor('failover', 0);
  await tarn.stop(leader);
  await send(200, 200);
  await readUntil(400);
  assert.deepEqual(
    seen.map((r) => r.value),
    Array.from({ length: 400 }, (_, i) => `r${i}`),
  );
  const generation = c.groupMetadata().generationId;
  await c.commitSync();

  // the coordinator goes too (unless it was the leader just stopped)
  let coordinator = -1;
  for (let i = 0; i < 50 && coordinator < 0; i++) {
    // the test's own lookup may first reach the broker just stopped: ask again
    cluster.invalidateCoordinator('GROUP', 'failover-consumers');
    coordinator = await cluster.findCoordinator('GROUP', 'failover-consumers').catch(() => -1);
    if (coordinator < 0) await new Promise((r) => setTimeout(r, 100));
  }
  const coordinatorStopped = tarn.brokers.has(coordinator);
  if (coordinatorStopped) await tarn.stop(coordinator);
  // one broker may be left: acks=1 (min.insync.replicas=2 applies to acks=all only)
  await p.send({ topic: 'failover', acks: 1, messages: Array.from({ length: 50 }, (_, i) => ({ partition: 0, value: `r${400 + i}` })) });
  await readUntil(450);
  await c.commitSync();
  const [committed] = await c.committed([{ topic: 'failover', partition: 0 }]);
  assert.equal(committed!.offset, 450);
  assert.equal(c.groupMetadata().generationId >= generation, true);
  assert.ok(coordinatorStopped || coordinator === leader, 'the coordinator was shut down (or was the leader already stopped)');
  assert.equal(new Set(seen.map((r) => r.offset)).size, 450);
});
