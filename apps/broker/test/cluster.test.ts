// A 3-broker cluster on etcd, in one process: replicated topics, acks=all with min.insync.replicas,
// ISR shrink and expand, failover to an ISR member, controlled shutdown, and no acknowledged record
// lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, logLevel } from 'kafkajs';
import { readLogRecords } from '@tarn/storage';
import { eventually, startInProcessCluster } from './cluster-helpers';

test('replication: RF=3, acks=all, ISR shrink/expand, failover and resume', async () => {
  const cluster = await startInProcessCluster(3);
  try {
    const b1 = cluster.brokers.get(1)!;
    await eventually(() => b1.liveBrokers().length === 3, 'three brokers registered');
    await eventually(() => b1.controllerId > 0, 'a controller elected');
    await b1.topicAdmin.createTopic({ name: 'r', numPartitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } });
    const kafka = new Kafka({ clientId: 'cluster-test', brokers: cluster.bootstrap.split(','), logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sent: string[] = [];
    const send = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const v = `m-${sent.length}`;
        await producer.send({ topic: 'r', acks: -1, messages: [{ key: v, value: v }] });
        sent.push(v);
      }
    };
    await send(30);
    // every replica has every acknowledged record
    for (const [id, b] of cluster.brokers) {
      await eventually(() => [0, 1, 2].reduce((n, p) => n + (b.logManager.getLog('r', p)?.logEndOffset ?? 0), 0) === 30, `broker ${id} has all 30 records`);
    }
    // kill a leader: stop broker 2 abruptly (no controlled shutdown)
    const state = () => b1.metadata.topic('r')!.partitions;
    const victim = 2;
    const victimBroker = cluster.brokers.get(victim)!;
    (victimBroker.config.props as Record<string, string>)['controlled.shutdown.enable'] = 'false';
    await cluster.stop(victim);
    await eventually(() => state().every((p) => p.leader !== victim && !p.isr.includes(victim)), 'leaders moved and ISRs shrank', 20_000);
    await send(30); // two of three replicas: acks=all still works with min.insync.replicas=2
    // bring it back: it catches up and rejoins the ISR
    await cluster.start(victim);
    await eventually(() => state().every((p) => p.isr.length === 3), 'ISRs expanded again', 30_000);
    const back = cluster.brokers.get(victim)!;
    await eventually(() => [0, 1, 2].reduce((n, p) => n + (back.logManager.getLog('r', p)?.logEndOffset ?? 0), 0) === 60, 'the returning broker caught up');
    // consume everything: nothing lost, nothing duplicated
    const seen: string[] = [];
    for (const b of cluster.brokers.values()) {
      for (const p of [0, 1, 2]) {
        const part = b.replicaManager.getPartition('r', p);
        if (part?.isLeader) for (const r of readLogRecords(part.log, 0, { maxOffset: part.highWatermark })) seen.push(r.value!.toString());
      }
    }
    assert.deepEqual([...seen].sort(), [...sent].sort());
    await producer.disconnect();
  } finally {
    await cluster.close();
  }
});
