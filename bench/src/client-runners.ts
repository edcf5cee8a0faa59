// The three clients `npm run bench -- client` compares, each producing N records of 100 bytes (null
// keys) or consuming N records, timed the same way: produce from the first send to the last
// acknowledgement, consume from the moment the client has its partitions (assigned, or kafkajs's
// group joined) to the N-th record (connection set-up and group joins excluded). @tarn/client and kafkajs come from the repository's node_modules; node-rdkafka
// (librdkafka 2.12) from scripts/setup-clients' cache.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Consumer, Producer } from '@tarn/client';
import { Kafka, logLevel } from 'kafkajs';
import { installedNativeClientsDir } from '@tarn/broker/testing/native-clients-cache';
import { runRdkafkaPerformance } from './rdkafka-performance';

export type Acks = '1' | 'all';

export interface ClientRunner {
  name: string;
  produce(bootstrap: string, topic: string, records: number, acks: Acks): Promise<number>;
  consume(bootstrap: string, topic: string, partitions: number, records: number): Promise<number>;
}

/** Kafka's perf-test payload: random upper-case letters. */
export function payload(size = 100): Buffer {
  const b = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) b[i] = 65 + Math.floor(Math.random() * 26);
  return b;
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

export const tarnClient: ClientRunner = {
  name: '@tarn/client',
  async produce(bootstrap, topic, records, acks) {
    const producer = await Producer.create({ 'bootstrap.servers': bootstrap, acks, 'client.id': 'bench-tarn' });
    const value = payload();
    // as Kafka's perf producer: send with a callback in a loop. At most 20,000 records outstanding:
    // tens of thousands of sends parked on a full buffer.memory slow the producer down many times
    // (measured: 18 k records/s with 300,000 outstanding, 143 k with 20,000), and Java's send
    // blocks its one thread instead of parking more sends.
    let outstanding = 0;
    let failed: Error | null = null;
    let wake: (() => void) | null = null;
    const done = (err: Error | null): void => {
      if (err !== null) failed ??= err;
      outstanding--;
      const w = wake;
      wake = null;
      w?.();
    };
    const t0 = performance.now();
    for (let i = 0; i < records && failed === null; i++) {
      while (outstanding >= 20_000) await new Promise<void>((r) => (wake = r));
      outstanding++;
      producer.send({ topic, value }, done);
      if (i % 1000 === 999) await new Promise<void>((r) => setImmediate(r));
    }
    await producer.flush();
    while (outstanding > 0) await new Promise<void>((r) => (wake = r));
    const s = seconds(t0);
    await producer.close();
    if (failed !== null) throw failed;
    return s;
  },
  async consume(bootstrap, topic, partitions, records) {
    const consumer = new Consumer({ 'bootstrap.servers': bootstrap, 'client.id': 'bench-tarn', 'auto.offset.reset': 'earliest' });
    await consumer.partitionsFor(topic); // connects, as the others' connect() does
    consumer.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition })));
    let n = 0;
    const t0 = performance.now();
    while (n < records) n += (await consumer.poll(1000)).count;
    const s = seconds(t0);
    await consumer.close();
    return s;
  },
};

export const kafkajsClient: ClientRunner = {
  name: 'kafkajs 2.2.4',
  async produce(bootstrap, topic, records, acks) {
    const kafka = new Kafka({ brokers: [bootstrap], clientId: 'bench-kafkajs', logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const value = payload();
    // kafkajs does not batch on its own: the usual way is arrays of messages, several sends in flight
    const batch = Array.from({ length: 1000 }, () => ({ value }));
    let next = 0;
    const t0 = performance.now();
    const worker = async (): Promise<void> => {
      while (next < records) {
        const n = Math.min(batch.length, records - next);
        next += n;
        await producer.send({ topic, acks: acks === 'all' ? -1 : 1, messages: n === batch.length ? batch : batch.slice(0, n) });
      }
    };
    await Promise.all(Array.from({ length: 5 }, worker));
    const s = seconds(t0);
    await producer.disconnect();
    return s;
  },
  async consume(bootstrap, topic, _partitions, records) {
    const kafka = new Kafka({ brokers: [bootstrap], clientId: 'bench-kafkajs', logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `bench-kafkajs-${topic}-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let n = 0;
    let t0 = 0;
    consumer.on(consumer.events.GROUP_JOIN, () => void (t0 ||= performance.now()));
    const s = await new Promise<number>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          n += batch.messages.length;
          if (n >= records) resolve(seconds(t0));
        },
      });
    });
    await consumer.disconnect();
    return s;
  },
};

// ---- node-rdkafka (its typings live outside the repository: the part used here)
interface RdkafkaError extends Error {
  code: number;
}
type Callback<T> = (err: RdkafkaError | null | undefined, value: T) => void;
interface RdkafkaProducer {
  connect(options: object | undefined, cb: Callback<unknown>): void;
  disconnect(cb: Callback<unknown>): void;
  produce(topic: string, partition: number | null, value: Buffer, key: null): void;
  setPollInterval(ms: number): void;
  poll(): void;
  on(event: 'delivery-report', listener: (err: RdkafkaError | null) => void): void;
}
interface RdkafkaConsumer {
  connect(options: object | undefined, cb: Callback<unknown>): void;
  disconnect(cb: Callback<unknown>): void;
  assign(assignments: Array<{ topic: string; partition: number; offset: number }>): void;
  consume(count: number, cb: Callback<unknown[]>): void;
  setDefaultConsumeTimeout(ms: number): void;
}
interface Rdkafka {
  Producer: new (conf: object, topicConf?: object) => RdkafkaProducer;
  KafkaConsumer: new (conf: object, topicConf?: object) => RdkafkaConsumer;
  librdkafkaVersion: string;
}

let rdkafka: Rdkafka | null = null;
/** node-rdkafka from the native clients' cache; throws a clear error when it is not installed. */
export function loadRdkafka(): Rdkafka {
  rdkafka ??= createRequire(join(installedNativeClientsDir(), 'package.json'))('node-rdkafka') as Rdkafka;
  return rdkafka;
}

const QUEUE_FULL = -184;
const call = <T>(f: (cb: Callback<T>) => void): Promise<T> =>
  new Promise((resolve, reject) => f((err, v) => (err ? reject(err) : resolve(v))));

export const rdkafkaClient: ClientRunner = {
  name: 'node-rdkafka',
  async produce(bootstrap, topic, records, acks) {
    const { Producer: P } = loadRdkafka();
    const producer = new P({ 'metadata.broker.list': bootstrap, 'client.id': 'bench-rdkafka', dr_cb: true, acks: acks === 'all' ? -1 : 1 });
    await call((cb) => producer.connect(undefined, cb));
    producer.setPollInterval(5);
    let delivered = 0;
    let failed: Error | null = null;
    let wake: (() => void) | null = null;
    producer.on('delivery-report', (err) => {
      if (err) failed ??= err;
      delivered++;
      const w = wake;
      wake = null;
      w?.();
    });
    const value = payload();
    const t0 = performance.now();
    for (let i = 0; i < records && failed === null;) {
      try {
        producer.produce(topic, null, value, null);
        i++;
      } catch (err) {
        if ((err as RdkafkaError).code !== QUEUE_FULL) throw err;
        producer.poll();
        await new Promise<void>((r) => (wake = r));
      }
    }
    while (delivered < records && failed === null) await new Promise<void>((r) => (wake = r));
    const s = seconds(t0);
    await call((cb) => producer.disconnect(cb));
    if (failed !== null) throw failed;
    return s;
  },
  async consume(bootstrap, topic, partitions, records) {
    const { KafkaConsumer } = loadRdkafka();
    const consumer = new KafkaConsumer(
      { 'metadata.broker.list': bootstrap, 'group.id': `bench-rdkafka-${topic}-${Date.now()}`, 'enable.auto.commit': false },
      { 'auto.offset.reset': 'earliest' },
    );
    await call((cb) => consumer.connect(undefined, cb));
    consumer.setDefaultConsumeTimeout(100);
    consumer.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition, offset: 0 })));
    let n = 0;
    const t0 = performance.now();
    // never ask for more than remain: consume(n) waits for its timeout when fewer arrive
    while (n < records) n += (await call<unknown[]>((cb) => consumer.consume(Math.min(10_000, records - n), cb))).length;
    const s = seconds(t0);
    await call((cb) => consumer.disconnect(cb));
    return s;
  },
};

/**
 * librdkafka itself, without a JavaScript binding: its rdkafka_performance tool (the broker
 * benchmark's reference client), timed by the tool from its first message to its last.
 */
export function rdkafkaPerformanceClient(binary: string): ClientRunner {
  const common = (bootstrap: string, topic: string, records: number): string[] => [
    '-t',
    topic,
    '-b',
    bootstrap,
    '-c',
    String(records),
    '-q',
  ];
  return {
    name: 'rdkafka_performance',
    async produce(bootstrap, topic, records, acks) {
      const r = await runRdkafkaPerformance(binary, [
        '-P',
        ...common(bootstrap, topic, records),
        '-s',
        '100',
        '-a',
        acks === 'all' ? '-1' : '1',
        '-p',
        '-1',
      ]);
      return r.seconds;
    },
    async consume(bootstrap, topic, partitions, records) {
      const ps = Array.from({ length: partitions }, (_, p) => ['-p', String(p)]).flat();
      const r = await runRdkafkaPerformance(binary, ['-C', ...common(bootstrap, topic, records), '-o', 'beginning', ...ps]);
      return r.seconds;
    },
  };
}
