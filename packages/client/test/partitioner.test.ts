// Partitioners: keyed placement equal to kafkajs's Java-compatible DefaultPartitioner (murmur2) for
// ASCII, multi-byte UTF-8, empty and binary keys; sticky placement of unkeyed records (KIP-480/794);
// round-robin; partitioner.class names. The placement against librdkafka over a real broker is in
// producer-partitioning.test.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { Partitioners } from 'kafkajs';
import { ConfigError } from '../src/errors';
import { BuiltInPartitioner, RoundRobinPartitioner, createPartitioner, partitionForKey } from '../src/producer/partitioner';

const KEYS: Array<string | Buffer> = [
  '',
  'a',
  '21',
  'foobar',
  'key-1',
  'order-12345',
  'café',
  'naïve-ünïcödé',
  '日本語のキー',
  '🦀🚀',
  'x'.repeat(1000),
  ...Array.from({ length: 200 }, (_, i) => `user-${i}`),
  ...Array.from({ length: 100 }, (_, i) => randomBytes(i % 17)),
];

function all(count: number): { count: number; available: number[] } {
  return { count, available: Array.from({ length: count }, (_, i) => i) };
}

test('keyed records land where kafkajs DefaultPartitioner (Java murmur2) puts them', () => {
  const kafkajs = Partitioners.DefaultPartitioner();
  const ours = new BuiltInPartitioner(16_384);
  for (const count of [1, 2, 3, 6, 7, 12, 50, 64]) {
    const partitionMetadata = Array.from({ length: count }, (_, i) => ({
      partitionId: i,
      leader: 0,
      replicas: [0],
      isr: [0],
      partitionErrorCode: 0,
      offlineReplicas: [],
    }));
    for (const key of KEYS) {
      const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
      const expected = kafkajs({ topic: 't', partitionMetadata, message: { key: bytes, value: null } });
      assert.equal(ours.partition('t', bytes, null, all(count)), expected, `key ${JSON.stringify(key.toString())} over ${count}`);
    }
  }
});

test('Java UtilsTest vectors: toPositive(murmur2) modulo, including a negative hash', () => {
  // Utils.murmur2("foobar") = -790332482 in Kafka's UtilsTest; toPositive clears the sign bit
  assert.equal(partitionForKey(Buffer.from('foobar'), 1000), (-790332482 & 0x7fffffff) % 1000);
  assert.equal(partitionForKey(Buffer.from('21'), 97), (-973932308 & 0x7fffffff) % 97);
});

test('unkeyed records stick to one partition until batch.size bytes, then move (KIP-480/794)', () => {
  const p = new BuiltInPartitioner(1000);
  const parts = all(8);
  const first = p.partition('t', null, null, parts);
  for (let i = 0; i < 9; i++) {
    assert.equal(p.partition('t', null, null, parts), first);
    p.onAppend('t', first, 100);
  }
  p.onAppend('t', first, 100); // 1000 bytes now: the next record picks again
  const seen = new Set<number>();
  for (let round = 0; round < 200; round++) {
    const part = p.partition('t', null, null, parts);
    seen.add(part);
    p.onAppend('t', part, 1000);
  }
  assert.ok(seen.size >= 6, `sticky switching should spread over the partitions, saw ${[...seen]}`);
  // keys still hash when not ignored; ignored keys go sticky
  assert.equal(p.partition('t', Buffer.from('k'), null, parts), partitionForKey(Buffer.from('k'), 8));
  const ignoring = new BuiltInPartitioner(1000, true);
  const s = ignoring.partition('t', Buffer.from('k'), null, parts);
  for (const k of ['a', 'b', 'c', 'd']) assert.equal(ignoring.partition('t', Buffer.from(k), null, parts), s);
});

test('unkeyed records go only to partitions with a leader', () => {
  const p = new BuiltInPartitioner(10);
  for (let i = 0; i < 100; i++) {
    const part = p.partition('t', null, null, { count: 6, available: [1, 4] });
    assert.ok(part === 1 || part === 4, `partition ${part} has no leader`);
    p.onAppend('t', part, 10);
  }
});

test('round-robin cycles through the available partitions and ignores keys', () => {
  const p = createPartitioner('org.apache.kafka.clients.producer.RoundRobinPartitioner', 16_384, false);
  assert.ok(p instanceof RoundRobinPartitioner);
  const got = Array.from({ length: 7 }, () => p.partition('t', Buffer.from('same-key'), null, all(3)));
  assert.deepEqual(got, [0, 1, 2, 0, 1, 2, 0]);
  assert.deepEqual(
    Array.from({ length: 4 }, () => p.partition('u', null, null, { count: 5, available: [2, 3] })),
    [2, 3, 2, 3],
  );
});

test('partitioner.class: Kafka names, a custom object, and a clear error for anything else', () => {
  assert.ok(createPartitioner(undefined, 1, false) instanceof BuiltInPartitioner);
  assert.ok(createPartitioner('org.apache.kafka.clients.producer.internals.DefaultPartitioner', 1, false) instanceof BuiltInPartitioner);
  const sticky = createPartitioner('org.apache.kafka.clients.producer.UniformStickyPartitioner', 1 << 20, false);
  const a = sticky.partition('t', Buffer.from('a'), null, all(64));
  for (const k of ['b', 'c', 'd', 'e', 'f']) assert.equal(sticky.partition('t', Buffer.from(k), null, all(64)), a);
  const custom = { partition: () => 2 };
  assert.equal(createPartitioner(custom, 1, false), custom);
  assert.throws(() => createPartitioner('com.example.Nope', 1, false), ConfigError);
});
