// buffer.memory back-pressure against a real broker that stops answering (a proxy holds the
// requests): sends beyond buffer.memory wait instead of queueing without bound, go through once the
// broker answers again, and fail with a TimeoutError after max.block.ms when it does not; a record
// larger than buffer.memory fails at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freePort } from '@tarn/broker/testing';
import { KafkaError, Producer, TimeoutError, type RecordMetadata } from '../src/index';
import { onCleanup, startTestBroker } from './helpers';
import { createTopic } from './producer-support';
import { startDropProxy, type DropProxy } from './producer-proxy';

let proxy: DropProxy;
let brokerPort = 0;

before(async () => {
  brokerPort = await freePort();
  proxy = await startDropProxy(() => brokerPort, { dropEvery: 1, maxDrops: 0 });
  await startTestBroker({
    listeners: `PLAINTEXT://127.0.0.1:${brokerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${proxy.port}`,
  });
});
after(() => proxy.close());

async function warmProducer(topic: string, extra: Record<string, unknown>): Promise<Producer> {
  await createTopic(`127.0.0.1:${brokerPort}`, topic, 1);
  const p = await Producer.create({ 'bootstrap.servers': `127.0.0.1:${proxy.port}`, 'linger.ms': 0, 'batch.size': 4096, ...extra });
  onCleanup(() => p.close({ timeoutMs: 1000 }));
  await p.send({ topic, value: 'warm-up' }); // metadata and producer id known before the broker "hangs"
  return p;
}

test('a full buffer.memory makes send wait, and the waiting sends go through when the broker answers again', async () => {
  const p = await warmProducer('bp-wait', { 'buffer.memory': 20_000, 'max.block.ms': 10_000 });
  proxy.stall();
  const settledAt: number[] = [];
  const sends: Array<Promise<RecordMetadata>> = [];
  for (let i = 0; i < 40; i++) {
    const s = p.send({ topic: 'bp-wait', value: Buffer.alloc(1000, i) });
    void s.then(() => settledAt.push(Date.now()));
    sends.push(s);
  }
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(settledAt.length, 0, 'nothing is acknowledged while the broker does not answer');
  const m = p.metrics();
  assert.ok(m['waiting-threads'] >= 15, `sends wait for memory (${m['waiting-threads']} waiting)`);
  assert.ok(
    m['buffer-available-bytes'] >= 0 && m['buffer-available-bytes'] < 2000,
    `the buffer is full, never over (${m['buffer-available-bytes']} left)`,
  );
  const resumedAt = Date.now();
  proxy.resume();
  const mds = await Promise.all(sends);
  assert.deepEqual(
    mds.map((m) => m.offset),
    mds.map((_, i) => i + 1),
    'every waiting send was appended, in order',
  );
  assert.ok(settledAt.every((t) => t >= resumedAt));
});

test('a send that cannot get buffer.memory within max.block.ms fails with a TimeoutError; the others still complete', async () => {
  const p = await warmProducer('bp-timeout', { 'buffer.memory': 10_000, 'max.block.ms': 400 });
  proxy.stall();
  const early = Array.from({ length: 8 }, (_, i) => p.send({ topic: 'bp-timeout', value: Buffer.alloc(1000, i) }));
  const started = Date.now();
  const late = p.send({ topic: 'bp-timeout', value: Buffer.alloc(3000) });
  await assert.rejects(late, (e: unknown) => e instanceof TimeoutError && /max\.block\.ms/.test((e as Error).message));
  const waited = Date.now() - started;
  assert.ok(waited >= 350 && waited < 3000, `waited ${waited} ms for max.block.ms=400`);
  proxy.resume();
  assert.equal((await Promise.all(early)).length, 8);
  await assert.rejects(
    p.send({ topic: 'bp-timeout', value: Buffer.alloc(20_000) }),
    (e: unknown) => e instanceof KafkaError && e.name === 'MESSAGE_TOO_LARGE',
    'a record larger than the whole buffer can never fit',
  );
});

test('one partition with several full batches keeps max.in.flight requests in flight (pipelined), answered in order', async () => {
  const p = await warmProducer('bp-pipeline', { 'batch.size': 1000, 'linger.ms': 1000 });
  proxy.stall();
  const sends = Array.from({ length: 12 }, (_, i) => p.send({ topic: 'bp-pipeline', value: Buffer.alloc(900, i) }));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(p.metrics()['requests-in-flight'], 5, 'five requests out at once, the other batches queued');
  proxy.resume();
  const mds = await Promise.all(sends);
  assert.deepEqual(
    mds.map((m) => m.offset),
    mds.map((_, i) => i + 1),
  );
});
