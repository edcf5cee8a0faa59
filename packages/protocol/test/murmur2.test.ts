// Kafka's murmur2 partitioner: values from Kafka's own UtilsTest / DefaultPartitionerTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { murmur2, partitionForKey } from '../src/index';

test('murmur2 matches Kafka (Utils.murmur2 test vectors)', () => {
  const cases: Array<[string, number]> = [
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ];
  for (const [s, expected] of cases) assert.equal(murmur2(Buffer.from(s)), expected, s);
});

test('keys land where the Java client puts them', () => {
  assert.equal(partitionForKey(Buffer.from('foobar'), 10), (-790332482 & 0x7fffffff) % 10);
});
