// The broker bench's real-consumer section: a pre-filled topic (6 partitions, 100-byte records in
// 16 KiB batches, the Java producer's batch.size) read from the beginning to the end the way real
// consumers fetch (consumer-fetcher.ts: one Fetch in flight, all 6 partitions per request, 1 MiB per
// partition, 50 MiB per answer, min.bytes 1, max wait 500 ms, Fetch v16 by topic id), with fetch
// sessions on (the Java consumer) and off (librdkafka), next to the broker bench's own pipelined
// fetches (broker-load.ts: 5 in flight, Fetch v12). The modes alternate in an order that rotates
// round by round, so drift on the machine spreads over all of them; every round's figure is printed, not only the median.
//
// Broker CPU is the broker process's CPU time (user + system, /proc, 10 ms ticks) over the round,
// per MiB of batches delivered; 'other cores' is what the rest of the machine used meanwhile (rounds
// taken with much of it were disturbed). Environment: TARN_BENCH_CONSUMER_RECORDS (default 3 M),
// TARN_BENCH_CONSUMER_ROUNDS (default 5, at least 3).
import { ApiKey, ErrorCode, ProduceRequestTypes, decodeResponse, errorName } from '@tarn/protocol';
import { startBrokerProcess, type BrokerProcess } from '@tarn/broker/testing';
import { ConsumerFetcher } from './consumer-fetcher';
import type { Phase } from './cpu-profile-summary';
import { PipelinedConnection, pipeline, type FrameHandler } from './pipelined-connection';
import { fmt, printTable, type Row } from './report';
import { batchOf } from './storage';
import { topicLayout, type TopicLayout } from './topic-layout';
import { KiB, MAX_IN_FLIGHT, MiB, PRODUCE_VERSION, cpuMeter, createTopic, deleteTopics, fetchAll, type Produced } from './broker-load';

const RECORDS = Number(process.env.TARN_BENCH_CONSUMER_RECORDS ?? 3_000_000);
const ROUNDS = Math.max(3, Number(process.env.TARN_BENCH_CONSUMER_ROUNDS ?? 5));
const PARTITIONS = 6;
const BATCH_BYTES = 16 * KiB;
const TOPIC = 'bench-consumer-p6';

interface Round {
  records: number;
  bytes: number;
  seconds: number;
  brokerMsPerMiB: number;
  brokerCores: number;
  clientCores: number;
  otherCores: number;
  fetches: number;
  /** partitions named per request and carried per answer, averaged */
  named: number;
  answered: number;
  sessionResets: number;
  startNs: bigint;
  endNs: bigint;
}

/** Fills every partition with the same number of batches (acks=1, one request carries a batch for each). */
async function prefill(broker: BrokerProcess, topic: string): Promise<Produced> {
  const { batch, records } = batchOf(BATCH_BYTES, Date.now());
  const requests = Math.max(1, Math.ceil(RECORDS / (records * PARTITIONS)));
  const conn = await PipelinedConnection.open(broker.port);
  const body = {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks: 1,
    timeoutMs: 30_000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: topic,
        partitionData: Array.from({ length: PARTITIONS }, (_, index) => ({ index, records: batch })),
      },
    ],
  };
  let sent = 0;
  const meter = cpuMeter(broker.pid);
  await pipeline(
    MAX_IN_FLIGHT,
    (onFrame: FrameHandler) => {
      if (sent >= requests) return null;
      sent++;
      conn.send(ApiKey.Produce, PRODUCE_VERSION, body, onFrame);
      return true;
    },
    (frame) => {
      for (const t of decodeResponse(ApiKey.Produce, PRODUCE_VERSION, frame).body.responses)
        for (const p of t.partitionResponses)
          if (p.errorCode !== ErrorCode.NONE) throw new Error(`prefill ${t.name}-${p.index}: ${errorName(p.errorCode)}`);
    },
  );
  const m = meter();
  conn.close();
  const total = requests * PARTITIONS * records;
  return {
    ...m,
    records: total,
    bytes: requests * PARTITIONS * batch.length,
    clientCpu: m.clientCpu,
    batchesPerPartition: requests,
    batch: { size: batch.length, records },
  };
}

/** Reads the topic from offset 0 to `endOffset` on every partition, one fetch at a time. */
async function consumeAll(broker: BrokerProcess, layout: TopicLayout, endOffset: number, sessions: boolean): Promise<Round> {
  const conn = await PipelinedConnection.open(broker.port);
  const fetcher = new ConsumerFetcher(conn, {
    topicId: layout.topicId,
    partitions: layout.partitions.map((p) => ({ partition: p.partition, leaderEpoch: p.leaderEpoch })),
    sessions,
  });
  const behind = () => [...fetcher.positions.values()].some((o) => o < endOffset);
  const meter = cpuMeter(broker.pid);
  while (behind()) await fetcher.fetchOnce();
  const m = meter();
  conn.close();
  for (const o of fetcher.positions.values()) if (o !== endOffset) throw new Error(`consumed up to ${o}, expected ${endOffset}`);
  return {
    records: fetcher.records,
    bytes: fetcher.bytes,
    seconds: m.seconds,
    brokerMsPerMiB: (m.brokerCpu * m.seconds * 1000) / (fetcher.bytes / MiB),
    brokerCores: m.brokerCpu,
    clientCores: m.clientCpu,
    otherCores: m.otherCpu,
    fetches: fetcher.fetches,
    named: fetcher.partitionsNamed / fetcher.fetches,
    answered: fetcher.partitionsAnswered / fetcher.fetches,
    sessionResets: fetcher.sessionResets,
    startNs: m.startNs,
    endNs: m.endNs,
  };
}

async function pipelined(broker: BrokerProcess, produced: Produced): Promise<Round> {
  const m = await fetchAll(broker, TOPIC, PARTITIONS, produced);
  const perFetch = Math.max(1, Math.floor(MiB / produced.batch.size));
  return {
    records: m.records,
    bytes: m.bytes,
    seconds: m.seconds,
    brokerMsPerMiB: (m.brokerCpu * m.seconds * 1000) / (m.bytes / MiB),
    brokerCores: m.brokerCpu,
    clientCores: m.clientCpu,
    otherCores: m.otherCpu,
    fetches: Math.ceil(produced.batchesPerPartition / perFetch),
    named: PARTITIONS,
    answered: PARTITIONS,
    sessionResets: 0,
    startNs: m.startNs,
    endNs: m.endNs,
  };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;

function summary(name: string, rounds: Round[], reference: { off: number; pipelined: number } | null): Row {
  const rate = rounds.map((r) => r.records / r.seconds);
  const ms = rounds.map((r) => r.brokerMsPerMiB);
  const mid = median(rate);
  const [lo, hi] = [Math.min(...rate), Math.max(...rate)];
  return {
    name,
    'records/s min': lo,
    median: mid,
    max: hi,
    swing: `${((100 * (hi - lo)) / mid).toFixed(0)} %`,
    'MiB/s': median(rounds.map((r) => r.bytes / MiB / r.seconds)),
    'broker ms/MiB': median(ms),
    'ms/MiB min–max': `${fmt(Math.min(...ms))}–${fmt(Math.max(...ms))}`,
    'broker cores': median(rounds.map((r) => r.brokerCores)),
    'client cores': median(rounds.map((r) => r.clientCores)),
    'other cores': median(rounds.map((r) => r.otherCores)),
    fetches: median(rounds.map((r) => r.fetches)),
    'partitions asked/answered': `${fmt(median(rounds.map((r) => r.named)))}/${fmt(median(rounds.map((r) => r.answered)))}`,
    'vs sessions off': reference === null ? '' : mid / reference.off,
    'vs pipelined': reference === null ? '' : mid / reference.pipelined,
  };
}

/**
 * The section, on a running broker (the broker bench calls it after its other cases). Pre-fills its
 * own topic and deletes it at the end. Each round becomes a `phases` entry (TARN_BENCH_CPU_PROF).
 */
export async function consumerPatternSection(admin: PipelinedConnection, broker: BrokerProcess, phases: Phase[] = []): Promise<void> {
  const t0 = performance.now();
  await createTopic(admin, TOPIC, PARTITIONS);
  try {
    const produced = await prefill(broker, TOPIC);
    const layout = await topicLayout(admin, TOPIC);
    const end = produced.batchesPerPartition * produced.batch.records;
    // the session paths are new to a broker that has only served the other cases: one untimed pass each
    await consumeAll(broker, layout, end, true);
    await consumeAll(broker, layout, end, false);
    const modes = { on: [] as Round[], off: [] as Round[], pipelined: [] as Round[] };
    const runs: Array<[keyof typeof modes, () => Promise<Round>]> = [
      ['on', () => consumeAll(broker, layout, end, true)],
      ['off', () => consumeAll(broker, layout, end, false)],
      ['pipelined', () => pipelined(broker, produced)],
    ];
    // the order rotates round by round, so that no mode always follows the same one (and inherits
    // its garbage to collect)
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < runs.length; k++) {
        const [name, fn] = runs[(round + k) % runs.length]!;
        const r = await fn();
        modes[name].push(r);
        phases.push({ name: `consumer pattern: ${name === 'pipelined' ? name : `sessions ${name}`}`, ...r });
      }
    }
    const resets = modes.on.reduce((n, r) => n + r.sessionResets, 0);
    const reference = {
      off: median(modes.off.map((r) => r.records / r.seconds)),
      pipelined: median(modes.pipelined.map((r) => r.records / r.seconds)),
    };
    printTable(
      `broker: real-consumer fetch pattern, ${fmt(produced.records)} records of 100 bytes pre-filled in ${produced.batch.size}-byte batches over ${PARTITIONS} partitions, read from offset 0 to the end; ${ROUNDS} rounds, modes alternating in rotating order; one Fetch v16 in flight, all ${PARTITIONS} partitions, 1 MiB per partition, fetch.max.bytes 50 MiB, min.bytes 1, max wait 500 ms`,
      [
        summary('sessions on (Java consumer: full fetch, then incremental)', modes.on, reference),
        summary('sessions off (librdkafka: id 0, epoch -1, all partitions)', modes.off, reference),
        summary(`pipelined (this bench's load: ${MAX_IN_FLIGHT} in flight, Fetch v12)`, modes.pipelined, reference),
      ],
    );
    const each = (rounds: Round[]) =>
      rounds.map((r) => `${fmt(r.records / r.seconds)} (${fmt(r.brokerMsPerMiB)} ms/MiB, other ${fmt(r.otherCores)})`).join(', ');
    printTable('broker: real-consumer fetch pattern, every round (records/s, broker CPU ms per MiB, cores the rest of the machine used)', [
      { name: 'sessions on', rounds: each(modes.on) },
      { name: 'sessions off', rounds: each(modes.off) },
      { name: 'pipelined', rounds: each(modes.pipelined) },
    ]);
    if (resets > 0)
      console.log(`  note: ${resets} fetch session(s) lost mid-read (FETCH_SESSION_ID_NOT_FOUND / INVALID_FETCH_SESSION_EPOCH)`);
  } finally {
    await deleteTopics(admin, broker, [TOPIC]);
  }
  console.log(`  (section: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

/** `npm run bench -- broker-consumer`: the section alone, on a broker of its own. */
export async function run(): Promise<void> {
  const broker = await startBrokerProcess({ overrides: { 'log.segment.delete.delay.ms': '0' } });
  try {
    const admin = await PipelinedConnection.open(broker.port);
    await consumerPatternSection(admin, broker);
    admin.close();
  } catch (err) {
    console.error(`broker output (tail):\n${broker.output()}`);
    throw err;
  } finally {
    await broker.stop();
  }
}
