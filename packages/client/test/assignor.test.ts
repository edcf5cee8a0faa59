/**
 * The assignors against Kafka's own test cases (RangeAssignorTest, RoundRobinAssignorTest,
 * AbstractStickyAssignorTest, CooperativeStickyAssignorTest, StickyAssignorTest): same input, the
 * assignment Kafka's Java implementation asserts — in the same list order, since Kafka's tests
 * compare ordered lists.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  CooperativeStickyAssignor,
  RangeAssignor,
  RoundRobinAssignor,
  StickyAssignor,
  assignorFor,
  decodeStickyUserData,
  encodeStickyUserData,
  javaHashOrder,
  javaStringHash,
  subscription,
} from '../src/consumer/assignors/index';
import type { GroupAssignment, Subscription, TopicPartition } from '../src/consumer/assignors/index';
import { stickyAssign } from '../src/consumer/assignors/abstract-sticky';
import { cooperativeMemberData } from '../src/consumer/assignors/cooperative-sticky';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from '../src/consumer/consumer-protocol';

const tp = (topic: string, partition: number): TopicPartition => ({ topic, partition });
const ppt = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));
const subs = (o: Record<string, Subscription>): Map<string, Subscription> => new Map(Object.entries(o));
const generationId = 1;
/** Kafka's buildSubscriptionV2Above: owned partitions and generation in the protocol. */
const v2 = (topics: string[], owned: readonly TopicPartition[], generation = generationId): Subscription =>
  subscription(topics, { ownedPartitions: owned, generationId: generation });

function assertValidAndBalanced(assignment: GroupAssignment, s: Map<string, Subscription>, partitions: Map<string, number>): void {
  const seen = new Set<string>();
  for (const [member, list] of assignment) {
    for (const p of list) {
      assert.ok(s.get(member)!.topics.includes(p.topic), `${member} got ${p.topic} it is not subscribed to`);
      const k = `${p.topic}-${p.partition}`;
      assert.ok(!seen.has(k), `${k} assigned twice`);
      seen.add(k);
    }
  }
  let total = 0;
  for (const [t, n] of partitions) if ([...s.values()].some((x) => x.topics.includes(t))) total += n;
  assert.equal(seen.size, total, 'every subscribed partition is assigned');
}

const fullyBalanced = (a: GroupAssignment): boolean => {
  const sizes = [...a.values()].map((l) => l.length);
  return Math.max(...sizes) - Math.min(...sizes) <= 1;
};

describe('Java hash order', () => {
  it('String.hashCode matches Java', () => {
    assert.equal(javaStringHash('hello'), 99162322);
    assert.equal(javaStringHash('Aa'), javaStringHash('BB')); // Java's classic collision
    assert.equal(javaStringHash('polygenelubricants'), -2147483648);
  });
  it('iterates HashMap buckets ascending, insertion order within a bucket', () => {
    // "Aa" and "BB" collide (hash 2112, bucket 0): insertion order decides; "a" (97) is bucket 1.
    assert.deepEqual(javaHashOrder(['b', 'BB', 'a', 'Aa']), ['BB', 'Aa', 'a', 'b']);
    assert.deepEqual(javaHashOrder(['Aa', 'b', 'BB']), ['Aa', 'BB', 'b']);
  });
});

describe('RangeAssignor (Kafka RangeAssignorTest)', () => {
  const a = new RangeAssignor();
  it('one consumer, no topic / one topic', () => {
    assert.deepEqual(a.assign(ppt({}), subs({ consumer: subscription([]) })).get('consumer'), []);
    assert.deepEqual(a.assign(ppt({ topic1: 3 }), subs({ consumer: subscription(['topic1']) })).get('consumer'), [
      tp('topic1', 0),
      tp('topic1', 1),
      tp('topic1', 2),
    ]);
  });
  it('only assigns partitions from subscribed topics; missing topic gets nothing', () => {
    const r = a.assign(ppt({ topic1: 3, other: 3 }), subs({ consumer: subscription(['topic1', 'nonexistent']) }));
    assert.deepEqual(r.get('consumer'), [tp('topic1', 0), tp('topic1', 1), tp('topic1', 2)]);
  });
  it('two consumers, one topic, one partition', () => {
    const r = a.assign(ppt({ topic1: 1 }), subs({ consumer1: subscription(['topic1']), consumer2: subscription(['topic1']) }));
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0)]);
    assert.deepEqual(r.get('consumer2'), []);
  });
  it('multiple consumers, mixed topics', () => {
    const r = a.assign(
      ppt({ topic1: 3, topic2: 2 }),
      subs({ consumer1: subscription(['topic1']), consumer2: subscription(['topic1', 'topic2']), consumer3: subscription(['topic1']) }),
    );
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0)]);
    assert.deepEqual(r.get('consumer2'), [tp('topic1', 1), tp('topic2', 0), tp('topic2', 1)]);
    assert.deepEqual(r.get('consumer3'), [tp('topic1', 2)]);
  });
  it('two consumers, two topics, six partitions', () => {
    const r = a.assign(
      ppt({ topic1: 3, topic2: 3 }),
      subs({ consumer1: subscription(['topic1', 'topic2']), consumer2: subscription(['topic1', 'topic2']) }),
    );
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0), tp('topic1', 1), tp('topic2', 0), tp('topic2', 1)]);
    assert.deepEqual(r.get('consumer2'), [tp('topic1', 2), tp('topic2', 2)]);
  });
  it('static members sort by group.instance.id first (assignment survives new member ids)', () => {
    const s = subs({
      'consumer-z': subscription(['t'], { groupInstanceId: 'instance-1' }),
      'consumer-a': subscription(['t'], { groupInstanceId: 'instance-2' }),
      'consumer-0': subscription(['t']),
    });
    const r = a.assign(ppt({ t: 3 }), s);
    assert.deepEqual(r.get('consumer-z'), [tp('t', 0)]);
    assert.deepEqual(r.get('consumer-a'), [tp('t', 1)]);
    assert.deepEqual(r.get('consumer-0'), [tp('t', 2)]);
  });
});

describe('RoundRobinAssignor (Kafka RoundRobinAssignorTest)', () => {
  const a = new RoundRobinAssignor();
  it('multiple consumers, mixed topics', () => {
    const r = a.assign(
      ppt({ topic1: 3, topic2: 2 }),
      subs({ consumer1: subscription(['topic1']), consumer2: subscription(['topic1', 'topic2']), consumer3: subscription(['topic1']) }),
    );
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0)]);
    assert.deepEqual(r.get('consumer2'), [tp('topic1', 1), tp('topic2', 0), tp('topic2', 1)]);
    assert.deepEqual(r.get('consumer3'), [tp('topic1', 2)]);
  });
  it('two consumers, two topics, six partitions', () => {
    const r = a.assign(
      ppt({ topic1: 3, topic2: 3 }),
      subs({ consumer1: subscription(['topic1', 'topic2']), consumer2: subscription(['topic1', 'topic2']) }),
    );
    assert.deepEqual(r.get('consumer1'), [tp('topic1', 0), tp('topic1', 2), tp('topic2', 1)]);
    assert.deepEqual(r.get('consumer2'), [tp('topic1', 1), tp('topic2', 0), tp('topic2', 2)]);
  });
  it("the class javadoc's example (C0: t0; C1: t0,t1; C2: t0,t1,t2)", () => {
    const r = a.assign(
      ppt({ t0: 1, t1: 2, t2: 3 }),
      subs({ C0: subscription(['t0']), C1: subscription(['t0', 't1']), C2: subscription(['t0', 't1', 't2']) }),
    );
    assert.deepEqual(r.get('C0'), [tp('t0', 0)]);
    assert.deepEqual(r.get('C1'), [tp('t1', 0)]);
    assert.deepEqual(r.get('C2'), [tp('t1', 1), tp('t2', 0), tp('t2', 1), tp('t2', 2)]);
  });
  it('static members: instance ids decide the order, not member ids', () => {
    const r = a.assign(
      ppt({ t0: 3, t1: 3 }),
      subs({
        C5: subscription(['t0', 't1'], { groupInstanceId: 'I0' }),
        C3: subscription(['t0', 't1'], { groupInstanceId: 'I1' }),
        C4: subscription(['t0', 't1'], { groupInstanceId: 'I2' }),
      }),
    );
    assert.deepEqual(r.get('C5'), [tp('t0', 0), tp('t1', 0)]);
    assert.deepEqual(r.get('C3'), [tp('t0', 1), tp('t1', 1)]);
    assert.deepEqual(r.get('C4'), [tp('t0', 2), tp('t1', 2)]);
  });
});

describe('sticky core (Kafka AbstractStickyAssignorTest, cooperative subscriptions)', () => {
  const assign = (p: Map<string, number>, s: Map<string, Subscription>) => stickyAssign(p, s, cooperativeMemberData);
  const transfers = (m: Map<string, { tp: TopicPartition; consumer: string }> | null) =>
    m === null ? null : Object.fromEntries([...m.values()].map((v) => [`${v.tp.topic}-${v.tp.partition}`, v.consumer]));

  it('two consumers, two topics, six partitions', () => {
    const r = assign(
      ppt({ topic1: 3, topic2: 3 }),
      subs({ consumer1: subscription(['topic1', 'topic2']), consumer2: subscription(['topic1', 'topic2']) }),
    );
    assert.deepEqual(r.assignment.get('consumer1'), [tp('topic1', 0), tp('topic1', 2), tp('topic2', 1)]);
    assert.deepEqual(r.assignment.get('consumer2'), [tp('topic1', 1), tp('topic2', 0), tp('topic2', 2)]);
  });

  it('multiple consumers with mixed subscriptions take the general path', () => {
    const p = ppt({ topic1: 3, topic2: 2 });
    const s = subs({
      consumer1: subscription(['topic1']),
      consumer2: subscription(['topic1', 'topic2']),
      consumer3: subscription(['topic1']),
    });
    const r = assign(p, s);
    assert.deepEqual(r.assignment.get('consumer1'), [tp('topic1', 0), tp('topic1', 2)]);
    assert.deepEqual(r.assignment.get('consumer2'), [tp('topic2', 0), tp('topic2', 1)]);
    assert.deepEqual(r.assignment.get('consumer3'), [tp('topic1', 1)]);
    assert.equal(r.partitionsTransferringOwnership, null);
    assertValidAndBalanced(r.assignment, s, p);
  });

  it('owned partitions stay with a consumer owning several topics', () => {
    const t = ['topic1', 'topic2'];
    const r = assign(
      ppt({ topic1: 2, topic2: 3 }),
      subs({ consumer1: v2(t, [tp('topic1', 0), tp('topic2', 1)]), consumer2: v2(t, [tp('topic1', 1), tp('topic2', 2)]) }),
    );
    assert.deepEqual(r.assignment.get('consumer1'), [tp('topic1', 0), tp('topic2', 1), tp('topic2', 0)]);
    assert.deepEqual(r.assignment.get('consumer2'), [tp('topic1', 1), tp('topic2', 2)]);
    assert.deepEqual(transfers(r.partitionsTransferringOwnership), {});
  });

  it('max-quota owners beyond the expected number give one up', () => {
    const t = ['topic1', 'topic2'];
    const r = assign(
      ppt({ topic1: 2, topic2: 2 }),
      subs({
        consumer1: v2(t, [tp('topic1', 0), tp('topic2', 0)]),
        consumer2: v2(t, [tp('topic1', 1), tp('topic2', 1)]),
        consumer3: v2(t, []),
      }),
    );
    assert.deepEqual(transfers(r.partitionsTransferringOwnership), { 'topic2-0': 'consumer3' });
    assert.deepEqual(r.assignment.get('consumer1'), [tp('topic1', 0)]);
    assert.deepEqual(r.assignment.get('consumer2'), [tp('topic1', 1), tp('topic2', 1)]);
    assert.deepEqual(r.assignment.get('consumer3'), [tp('topic2', 0)]);
  });

  it('all consumers under minQuota', () => {
    const t = ['topic1', 'topic2'];
    const r = assign(
      ppt({ topic1: 2, topic2: 3 }),
      subs({ consumer1: v2(t, [tp('topic1', 0)]), consumer2: v2(t, [tp('topic1', 1)]), consumer3: v2(t, []) }),
    );
    assert.deepEqual(transfers(r.partitionsTransferringOwnership), {});
    assert.deepEqual(r.assignment.get('consumer1'), [tp('topic1', 0), tp('topic2', 1)]);
    assert.deepEqual(r.assignment.get('consumer2'), [tp('topic1', 1), tp('topic2', 2)]);
    assert.deepEqual(r.assignment.get('consumer3'), [tp('topic2', 0)]);
  });

  it('add and remove a consumer on one topic', () => {
    const p = ppt({ topic: 3 });
    let r = assign(p, subs({ consumer1: subscription(['topic']) }));
    assert.deepEqual(r.assignment.get('consumer1'), [tp('topic', 0), tp('topic', 1), tp('topic', 2)]);
    r = assign(p, subs({ consumer1: v2(['topic'], r.assignment.get('consumer1')!), consumer2: v2(['topic'], []) }));
    assert.deepEqual(transfers(r.partitionsTransferringOwnership), { 'topic-2': 'consumer2' });
    assert.deepEqual(r.assignment.get('consumer1'), [tp('topic', 0), tp('topic', 1)]);
    assert.deepEqual(r.assignment.get('consumer2'), [tp('topic', 2)]);
    r = assign(p, subs({ consumer2: v2(['topic'], r.assignment.get('consumer2')!) }));
    assert.deepEqual(new Set(r.assignment.get('consumer2')!.map((x) => x.partition)), new Set([0, 1, 2]));
    assert.deepEqual(transfers(r.partitionsTransferringOwnership), {});
  });

  it('add and remove two consumers on two topics', () => {
    const t = ['topic1', 'topic2'];
    const p = ppt({ topic1: 3, topic2: 4 });
    let r = assign(p, subs({ consumer1: subscription(t), consumer2: subscription(t) }));
    assert.deepEqual(r.assignment.get('consumer1'), [tp('topic1', 0), tp('topic1', 2), tp('topic2', 1), tp('topic2', 3)]);
    assert.deepEqual(r.assignment.get('consumer2'), [tp('topic1', 1), tp('topic2', 0), tp('topic2', 2)]);
    const a1 = r.assignment;
    r = assign(
      p,
      subs({ consumer1: v2(t, a1.get('consumer1')!), consumer2: v2(t, a1.get('consumer2')!), consumer3: v2(t, []), consumer4: v2(t, []) }),
    );
    assert.deepEqual(transfers(r.partitionsTransferringOwnership), {
      'topic1-2': 'consumer3',
      'topic2-3': 'consumer3',
      'topic2-2': 'consumer4',
    });
    assert.deepEqual(r.assignment.get('consumer1'), [tp('topic1', 0), tp('topic2', 1)]);
    assert.deepEqual(r.assignment.get('consumer2'), [tp('topic2', 0), tp('topic1', 1)]);
    assert.deepEqual(r.assignment.get('consumer3'), [tp('topic1', 2), tp('topic2', 3)]);
    assert.deepEqual(r.assignment.get('consumer4'), [tp('topic2', 2)]);
    const a2 = r.assignment;
    r = assign(p, subs({ consumer3: v2(t, a2.get('consumer3')!), consumer4: v2(t, a2.get('consumer4')!) }));
    assert.deepEqual(r.assignment.get('consumer3'), [tp('topic1', 2), tp('topic2', 3), tp('topic1', 0), tp('topic2', 1)]);
    assert.deepEqual(r.assignment.get('consumer4'), [tp('topic2', 2), tp('topic1', 1), tp('topic2', 0)]);
  });

  it('poor round-robin scenario (general path) is valid and balanced', () => {
    const p = ppt({ topic1: 2, topic2: 1, topic3: 2, topic4: 1, topic5: 2 });
    const all = ['topic1', 'topic2', 'topic3', 'topic4', 'topic5'];
    const s = subs({
      consumer1: subscription(all),
      consumer2: subscription(['topic1', 'topic3', 'topic5']),
      consumer3: subscription(['topic1', 'topic3', 'topic5']),
      consumer4: subscription(all),
    });
    const r = assign(p, s);
    assertValidAndBalanced(r.assignment, s, p);
    assert.ok(fullyBalanced(r.assignment));
  });

  it('a partition claimed by two members of one generation is taken from both', () => {
    const r = assign(ppt({ t: 2 }), subs({ c1: v2(['t'], [tp('t', 0), tp('t', 1)]), c2: v2(['t'], [tp('t', 1)]) }));
    assert.deepEqual(r.assignment.get('c1'), [tp('t', 0)]);
    assert.deepEqual(r.assignment.get('c2'), [tp('t', 1)]);
    assert.deepEqual(transfers(r.partitionsTransferringOwnership), { 't-1': 'c2' });
  });
});

describe('CooperativeStickyAssignor (Kafka CooperativeStickyAssignorTest)', () => {
  it('a partition changing owner is left out until its owner revoked it', () => {
    const a = new CooperativeStickyAssignor();
    const r = a.assign(
      ppt({ topic: 3 }),
      subs({ consumer1: v2(['topic'], [tp('topic', 0), tp('topic', 1), tp('topic', 2)]), consumer2: v2(['topic'], []) }),
    );
    assert.deepEqual(r.get('consumer1'), [tp('topic', 0), tp('topic', 1)]);
    assert.deepEqual(r.get('consumer2'), []);
    // Second rebalance: consumer1 revoked topic-2, so it now goes to consumer2.
    const r2 = a.assign(ppt({ topic: 3 }), subs({ consumer1: v2(['topic'], r.get('consumer1')!), consumer2: v2(['topic'], []) }));
    assert.deepEqual(r2.get('consumer2'), [tp('topic', 2)]);
  });
  it('general path computes the transfers from owned partitions', () => {
    const a = new CooperativeStickyAssignor();
    const s = subs({ c1: v2(['t1', 't2'], [tp('t1', 0), tp('t2', 0), tp('t2', 1)]), c2: v2(['t1'], []) });
    const r = a.assign(ppt({ t1: 2, t2: 2 }), s);
    // c2 only takes what nobody owned; nothing owned by c1 changes hands in this round.
    for (const p of r.get('c2')!) assert.ok(!s.get('c1')!.ownedPartitions.some((o) => o.topic === p.topic && o.partition === p.partition));
  });
  it('generation from userData for pre-v2 subscriptions', () => {
    const a = new CooperativeStickyAssignor();
    a.onAssignment([], 7);
    const ud = a.subscriptionUserData();
    assert.equal(cooperativeMemberData(subscription(['t'], { userData: ud })).generation, 7);
  });
});

describe('StickyAssignor (eager, previous assignment in userData)', () => {
  it('user data round trip, v0 without generation', () => {
    const data = { partitions: [tp('a', 1), tp('b', 0), tp('a', 0)], generation: 4 };
    const back = decodeStickyUserData(encodeStickyUserData(data));
    assert.equal(back.generation, 4);
    assert.deepEqual(new Set(back.partitions.map((p) => `${p.topic}-${p.partition}`)), new Set(['a-1', 'a-0', 'b-0']));
    assert.equal(decodeStickyUserData(encodeStickyUserData({ ...data, generation: null })).generation, null);
    assert.deepEqual(decodeStickyUserData(Buffer.from([0, 0, 0, 9])), { partitions: [], generation: -1 });
  });
  it('add a consumer keeps the first one sticky', () => {
    const a = new StickyAssignor();
    const p = ppt({ topic: 3 });
    const first = a.assign(p, subs({ consumer: subscription(['topic']) }));
    const ud = encodeStickyUserData({ partitions: first.get('consumer')!, generation: 1 });
    const second = a.assign(p, subs({ consumer: subscription(['topic'], { userData: ud }), consumer2: subscription(['topic']) }));
    assert.deepEqual(second.get('consumer'), [tp('topic', 0), tp('topic', 1)]);
    assert.deepEqual(second.get('consumer2'), [tp('topic', 2)]);
  });
});

describe('ConsumerProtocol', () => {
  it('subscription v0–v3 round trips; newer versions read as v3', () => {
    const s = subscription(['b', 'a'], {
      ownedPartitions: [tp('a', 1), tp('a', 0)],
      generationId: 5,
      rackId: 'r1',
      userData: Buffer.from('x'),
    });
    const v3 = decodeSubscription(encodeSubscription(s));
    assert.deepEqual(v3.topics, ['a', 'b']);
    assert.deepEqual(v3.ownedPartitions, [tp('a', 0), tp('a', 1)]);
    assert.equal(v3.generationId, 5);
    assert.equal(v3.rackId, 'r1');
    const v0 = decodeSubscription(encodeSubscription(s, 0));
    assert.deepEqual(v0.ownedPartitions, []);
    assert.equal(v0.generationId, null);
    const future = encodeSubscription(s);
    future.writeInt16BE(9, 0);
    assert.equal(decodeSubscription(Buffer.concat([future, Buffer.from([1, 2, 3])])).generationId, 5);
  });
  it('assignment round trips; empty bytes are an empty assignment; bad bytes throw a DecodeError', () => {
    const a = decodeAssignment(encodeAssignment({ partitions: [tp('t', 2), tp('s', 0)], userData: null }));
    assert.deepEqual(a.partitions, [tp('s', 0), tp('t', 2)]);
    assert.deepEqual(decodeAssignment(Buffer.alloc(0)).partitions, []);
    assert.throws(() => decodeAssignment(Buffer.from([0, 0, 0x7f, 0xff, 0xff, 0xff])), { name: 'DecodeError' });
  });
  it('assignorFor accepts Kafka protocol and class names', () => {
    assert.equal(assignorFor('org.apache.kafka.clients.consumer.CooperativeStickyAssignor').name, 'cooperative-sticky');
    assert.equal(assignorFor('range').name, 'range');
    assert.throws(() => assignorFor('nope'), TypeError);
  });
});

describe('sticky assignors under random subscriptions and membership changes (Kafka testReassignmentWithRandomSubscriptionsAndChanges)', () => {
  // A small seeded generator: the same cases every run, so a failure reproduces.
  let seed = 42;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  it('every round is valid, balanced where subscriptions allow, and cooperative rounds never hand over an owned partition', () => {
    for (let round = 0; round < 40; round++) {
      const topics = Array.from({ length: 1 + rand(5) }, (_, i) => `t${i}`);
      const partitions = ppt(Object.fromEntries(topics.map((t) => [t, 1 + rand(6)])));
      const sameTopics = rand(2) === 0;
      const members = Array.from({ length: 1 + rand(6) }, (_, i) => `m${i}`);
      const subsFor = (): Map<string, Subscription> =>
        new Map(
          members.map((m) => [m, subscription(sameTopics ? topics : [...new Set(topics.filter(() => rand(2) === 0).concat(topics[0]!))])]),
        );
      let s = subsFor();
      const coop = new CooperativeStickyAssignor();
      let a = coop.assign(partitions, s);
      for (let step = 0; step < 3; step++) {
        // Everyone reports what it owns; one member leaves, one joins.
        const next = new Map<string, Subscription>();
        for (const [m, sub] of s) next.set(m, { ...sub, ownedPartitions: a.get(m) ?? [], generationId: step + 1 });
        if (next.size > 1) next.delete([...next.keys()][rand(next.size)]!);
        next.set(`n${round}-${step}`, subscription(sameTopics ? topics : [topics[0]!]));
        const r = coop.assign(partitions, next);
        const ownedBy = new Map<string, string>();
        for (const [m, sub] of next) for (const tp of sub.ownedPartitions) ownedBy.set(`${tp.topic}-${tp.partition}`, m);
        for (const [m, list] of r) {
          for (const tp of list) {
            const owner = ownedBy.get(`${tp.topic}-${tp.partition}`);
            assert.ok(
              owner === undefined || owner === m,
              `cooperative: ${tp.topic}-${tp.partition} handed from ${owner} to ${m} in one round`,
            );
          }
        }
        const seen = new Set<string>();
        for (const list of r.values()) {
          for (const tp of list) {
            const k = `${tp.topic}-${tp.partition}`;
            assert.ok(!seen.has(k), `${k} assigned twice`);
            seen.add(k);
          }
        }
        s = next;
        a = r;
      }
      // The eager sticky assignor with the same members: a full, valid assignment.
      s = subsFor();
      const eager = new StickyAssignor().assign(partitions, s);
      assertValidAndBalanced(eager, s, partitions);
      if (sameTopics) assert.ok(fullyBalanced(eager));
    }
  });
});

describe('RangeAssignor rack-aware (Kafka RangeAssignorTest.testRackAwareAssignmentWithCoPartitioning)', () => {
  /** Kafka's AbstractPartitionAssignorTest.partitionsPerTopic: replicas on brokers round robin, racks from the brokers. */
  function racksFor(topics: [string, number][], replicationFactor: number, brokerRacks: (string | null)[]): Map<string, string[][]> {
    const out = new Map<string, string[][]>();
    let next = 0;
    for (const [topic, n] of topics) {
      const perPartition: string[][] = [];
      for (let i = 0; i < n; i++) {
        const racks = new Set<string>();
        for (let j = 0; j < replicationFactor; j++) {
          const rack = brokerRacks[(i + j + next) % brokerRacks.length];
          if (rack !== null && rack !== undefined) racks.add(rack);
        }
        perPartition.push([...racks]);
      }
      out.set(topic, perPartition);
      next += n;
    }
    return out;
  }
  const racks = (n: number): string[] => ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, n);
  function verify(
    topics: [string, number][],
    replicationFactor: number,
    brokerRacks: (string | null)[],
    consumerRacks: (string | null)[],
    consumerTopics: string[][],
    expected: string[],
  ): void {
    const s = new Map(consumerTopics.map((t, i) => [`consumer${i}`, subscription(t, { rackId: consumerRacks[i] ?? null })] as const));
    const a = new RangeAssignor().assign(new Map(topics), s, racksFor(topics, replicationFactor, brokerRacks));
    const actual = [...s.keys()].map((c) =>
      a
        .get(c)!
        .map((tp) => `${tp.topic}-${tp.partition}`)
        .sort()
        .join(', '),
    );
    assert.deepEqual(actual, expected);
  }
  const topics: [string, number][] = [
    ['t1', 6],
    ['t2', 6],
    ['t3', 2],
    ['t4', 2],
  ];
  const consumerRacks = ['a', 'b', 'b', 'a'];

  it('co-partitioned topics with two subscriber groups', () => {
    const consumerTopics = [
      ['t1', 't2'],
      ['t1', 't2'],
      ['t3', 't4'],
      ['t3', 't4'],
    ];
    const nonRackAware = ['t1-0, t1-1, t1-2, t2-0, t2-1, t2-2', 't1-3, t1-4, t1-5, t2-3, t2-4, t2-5', 't3-0, t4-0', 't3-1, t4-1'];
    verify(topics, 3, racks(2), consumerRacks, consumerTopics, nonRackAware);
    verify(topics, 2, racks(2), consumerRacks, consumerTopics, nonRackAware);
    verify(topics, 1, racks(2), consumerRacks, consumerTopics, [
      't1-0, t1-2, t1-4, t2-0, t2-2, t2-4',
      't1-1, t1-3, t1-5, t2-1, t2-3, t2-5',
      't3-1, t4-1',
      't3-0, t4-0',
    ]);
  });

  it('co-partitioned topics, everyone subscribed to everything', () => {
    const all = ['t1', 't2', 't3', 't4'];
    const consumerTopics = [all, all, all, all];
    const nonRackAware = ['t1-0, t1-1, t2-0, t2-1, t3-0, t4-0', 't1-2, t1-3, t2-2, t2-3, t3-1, t4-1', 't1-4, t2-4', 't1-5, t2-5'];
    verify(topics, 3, racks(2), consumerRacks, consumerTopics, nonRackAware);
    verify(topics, 2, racks(2), consumerRacks, consumerTopics, nonRackAware);
    verify(topics, 1, racks(2), consumerRacks, consumerTopics, [
      't1-0, t1-2, t2-0, t2-2, t3-0, t4-0',
      't1-1, t1-3, t2-1, t2-3, t3-1, t4-1',
      't1-5, t2-5',
      't1-4, t2-4',
    ]);
    verify(topics, 1, racks(3), consumerRacks, consumerTopics, [
      't1-0, t1-3, t2-0, t2-3, t3-0, t4-0',
      't1-1, t1-4, t2-1, t2-4, t3-1, t4-1',
      't1-2, t2-2',
      't1-5, t2-5',
    ]);
  });

  it('brokers without racks: the classic ranges', () => {
    const list = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];
    const six: [string, number][] = [
      ['t1', 6],
      ['t2', 6],
      ['t3', 2],
      ['t4', 2],
      ['t5', 4],
      ['t6', 4],
    ];
    verify(
      six,
      3,
      [null, null, null],
      ['a', 'b', 'c'],
      [list, list, list],
      [
        't1-0, t1-1, t2-0, t2-1, t3-0, t4-0, t5-0, t5-1, t6-0, t6-1',
        't1-2, t1-3, t2-2, t2-3, t3-1, t4-1, t5-2, t6-2',
        't1-4, t1-5, t2-4, t2-5, t5-3, t6-3',
      ],
    );
  });
});
