// The clients of the fault tests (fault-suite.ts): a producer whose acknowledged records are
// known, a group consumer recording what it sees, and the check that the consumer saw every
// acknowledged record once per offset, in order, without skipping.
import assert from 'node:assert/strict';
import type { Consumer, Kafka, Producer } from 'kafkajs';

export const TOPIC = 'faults';
export const PARTITIONS = 3;

/** An idempotent acks=all producer sending uniquely numbered records until stopped. */
export class Load {
  private readonly producer: Producer;
  private running = true;
  private next = 0;
  readonly acked = new Map<string, number>(); // id → partition
  private loop: Promise<void> = Promise.resolve();
  errors = 0;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: { retries: 50, initialRetryTime: 100, maxRetryTime: 1000 },
    });
  }

  async start(): Promise<void> {
    openClients.push({ disconnect: () => this.stop() });
    await this.producer.connect();
    this.loop = (async () => {
      while (this.running) {
        const batch = Array.from({ length: 10 }, () => `id-${this.next++}`);
        const partition = Math.floor(Math.random() * PARTITIONS);
        try {
          await this.producer.send({ topic: TOPIC, acks: -1, messages: batch.map((id) => ({ key: id, value: id, partition })) });
          for (const id of batch) this.acked.set(id, partition);
        } catch {
          this.errors++; // not acknowledged: may or may not be stored, never counted as acked
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.loop;
    await this.producer.disconnect();
  }
}

export type Seen = Array<{ partition: number; offset: number; id: string }>;
/** What the consumers went through, printed when one fails to catch up. */
export const consumerEvents: string[] = [];

/** An error's message and those of its causes (kafkajs' messages are not enumerable: JSON leaves them out). */
function errorChain(e: unknown): string {
  if (!(e instanceof Error)) return '';
  return ` <- ${e.name}: ${e.message}${errorChain(e.cause ?? (e as { originalError?: unknown }).originalError)}`;
}

/**
 * kafkajs reports any failure during a SASL exchange as an authentication error, which it never
 * retries, a connection dropped by a broker killed meanwhile included: its consumer then stops for
 * good ("crash", restart: false). A broker dying while the consumer logs in to it is one of the
 * faults under test, not a wrong password, so the consumer is restarted then, as an application
 * would restart it; any other crash, a refused login included, stays fatal.
 */
const INTERRUPTED_LOGIN =
  /authentication failed: (Closed connection|Connection (error|timeout|closed)|Failed to connect|Not connected|Request .* timed out)/i;

/** A group consumer recording (partition, offset, id) of everything it sees, restarted after an interrupted login. */
export async function startConsumer(kafka: Kafka, seen: Seen): Promise<{ disconnect(): Promise<void> }> {
  let consumer: Consumer | null = null;
  let closed = false;
  const start = async (): Promise<void> => {
    // retries back off to at most 2 s (kafkajs' default grows to 30 s, long for a test that waits on it)
    const c = kafka.consumer({
      groupId: 'fault-readers',
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      retry: { retries: 50, initialRetryTime: 100, maxRetryTime: 2000 },
    });
    consumer = c;
    // what the consumer went through, printed if it fails to catch up
    for (const event of [c.events.CRASH, c.events.GROUP_JOIN, c.events.STOP, c.events.REBALANCING]) {
      c.on(event, (e: { type: string; payload?: { error?: unknown; restart?: boolean } }) => {
        const why = errorChain(e.payload?.error);
        consumerEvents.push(`${new Date().toISOString()} ${e.type} ${JSON.stringify(e.payload ?? {}).slice(0, 300)}${why}`);
        if (e.type === c.events.CRASH && e.payload?.restart === false && INTERRUPTED_LOGIN.test(why)) void restart(c);
      });
    }
    await c.connect();
    await c.subscribe({ topic: TOPIC, fromBeginning: true });
    void c.run({
      autoCommitInterval: 500,
      eachMessage: async ({ partition, message }) => {
        seen.push({ partition, offset: Number(message.offset), id: message.value!.toString() });
      },
    });
  };
  const restart = async (crashed: Consumer): Promise<void> => {
    await crashed.disconnect().catch(() => {});
    for (let started = false; !closed && !started;) {
      consumerEvents.push(`${new Date().toISOString()} restarting the consumer`);
      started = await start().then(
        () => true,
        async () => {
          await consumer?.disconnect().catch(() => {});
          await new Promise((r) => setTimeout(r, 500));
          return false;
        },
      );
    }
    if (closed) await consumer?.disconnect();
  };
  const handle = {
    disconnect: async () => {
      closed = true;
      await consumer?.disconnect();
    },
  };
  openClients.push(handle);
  await start();
  return handle;
}

/** Every acknowledged record was consumed, once per offset, in the producer's order, no offset skipped. */
export function checkConsumed(load: Load, seen: Seen): void {
  // every acknowledged record was consumed, from the partition it was sent to
  const byId = new Map<string, { partition: number; offset: number }>();
  for (const s of seen) {
    const prev = byId.get(s.id);
    // a consumer may see a record twice (at-least-once after a rebalance) but always at the same offset
    if (prev !== undefined)
      assert.deepEqual(prev, { partition: s.partition, offset: s.offset }, `${s.id} appears at two offsets: a duplicate in the log`);
    byId.set(s.id, { partition: s.partition, offset: s.offset });
  }
  for (const [id, partition] of load.acked) {
    assert.ok(byId.has(id), `acknowledged record ${id} was lost`);
    assert.equal(byId.get(id)!.partition, partition);
  }
  // order within each partition: ids sent later (by the single producer) sit at higher offsets,
  // and the consumer saw every offset (no skipping)
  for (let p = 0; p < PARTITIONS; p++) {
    const entries = [...byId.values()]
      .filter((e) => e.partition === p)
      .map((e) => e.offset)
      .sort((a, b) => a - b);
    const ids = [...byId.entries()]
      .filter(([, e]) => e.partition === p)
      .sort((a, b) => a[1].offset - b[1].offset)
      .map(([id]) => Number(id.slice(3)));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
      `partition ${p} keeps the producer's order`,
    );
    assert.deepEqual(
      entries,
      entries.map((_, i) => entries[0]! + i),
      `partition ${p}: the consumer saw every offset`,
    );
  }
}

/** Clients a test opened; closed whatever happens, so a failed test cannot leave one retrying forever. */
export const openClients: Array<{ disconnect(): Promise<void> }> = [];
