// The sticky assignors against Kafka's own cases (AbstractStickyAssignorTest, CooperativeStickyAssignorTest,
// StickyAssignorTest) with their expected assignments in Kafka's list order, and randomized rounds of
// membership changes checked for validity, balance and the cooperative rule.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  CooperativeStickyAssignor,
  StickyAssignor,
  decodeStickyUserData,
  encodeStickyUserData,
  subscription,
} from '../src/consumer/assignors/index';
import type { Subscription, TopicPartition } from '../src/consumer/assignors/index';
import { stickyAssign } from '../src/consumer/assignors/abstract-sticky';
import { cooperativeMemberData } from '../src/consumer/assignors/cooperative-sticky';
import { assertValidAndBalanced, fullyBalanced, ppt, subs, tp, v2 } from './assignor-support';

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
