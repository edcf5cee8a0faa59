// A process of the latency bench (forked by latency.ts): either the producer (paced-producer.ts) or
// the consumer (latency-consumer.ts), so that neither delays the other: in one process, the
// consumer's decoding and either side's garbage collection stalled both ends at once, and a tick
// gap of the producer became latency of records it had not even sent yet. Both stamp and read
// times on the monotonic clock every process shares (mono-clock.ts), and each watches its own
// event loop (latency-stalls.ts) so its stalls are printed beside the latencies.
//
// Protocol over the IPC channel: the parent sends `config`; the worker connects (the consumer also
// starts long-polling) and answers `ready`; the parent sends `go` with the schedule's start and
// the measured window; the producer runs until the window ends, drains and sends its `result`; the
// parent then tells the consumer how many records were sent (`finish`) and it sends its own
// `result` once they have all arrived (or 5 s passed). Any failure is sent as `error`.
import { LatencyConsumer } from './latency-consumer';
import { monoNow } from './mono-clock';
import { PacedProducer } from './paced-producer';
import { quantiles, type Quantiles } from './latency-percentile';
import { PipelinedConnection } from './pipelined-connection';
import { StallWatch, type StallSummary } from './latency-stalls';

export interface WorkerPartition {
  partition: number;
  leaderId: number;
  leaderEpoch: number;
}

export interface WorkerConfig {
  role: 'producer' | 'consumer';
  topic: string;
  topicId: string;
  partitions: WorkerPartition[];
  /** node id → Kafka port on loopback */
  ports: Record<number, number>;
  acks: number;
  ratePerSec: number;
  /** The measured window's length (the consumer sizes its sample arrays by it). */
  measureMs: number;
}

export type ToWorker =
  | { type: 'config'; config: WorkerConfig }
  | { type: 'go'; startMs: number; window: { from: number; to: number } }
  | { type: 'finish'; records: number };

export interface ProducerResult {
  role: 'producer';
  sent: number;
  sentInWindow: number;
  requests: number;
  ack: Quantiles;
  maxTickGapMs: number;
  stalls: StallSummary;
}

export interface ConsumerResult {
  role: 'consumer';
  received: number;
  complete: boolean;
  fromSend: Quantiles;
  fromDue: Quantiles;
  fetches: number;
  fetchSeconds: number;
  stalls: StallSummary;
  /** Records slower than 5 ms: [send, arrival], monotonic ms (at most 2000). */
  slow: Array<[number, number]>;
}

export type FromWorker =
  { type: 'ready' } | { type: 'result'; result: ProducerResult | ConsumerResult } | { type: 'error'; message: string };

const send = (m: FromWorker): void => void process.send!(m);

/** Collects start-up garbage (module compilation) so that its major GC does not fall in the window. */
function collectStartupGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}
const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - monoNow())));

// Filled in by `go`; until then nothing is in the window.
const window = { from: Number.POSITIVE_INFINITY, to: Number.NEGATIVE_INFINITY };

async function openAll(config: WorkerConfig): Promise<Map<number, PipelinedConnection>> {
  const leaders = [...new Set(config.partitions.map((p) => p.leaderId))];
  return new Map(await Promise.all(leaders.map(async (id) => [id, await PipelinedConnection.open(config.ports[id]!)] as const)));
}

async function producer(config: WorkerConfig, next: () => Promise<ToWorker>): Promise<void> {
  const conns = await openAll(config);
  const leaderOf = new Map(config.partitions.map((p) => [p.partition, p.leaderId]));
  const p = new PacedProducer({
    topic: config.topic,
    partitions: config.partitions.map((x) => x.partition),
    connFor: (partition) => conns.get(leaderOf.get(partition)!)!,
    acks: config.acks,
    ratePerSec: config.ratePerSec,
    window,
  });
  collectStartupGarbage();
  send({ type: 'ready' });
  const go = await next();
  if (go.type !== 'go') throw new Error(`producer: expected go, got ${go.type}`);
  Object.assign(window, go.window);
  const watch = new StallWatch(window);
  if (process.env.TARN_BENCH_LATENCY_WATCH !== '0') watch.start();
  await sleepUntil(go.startMs);
  p.start(go.startMs);
  await sleepUntil(window.to);
  p.stop();
  const stalls = watch.stop();
  await p.drained();
  for (const c of conns.values()) c.close();
  send({
    type: 'result',
    result: {
      role: 'producer',
      sent: p.sent,
      sentInWindow: p.sentInWindow,
      requests: p.requests,
      ack: quantiles(p.ackLatencies),
      maxTickGapMs: p.maxTickGapMs,
      stalls,
    },
  });
}

async function consumer(config: WorkerConfig, next: () => Promise<ToWorker>): Promise<void> {
  const conns = await openAll(config);
  const leaders = [...conns.keys()];
  const c = new LatencyConsumer(
    config.topicId,
    leaders.map((id) => ({
      conn: conns.get(id)!,
      partitions: config.partitions.filter((p) => p.leaderId === id).map((p) => ({ partition: p.partition, leaderEpoch: p.leaderEpoch })),
    })),
    window,
    // the window's records, with room for a producer running ahead of its schedule
    Math.ceil((config.ratePerSec * config.measureMs * 1.2) / 1000),
  );
  const started = monoNow();
  c.start();
  // the first (full) fetches are answered at once (nothing to wait for, empty): let them pass so
  // the loops are in their long polls when records start
  await new Promise((r) => setTimeout(r, 200));
  collectStartupGarbage();
  send({ type: 'ready' });
  const go = await next();
  if (go.type !== 'go') throw new Error(`consumer: expected go, got ${go.type}`);
  Object.assign(window, go.window);
  const watch = new StallWatch(window);
  if (process.env.TARN_BENCH_LATENCY_WATCH !== '0') watch.start();
  await sleepUntil(window.to);
  const stalls = watch.stop();
  const finish = await next();
  if (finish.type !== 'finish') throw new Error(`consumer: expected finish, got ${finish.type}`);
  let complete = false;
  try {
    complete = await c.awaitRecords(finish.records, 5000);
  } finally {
    const stopped = c.stop();
    for (const conn of conns.values()) conn.close();
    await stopped;
  }
  send({
    type: 'result',
    result: {
      role: 'consumer',
      received: c.received,
      complete,
      fromSend: quantiles(c.fromSend.subarray(0, c.samples)),
      fromDue: quantiles(c.fromDue.subarray(0, c.samples)),
      fetches: c.fetches,
      fetchSeconds: (monoNow() - started) / 1000,
      stalls,
      slow: c.slow,
    },
  });
}

// Messages are queued until the role's code asks for the next one.
const inbox: ToWorker[] = [];
let waiting: ((m: ToWorker) => void) | null = null;
process.on('message', (m: ToWorker) => {
  if (waiting !== null) {
    const w = waiting;
    waiting = null;
    w(m);
  } else inbox.push(m);
});
const next = (): Promise<ToWorker> => (inbox.length > 0 ? Promise.resolve(inbox.shift()!) : new Promise((r) => (waiting = r)));

try {
  const first = await next();
  if (first.type !== 'config') throw new Error(`expected config, got ${first.type}`);
  await (first.config.role === 'producer' ? producer : consumer)(first.config, next);
} catch (err) {
  send({ type: 'error', message: (err as Error).stack ?? String(err) });
}
process.disconnect();
