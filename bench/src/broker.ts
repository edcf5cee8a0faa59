// Broker benchmark: produce and fetch throughput of 100-byte records through the real socket path,
// against a tarn broker running in a process of its own, plus kcat (librdkafka) as an external client
// reference and this machine's raw disk-write and loopback-TCP rates as baselines measured in the
// same run.
//
// The load generator speaks the protocol with our own codecs (Produce v9, Fetch v12) and keeps 5
// requests in flight per connection (max.in.flight.requests.per.connection=5). With 6 partitions it
// does what librdkafka and the Java client do: one connection to the broker, and each ProduceRequest
// carries a batch for every partition (all 6 are always ready here), likewise each FetchRequest asks
// for all 6. Fetches are pipelined too: the batches are uniform, so the offset each fetch starts at
// is known in advance, and each answer is checked to start exactly there.
//
// Environment: TARN_BENCH_CPU_PROF=<dir> runs the broker under `node --cpu-prof` and prints its
// hottest functions at the end; TARN_BENCH_MIB=<n> changes the data volume per case.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrokerProcess, type BrokerProcess } from '@tarn/broker/testing';
import { brokerChangesSection } from './broker-changes';
import { securitySection } from './broker-security';
import { consumerPatternSection } from './consumer-pattern';
import { summarizeCpuProfiles, type Phase } from './cpu-profile-summary';
import { kcatInstalled, kcatVersion, recordsReachedEnd, runKcat, writeRecordLines } from './kcat-runner';
import { runRdkafkaPerformance } from './rdkafka-performance';
import { rdkafkaPerformancePath } from '@tarn/broker/testing/native-clients-cache';
import { PipelinedConnection } from './pipelined-connection';
import { fmt, printTable, type Row } from './report';
import { diskWriteMs, loopbackMs } from './throughput-baselines';
import {
  MiB,
  KiB,
  MAX_IN_FLIGHT,
  CASE_BYTES,
  FETCH_PARTITION_BYTES,
  FETCH_RUNS,
  PRODUCE_RUNS,
  KCAT_RECORDS,
  RDKAFKA_RECORDS,
  GOAL_PRODUCE,
  GOAL_FETCH,
  cpuMeter,
  label,
  partitionsLabel,
  createTopic,
  deleteTopics,
  produce,
  fetchAll,
  row,
  type Measured,
  type ProduceCase,
  type Produced,
  type Baselines,
} from './broker-load';

export async function run(): Promise<void> {
  const t0 = performance.now();
  // baselines first, while nothing else runs
  const diskMs = await diskWriteMs(CASE_BYTES);
  const loopMs = await loopbackMs(CASE_BYTES);
  const base: Baselines = { diskMiBs: CASE_BYTES / MiB / (diskMs / 1000), loopbackMiBs: CASE_BYTES / MiB / (loopMs / 1000) };
  printTable(`broker: baselines (${CASE_BYTES / MiB} MiB each, best of 3)`, [
    { name: 'raw disk: fs.writeSync of 1 MiB chunks to a temp file (page cache)', 'MiB/s': base.diskMiBs },
    { name: 'loopback TCP: one connection to a discarding node:net server (other process)', 'MiB/s': base.loopbackMiBs },
  ]);

  const cpuProfDir = process.env.TARN_BENCH_CPU_PROF;
  if (cpuProfDir !== undefined) mkdirSync(cpuProfDir, { recursive: true });
  const broker = await startBrokerProcess({ cpuProfDir, overrides: { 'log.segment.delete.delay.ms': '0' } });
  const phases: Phase[] = [];
  try {
    const admin = await PipelinedConnection.open(broker.port);
    const cases: ProduceCase[] = [];
    for (const batchBytes of [16 * KiB, MiB]) {
      for (const partitions of [1, 6]) {
        for (const acks of [1, -1]) cases.push({ topic: `bench-p${partitions}-acks${acks}-${batchBytes}`, partitions, acks, batchBytes });
      }
    }
    await createTopic(admin, 'bench-warmup', 1);
    // warm the broker's JIT on both paths before measuring
    const warm = await produce(broker, { topic: 'bench-warmup', partitions: 1, acks: 1, batchBytes: 16 * KiB }, 64 * MiB);
    await fetchAll(broker, 'bench-warmup', 1, warm);
    await deleteTopics(admin, broker, ['bench-warmup']);

    // Each case produces PRODUCE_RUNS times into fresh topics and keeps the best run; acks=1 cases
    // then read their first topic back. The topics are deleted before the next case, so that the
    // dirty pages of earlier cases do not throttle later ones (writeback starts at a share of RAM).
    const produceRows: Row[] = [];
    const fetchRows: Row[] = [];
    for (const c of cases) {
      const topics = Array.from({ length: PRODUCE_RUNS }, (_, run) => `${c.topic}-${run}`);
      for (const t of topics) await createTopic(admin, t, c.partitions);
      let best: Produced | null = null;
      let first: Produced | null = null;
      for (const topic of topics) {
        const r = await produce(broker, { ...c, topic });
        phases.push({ name: `produce, ${label(c.batchBytes)} batches`, startNs: r.startNs, endNs: r.endNs });
        first ??= r;
        if (best === null || r.records / r.seconds > best.records / best.seconds) best = r;
      }
      produceRows.push(
        row(
          `produce ${partitionsLabel(c.partitions)}, acks=${c.acks === -1 ? '-1' : ' 1'}, ${label(c.batchBytes).padStart(6)} batches`,
          best!,
          base,
          c.batchBytes === MiB ? GOAL_PRODUCE : null,
        ),
      );
      if (c.acks === 1) {
        const stored = first!.batchesPerPartition * c.partitions * first!.batch.records;
        let m: Measured | null = null;
        for (let i = 0; i < FETCH_RUNS; i++) {
          const r = await fetchAll(broker, topics[0]!, c.partitions, first!);
          phases.push({ name: 'fetch', startNs: r.startNs, endNs: r.endNs });
          if (r.records !== stored) throw new Error(`fetched ${r.records} records from ${topics[0]}, produced ${stored}`);
          if (m === null || r.seconds < m.seconds) m = r;
        }
        fetchRows.push(
          row(
            `fetch ${partitionsLabel(c.partitions)}, ${label(c.batchBytes).padStart(6)} batches`,
            m!,
            base,
            c.batchBytes === MiB ? GOAL_FETCH : null,
          ),
        );
      }
      await deleteTopics(admin, broker, topics);
    }
    printTable(
      `broker: produce, best of ${PRODUCE_RUNS}, 100-byte records, null keys, ${MAX_IN_FLIGHT} in flight on one connection (6 partitions: one batch each per request); goal with 1 MiB batches ≥ 1 M records/s (Apache Kafka + librdkafka on this machine kind: ~2.0 M)`,
      produceRows,
    );
    printTable(
      `broker: fetch of what was produced (acks=1 topics), best of ${FETCH_RUNS}, ${MAX_IN_FLIGHT} fetches in flight on one connection, ${label(FETCH_PARTITION_BYTES)} per partition per fetch; goal with 1 MiB batches ≥ 2 M records/s (Apache Kafka + librdkafka: ~2.3 M)`,
      fetchRows,
    );

    if (kcatInstalled()) {
      const dir = mkdtempSync(join(tmpdir(), 'tarn-bench-kcat-'));
      try {
        const input = join(dir, 'records.txt');
        writeRecordLines(input, KCAT_RECORDS, 100);
        const bootstrap = `127.0.0.1:${broker.port}`;
        const startup = cpuMeter(broker.pid);
        await runKcat(['-L', '-b', bootstrap], null);
        const kcatRows: Row[] = [{ name: 'kcat -L (start-up and metadata only)', ms: startup().seconds * 1000 }];
        const values = { records: KCAT_RECORDS, bytes: KCAT_RECORDS * 100, clientCpu: 0 };
        for (const partitions of [1, 6]) {
          const topic = `bench-kcat-p${partitions}`;
          await createTopic(admin, topic, partitions);
          let meter = cpuMeter(broker.pid);
          await runKcat(['-P', '-b', bootstrap, '-t', topic, '-z', 'none'], input);
          let m = meter();
          kcatRows.push({
            ...row(`kcat -P, ${partitionsLabel(partitions)}`, { ...m, ...values }, base, GOAL_PRODUCE, false),
            ms: m.seconds * 1000,
          });
          meter = cpuMeter(broker.pid);
          const stderr = await runKcat(['-C', '-b', bootstrap, '-t', topic, '-o', 'beginning', '-e', '-X', 'fetch.wait.max.ms=10'], null);
          m = meter();
          const consumed = recordsReachedEnd(stderr);
          if (consumed !== KCAT_RECORDS)
            throw new Error(`kcat -C reached the end of ${topic} after ${consumed} records, expected ${KCAT_RECORDS}`);
          kcatRows.push({
            ...row(`kcat -C -e, ${partitionsLabel(partitions)}`, { ...m, ...values }, base, GOAL_FETCH, false),
            ms: m.seconds * 1000,
          });
        }
        printTable(
          `broker: kcat ${kcatVersion()} as the client, ${fmt(KCAT_RECORDS)} records of 100 bytes (-P reads a file, -C prints to /dev/null); librdkafka defaults (acks=all, linger.ms=5, a random partition per record) except fetch.wait.max.ms=10, so that -e does not wait 500 ms on the final empty fetch; wall time includes kcat's start-up; MiB/s counts record values only`,
          kcatRows,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      console.log('\nbroker: kcat is not installed; skipping the external client reference');
    }
    await rdkafkaPerformanceCases(admin, broker, base);
    await consumerPatternSection(admin, broker, phases);
    admin.close();
  } catch (err) {
    console.error(`broker output (tail):\n${broker.output()}`);
    throw err;
  } finally {
    await broker.stop();
  }
  if (cpuProfDir !== undefined) summarizeCpuProfiles(cpuProfDir, phases);
  await brokerChangesSection();
  await securitySection();
  console.log(`\nbroker benchmark: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * librdkafka's rdkafka_performance (2.12, from scripts/setup-clients' cache) producing into and
 * consuming from 6 partitions: the tool Apache Kafka's reference figure on this machine kind was
 * taken with (Kafka 3.1: ~1.3 M records/s produced). Rates are the tool's own (first to last
 * message); broker CPU is measured over the whole run, start-up included.
 */
async function rdkafkaPerformanceCases(admin: PipelinedConnection, broker: BrokerProcess, base: Baselines): Promise<void> {
  let binary: string;
  try {
    binary = rdkafkaPerformancePath();
  } catch (err) {
    console.log(`\nbroker: skipping rdkafka_performance: ${(err as Error).message}`);
    return;
  }
  const topic = 'bench-rdkafka-p6';
  await createTopic(admin, topic, 6);
  const bootstrap = `127.0.0.1:${broker.port}`;
  const common = ['-t', topic, '-b', bootstrap, '-c', String(RDKAFKA_RECORDS), '-q'];
  const rows: Row[] = [];
  const measure = async (name: string, args: string[]) => {
    const meter = cpuMeter(broker.pid);
    const r = await runRdkafkaPerformance(binary, args);
    const m = meter();
    if (r.records !== RDKAFKA_RECORDS) throw new Error(`${name}: ${r.records} records, expected ${RDKAFKA_RECORDS}`);
    const brokerMsPerMiB = (m.brokerCpu * m.seconds * 1000) / (r.bytes / MiB);
    const { 'kcat + other cores': otherCores, ...figures } = row(
      name,
      { ...m, seconds: r.seconds, records: r.records, bytes: r.bytes, clientCpu: 0 },
      base,
      null,
      false,
    );
    rows.push({ ...figures, 'rdkafka_performance + other cores': otherCores ?? '', 'broker ms/MiB': brokerMsPerMiB });
  };
  // -p -1: librdkafka's partitioner spreads the records over the 6 partitions (sticky batches)
  await measure('rdkafka_performance -P, acks=1, 6 partitions', ['-P', ...common, '-s', '100', '-a', '1', '-p', '-1']);
  await measure('rdkafka_performance -C, 6 partitions', [
    '-C',
    ...common,
    '-o',
    'beginning',
    ...[0, 1, 2, 3, 4, 5].flatMap((p) => ['-p', String(p)]),
  ]);
  printTable(
    `broker: rdkafka_performance (librdkafka 2.12) as the client, ${fmt(RDKAFKA_RECORDS)} records of 100 bytes, librdkafka defaults otherwise; Apache Kafka 3.1 with the same tool on this machine kind: ~1.3 M records/s produced`,
    rows,
  );
}
