// The broker reuses the buffers of Produce frames and of Fetch answers' records (network/buffer-pool.ts).
// A buffer returned too early would show as a record whose bytes changed between produce and fetch:
// here producers and consumers run at once on several connections, every record's value carries its
// own digest, and each consumer checks every byte of every record, while the pool is kept busy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { startBroker } from './helpers';

const PRODUCERS = 3;
const BATCHES = 30;
const PER_BATCH = 20;
const TOTAL = PRODUCERS * BATCHES * PER_BATCH;

/** A value of random length and bytes whose first 32 bytes are the SHA-256 of the rest. */
function value(): Buffer {
  const body = randomBytes(50 + Math.floor(Math.random() * 6000));
  return Buffer.concat([createHash('sha256').update(body).digest(), body]);
}

function intact(v: Buffer): boolean {
  return createHash('sha256').update(v.subarray(32)).digest().equals(v.subarray(0, 32));
}

test('records keep every byte while produce frames and fetch buffers are reused across connections', async () => {
  const { port } = await startBroker();
  const kafka = new Kafka({ clientId: 'buffer-reuse', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'reuse', numPartitions: 3 }] });
  await admin.disconnect();

  // two groups read while the producers write: fetch answers are written while produce frames arrive
  const consumers = await Promise.all(
    ['g1', 'g2'].map(async (groupId) => {
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
      await consumer.connect();
      await consumer.subscribe({ topic: 'reuse', fromBeginning: true });
      const seen = new Set<string>();
      let broken = 0;
      let resolveAll!: () => void;
      const all = new Promise<void>((r) => (resolveAll = r));
      await consumer.run({
        eachMessage: async ({ message }) => {
          if (!intact(message.value!)) broken++;
          seen.add(message.key!.toString());
          if (seen.size === TOTAL) resolveAll();
        },
      });
      return { consumer, seen, all, broken: () => broken };
    }),
  );

  await Promise.all(
    Array.from({ length: PRODUCERS }, async (_, p) => {
      const producer = kafka.producer();
      await producer.connect();
      for (let b = 0; b < BATCHES; b++) {
        await producer.send({
          topic: 'reuse',
          messages: Array.from({ length: PER_BATCH }, (_, i) => ({ key: `${p}-${b}-${i}`, value: value() })),
        });
      }
      await producer.disconnect();
    }),
  );

  for (const c of consumers) {
    await Promise.race([
      c.all,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`saw ${c.seen.size} of ${TOTAL}`)), 60_000).unref()),
    ]);
    assert.equal(c.broken(), 0, 'every record arrives with the bytes it was produced with');
    assert.equal(c.seen.size, TOTAL);
    await c.consumer.disconnect();
  }
});
