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
    const kafka = new Kafka({
      clientId: 'cluster-test',
      brokers: cluster.bootstrap.split(','),
      logLevel: logLevel.NOTHING,
      retry: { retries: 20, initialRetryTime: 100 },
    });
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
      await eventually(
        () => [0, 1, 2].reduce((n, p) => n + (b.logManager.getLog('r', p)?.logEndOffset ?? 0), 0) === 30,
        `broker ${id} has all 30 records`,
      );
    }
    // kill a leader: stop broker 2 abruptly (no controlled shutdown)
    const state = () => b1.metadata.topic('r')!.partitions;
    const victim = 2;
    const victimBroker = cluster.brokers.get(victim)!;
    victimBroker.faults.skipControlledShutdown = true;
    await cluster.stop(victim);
    await eventually(() => state().every((p) => p.leader !== victim && !p.isr.includes(victim)), 'leaders moved and ISRs shrank', 20_000);
    await send(30); // two of three replicas: acks=all still works with min.insync.replicas=2
    // bring it back: it catches up and rejoins the ISR
    await cluster.start(victim);
    await eventually(() => state().every((p) => p.isr.length === 3), 'ISRs expanded again', 30_000);
    const back = cluster.brokers.get(victim)!;
    await eventually(
      () => [0, 1, 2].reduce((n, p) => n + (back.logManager.getLog('r', p)?.logEndOffset ?? 0), 0) === 60,
      'the returning broker caught up',
    );
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

test('reassignment moves replicas with data catch-up; ElectLeaders; DescribeLogDirs', async () => {
  const {
    ApiKey,
    AlterPartitionReassignmentsRequestTypes,
    ListPartitionReassignmentsRequestTypes,
    ElectLeadersRequestTypes,
    DescribeLogDirsRequestTypes,
    ProduceRequestTypes,
    buildRecordBatch,
  } = await import('@tarn/protocol');
  const { TestConnection } = await import('./helpers');
  const cluster = await startInProcessCluster(3);
  try {
    const b1 = cluster.brokers.get(1)!;
    await eventually(() => b1.liveBrokers().length === 3 && b1.controllerId > 0, 'cluster formed');
    await b1.topicAdmin.createTopic({
      name: 'move',
      numPartitions: -1,
      replicationFactor: -1,
      assignments: [{ partition: 0, brokerIds: [1, 2] }],
    });
    const c = await TestConnection.open(cluster.ports.get(1)!);
    for (let i = 0; i < 20; i++) {
      await c.request(ApiKey.Produce, 9, {
        ...ProduceRequestTypes.defaultProduceRequest(),
        acks: -1,
        timeoutMs: 5000,
        topicData: [
          {
            ...ProduceRequestTypes.defaultTopicProduceData(),
            name: 'move',
            partitionData: [
              { ...ProduceRequestTypes.defaultPartitionProduceData(), index: 0, records: buildRecordBatch([{ value: `v${i}` }]) },
            ],
          },
        ],
      });
    }
    const state = () => b1.metadata.topic('move')!.partitions[0]!;
    await eventually(() => state().isr.length === 2, 'both replicas in sync');
    const res = await c.request(ApiKey.AlterPartitionReassignments, 0, {
      ...AlterPartitionReassignmentsRequestTypes.defaultAlterPartitionReassignmentsRequest(),
      topics: [
        {
          ...AlterPartitionReassignmentsRequestTypes.defaultReassignableTopic(),
          name: 'move',
          partitions: [{ ...AlterPartitionReassignmentsRequestTypes.defaultReassignablePartition(), partitionIndex: 0, replicas: [2, 3] }],
        },
      ],
    });
    assert.equal(res.responses[0]!.partitions[0]!.errorCode, 0);
    // the move is listed while broker 3 catches up, then completes
    const listed = await c.request(ApiKey.ListPartitionReassignments, 0, {
      ...ListPartitionReassignmentsRequestTypes.defaultListPartitionReassignmentsRequest(),
      topics: null,
    });
    assert.ok(listed.topics.length <= 1);
    await eventually(() => state().replicas.join() === '2,3' && state().addingReplicas === undefined, 'reassignment completed');
    assert.ok([2, 3].includes(state().leader), 'leadership moved into the new replica set');
    await eventually(() => cluster.brokers.get(3)!.logManager.getLog('move', 0)?.logEndOffset === 20, 'broker 3 has all the data');
    await eventually(() => b1.logManager.getLog('move', 0) === undefined, 'broker 1 dropped its replica');

    // preferred leader election: make 3 lead, then elect the preferred (2) back
    const logDirs = await c.request(ApiKey.DescribeLogDirs, 4, {
      ...DescribeLogDirsRequestTypes.defaultDescribeLogDirsRequest(),
      topics: null,
    });
    assert.equal(logDirs.results.length, 1);
    assert.ok(logDirs.results[0]!.totalBytes > 0n);
    const elected = await c.request(ApiKey.ElectLeaders, 2, {
      ...ElectLeadersRequestTypes.defaultElectLeadersRequest(),
      electionType: 0,
      topicPartitions: [{ ...ElectLeadersRequestTypes.defaultTopicPartitions(), topic: 'move', partitions: [0] }],
    });
    const code = elected.replicaElectionResults[0]!.partitionResult[0]!.errorCode;
    assert.ok(code === 0 || code === 84 /* ELECTION_NOT_NEEDED */, `ElectLeaders answered ${code}`);
    await eventually(() => state().leader === 2, 'the preferred replica leads');
    c.close();
  } finally {
    await cluster.close();
  }
});

test('etcd unreachable: brokers keep serving their leaderships with no ISR changes or elections, and recover', async () => {
  const cluster = await startInProcessCluster(3);
  try {
    const b1 = cluster.brokers.get(1)!;
    await eventually(() => b1.liveBrokers().length === 3 && b1.controllerId > 0, 'cluster formed');
    await b1.topicAdmin.createTopic({ name: 'steady', numPartitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } });
    const kafka = new Kafka({
      clientId: 'etcd-outage',
      brokers: cluster.bootstrap.split(','),
      logLevel: logLevel.NOTHING,
      retry: { retries: 10 },
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic: 'steady', acks: -1, messages: [{ value: 'before' }] });
    const before = JSON.stringify(b1.metadata.topic('steady')!.partitions.map((p) => [p.leader, p.leaderEpoch, p.isr]));
    cluster.etcd.pause();
    try {
      const deadline = Date.now() + 5000; // longer than the 3 s lease
      let sent = 0;
      while (Date.now() < deadline) {
        await producer.send({ topic: 'steady', acks: -1, messages: [{ value: `during-${sent++}` }] });
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(sent > 10, 'acks=all writes kept succeeding while etcd was unreachable');
      for (const b of cluster.brokers.values()) {
        assert.equal(
          JSON.stringify(b.metadata.topic('steady')!.partitions.map((p) => [p.leader, p.leaderEpoch, p.isr])),
          before,
          'no elections, no ISR changes',
        );
      }
    } finally {
      cluster.etcd.resume();
    }
    // back: registrations return and metadata changes work again
    await eventually(
      () => [...cluster.brokers.values()].every((b) => b.liveBrokers().length === 3 && b.metadata.isReachable),
      'brokers re-registered',
      30_000,
    );
    await b1.topicAdmin.createTopic({ name: 'after-outage', numPartitions: 1, replicationFactor: 3 });
    await producer.send({ topic: 'after-outage', acks: -1, messages: [{ value: 'after' }] });
    await producer.disconnect();
  } finally {
    await cluster.close();
  }
});

test('a returning old leader cuts its uncommitted tail (KIP-101): records only it had are not resurrected', async () => {
  const { readLogRecords } = await import('@tarn/storage');
  const { buildRecordBatch } = await import('@tarn/protocol');
  // a long lag time keeps paused followers in the ISR, so one of them can take over cleanly
  const cluster = await startInProcessCluster(3, { 'replica.lag.time.max.ms': '60000' });
  try {
    const b1 = cluster.brokers.get(1)!;
    await eventually(() => b1.liveBrokers().length === 3 && b1.controllerId > 0, 'cluster formed');
    await b1.topicAdmin.createTopic({
      name: 'diverge',
      numPartitions: -1,
      replicationFactor: -1,
      assignments: [{ partition: 0, brokerIds: [1, 2, 3] }],
    });
    await eventually(() => b1.replicaManager.getPartition('diverge', 0)?.isLeader === true, 'broker 1 leads');
    const leader = b1.replicaManager.getPartition('diverge', 0)!;
    await leader.appendRecordsToLeader(buildRecordBatch([{ value: 'committed-0' }, { value: 'committed-1' }]), -1);
    assert.ok(await leader.waitForHighWatermark(2, 10_000), 'the first two records are committed');
    // followers stop fetching; the leader takes writes only it has (acks=1: not committed)
    for (const id of [2, 3]) cluster.brokers.get(id)!.faults.fetchersPaused = true;
    await new Promise((r) => setTimeout(r, 1000)); // fetches already parked on the leader come back first
    await leader.appendRecordsToLeader(
      buildRecordBatch([{ value: 'only-on-old-leader-0' }, { value: 'only-on-old-leader-1' }, { value: 'only-on-old-leader-2' }]),
      1,
    );
    assert.equal(leader.log.logEndOffset, 5);
    assert.equal(leader.highWatermark, 2);
    // the old leader dies; a follower takes over and takes new writes
    b1.faults.skipControlledShutdown = true;
    await cluster.stop(1);
    for (const id of [2, 3]) cluster.brokers.get(id)!.faults.fetchersPaused = false;
    const b2 = cluster.brokers.get(2)!;
    await eventually(() => [2, 3].includes(b2.metadata.topic('diverge')!.partitions[0]!.leader), 'a new leader');
    const newLeaderId = b2.metadata.topic('diverge')!.partitions[0]!.leader;
    const newLeader = cluster.brokers.get(newLeaderId)!.replicaManager.getPartition('diverge', 0)!;
    await eventually(() => newLeader.isLeader, 'the new leader knows it');
    await newLeader.appendRecordsToLeader(buildRecordBatch([{ value: 'new-epoch-0' }, { value: 'new-epoch-1' }]), 1);
    // the old leader returns: it must end up with exactly the new leader's log
    const back = await cluster.start(1);
    const values = (p: ReturnType<typeof back.replicaManager.getPartition>) =>
      [...readLogRecords(p!.log, 0, { maxOffset: p!.log.logEndOffset })].map((r) => r.value!.toString());
    await eventually(
      () => {
        const p = back.replicaManager.getPartition('diverge', 0);
        return (
          p !== undefined &&
          p.log.logEndOffset === newLeader.log.logEndOffset &&
          JSON.stringify(values(p)) === JSON.stringify(values(newLeader))
        );
      },
      'the returning broker to match the new leader',
      30_000,
    );
    const returned = values(back.replicaManager.getPartition('diverge', 0));
    assert.deepEqual(returned, ['committed-0', 'committed-1', 'new-epoch-0', 'new-epoch-1']);
    assert.ok(!returned.some((v) => v.startsWith('only-on-old-leader')), 'the uncommitted tail is gone');
  } finally {
    await cluster.close();
  }
});

test('auto.leader.rebalance.enable moves leadership back to the preferred replica once it returns', async () => {
  const cluster = await startInProcessCluster(3, { 'leader.imbalance.check.interval.seconds': '1' });
  try {
    const b1 = cluster.brokers.get(1)!;
    await eventually(() => b1.liveBrokers().length === 3 && b1.controllerId > 0, 'cluster formed');
    await b1.topicAdmin.createTopic({
      name: 'preferred',
      numPartitions: -1,
      replicationFactor: -1,
      assignments: [{ partition: 0, brokerIds: [3, 1, 2] }],
    });
    const state = () => b1.metadata.topic('preferred')!.partitions[0]!;
    await eventually(() => state().leader === 3 && state().isr.length === 3, 'broker 3 (preferred) leads with a full ISR');
    cluster.brokers.get(3)!.faults.skipControlledShutdown = true;
    await cluster.stop(3);
    await eventually(() => state().leader !== 3 && state().leader > 0, 'leadership moved away from 3');
    await cluster.start(3);
    await eventually(() => state().leader === 3, 'leadership back on the preferred replica', 30_000);
  } finally {
    await cluster.close();
  }
});

test('controlled shutdown moves leadership away before the broker stops', async () => {
  const cluster = await startInProcessCluster(3);
  try {
    const b1 = cluster.brokers.get(1)!;
    await eventually(() => b1.liveBrokers().length === 3 && b1.controllerId > 0, 'cluster formed');
    await b1.topicAdmin.createTopic({
      name: 'graceful',
      numPartitions: -1,
      replicationFactor: -1,
      assignments: [
        { partition: 0, brokerIds: [3, 1, 2] },
        { partition: 1, brokerIds: [3, 2, 1] },
      ],
    });
    const partitions = () => b1.metadata.topic('graceful')!.partitions;
    await eventually(() => partitions().every((p) => p.leader === 3 && p.isr.length === 3), 'broker 3 leads both with full ISRs');
    await cluster.stop(3); // SIGTERM path: controlled shutdown first
    // no lease had to expire: leadership was handed over while broker 3 was still up
    assert.ok(
      partitions().every((p) => p.leader !== 3 && p.leader > 0),
      `leaders after shutdown: ${partitions()
        .map((p) => p.leader)
        .join(',')}`,
    );
    assert.ok(partitions().every((p) => !p.isr.includes(3)));
    // every broker's event bus (the console's live views) saw broker 3 go: shutting down, then offline
    const states = () =>
      b1.events.since(0).flatMap((e) => (e.event.type === 'broker-changed' && e.event.nodeId === 3 ? [e.event.state] : []));
    await eventually(() => states().at(-1) === 'offline', 'broker 3 offline on the bus');
    assert.deepEqual(states().slice(-2), ['shutting-down', 'offline']);
  } finally {
    await cluster.close();
  }
});
