// Group rebalances between @tarn/client members on a real broker: CooperativeSticky moves only
// the partitions it must (the revoked sets are exactly what the newcomer ends with, nothing else
// is revoked, and a leaving member's partitions go to the others without revocations); static
// membership (group.instance.id) brings a restarted member back to the same partitions without a
// rebalance.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Consumer, RebalanceListener, TopicPartition } from '../src/index';
import { startTestBroker } from './helpers';
import { createTopic, keyOf, newConsumer, pollAllUntil, sortedKeys } from './consumer-support';

const broker = await startTestBroker({ 'num.partitions': '1', 'group.min.session.timeout.ms': '1000' });
await createTopic(broker, 'coop', 6);
await createTopic(broker, 'static', 4);

const groupProps = (group: string, extra: Record<string, string | number> = {}) => ({
  'group.id': group,
  'session.timeout.ms': 6000,
  'heartbeat.interval.ms': 200,
  'max.poll.interval.ms': 20_000,
  ...extra,
});

class Recorder implements RebalanceListener {
  revoked: TopicPartition[] = [];
  assigned: TopicPartition[] = [];
  lost: TopicPartition[] = [];
  onPartitionsRevoked(p: TopicPartition[]): void {
    this.revoked.push(...p);
  }
  onPartitionsAssigned(p: TopicPartition[]): void {
    this.assigned.push(...p);
  }
  onPartitionsLost(p: TopicPartition[]): void {
    this.lost.push(...p);
  }
}

const owned = (consumers: Consumer[]): number => consumers.reduce((n, c) => n + c.assignment().length, 0);
const balanced = (consumers: Consumer[], total: number) => () =>
  owned(consumers) === total &&
  new Set(consumers.flatMap((c) => c.assignment().map(keyOf))).size === total &&
  Math.max(...consumers.map((c) => c.assignment().length)) - Math.min(...consumers.map((c) => c.assignment().length)) <= 1;

test('cooperative-sticky: a joining member takes only what it must; a leaving one hands over without revocations', async () => {
  const props = groupProps('coop-group', { 'partition.assignment.strategy': 'cooperative-sticky' });
  const ra = new Recorder();
  const a = newConsumer(broker, props);
  a.subscribe(['coop'], ra);
  await pollAllUntil([a], () => a.assignment().length === 6);
  assert.deepEqual(ra.revoked, []);

  const rb = new Recorder();
  const b = newConsumer(broker, props);
  b.subscribe(['coop'], rb);
  await pollAllUntil([a, b], balanced([a, b], 6));
  // A gave up exactly the three partitions B now has, and kept the other three throughout.
  assert.deepEqual(sortedKeys(ra.revoked), sortedKeys(b.assignment()));
  assert.equal(ra.revoked.length, 3);
  assert.deepEqual(rb.revoked, []);

  const rc = new Recorder();
  const c = newConsumer(broker, props);
  c.subscribe(['coop'], rc);
  const aBefore = new Set(a.assignment().map(keyOf));
  const bBefore = new Set(b.assignment().map(keyOf));
  ra.revoked = [];
  rb.revoked = [];
  await pollAllUntil([a, b, c], balanced([a, b, c], 6));
  assert.deepEqual(sortedKeys([...ra.revoked, ...rb.revoked]), sortedKeys(c.assignment()));
  assert.equal(c.assignment().length, 2);
  // what A and B still hold, they held before
  for (const tp of a.assignment()) assert.ok(aBefore.has(keyOf(tp)));
  for (const tp of b.assignment()) assert.ok(bBefore.has(keyOf(tp)));

  // B leaves: its partitions go to A and C, who revoke nothing.
  const bHeld = b.assignment();
  const aHeld = new Set(a.assignment().map(keyOf));
  const cHeld = new Set(c.assignment().map(keyOf));
  ra.revoked = [];
  rc.revoked = [];
  await b.close();
  await pollAllUntil([a, c], balanced([a, c], 6));
  assert.deepEqual(ra.revoked, []);
  assert.deepEqual(rc.revoked, []);
  const gained = [...a.assignment(), ...c.assignment()].filter((tp) => !aHeld.has(keyOf(tp)) && !cHeld.has(keyOf(tp)));
  assert.deepEqual(sortedKeys(gained), sortedKeys(bHeld));
});

test('eager range: every rebalance revokes everything first', async () => {
  const props = groupProps('eager-group', { 'partition.assignment.strategy': 'range' });
  const ra = new Recorder();
  const a = newConsumer(broker, props);
  a.subscribe(['coop'], ra);
  await pollAllUntil([a], () => a.assignment().length === 6);
  const b = newConsumer(broker, props);
  b.subscribe(['coop']);
  await pollAllUntil([a, b], balanced([a, b], 6));
  assert.equal(ra.revoked.length, 6);
  await b.close();
  await a.close();
});

test('static membership: a member restarted with its group.instance.id gets its partitions back without a rebalance', async () => {
  const props = (id: string) => groupProps('static-group', { 'group.instance.id': id, 'partition.assignment.strategy': 'range' });
  const r1 = new Recorder();
  const s1 = newConsumer(broker, props('instance-1'));
  s1.subscribe(['static'], r1);
  const r2 = new Recorder();
  const s2 = newConsumer(broker, props('instance-2'));
  s2.subscribe(['static'], r2);
  await pollAllUntil([s1, s2], balanced([s1, s2], 4));
  // Range orders static members by instance id: instance-1 gets the first half.
  assert.deepEqual(sortedKeys(s1.assignment()), ['static-0', 'static-1']);
  assert.deepEqual(sortedKeys(s2.assignment()), ['static-2', 'static-3']);
  const generation = s2.groupMetadata().generationId;
  const s2Revoked = r2.revoked.length;

  await s1.close(); // a static member sends no LeaveGroup
  const again = newConsumer(broker, props('instance-1'));
  again.subscribe(['static']);
  await pollAllUntil([again, s2], () => again.assignment().length === 2);
  assert.deepEqual(sortedKeys(again.assignment()), ['static-0', 'static-1']);
  // keep both polling a little: no rebalance must follow
  const until = Date.now() + 1500;
  await pollAllUntil([again, s2], () => Date.now() > until);
  assert.equal(s2.groupMetadata().generationId, generation);
  assert.equal(again.groupMetadata().generationId, generation);
  assert.equal(r2.revoked.length, s2Revoked);
  assert.deepEqual(sortedKeys(s2.assignment()), ['static-2', 'static-3']);
});

test('max.poll.interval.ms: a member that stops polling leaves; the others take over; it finds its partitions lost and rejoins', async () => {
  const props = groupProps('poll-timeout', { 'partition.assignment.strategy': 'range', 'max.poll.interval.ms': 2000 });
  const a = newConsumer(broker, props);
  a.subscribe(['coop']);
  const rb = new Recorder();
  const b = newConsumer(broker, props);
  b.subscribe(['coop'], rb);
  await pollAllUntil([a, b], balanced([a, b], 6));
  const bHeld = sortedKeys(b.assignment());
  // only A polls now
  await pollAllUntil([a], () => a.assignment().length === 6, 15_000);
  assert.deepEqual(rb.lost, []);
  await pollAllUntil([a, b], balanced([a, b], 6));
  assert.deepEqual(sortedKeys(rb.lost), bHeld);
});
