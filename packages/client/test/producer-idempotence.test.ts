// Idempotent retries against a real broker whose answers are really lost: a TCP proxy (the broker
// advertises it) forwards Produce requests, lets the broker append them, then throws the answer
// away and cuts the connection. The client retries batches the broker already has; read back with a
// raw Fetch, every record must be there exactly once and in send order per partition, with
// max.in.flight=5 pipelining. A non-idempotent producer through the same proxy writes duplicates —
// the control that shows answers really were lost and retried.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freePort } from '@tarn/broker/testing';
import { Producer, TimeoutError, type RecordMetadata } from '../src/index';
import { connectCluster, onCleanup, startTestBroker } from './helpers';
import { createTopic, readPartition } from './producer-support';
import { startDropProxy, type DropProxy } from './producer-proxy';

let proxy: DropProxy;
let brokerPort = 0;

before(async () => {
  // the broker listens on a port of its own and advertises the proxy's, so every client connection goes through the proxy
  brokerPort = await freePort();
  proxy = await startDropProxy(() => brokerPort, { dropEvery: 7, maxDrops: 0 });
  await startTestBroker({
    listeners: `PLAINTEXT://127.0.0.1:${brokerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${proxy.port}`,
  });
});
after(() => proxy.close());

/** Sends `count` records round-robin over 2 partitions through the proxy, dropping every 7th produce answer `drops` times. */
async function sendThroughLossyProxy(
  topic: string,
  count: number,
  drops: number,
  extra: Record<string, unknown>,
): Promise<{ mds: RecordMetadata[]; maxInFlight: number }> {
  await createTopic(`127.0.0.1:${brokerPort}`, topic, 2);
  const p = await Producer.create({
    'bootstrap.servers': `127.0.0.1:${proxy.port}`,
    'linger.ms': 0,
    'batch.size': 600,
    'retry.backoff.ms': 20,
    'reconnect.backoff.ms': 10,
    ...extra,
  });
  onCleanup(() => p.close({ timeoutMs: 1000 }));
  proxy.dropped = 0;
  proxy.produces = 0;
  proxy.maxProducesInFlight = 0;
  proxy.maxDrops = drops;
  const sends: Array<Promise<RecordMetadata>> = [];
  for (let i = 0; i < count; i++) {
    sends.push(p.send({ topic, partition: i % 2, value: `${topic}-${String(i).padStart(5, '0')}` }));
    if (i % 50 === 49) await new Promise((r) => setImmediate(r)); // let requests go out between bursts
  }
  const mds = await Promise.all(sends);
  proxy.maxDrops = 0;
  // counted by the proxy: requests the client had sent on one connection before their answers came
  return { mds, maxInFlight: proxy.maxProducesInFlight };
}

test('idempotent producer: lost answers are retried with no duplicate and no reordering (max.in.flight=5)', async (t) => {
  const count = 3000;
  const { mds, maxInFlight } = await sendThroughLossyProxy('idem', count, 6, {});
  assert.ok(maxInFlight >= 2 && maxInFlight <= 5, `requests were pipelined, never more than max.in.flight (${maxInFlight} seen at once)`);
  const cluster = await connectCluster(`127.0.0.1:${brokerPort}`);
  for (const part of [0, 1]) {
    const batches = await readPartition(cluster, 'idem', part);
    const values = batches.flatMap((b) => b.records.map((r) => r.value!.toString()));
    const expected = Array.from({ length: count / 2 }, (_, i) => `idem-${String(i * 2 + part).padStart(5, '0')}`);
    assert.equal(new Set(values).size, values.length, `partition ${part}: no record stored twice`);
    assert.deepEqual(values, expected, `partition ${part}: every record once, in send order`);
    // what send() reported is where the records are
    const offsets = new Map(batches.flatMap((b) => b.records.map((r) => [r.value!.toString(), r.offset] as const)));
    for (let i = part; i < count; i += 2) assert.equal(mds[i]!.offset, offsets.get(`idem-${String(i).padStart(5, '0')}`));
  }
  assert.ok(proxy.dropped >= 3, `answers were really lost (${proxy.dropped})`);
  t.diagnostic(`${proxy.dropped} answers lost of ${proxy.produces} produce requests, up to ${maxInFlight} in flight`);
});

test('control: without idempotence the same losses write duplicates (at-least-once)', async (t) => {
  const count = 1000;
  const { maxInFlight } = await sendThroughLossyProxy('dups', count, 4, {
    'enable.idempotence': false,
    acks: 1,
    'max.in.flight.requests.per.connection': 1,
  });
  assert.ok(maxInFlight <= 1, `one request at a time (${maxInFlight})`);
  const cluster = await connectCluster(`127.0.0.1:${brokerPort}`);
  let stored = 0;
  for (const part of [0, 1]) {
    const values = (await readPartition(cluster, 'dups', part)).flatMap((b) => b.records.map((r) => r.value!.toString()));
    stored += values.length;
    // max.in.flight=1 keeps order even without idempotence: duplicates only repeat a whole batch in place
    const firstSeen = [...new Set(values)];
    assert.deepEqual(
      firstSeen,
      Array.from({ length: count / 2 }, (_, i) => `dups-${String(i * 2 + part).padStart(5, '0')}`),
    );
  }
  assert.ok(stored > count, `a retried batch the broker already had is stored twice (${stored} stored for ${count} sent)`);
  t.diagnostic(`${stored - count} duplicates after ${proxy.dropped} lost answers`);
});

test('a sent batch given up on (delivery.timeout.ms) leaves a sequence gap: the producer bumps its epoch (KIP-360) and goes on', async (t) => {
  await createTopic(`127.0.0.1:${brokerPort}`, 'bump', 1);
  const p = await Producer.create({
    'bootstrap.servers': `127.0.0.1:${proxy.port}`,
    'linger.ms': 0,
    'request.timeout.ms': 400,
    'delivery.timeout.ms': 900,
    'retry.backoff.ms': 20,
    'reconnect.backoff.ms': 10,
  });
  onCleanup(() => p.close({ timeoutMs: 1000 }));
  for (let i = 0; i < 5; i++) await p.send({ topic: 'bump', value: `before-${i}` });
  proxy.stall(); // the broker "hangs": the next batch is sent but never answered, then expires
  await assert.rejects(p.send({ topic: 'bump', value: 'lost' }), TimeoutError);
  proxy.resume();
  for (let i = 0; i < 5; i++) await p.send({ topic: 'bump', value: `after-${i}` });
  const cluster = await connectCluster(`127.0.0.1:${brokerPort}`);
  const batches = await readPartition(cluster, 'bump', 0);
  const values = batches.flatMap((b) => b.records.map((r) => r.value!.toString()));
  assert.deepEqual(values, [...Array.from({ length: 5 }, (_, i) => `before-${i}`), ...Array.from({ length: 5 }, (_, i) => `after-${i}`)]);
  const first = batches[0]!.header;
  const last = batches[batches.length - 1]!.header;
  assert.equal(last.producerId, first.producerId, 'the same producer id (InitProducerId v3+ bumps the epoch)');
  assert.equal(last.producerEpoch, first.producerEpoch + 1, 'one epoch later');
  assert.equal(last.baseSequence, 4, 'sequences start again from 0 under the new epoch');
  t.diagnostic(`producer ${first.producerId}: epoch ${first.producerEpoch} → ${last.producerEpoch}`);
});
