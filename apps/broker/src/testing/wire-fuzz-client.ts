/**
 * The real client that works beside the network fuzzer (see wire-fuzzer.ts): kafkajs producing
 * and consuming on a topic of its own; every record it produced must come back exactly once.
 */
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
// ---------------------------------------------------------------------------------------------
// The kafkajs client working beside the fuzzer

export interface ClientResult {
  produced: number;
  consumed: number;
  /** Acknowledged records never consumed. */
  lost: number;
  /** Records consumed at two different offsets (a duplicate append). */
  duplicated: number;
  /** Records delivered again at the same offset (at-least-once after a rebalance: allowed). */
  redelivered: number;
  /** Failed sends and consumer crashes. */
  errors: string[];
  /** kafkajs ERROR log lines (not failures by themselves: kafkajs logs retriable errors there too). */
  logErrors: string[];
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref())]);

export class ClientWorkload {
  private readonly kafka: Kafka;
  private admin: Admin | null = null;
  private producer: Producer | null = null;
  private consumer: Consumer | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private seq = 0;
  readonly produced = new Set<string>();
  /** Values whose send failed: they may or may not have been written. */
  readonly uncertain = new Set<string>();
  /** value -> the partition:offset positions it was consumed at. */
  readonly consumed = new Map<string, Set<string>>();
  private deliveries = 0;
  readonly errors: string[] = [];
  readonly logErrors: string[] = [];
  onError: (message: string) => void = () => {};

  constructor(
    port: number,
    readonly topic: string,
    private readonly group: string,
  ) {
    this.kafka = new Kafka({
      clientId: 'tarn-fuzz-client',
      brokers: [`127.0.0.1:${port}`],
      logLevel: logLevel.ERROR,
      logCreator: () => (entry) => {
        if (this.logErrors.length < 50) this.logErrors.push(`${entry.namespace}: ${entry.log.message}`);
      },
      retry: { retries: 8 },
    });
  }

  private error(message: string): void {
    this.errors.push(message);
    this.onError(message);
  }

  async start(): Promise<void> {
    this.admin = this.kafka.admin();
    await this.admin.connect();
    await this.admin.createTopics({ topics: [{ topic: this.topic, numPartitions: 2 }], waitForLeaders: true });
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: this.group, sessionTimeout: 30_000, heartbeatInterval: 3000, maxWaitTimeInMs: 250 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    this.consumer.on(this.consumer.events.CRASH, (e) =>
      this.error(`consumer crashed: ${String((e.payload as { error?: Error }).error?.message ?? e.payload)}`),
    );
    await this.consumer.run({
      eachMessage: async ({ partition, message }) => {
        const value = message.value?.toString() ?? '';
        let at = this.consumed.get(value);
        if (at === undefined) this.consumed.set(value, (at = new Set()));
        at.add(`${partition}:${message.offset}`);
        this.deliveries++;
      },
    });
    this.running = true;
    this.loop = this.produceLoop();
  }

  private async produceLoop(): Promise<void> {
    while (this.running) {
      const values = Array.from({ length: 20 }, () => `r${this.seq++}`);
      try {
        await this.producer!.send({ topic: this.topic, acks: -1, messages: values.map((v) => ({ key: v, value: v })) });
        for (const v of values) this.produced.add(v);
      } catch (err) {
        for (const v of values) this.uncertain.add(v);
        if (this.running) this.error(`send failed: ${(err as Error).message}`);
      }
      await sleep(50);
    }
  }

  /** Stops producing; when `verify`, waits up to `drainMs` for every acknowledged record to come back. */
  async stop(verify: boolean, drainMs = 30_000): Promise<ClientResult> {
    this.running = false;
    if (this.loop !== null) await withTimeout(this.loop, verify ? 60_000 : 5000);
    if (verify) {
      const deadline = Date.now() + drainMs;
      while (Date.now() < deadline && [...this.produced].some((v) => !this.consumed.has(v))) await sleep(100);
    }
    for (const c of [this.consumer, this.producer, this.admin]) if (c !== null) await withTimeout(c.disconnect(), 10_000).catch(() => {});
    let lost = 0;
    for (const v of this.produced) if (!this.consumed.has(v)) lost++;
    let duplicated = 0;
    for (const at of this.consumed.values()) if (at.size > 1) duplicated++;
    let positions = 0;
    for (const at of this.consumed.values()) positions += at.size;
    return {
      produced: this.produced.size,
      consumed: this.consumed.size,
      lost: verify ? lost : 0,
      duplicated,
      redelivered: this.deliveries - positions,
      errors: this.errors,
      logErrors: this.logErrors,
    };
  }
}
