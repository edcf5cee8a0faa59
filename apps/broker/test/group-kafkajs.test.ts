// kafkajs consumer groups against tarn's group coordinator: assignment across members, rebalance on
// leave, eviction of a member that stops heartbeating, and committed offsets that survive a broker
// restart (state rebuilt from __consumer_offsets only) with consumers resuming exactly there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kafka, logLevel, type Consumer, type EachMessagePayload } from 'kafkajs';
import type { StampedEvent } from '../src/events/event-bus';
import { startBroker } from './helpers';

// short fetch waits: kafkajs heartbeats (and so learns of rebalances) between fetches
const SESSION = { sessionTimeout: 6000, rebalanceTimeout: 10000, heartbeatInterval: 300, maxWaitTimeInMs: 200 };

function client(port: number, clientId: string): Kafka {
  return new Kafka({ clientId, brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 100 } });
}

async function until<T>(what: string, fn: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Tracks each consumer's latest assignment (partitions of one topic) from kafkajs GROUP_JOIN events. */
function track(consumer: Consumer, topic: string, into: Map<Consumer, number[]>): void {
  consumer.on(consumer.events.GROUP_JOIN, (e) => {
    into.set(
      consumer,
      [...(e.payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b),
    );
  });
}

test('kafkajs: 3 consumers share 6 partitions 2/2/2; after one leaves the other two get 3 each', async () => {
  const { port, broker } = await startBroker();
  await broker.topicAdmin.createTopic({ name: 'g-six', numPartitions: 6, replicationFactor: 1 });
  const kafka = client(port, 'g-six-test');
  const assignments = new Map<Consumer, number[]>();
  const consumers = [0, 1, 2].map(() => kafka.consumer({ groupId: 'g-six-group', ...SESSION }));
  for (const c of consumers) {
    track(c, 'g-six', assignments);
    await c.connect();
    await c.subscribe({ topic: 'g-six', fromBeginning: true });
    await c.run({ eachMessage: async () => {} });
  }
  const group = () => broker.groupCoordinator.group('g-six-group');
  await until('three members, stable, 2 partitions each', () => {
    const g = group();
    if (g === undefined || !g.is('Stable') || g.size !== 3 || assignments.size !== 3) return false;
    const sizes = [...assignments.values()].map((a) => a.length);
    return sizes.every((n) => n === 2) && new Set([...assignments.values()].flat()).size === 6;
  });
  const generationBefore = group()!.generationId;
  const [leaving, ...staying] = consumers as [Consumer, Consumer, Consumer];
  await leaving.disconnect();
  assignments.delete(leaving);
  await until('two members with 3 partitions each', () => {
    const g = group();
    if (g === undefined || !g.is('Stable') || g.size !== 2 || g.generationId <= generationBefore) return false;
    const sizes = staying.map((c) => assignments.get(c)?.length);
    return sizes.every((n) => n === 3) && new Set(staying.flatMap((c) => assignments.get(c) ?? [])).size === 6;
  });
  // the rebalance history saw it: the member left with reason "leave", each survivor gained a partition net
  const last = broker.groupCoordinator.rebalanceHistory('g-six-group').at(-1)!;
  assert.equal(last.members.length, 2);
  assert.ok(last.left.some((l) => l.reason === 'leave'));
  assert.equal(last.protocolType, 'consumer');
  for (const m of last.members) {
    assert.equal(m.assignment!['g-six']!.length, 3);
    const d = last.diff[m.memberId]!;
    assert.equal((d.added['g-six'] ?? []).length - (d.removed['g-six'] ?? []).length, 1);
  }
  for (const c of staying) await c.disconnect();
  assert.equal(group()!.state, 'Empty');
});

test('kafkajs: a consumer that stops heartbeating is evicted after session.timeout.ms', async () => {
  const { port, broker } = await startBroker();
  await broker.topicAdmin.createTopic({ name: 'g-evict', numPartitions: 2, replicationFactor: 1 });
  const producer = client(port, 'g-evict-producer').producer();
  await producer.connect();
  const kafka = client(port, 'g-evict-test');
  const healthy = kafka.consumer({ groupId: 'g-evict-group', ...SESSION });
  const stuck = kafka.consumer({ groupId: 'g-evict-group', ...SESSION });
  const assignments = new Map<Consumer, number[]>();
  track(healthy, 'g-evict', assignments);
  track(stuck, 'g-evict', assignments);
  let stuckMemberId = '';
  stuck.on(stuck.events.GROUP_JOIN, (e) => (stuckMemberId = e.payload.memberId));
  const events: StampedEvent[] = [];
  broker.events.subscribe((e) => events.push(e));
  let release!: () => void;
  const blocked = new Promise<void>((r) => (release = r));
  await healthy.connect();
  await healthy.subscribe({ topic: 'g-evict', fromBeginning: true });
  await healthy.run({ eachMessage: async () => {} });
  await stuck.connect();
  await stuck.subscribe({ topic: 'g-evict', fromBeginning: true });
  // kafkajs heartbeats from its fetch loop: a handler that never returns stops the heartbeats
  await stuck.run({ eachMessage: async () => blocked });
  await until(
    'both members share the partitions',
    () =>
      assignments.get(healthy)?.length === 1 &&
      assignments.get(stuck)?.length === 1 &&
      broker.groupCoordinator.group('g-evict-group')?.is('Stable'),
  );
  const stuckPartition = assignments.get(stuck)![0]!;
  const t0 = Date.now();
  await producer.send({ topic: 'g-evict', messages: [{ value: 'block', partition: stuckPartition }] });
  await until(
    'the stuck member is evicted',
    () => events.find((e) => e.event.type === 'group-member-left' && e.event['memberId'] === stuckMemberId),
    20_000,
  );
  const evictedAfter = Date.now() - t0;
  const left = events.find((e) => e.event.type === 'group-member-left' && e.event['memberId'] === stuckMemberId)!;
  assert.equal(left.event.type === 'group-member-left' ? left.event.reason : null, 'session-timeout');
  assert.ok(evictedAfter >= 5000, `evicted after ${evictedAfter} ms, not before the 6000 ms session timeout`);
  await until(
    'the healthy consumer owns both partitions',
    () => assignments.get(healthy)?.length === 2 && broker.groupCoordinator.group('g-evict-group')?.size === 1,
    20_000,
  );
  release();
  await Promise.all([stuck.disconnect().catch(() => {}), healthy.disconnect(), producer.disconnect()]);
});

test('kafkajs: committed offsets survive a broker restart and consumers resume with no record skipped', async () => {
  const first = await startBroker();
  const logDir = first.logDir;
  await first.broker.topicAdmin.createTopic({ name: 'g-restart', numPartitions: 2, replicationFactor: 1 });
  const producer = client(first.port, 'g-restart-producer').producer();
  await producer.connect();
  const total = 200;
  await producer.send({ topic: 'g-restart', messages: Array.from({ length: total }, (_, i) => ({ value: `m${i}`, partition: i % 2 })) });
  await producer.disconnect();

  const seen: Array<{ partition: number; offset: number; value: string }> = [];
  const consumeUntil = async (port: number, stopAt: (n: number) => boolean) => {
    const c = client(port, 'g-restart-consumer').consumer({ groupId: 'g-restart-group', ...SESSION });
    await c.connect();
    await c.subscribe({ topic: 'g-restart', fromBeginning: true });
    const mine: typeof seen = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    await c.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }: EachMessagePayload) => {
        if (stopAt(seen.length)) return done();
        const rec = { partition, offset: Number(message.offset), value: message.value!.toString() };
        seen.push(rec);
        mine.push(rec);
        await c.commitOffsets([{ topic: 'g-restart', partition, offset: String(Number(message.offset) + 1) }]);
        if (stopAt(seen.length)) done();
      },
    });
    await finished;
    await c.disconnect();
    return mine;
  };
  await consumeUntil(first.port, (n) => n >= 80);
  const committed = new Map(
    first.broker.groupCoordinator
      .handleFetchOffsets('g-restart-group', false, null)
      .partitions.map((p) => [p.tp.partition, Number(p.data.offset)]),
  );
  assert.ok(committed.size > 0);
  const committedBefore = [0, 1].map((p) => [p, committed.get(p) ?? -1] as const);
  await first.stop();

  const second = await startBroker({}, logDir);
  await until(
    'the offsets partition is loaded',
    () => second.broker.groupCoordinator.validateGroupStatus('g-restart-group', 'OffsetFetch') === null,
  );
  const admin = client(second.port, 'g-restart-admin').admin();
  await admin.connect();
  const fetched = await admin.fetchOffsets({ groupId: 'g-restart-group', topics: ['g-restart'] });
  assert.deepEqual(
    fetched[0]!.partitions.map((p) => [p.partition, Number(p.offset)]).sort(),
    committedBefore.map((x) => [...x]),
    'the same offsets after the restart',
  );
  const described = await admin.describeGroups(['g-restart-group']);
  assert.equal(described.groups[0]!.state, 'Empty');
  await admin.disconnect();
  const resumed = await consumeUntil(second.port, (n) => n >= total);
  for (const [partition, committedOffset] of committedBefore) {
    const offset = Math.max(0, committedOffset);
    assert.equal(resumed.find((r) => r.partition === partition)?.offset, offset, `partition ${partition} resumed at its committed offset`);
  }
  assert.deepEqual(seen.map((r) => r.value).sort(), Array.from({ length: total }, (_, i) => `m${i}`).sort(), 'every record exactly once');
});
