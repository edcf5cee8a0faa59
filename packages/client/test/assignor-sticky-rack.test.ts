// The sticky assignors' rack-aware pass (KIP-881) against Kafka's AbstractStickyAssignorTest rack
// cases (testRackAwareAssignmentWithUniformSubscription / ...WithNonEqualSubscription), run as
// Kafka's CooperativeStickyAssignorTest runs them: owned partitions in the subscription, no
// generation, assignPartitions without the cooperative adjustment.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CooperativeStickyAssignor, subscription } from '../src/consumer/assignors/index';
import { stickyAssign } from '../src/consumer/assignors/abstract-sticky';
import { cooperativeMemberData } from '../src/consumer/assignors/cooperative-sticky';

/** Kafka's AbstractPartitionAssignorTest.partitionsPerTopic: replicas round robin over the brokers. */
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
const nullRacks = (n: number): null[] => Array.from({ length: n }, () => null);
const parse = (s: string) =>
  s.split(', ').map((x) => ({ topic: x.slice(0, x.lastIndexOf('-')), partition: Number(x.slice(x.lastIndexOf('-') + 1)) }));

const topics: [string, number][] = [
  ['t1', 6],
  ['t2', 7],
  ['t3', 2],
];

function verify(
  replicationFactor: number,
  brokerRacks: (string | null)[],
  consumerRacks: (string | null)[],
  consumerTopics: string[][],
  owned: string[] | null,
  expected: string[],
): void {
  const s = new Map(
    consumerTopics.map(
      (t, i) =>
        [
          `consumer${i}`,
          subscription(t, { rackId: consumerRacks[i] ?? null, ownedPartitions: owned?.[i] ? parse(owned[i]!) : [] }),
        ] as const,
    ),
  );
  const { assignment } = stickyAssign(new Map(topics), s, cooperativeMemberData, racksFor(topics, replicationFactor, brokerRacks));
  const actual = [...s.keys()].map((c) =>
    assignment
      .get(c)!
      .map((tp) => `${tp.topic}-${tp.partition}`)
      .sort()
      .join(', '),
  );
  assert.deepEqual(actual, expected);
}

/** Kafka's verifyUniformSubscription / verifyNonEqualSubscription: from nothing owned, then owning the result. */
function verifyTwice(
  rf: number,
  brokerRacks: (string | null)[],
  consumerRacks: (string | null)[],
  consumerTopics: string[][],
  expected: string[],
): void {
  verify(rf, brokerRacks, consumerRacks, consumerTopics, null, expected);
  verify(rf, brokerRacks, consumerRacks, consumerTopics, expected, expected);
}

describe('sticky rack-aware assignment (Kafka AbstractStickyAssignorTest)', () => {
  const all = ['t1', 't2', 't3'];

  it('uniform subscription', () => {
    const consumerTopics = [all, all, all];
    const expected = ['t1-0, t1-3, t2-0, t2-3, t2-6', 't1-1, t1-4, t2-1, t2-4, t3-0', 't1-2, t1-5, t2-2, t2-5, t3-1'];
    verifyTwice(3, nullRacks(3), racks(3), consumerTopics, expected);
    verifyTwice(3, racks(3), nullRacks(3), consumerTopics, expected);
    verifyTwice(3, racks(3), racks(3), consumerTopics, expected);
    verifyTwice(3, racks(3), ['d', 'e', 'f'], consumerTopics, expected);
    verifyTwice(3, racks(3), [null, 'e', 'f'], consumerTopics, expected);
    verifyTwice(1, racks(3), racks(3), consumerTopics, expected);
    verifyTwice(2, racks(3), racks(3), consumerTopics, expected);
    verifyTwice(3, racks(2), racks(3), consumerTopics, expected);
    // owned partitions on the wrong racks move to rack-aligned members
    const owned = ['t1-0, t1-1, t1-2, t1-3, t1-4', 't1-5, t2-0, t2-1, t2-2, t2-3', 't2-4, t2-5, t2-6, t3-0, t3-1'];
    verify(1, racks(3), racks(3), consumerTopics, owned, expected);
  });

  it('non-equal subscription (general path)', () => {
    const consumerTopics = [all, all, ['t1', 't3']];
    const nonRackAware = ['t1-5, t2-0, t2-2, t2-4, t2-6', 't1-3, t2-1, t2-3, t2-5, t3-0', 't1-0, t1-1, t1-2, t1-4, t3-1'];
    verifyTwice(3, nullRacks(3), racks(3), consumerTopics, nonRackAware);
    verifyTwice(3, racks(3), nullRacks(3), consumerTopics, nonRackAware);
    verifyTwice(3, racks(3), racks(3), consumerTopics, nonRackAware);
    verifyTwice(3, racks(3), ['d', 'e', 'f'], consumerTopics, nonRackAware);
    verifyTwice(3, racks(3), [null, 'e', 'f'], consumerTopics, nonRackAware);
    verifyTwice(1, racks(3), racks(3), consumerTopics, [
      't1-3, t2-0, t2-2, t2-3, t2-6',
      't1-4, t2-1, t2-4, t2-5, t3-0',
      't1-0, t1-1, t1-2, t1-5, t3-1',
    ]);
    verifyTwice(2, racks(3), racks(3), consumerTopics, [
      't1-3, t2-0, t2-2, t2-5, t2-6',
      't1-0, t2-1, t2-3, t2-4, t3-0',
      't1-1, t1-2, t1-4, t1-5, t3-1',
    ]);
    verifyTwice(3, racks(2), racks(3), consumerTopics, nonRackAware);
    // cooperative: misaligned owned partitions are revoked first (intermediate), then reassigned
    const owned = ['t1-0, t1-1, t1-2, t1-3, t1-4', 't1-5, t2-0, t2-1, t2-2, t2-3', 't2-4, t2-5, t2-6, t3-0, t3-1'];
    const round = (from: string[]) => {
      const s = new Map(
        consumerTopics.map(
          (t, i) => [`consumer${i}`, subscription(t, { rackId: racks(3)[i]!, ownedPartitions: from[i] ? parse(from[i]!) : [] })] as const,
        ),
      );
      const a = new CooperativeStickyAssignor().assign(new Map(topics), s, racksFor(topics, 1, racks(3)));
      return [...s.keys()].map((c) =>
        a
          .get(c)!
          .map((tp) => `${tp.topic}-${tp.partition}`)
          .sort()
          .join(', '),
      );
    };
    const intermediate = round(owned);
    assert.deepEqual(intermediate, ['t1-3', 't2-1', 't3-1']);
    assert.deepEqual(round(intermediate), ['t1-3, t2-0, t2-2, t2-3, t2-6', 't1-4, t2-1, t2-4, t2-5, t3-0', 't1-0, t1-1, t1-2, t1-5, t3-1']);
  });
});
