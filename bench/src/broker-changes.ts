// Before/after for the changes of the performance work, measured in one run: the broker's CPU per
// MiB while librdkafka's rdkafka_performance produces (acks=1) and consumes 100-byte records over 6
// partitions, and produces again with the Java client's batch.size (16 KiB, linger.ms 5: smaller
// requests, where the broker's cost per request shows), for a broker with each change switched off and on (the switches exist for this).
// Rounds alternate between the variants, so that a disturbance of the machine falls on all of
// them; the table prints the median and the spread of the rounds. Kafka 3.1 on this machine kind,
// driven the same way: ~7.1 ms/MiB producing, ~2.4 ms/MiB serving consumers (not measured here:
// no Kafka distribution on these machines); the goals are ≤ 0.8× and ≤ 1.0× of those.
// Environment: TARN_BENCH_CHANGES_ROUNDS (default 3).
import { startBrokerProcess } from '@tarn/broker/testing';
import { rdkafkaPerformancePath } from '@tarn/broker/testing/native-clients-cache';
import { MiB, RDKAFKA_RECORDS, cpuMeter, createTopic } from './broker-load';
import { PipelinedConnection } from './pipelined-connection';
import { runRdkafkaPerformance } from './rdkafka-performance';
import { fmt, printTable, type Row } from './report';

const ROUNDS = Math.max(1, Number(process.env.TARN_BENCH_CHANGES_ROUNDS ?? 3));
const KAFKA_PRODUCE_MS_PER_MIB = 7.1;
const KAFKA_FETCH_MS_PER_MIB = 2.4;

interface Variant {
  name: string;
  env: Record<string, string>;
}

const VARIANTS: Variant[] = [
  {
    name: 'before: a new buffer per socket read and per request',
    env: { TARN_SOCKET_DATA_EVENTS: '1', TARN_BUFFER_POOL: '0', TARN_INLINE_WRITES: '0' },
  },
  { name: '+ sockets read into one shared buffer', env: { TARN_BUFFER_POOL: '0', TARN_INLINE_WRITES: '0' } },
  { name: '+ pooled produce frames and fetch reads', env: { TARN_INLINE_WRITES: '0' } },
  { name: '+ appends written inline, not on the thread pool (now)', env: {} },
];

interface Round {
  produceMsPerMiB: number;
  produceRate: number;
  smallBatchMsPerMiB: number;
  smallBatchRate: number;
  fetchMsPerMiB: number;
  fetchRate: number;
}

async function round(binary: string, variant: Variant): Promise<Round> {
  const broker = await startBrokerProcess({ env: variant.env, overrides: { 'log.level': 'warn' } });
  try {
    const admin = await PipelinedConnection.open(broker.port);
    await createTopic(admin, 'changes', 6);
    admin.close();
    const common = ['-t', 'changes', '-b', `127.0.0.1:${broker.port}`, '-c', String(RDKAFKA_RECORDS), '-q'];
    const measure = async (args: string[]) => {
      const meter = cpuMeter(broker.pid);
      const r = await runRdkafkaPerformance(binary, args);
      const m = meter();
      if (r.records !== RDKAFKA_RECORDS)
        throw new Error(`rdkafka_performance ${args[0]}: ${r.records} records, expected ${RDKAFKA_RECORDS}`);
      return { msPerMiB: (m.brokerCpu * m.seconds * 1000) / (r.bytes / MiB), rate: r.records / r.seconds };
    };
    const p = await measure(['-P', ...common, '-s', '100', '-a', '1', '-p', '-1']);
    const c = await measure(['-C', ...common, '-o', 'beginning', ...[0, 1, 2, 3, 4, 5].flatMap((i) => ['-p', String(i)])]);
    const small = await measure(['-P', ...common, '-s', '100', '-a', '1', '-p', '-1', '-X', 'batch.size=16384', '-X', 'linger.ms=5']);
    return {
      produceMsPerMiB: p.msPerMiB,
      produceRate: p.rate,
      smallBatchMsPerMiB: small.msPerMiB,
      smallBatchRate: small.rate,
      fetchMsPerMiB: c.msPerMiB,
      fetchRate: c.rate,
    };
  } finally {
    await broker.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;

export async function brokerChangesSection(): Promise<void> {
  let binary: string;
  try {
    binary = rdkafkaPerformancePath();
  } catch (err) {
    console.log(`\nbroker: skipping the before/after section: ${(err as Error).message}`);
    return;
  }
  const rounds = new Map<Variant, Round[]>(VARIANTS.map((v) => [v, []]));
  for (let i = 0; i < ROUNDS; i++) for (const v of VARIANTS) rounds.get(v)!.push(await round(binary, v));
  const before = rounds.get(VARIANTS[0]!)!;
  const rows: Row[] = VARIANTS.map((v) => {
    const rs = rounds.get(v)!;
    const pm = median(rs.map((r) => r.produceMsPerMiB));
    const fm = median(rs.map((r) => r.fetchMsPerMiB));
    const sm = median(rs.map((r) => r.smallBatchMsPerMiB));
    return {
      name: v.name,
      'produce ms/MiB': pm,
      'produce rounds': spread(rs.map((r) => r.produceMsPerMiB)),
      '× before': pm / median(before.map((r) => r.produceMsPerMiB)),
      '× Kafka': pm / KAFKA_PRODUCE_MS_PER_MIB,
      'produce records/s': median(rs.map((r) => r.produceRate)),
      '16 KiB batches ms/MiB': sm,
      '16 KiB × before': sm / median(before.map((r) => r.smallBatchMsPerMiB)),
      '16 KiB records/s': median(rs.map((r) => r.smallBatchRate)),
      'fetch ms/MiB': fm,
      'fetch rounds': spread(rs.map((r) => r.fetchMsPerMiB)),
      'fetch × before': fm / median(before.map((r) => r.fetchMsPerMiB)),
      'fetch × Kafka': fm / KAFKA_FETCH_MS_PER_MIB,
      'consume records/s': median(rs.map((r) => r.fetchRate)),
      'consume rounds': spread(rs.map((r) => r.fetchRate)),
    };
  });
  printTable(
    `broker: before/after, the broker's CPU per MiB under rdkafka_performance (librdkafka 2.12), ${fmt(RDKAFKA_RECORDS)} records of 100 bytes, 6 partitions, acks=1 (16 KiB batches: batch.size=16384, linger.ms=5, as Java's producer); median of ${ROUNDS} alternating rounds (spread: min–max); Kafka 3.1 on this machine kind: ${KAFKA_PRODUCE_MS_PER_MIB} ms/MiB producing, ${KAFKA_FETCH_MS_PER_MIB} serving consumers (goals ≤ 0.8× and ≤ 1.0×)`,
    rows,
  );
}
