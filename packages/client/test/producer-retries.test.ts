// Retries against a real broker that goes away: the broker is shut down in the middle of a stream
// of sends and started again on the same port and log dir. The producer's requests fail (connection
// refused, broken), it reconnects, refreshes metadata and resends under the same producer id and
// sequences, which the restarted broker recovered from its log: every record once, in send order,
// and every send() resolved with the offset the record really has. delivery.timeout.ms bounds it all:
// a producer whose broker never comes back fails its records with a TimeoutError.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freePort } from '@tarn/broker/testing';
import { Producer, TimeoutError, type RecordMetadata } from '../src/index';
import { connectCluster, onCleanup, startTestBroker, tempDir } from './helpers';
import { createTopic, readPartition } from './producer-support';

test('a broker restart mid-stream: records retried in order, none twice, none lost', async (t) => {
  const port = await freePort();
  const logDir = tempDir();
  const overrides = { listeners: `PLAINTEXT://127.0.0.1:${port}` };
  let broker = await startTestBroker(overrides, logDir);
  await createTopic(broker.bootstrap, 'restart', 2);
  const p = await Producer.create({
    'bootstrap.servers': broker.bootstrap,
    'linger.ms': 2,
    'batch.size': 2000,
    'retry.backoff.ms': 50,
    'reconnect.backoff.ms': 50,
  });
  onCleanup(() => p.close({ timeoutMs: 1000 }));
  const count = 4000;
  const sends: Array<Promise<RecordMetadata>> = [];
  let failedDuringOutage = 0;
  for (let i = 0; i < count; i++) {
    const s = p.send({ topic: 'restart', key: `key-${i % 40}`, value: `restart-${String(i).padStart(5, '0')}` });
    sends.push(s);
    if (i % 100 === 99) await new Promise((r) => setTimeout(r, 2));
    if (i === 1500) {
      await broker.stop();
      // sends keep coming while the broker is away: they queue and wait for it
      setTimeout(() => {
        void startTestBroker(overrides, logDir).then((b) => (broker = b));
      }, 400);
    }
  }
  const mds = await Promise.all(sends.map((s) => s.catch(() => (failedDuringOutage++, null))));
  assert.equal(failedDuringOutage, 0, 'no send failed: the outage is far shorter than delivery.timeout.ms');
  const cluster = await connectCluster(broker);
  const stored = new Map<string, number>();
  for (const part of [0, 1]) {
    const values = (await readPartition(cluster, 'restart', part)).flatMap((b) =>
      b.records.map((r) => [r.value!.toString(), r.offset] as const),
    );
    const sentHere = mds.filter((m) => m!.partition === part).length;
    assert.equal(values.length, sentHere, `partition ${part}: as many records as were sent to it`);
    // send order per partition: values increase
    for (let i = 1; i < values.length; i++) assert.ok(values[i]![0] > values[i - 1]![0], `partition ${part} in order at ${i}`);
    for (const [v, o] of values) stored.set(v, o);
  }
  assert.equal(stored.size, count);
  mds.forEach((m, i) => assert.equal(m!.offset, stored.get(`restart-${String(i).padStart(5, '0')}`)));
  t.diagnostic(`${count} records across a broker restart`);
});

test('records fail with a TimeoutError after delivery.timeout.ms when the broker does not come back', async () => {
  const broker = await startTestBroker();
  await createTopic(broker.bootstrap, 'gone', 1);
  const p = await Producer.create({
    'bootstrap.servers': broker.bootstrap,
    'linger.ms': 0,
    'request.timeout.ms': 300,
    'delivery.timeout.ms': 1200,
    'retry.backoff.ms': 50,
    'reconnect.backoff.ms': 50,
  });
  onCleanup(() => p.close({ timeoutMs: 100 }));
  await p.send({ topic: 'gone', value: 'before' });
  await broker.stop();
  const started = Date.now();
  await assert.rejects(
    p.send({ topic: 'gone', value: 'after' }),
    (e: unknown) => e instanceof TimeoutError && /delivery.timeout.ms/.test((e as Error).message),
  );
  const took = Date.now() - started;
  assert.ok(took >= 1000 && took < 5000, `failed after ${took} ms, about delivery.timeout.ms`);
});
