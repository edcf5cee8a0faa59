// Shared by the consumer suites: topics created and records produced with kafkajs (a real other
// client, so what our consumer reads was not written by our own code), and small waiting helpers.
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { Consumer, type ConsumerRecord, type TopicPartition } from '../src/index';
import type { ClientProperties } from '../src/index';
import { onCleanup, type TestBroker } from './helpers';

export function kafkajs(broker: TestBroker, clientId = 'kafkajs-test'): Kafka {
  return new Kafka({ clientId, brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 50 } });
}

export async function kafkajsAdmin(broker: TestBroker): Promise<Admin> {
  const admin = kafkajs(broker).admin();
  await admin.connect();
  onCleanup(() => admin.disconnect());
  return admin;
}

export async function createTopic(broker: TestBroker, topic: string, numPartitions: number): Promise<void> {
  const admin = await kafkajsAdmin(broker);
  await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor: 1 }], waitForLeaders: true });
}

export async function kafkajsProducer(broker: TestBroker, options: Parameters<Kafka['producer']>[0] = {}): Promise<Producer> {
  const producer = kafkajs(broker).producer(options);
  await producer.connect();
  onCleanup(() => producer.disconnect());
  return producer;
}

/** Produces `count` records `v<i>` (key `k<i>`) to one partition. */
export async function produce(producer: Producer, topic: string, partition: number, count: number, from = 0): Promise<void> {
  const messages = Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}`, partition }));
  await producer.send({ topic, messages });
}

export function newConsumer<K = Buffer | null, V = Buffer | null>(
  broker: TestBroker,
  props: ClientProperties,
  options: ConstructorParameters<typeof Consumer<K, V>>[1] = {},
): Consumer<K, V> {
  const c = new Consumer<K, V>(broker.props({ 'client.id': 'tarn-consumer-test', ...props }), options);
  onCleanup(() => c.close().catch(() => {}));
  return c;
}

/** Polls until `count` records arrived (or fails after `timeoutMs`). */
export async function pollUntil<K, V>(c: Consumer<K, V>, count: number, timeoutMs = 15_000): Promise<ConsumerRecord<K, V>[]> {
  const out: ConsumerRecord<K, V>[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count) {
    if (Date.now() > deadline) throw new Error(`got ${out.length} of ${count} records before the timeout`);
    out.push(...(await c.poll(200)));
  }
  return out;
}

/** Keeps every consumer polling (as live members do) until `done()` holds. */
export async function pollAllUntil(consumers: Consumer<unknown, unknown>[], done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not reached before the timeout');
    await Promise.all(consumers.map((c) => c.poll(100)));
  }
}

export const tps = (topic: string, ...partitions: number[]): TopicPartition[] => partitions.map((partition) => ({ topic, partition }));
export const keyOf = (tp: TopicPartition): string => `${tp.topic}-${tp.partition}`;
export const sortedKeys = (list: readonly TopicPartition[]): string[] => list.map(keyOf).sort();
