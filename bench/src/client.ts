// `npm run bench -- client`: @tarn/client's producer and consumer next to kafkajs and node-rdkafka
// (librdkafka) against the same tarn broker (a process of its own) in the same run: 100-byte records
// with null keys, 1 and 6 partitions, acks=1 and acks=all for produce. librdkafka is measured twice:
// through node-rdkafka (what a Node application gets) and as its own rdkafka_performance tool (the C
// library alone). Each case runs TARN_BENCH_CLIENT_ROUNDS rounds (default 3) alternating between the
// clients; ratios compare the medians, the spread of the rounds is printed. The goals (issue 14)
// are ≥ 5× kafkajs and ≥ 1.0× librdkafka through node-rdkafka for produce, ≥ 1.0× node-rdkafka for
// consume (the issue names node-rdkafka as librdkafka: what a Node application gets); the ratio to
// the C tool is printed for reference. The broker is warmed up first by rdkafka_performance, then
// each client produces twice and consumes once as many records as it is measured with, as perf
// tests run warm: @tarn/client and the broker reach their steady rate after ~1 M records.
import { Admin } from '@tarn/client';
import { startBrokerProcess } from '@tarn/broker/testing';
import { rdkafkaPerformancePath } from '@tarn/broker/testing/native-clients-cache';
import {
  kafkajsClient,
  loadRdkafka,
  rdkafkaClient,
  rdkafkaPerformanceClient,
  tarnClient,
  type Acks,
  type ClientRunner,
} from './client-runners';
import { fmt, printTable, type Row } from './report';

const RECORDS = Number(process.env.TARN_BENCH_CLIENT_RECORDS ?? 500_000);
/** kafkajs is an order of magnitude slower: fewer records keep its cases to seconds (rates compare). */
const KAFKAJS_RECORDS = Math.max(10_000, Math.floor(RECORDS / 4));
const RECORD_BYTES = 100;
const BROKER_WARMUP_RECORDS = 2_000_000;
const MiB = 1024 * 1024;

/** Rounds per client and case, alternating between the clients; the median counts, the spread is printed. */
const ROUNDS = Math.max(1, Number(process.env.TARN_BENCH_CLIENT_ROUNDS ?? 3));

interface Figure {
  client: string;
  records: number;
  /** Each round's time, in round order. */
  seconds: number[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The median round's rate. */
const rate = (f: Figure): number => f.records / median(f.seconds);
const spread = (f: Figure): string => `${fmt(f.records / Math.max(...f.seconds))}–${fmt(f.records / Math.min(...f.seconds))}`;

function rows(title: string, figures: Figure[], goals: { kafkajs?: number; rdkafka?: number }): Row[] {
  const by = (name: string): Figure | undefined => figures.find((f) => f.client.startsWith(name));
  const kafkajs = by('kafkajs');
  const rd = by('node-rdkafka');
  const perf = by('rdkafka_performance');
  return figures.map((f) => {
    const row: Row = { name: `${title}: ${f.client}`, 'records/s': rate(f), rounds: spread(f), 'MB/s': (rate(f) * RECORD_BYTES) / MiB };
    if (f.client === tarnClient.name) {
      const vsKafkajs = kafkajs === undefined ? NaN : rate(f) / rate(kafkajs);
      const vsRd = rd === undefined ? NaN : rate(f) / rate(rd);
      row['× kafkajs'] = Number.isNaN(vsKafkajs) ? '-' : `${vsKafkajs.toFixed(2)}×`;
      row['× node-rdkafka'] = Number.isNaN(vsRd) ? '-' : `${vsRd.toFixed(2)}×`;
      row['× rdkafka_performance'] = perf === undefined ? '-' : `${(rate(f) / rate(perf)).toFixed(2)}×`;
      const unmet: string[] = [];
      if (goals.kafkajs !== undefined && !(vsKafkajs >= goals.kafkajs)) unmet.push(`${goals.kafkajs}× kafkajs`);
      if (goals.rdkafka !== undefined && !(vsRd >= goals.rdkafka)) unmet.push(`${goals.rdkafka}× node-rdkafka`);
      row.goal = unmet.length === 0 ? 'met' : `NOT met (${unmet.join(', ')})`;
    }
    return row;
  });
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  const clients: ClientRunner[] = [tarnClient, kafkajsClient];
  try {
    console.log(`\nclient: node-rdkafka with librdkafka ${loadRdkafka().librdkafkaVersion}`);
    clients.push(rdkafkaClient, rdkafkaPerformanceClient(rdkafkaPerformancePath()));
  } catch (err) {
    console.log(`\nclient: skipping node-rdkafka and rdkafka_performance: ${(err as Error).message}`);
  }
  const recordsFor = (c: ClientRunner): number => (c === kafkajsClient ? KAFKAJS_RECORDS : RECORDS);
  const broker = await startBrokerProcess({ overrides: { 'log.segment.delete.delay.ms': '0', 'group.initial.rebalance.delay.ms': '0' } });
  const bootstrap = broker.bootstrap;
  const admin = await Admin.connect({ 'bootstrap.servers': bootstrap, 'client.id': 'bench-admin' });
  const create = async (name: string, partitions: number): Promise<void> => {
    const [r] = await admin.createTopics([{ name, numPartitions: partitions, replicationFactor: 1 }]);
    if (r!.error !== null) throw r!.error;
  };
  try {
    // the broker first, with a client that is not measured: a fresh broker spends ~3× its steady
    // CPU per record over its first ~1.5 M (JIT, heap sizing), which would fall on the first case
    const tool = clients.find((c) => c.name.startsWith('rdkafka_performance')) ?? tarnClient;
    await create('bench-client-warmup-broker', 1);
    await tool.produce(bootstrap, 'bench-client-warmup-broker', BROKER_WARMUP_RECORDS, '1');
    await tool.consume(bootstrap, 'bench-client-warmup-broker', 1, BROKER_WARMUP_RECORDS);
    valueOrThrow(await admin.deleteTopics(['bench-client-warmup-broker']));
    for (const c of clients) {
      const warm = `bench-client-warmup-${clients.indexOf(c)}`;
      await create(warm, 1);
      const records = recordsFor(c);
      await c.produce(bootstrap, warm, 2 * records, '1');
      await c.consume(bootstrap, warm, 1, records);
    }
    const produceRows: Row[] = [];
    const consumeRows: Row[] = [];
    for (const partitions of [1, 6]) {
      const kept: string[] = [];
      for (const acks of ['1', 'all'] as Acks[]) {
        const figures: Figure[] = clients.map((c) => ({ client: c.name, records: recordsFor(c), seconds: [] }));
        for (let round = 0; round < ROUNDS; round++) {
          for (const [i, c] of clients.entries()) {
            const topic = `bench-client-${i}-p${partitions}-acks${acks}-${round}`;
            await create(topic, partitions);
            figures[i]!.seconds.push(await c.produce(bootstrap, topic, figures[i]!.records, acks));
            if (c === tarnClient && acks === '1' && round === 0) kept.push(topic);
            else valueOrThrow(await admin.deleteTopics([topic]));
          }
        }
        produceRows.push(
          ...rows(`produce ${partitions} partition${partitions > 1 ? 's' : ''}, acks=${acks}`, figures, { kafkajs: 5, rdkafka: 1 }),
        );
      }
      // every client reads the same RECORDS records that @tarn/client wrote with acks=1
      const figures: Figure[] = clients.map((c) => ({ client: c.name, records: recordsFor(c), seconds: [] }));
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, c] of clients.entries())
          figures[i]!.seconds.push(await c.consume(bootstrap, kept[0]!, partitions, figures[i]!.records));
      }
      consumeRows.push(...rows(`consume ${partitions} partition${partitions > 1 ? 's' : ''}`, figures, { rdkafka: 1 }));
      valueOrThrow(await admin.deleteTopics(kept));
    }
    const what = `${fmt(RECORDS)} records of ${RECORD_BYTES} bytes (kafkajs ${fmt(KAFKAJS_RECORDS)}), null keys, each client's defaults otherwise; median of ${ROUNDS} rounds alternating between the clients (spread: min–max)`;
    printTable(
      `client: produce, ${what}; from the first send to the last acknowledgement (rdkafka_performance: its own timing); goal ≥ 5× kafkajs and ≥ 1.0× librdkafka through node-rdkafka (× rdkafka_performance, the C library alone, for reference)`,
      produceRows,
    );
    printTable(
      `client: consume, ${what}; from having the partitions (assigned; kafkajs: group joined) to the last record; goal ≥ 1.0× librdkafka through node-rdkafka (× rdkafka_performance for reference)`,
      consumeRows,
    );
  } finally {
    admin.close();
    await broker.stop();
  }
  console.log(`\nclient benchmark: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function valueOrThrow(results: { error: Error | null }[]): void {
  const failed = results.find((r) => r.error !== null);
  if (failed !== undefined) throw failed.error;
}
