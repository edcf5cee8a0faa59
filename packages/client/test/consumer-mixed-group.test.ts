// One consumer group, @tarn/client members and kafkajs members together on a real broker, with
// the range and with the roundrobin protocol. Either client may lead: when tarn leads, every member
// ends with what the kafkajs-side algorithm computes for those members; when kafkajs leads, every
// member ends with what tarn's assignor computes. kafkajs's roundrobin is its own RoundRobinAssigner
// (renamed to Kafka's protocol name); kafkajs has no range assignor, so its members run the range
// algorithm as Kafka's RangeAssignor documents it (per topic, members sorted, leading members one more).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AssignerProtocol, PartitionAssigners, type Assigner, type Consumer as KafkajsConsumer, type PartitionAssigner } from 'kafkajs';
import { RangeAssignor, RoundRobinAssignor, subscription, type Consumer, type PartitionAssignor } from '../src/index';
import { onCleanup, startTestBroker } from './helpers';
import { createTopic, kafkajs, kafkajsAdmin, newConsumer } from './consumer-support';

const broker = await startTestBroker({ 'num.partitions': '1', 'group.min.session.timeout.ms': '1000' });
const TOPIC = 'mixed';
const PARTITIONS = 5;
await createTopic(broker, TOPIC, PARTITIONS);
const admin = await kafkajsAdmin(broker);

type Assignment = Record<string, string[]>; // memberId → sorted "topic-partition"

/** Kafka's RangeAssignor as documented, for one topic: the kafkajs side's algorithm. */
function documentedRange(memberIds: string[], partitions: number): Map<string, number[]> {
  const sorted = [...memberIds].sort();
  const per = Math.floor(partitions / sorted.length);
  const extra = partitions % sorted.length;
  const out = new Map<string, number[]>();
  let next = 0;
  sorted.forEach((m, i) => {
    const n = per + (i < extra ? 1 : 0);
    out.set(
      m,
      Array.from({ length: n }, (_, j) => next + j),
    );
    next += n;
  });
  return out;
}

const kafkajsRange: PartitionAssigner = ({ cluster }) => ({
  name: 'range',
  version: 0,
  async assign({ members, topics }) {
    const result = new Map<string, Record<string, number[]>>(members.map((m) => [m.memberId, {}]));
    for (const topic of topics) {
      const count = cluster.findTopicPartitionMetadata(topic).length;
      for (const [m, ps] of documentedRange(
        members.map((x) => x.memberId),
        count,
      ))
        result.get(m)![topic] = ps;
    }
    return [...result].map(([memberId, assignment]) => ({
      memberId,
      memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: 0, assignment, userData: Buffer.alloc(0) }),
    }));
  },
  protocol({ topics }) {
    return { name: 'range', metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }) };
  },
});

/** kafkajs's own RoundRobinAssigner under Kafka's protocol name. */
const kafkajsRoundRobin: PartitionAssigner = (config) => {
  const inner = PartitionAssigners.roundRobin(config);
  const named: Assigner = {
    name: 'roundrobin',
    version: inner.version,
    assign: (group) => inner.assign.call(named, group),
    protocol: (s) => inner.protocol.call(named, s),
  };
  return named;
};

/** What the kafkajs-side algorithm assigns these members (its assign() on a one-topic cluster view). */
async function kafkajsComputes(assigner: PartitionAssigner, memberIds: string[]): Promise<Assignment> {
  const cluster = { findTopicPartitionMetadata: () => Array.from({ length: PARTITIONS }, (_, partitionId) => ({ partitionId })) };
  const a = assigner({ cluster, groupId: 'x', logger: null } as unknown as Parameters<PartitionAssigner>[0]);
  const members = memberIds.map((memberId) => ({ memberId, memberMetadata: Buffer.alloc(0) }));
  const out: Assignment = Object.fromEntries(memberIds.map((m) => [m, [] as string[]]));
  for (const r of await a.assign({ members, topics: [TOPIC] })) {
    const decoded = AssignerProtocol.MemberAssignment.decode(r.memberAssignment);
    out[r.memberId] = Object.entries(decoded?.assignment ?? {})
      .flatMap(([t, ps]) => ps.map((p) => `${t}-${p}`))
      .sort();
  }
  return out;
}

/** What tarn's assignor assigns these members (dynamic members, all subscribed to the topic). */
function tarnComputes(assignor: PartitionAssignor, memberIds: string[]): Assignment {
  const subs = new Map(memberIds.map((m) => [m, subscription([TOPIC])]));
  const a = assignor.assign(new Map([[TOPIC, PARTITIONS]]), subs);
  return Object.fromEntries(memberIds.map((m) => [m, (a.get(m) ?? []).map((tp) => `${tp.topic}-${tp.partition}`).sort()]));
}

interface Members {
  tarn: Consumer[];
  kafkajs: { consumer: KafkajsConsumer; memberId: string; assignment: string[] }[];
  stop: () => Promise<void>;
}

function startPolling(c: Consumer): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) await c.poll(100).catch(() => {});
  })();
  return async () => {
    running = false;
    await loop;
  };
}

async function startKafkajs(group: string, assigner: PartitionAssigner, members: Members): Promise<void> {
  const consumer = kafkajs(broker, 'kafkajs-member').consumer({
    groupId: group,
    partitionAssigners: [assigner],
    sessionTimeout: 6000,
    heartbeatInterval: 200,
    rebalanceTimeout: 20_000,
    // kafkajs heartbeats between fetches: short fetch waits keep its rejoin prompt
    maxWaitTimeInMs: 100,
  });
  const entry = { consumer, memberId: '', assignment: [] as string[] };
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    entry.memberId = payload.memberId;
    entry.assignment = Object.entries(payload.memberAssignment)
      .flatMap(([t, ps]) => ps.map((p) => `${t}-${p}`))
      .sort();
  });
  await consumer.connect();
  onCleanup(() => consumer.disconnect());
  await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
  await consumer.run({ eachMessage: async () => {} });
  members.kafkajs.push(entry);
}

function startTarn(group: string, strategy: string, members: Members): Consumer {
  const c = newConsumer(broker, {
    'group.id': group,
    'partition.assignment.strategy': strategy,
    'session.timeout.ms': 6000,
    'heartbeat.interval.ms': 200,
    'max.poll.interval.ms': 20_000,
  });
  c.subscribe([TOPIC]);
  members.tarn.push(c);
  const stop = startPolling(c);
  const prev = members.stop;
  members.stop = async () => {
    await stop();
    await prev();
  };
  return c;
}

/** Waits until the broker says Stable with all four members and every member holds what it was given. */
async function settled(group: string, members: Members): Promise<{ actual: Assignment }> {
  const deadline = Date.now() + 40_000;
  for (;;) {
    assert.ok(Date.now() < deadline, 'the mixed group did not settle');
    const { groups } = await admin.describeGroups([group]);
    const g = groups[0]!;
    const actual: Assignment = {};
    for (const c of members.tarn) {
      const md = c.groupMetadata();
      actual[md.memberId] = c
        .assignment()
        .map((tp) => `${tp.topic}-${tp.partition}`)
        .sort();
    }
    for (const k of members.kafkajs) actual[k.memberId] = k.assignment;
    const ids = g.members.map((m) => m.memberId).sort();
    const all = Object.values(actual).flat();
    if (
      g.state === 'Stable' &&
      ids.length === 4 &&
      JSON.stringify(Object.keys(actual).sort()) === JSON.stringify(ids) &&
      all.length === PARTITIONS &&
      new Set(all).size === PARTITIONS
    ) {
      return { actual };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const [strategy, tarnAssignor, kafkajsAssigner] of [
  ['range', new RangeAssignor(), kafkajsRange],
  ['roundrobin', new RoundRobinAssignor(), kafkajsRoundRobin],
] as const) {
  test(`${strategy}: tarn leads, kafkajs members join; each member ends with what kafkajs's algorithm computes`, async () => {
    const group = `mixed-${strategy}-tarn-leads`;
    const members: Members = { tarn: [], kafkajs: [], stop: async () => {} };
    const first = startTarn(group, strategy, members);
    while (first.assignment().length < PARTITIONS) await new Promise((r) => setTimeout(r, 50));
    await startKafkajs(group, kafkajsAssigner, members);
    startTarn(group, strategy, members);
    await startKafkajs(group, kafkajsAssigner, members);
    const { actual } = await settled(group, members);
    await members.stop();
    const expected = await kafkajsComputes(kafkajsAssigner, Object.keys(actual));
    assert.deepEqual(actual, expected);
    assert.deepEqual(actual, tarnComputes(tarnAssignor, Object.keys(actual)));
  });

  test(`${strategy}: kafkajs leads, tarn members join; each member ends with what tarn's assignor computes`, async () => {
    const group = `mixed-${strategy}-kafkajs-leads`;
    const members: Members = { tarn: [], kafkajs: [], stop: async () => {} };
    await startKafkajs(group, kafkajsAssigner, members);
    while (members.kafkajs[0]!.assignment.length < PARTITIONS) await new Promise((r) => setTimeout(r, 50));
    startTarn(group, strategy, members);
    await startKafkajs(group, kafkajsAssigner, members);
    startTarn(group, strategy, members);
    const { actual } = await settled(group, members);
    await members.stop();
    assert.deepEqual(actual, tarnComputes(tarnAssignor, Object.keys(actual)));
    assert.deepEqual(actual, await kafkajsComputes(kafkajsAssigner, Object.keys(actual)));
  });
}

test('a member whose subscription bytes do not parse gets nothing; the tarn leader assigns everyone else', async () => {
  const group = 'mixed-garbage';
  const members: Members = { tarn: [], kafkajs: [], stop: async () => {} };
  const first = startTarn(group, 'range', members);
  while (first.assignment().length < PARTITIONS) await new Promise((r) => setTimeout(r, 50));
  const garbage: PartitionAssigner = () => ({
    name: 'range',
    version: 0,
    assign: async () => [],
    protocol: () => ({ name: 'range', metadata: Buffer.from([0x7f, 0xff, 0x01]) }),
  });
  await startKafkajs(group, garbage, members);
  const deadline = Date.now() + 20_000;
  while (members.kafkajs[0]!.memberId === '' || first.assignment().length < PARTITIONS) {
    assert.ok(Date.now() < deadline, 'the group did not settle');
    await new Promise((r) => setTimeout(r, 100));
  }
  await members.stop();
  assert.equal(first.assignment().length, PARTITIONS);
  assert.deepEqual(members.kafkajs[0]!.assignment, []);
});
