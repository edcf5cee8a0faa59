// The record accumulator and its batches without a broker: batch.size boundaries, linger.ms
// readiness, sequence numbering and wrap-around (Kafka's DefaultRecordBatch.incrementSequence), the
// resend order of failed batches, and the encoded batch read back by @tarn/protocol's decoder.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompressionType, decodeRecordBatch } from '@tarn/protocol';
import { appendRecord, type AppendRecord } from '../src/producer/producer-batch';
import { RecordAccumulator, incrementSequence } from '../src/producer/record-accumulator';

const noop = (): void => {};
const bytes = (v: Buffer | string | null | undefined): Buffer | null => (v === undefined || v === null ? null : Buffer.from(v));
/** A record as the producer hands it to the accumulator (serialized). */
const rec = (r: {
  key?: Buffer | string | null;
  value?: Buffer | string | null;
  headers?: Array<{ key: string; value: string }>;
}): AppendRecord =>
  appendRecord(
    bytes(r.key),
    bytes(r.value),
    (r.headers ?? []).map((h) => ({ key: Buffer.from(h.key), value: Buffer.from(h.value) })),
  );

test('records fill a batch up to batch.size, then a new one starts; a larger record gets a batch of its own', () => {
  const acc = new RecordAccumulator(1000, 0, false, true);
  const q = acc.queue('t', 0);
  for (let i = 0; i < 20; i++) acc.append('t', 0, rec({ key: null, value: Buffer.alloc(100) }), 1000 + i, 0, noop);
  assert.ok(q.batches.length >= 2 && q.batches.length <= 3);
  for (const b of q.batches) assert.ok(b.sizeBytes <= 1000 || b.recordCount === 1, `batch of ${b.sizeBytes} bytes`);
  acc.append('t', 0, rec({ key: null, value: Buffer.alloc(5000) }), 2000, 0, noop);
  const big = q.batches[q.batches.length - 1]!;
  assert.equal(big.recordCount, 1);
  const decoded = decodeRecordBatch(big.encode(CompressionType.NONE, false));
  assert.equal(decoded.records[0]!.value!.length, 5000);
});

test('a batch is ready when full, after linger.ms, or while flushing', () => {
  const acc = new RecordAccumulator(10_000, 50, false, true);
  acc.append('t', 0, rec({ value: 'x' }), 1, 1000, noop);
  assert.equal(acc.ready(1010).ready.length, 0);
  assert.equal(acc.ready(1010).nextCheckMs, 40);
  assert.equal(acc.ready(1050).ready.length, 1);
  acc.flushes++;
  assert.equal(acc.ready(1001).ready.length, 1);
});

test('sequences are given in queue order when drained and wrap from Integer.MAX_VALUE to 0', () => {
  assert.equal(incrementSequence(5, 3), 8);
  assert.equal(incrementSequence(0x7fffffff, 1), 0);
  assert.equal(incrementSequence(0x7fffffff - 1, 5), 3);
  const acc = new RecordAccumulator(200, 0, false, true);
  const q = acc.queue('t', 0);
  q.nextSequence = 0x7fffffff - 2;
  for (let i = 0; i < 12; i++) acc.append('t', 0, rec({ value: Buffer.alloc(40) }), 1, 0, noop);
  const sent = [];
  while (q.batches.length > 0) sent.push(acc.take(q));
  assert.equal(sent[0]!.baseSequence, 0x7fffffff - 2);
  let expected = 0x7fffffff - 2;
  for (const b of sent) {
    assert.equal(b.baseSequence, expected);
    expected = incrementSequence(expected, b.recordCount);
  }
  assert.deepEqual(
    q.inFlight.map((b) => b.baseSequence),
    sent.map((b) => b.baseSequence).sort((a, b) => a - b),
  );
});

test('failed batches go back to the head in sequence order, before batches never sent; only the oldest unacknowledged one is ready', () => {
  const acc = new RecordAccumulator(100, 0, false, true);
  const q = acc.queue('t', 0);
  for (let i = 0; i < 5; i++) acc.append('t', 0, rec({ value: Buffer.alloc(60) }), 1, 0, noop);
  const [a, b, c] = [acc.take(q), acc.take(q), acc.take(q)];
  for (const x of [a, b, c]) x.attempts = 1;
  // the answers come back failed, the later ones first
  q.reenqueue(c);
  q.reenqueue(a);
  q.reenqueue(b);
  assert.deepEqual(
    q.batches.slice(0, 3).map((x) => x.baseSequence),
    [a.baseSequence, b.baseSequence, c.baseSequence],
  );
  assert.equal(q.batches.length, 5);
  assert.deepEqual(acc.ready(0).ready, [q], 'a, the oldest in flight, may go');
  acc.take(q);
  assert.deepEqual(acc.ready(0).ready, [], 'b waits until a is acknowledged');
  q.removeInFlight(a);
  assert.deepEqual(acc.ready(0).ready, [q]);
});

for (const [name, codec] of [
  ['uncompressed: the header written in front of the records in place', CompressionType.NONE],
  ['gzip', CompressionType.GZIP],
] as const) {
  test(`an encoded batch is a valid v2 batch; a resend rewrites producer fields and the CRC in place (${name})`, () => {
    const acc = new RecordAccumulator(16_384, 0, false, true);
    for (let i = 0; i < 3; i++)
      acc.append('t', 0, rec({ key: `k${i}`, value: `v${i}`, headers: [{ key: 'h', value: 'x' }] }), 1_700_000_000_000 + i, 0, noop);
    const q = acc.queue('t', 0);
    const batch = acc.take(q);
    batch.producerId = 7;
    batch.producerEpoch = 1;
    const first = decodeRecordBatch(Buffer.from(batch.encode(codec, true)));
    assert.equal(first.header.producerId, 7);
    assert.equal(first.header.baseSequence, 0);
    assert.deepEqual(
      first.records.map((r) => [r.offset, r.timestamp, r.key!.toString(), r.value!.toString(), r.headers[0]!.value!.toString()]),
      [0, 1, 2].map((i) => [i, 1_700_000_000_000 + i, `k${i}`, `v${i}`, 'x']),
    );
    batch.producerEpoch = 2;
    batch.baseSequence = 0;
    const again = decodeRecordBatch(batch.encode(codec, true)); // CRC checked by the decoder
    assert.equal(again.header.producerEpoch, 2);
    assert.equal(again.header.attributes & 0x17, codec | 0x10, `${name}, transactional`);
    assert.equal(again.records.length, 3);
  });
}
