// Kafka 3.5's rack-aware RangeAssignor against Kafka's RangeAssignorTest rack cases.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RangeAssignor, subscription } from '../src/consumer/assignors/index';

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
