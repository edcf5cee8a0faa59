/**
 * Floods a topic with small records at a target rate, from a process of its own so the test's event
 * loop (which drives the browser) stays free. kafkajs, batches of `rate / 50` records every 20 ms,
 * up to 8 requests in flight. Prints one JSON line with what it achieved.
 *
 *   node --import tsx src/flood-producer.ts <bootstrap> <topic> <records/s> <seconds>
 */
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, topic, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const kafka = new Kafka({ clientId: 'tarn-e2e-flood', brokers: [bootstrap!], logLevel: logLevel.NOTHING });
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();

const TICK_MS = 20;
const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000));
const payload = 'x'.repeat(40);
let sent = 0;
let inFlight = 0;
let errors = 0;
const started = performance.now();
const until = started + seconds * 1000;
let next = started;
while (performance.now() < until) {
  if (inFlight < 8) {
    const base = sent;
    const messages = Array.from({ length: perTick }, (_, i) => ({ key: `k${(base + i) % 1000}`, value: `flood-${base + i}-${payload}` }));
    sent += perTick;
    inFlight++;
    producer
      .send({ topic: topic!, acks: 1, messages })
      .catch(() => errors++)
      .finally(() => inFlight--);
  }
  next += TICK_MS;
  const wait = next - performance.now();
  await new Promise((r) => setTimeout(r, Math.max(0, wait)));
}
while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
const elapsed = (performance.now() - started) / 1000;
await producer.disconnect();
console.log(JSON.stringify({ sent, errors, seconds: elapsed, rate: Math.round(sent / elapsed) }));
