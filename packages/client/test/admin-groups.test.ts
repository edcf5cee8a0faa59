// Consumer-group administration against a real broker with real kafkajs consumers: list, describe
// (members with decoded assignments), offsets (list, alter, delete), delete groups, and
// kafka-consumer-groups.sh's reset strategies — each plan checked against the offsets the group
// then has, and the first offsets a real consumer of the group receives after the reset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Admin, type ResetOffsetsSpec } from '../src/index';
import { onCleanup, startTestBroker } from './helpers';

const broker = await startTestBroker({ 'num.partitions': '3' });
const admin = await Admin.connect(broker.props());
onCleanup(() => admin.close());
const kafka = new Kafka({ clientId: 'kjs-groups', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
const base = Date.now() - 60_000;

await admin.createTopics([{ name: 'reset', numPartitions: 3 }]);
const producer = kafka.producer();
await producer.connect();
for (let partition = 0; partition < 3; partition++)
  await producer.send({
    topic: 'reset',
    messages: Array.from({ length: 10 }, (_, i) => ({ value: `p${partition}-${i}`, partition, timestamp: String(base + i * 1000) })),
  });
await producer.disconnect();

/** A kafkajs consumer in `groupId` that records the first offset it sees per partition. */
async function startConsumer(groupId: string, fromBeginning = false): Promise<{ consumer: Consumer; first: Map<number, number> }> {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500 });
  onCleanup(() => consumer.disconnect().catch(() => {}));
  await consumer.connect();
  await consumer.subscribe({ topic: 'reset', fromBeginning });
  const first = new Map<number, number>();
  let joined!: () => void;
  const isJoined = new Promise<void>((r) => (joined = r));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      if (!first.has(partition)) first.set(partition, Number(message.offset));
    },
  });
  await isJoined;
  return { consumer, first };
}

async function until(cond: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('list and describe a live group: members with decoded assignments; offsets cannot be altered while it is active', async () => {
  const { consumer } = await startConsumer('live-group');
  const { groups, errors } = await admin.listConsumerGroups();
  assert.deepEqual(errors, []);
  assert.equal(groups.find((g) => g.groupId === 'live-group')?.state, 'Stable');
  const [described, unknown] = await admin.describeConsumerGroups(['live-group', 'never-seen']);
  const d = described!.value!;
  assert.equal(d.state, 'Stable');
  assert.equal(d.partitionAssignor, 'RoundRobinAssigner');
  assert.equal(d.coordinator?.nodeId, 1);
  assert.equal(d.members.length, 1);
  assert.equal(d.members[0]!.clientId, 'kjs-groups');
  assert.deepEqual(d.members[0]!.subscription, ['reset']);
  assert.deepEqual(d.members[0]!.assignment.map((p) => p.partition).sort(), [0, 1, 2]);
  assert.equal(unknown!.value?.state, 'Dead');

  const refused = await admin.alterConsumerGroupOffsets('live-group', [{ topic: 'reset', partition: 0, offset: 1 }]);
  assert.ok(
    refused[0]!.error !== null && ['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION'].includes(refused[0]!.error.name),
    String(refused[0]!.error),
  );
  await assert.rejects(
    admin.resetOffsetsPlan({ groupId: 'live-group', strategy: { type: 'to-earliest' }, scope: 'all-topics' }),
    (err: Error) => err.name === 'NON_EMPTY_GROUP' && /current state is Stable/.test(err.message),
  );
  const [notDeleted] = await admin.deleteConsumerGroups(['live-group']);
  assert.equal(notDeleted!.error?.name, 'NON_EMPTY_GROUP');
  await consumer.disconnect();
  const [after] = await admin.describeConsumerGroups(['live-group']);
  assert.equal(after!.value!.state, 'Empty');
});

test('group offsets: alter, list (all or some partitions), delete some, delete the group', async () => {
  const altered = await admin.alterConsumerGroupOffsets('offsets-group', [
    { topic: 'reset', partition: 0, offset: 4, metadata: 'm' },
    { topic: 'reset', partition: 1, offset: 6 },
  ]);
  assert.deepEqual(
    altered.map((r) => [r.partition, r.error]),
    [
      [0, null],
      [1, null],
    ],
  );
  const all = await admin.listConsumerGroupOffsets('offsets-group');
  assert.deepEqual(
    all.map((o) => [o.topic, o.partition, o.offset, o.metadata]),
    [
      ['reset', 0, 4, 'm'],
      ['reset', 1, 6, ''],
    ],
  );
  const some = await admin.listConsumerGroupOffsets('offsets-group', { partitions: [{ topic: 'reset', partition: 2 }] });
  assert.deepEqual(
    some.map((o) => [o.partition, o.offset]),
    [[2, null]],
  );
  const deleted = await admin.deleteConsumerGroupOffsets('offsets-group', [{ topic: 'reset', partition: 0 }]);
  assert.equal(deleted[0]!.error, null);
  assert.deepEqual(
    (await admin.listConsumerGroupOffsets('offsets-group')).map((o) => o.partition),
    [1],
  );
  const [gone, missing] = await admin.deleteConsumerGroups(['offsets-group', 'no-such-group']);
  assert.equal(gone!.error, null);
  assert.equal(missing!.error?.name, 'GROUP_ID_NOT_FOUND');
  assert.deepEqual(await admin.listConsumerGroupOffsets('offsets-group'), []);
});

test('reset-offsets: every strategy and scope gives the plan kafka-consumer-groups.sh computes, and executing it sets the group', async () => {
  const groupId = 'reset-group';
  const set = async (p0: number, p1: number): Promise<void> => {
    const r = await admin.alterConsumerGroupOffsets(groupId, [
      { topic: 'reset', partition: 0, offset: p0 },
      { topic: 'reset', partition: 1, offset: p1 },
    ]);
    assert.ok(r.every((x) => x.error === null));
  };
  const plan = async (strategy: ResetOffsetsSpec['strategy'], scope: ResetOffsetsSpec['scope'] = { topics: ['reset'] }) =>
    (await admin.resetOffsetsPlan({ groupId, strategy, scope, now: base + 60_000 })).map((e) => [e.partition, e.newOffset]);

  await set(5, 3);
  // scope: all-topics = the partitions with commits; topic:partitions = those
  assert.deepEqual(await plan({ type: 'to-earliest' }, 'all-topics'), [
    [0, 0],
    [1, 0],
  ]);
  assert.deepEqual(await plan({ type: 'to-latest' }, { topics: ['reset:2'] }), [[2, 10]]);
  assert.deepEqual(await plan({ type: 'to-earliest' }), [
    [0, 0],
    [1, 0],
    [2, 0],
  ]);
  assert.deepEqual(await plan({ type: 'to-current' }), [
    [0, 5],
    [1, 3],
    [2, 10],
  ]);
  assert.deepEqual(await plan({ type: 'to-offset', offset: 7 }, { topics: ['reset:0,1'] }), [
    [0, 7],
    [1, 7],
  ]);
  assert.deepEqual(await plan({ type: 'to-offset', offset: 50 }, { topics: ['reset:0'] }), [[0, 10]]);
  assert.deepEqual(await plan({ type: 'shift-by', shift: -2 }, 'all-topics'), [
    [0, 3],
    [1, 1],
  ]);
  assert.deepEqual(await plan({ type: 'shift-by', shift: -100 }, 'all-topics'), [
    [0, 0],
    [1, 0],
  ]);
  await assert.rejects(plan({ type: 'shift-by', shift: 1 }), /no current committed offset/);
  assert.deepEqual(await plan({ type: 'to-datetime', datetime: base + 4500 }, { topics: ['reset:0'] }), [[0, 5]]);
  const local = new Date(base + 4500);
  const iso = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}T${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}:${String(local.getSeconds()).padStart(2, '0')}.${String(local.getMilliseconds()).padStart(3, '0')}`;
  assert.deepEqual(await plan({ type: 'to-datetime', datetime: iso }, { topics: ['reset:1'] }), [[1, 5]]);
  assert.deepEqual(await plan({ type: 'to-datetime', datetime: new Date(base + 99_000).toISOString() }, { topics: ['reset:1'] }), [
    [1, 10],
  ]);
  // now = base + 60 s; 55.5 s back = base + 4.5 s
  assert.deepEqual(await plan({ type: 'by-duration', duration: 'PT55.5S' }, { topics: ['reset:2'] }), [[2, 5]]);
  assert.deepEqual(await plan({ type: 'from-file', csv: 'reset,0,2\nother-group,reset,1,9\nreset-group,reset,1,4\n' }), [
    [0, 2],
    [1, 4],
  ]);

  // execute: the group's committed offsets are the plan
  const entries = await admin.resetOffsetsPlan({
    groupId,
    strategy: { type: 'to-datetime', datetime: base + 6500 },
    scope: { topics: ['reset'] },
  });
  const results = await admin.executeResetPlan(groupId, entries);
  assert.ok(results.every((r) => r.error === null));
  assert.deepEqual(
    (await admin.listConsumerGroupOffsets(groupId)).map((o) => [o.partition, o.offset]),
    [
      [0, 7],
      [1, 7],
      [2, 7],
    ],
  );
  // and a real consumer of the group starts there
  const { consumer, first } = await startConsumer(groupId);
  await until(() => first.size === 3, 'the consumer to read every partition');
  assert.deepEqual(
    [...first].sort((a, b) => a[0] - b[0]),
    [
      [0, 7],
      [1, 7],
      [2, 7],
    ],
  );
  await consumer.disconnect();
});
