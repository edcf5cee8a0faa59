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
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiKey,
  CreateTopicsRequestTypes,
  DeleteTopicsRequestTypes,
  ErrorCode,
  FetchRequestTypes,
  ProduceRequestTypes,
  decodeResponse,
  errorName,
  type FetchRequest,
  type ProduceRequest,
} from '@tarn/protocol';
import { startBrokerProcess, type BrokerProcess } from '@tarn/broker/testing';
import { summarizeCpuProfiles, type Phase } from './cpu-profile-summary';
import { kcatInstalled, kcatVersion, recordsReachedEnd, runKcat, writeRecordLines } from './kcat-runner';
import { runRdkafkaPerformance } from './rdkafka-performance';
import { rdkafkaPerformancePath } from '@tarn/broker/testing/native-clients-cache';
import { PipelinedConnection, pipeline, type FrameHandler } from './pipelined-connection';
import { fmt, printTable, type Row } from './report';
import { batchOf } from './storage';
import { diskWriteMs, loopbackMs } from './throughput-baselines';

const MiB = 1024 * 1024;
const KiB = 1024;
const PRODUCE_VERSION = 9;
const FETCH_VERSION = 12;
const MAX_IN_FLIGHT = 5;
/** Data per case; a case also stops issuing requests after CASE_MAX_SECONDS. */
const CASE_BYTES = Number(process.env.TARN_BENCH_MIB ?? 384) * MiB;
const CASE_MAX_SECONDS = 5;
/**
 * What each partition contributes to one fetch answer: max.partition.fetch.bytes, the consumers'
 * default (rounded down to whole batches, at least one). 4 MiB measured no faster.
 */
const FETCH_PARTITION_BYTES = MiB;
/** Fetch cases are cheap: each reads everything back this many times and keeps the best. */
const FETCH_RUNS = 3;
/** Produce cases run this many times each (into fresh topics) and keep the best. */
const PRODUCE_RUNS = 2;
/** fetch.max.bytes (Kafka's default): the whole answer. */
const FETCH_MAX_BYTES = 52_428_800;
const KCAT_RECORDS = 2_000_000;
const RDKAFKA_RECORDS = 3_000_000;
const GOAL_PRODUCE = 1_000_000;
const GOAL_FETCH = 2_000_000;

interface Measured {
  records: number;
  bytes: number;
  seconds: number;
  /** The measured interval (process.hrtime.bigint()), for the CPU profile's phases. */
  startNs: bigint;
  endNs: bigint;
  brokerCpu: number;
  clientCpu: number;
  /** CPU the rest of the machine used meanwhile: figures with much of it were disturbed. */
  otherCpu: number;
}

type Meter = () => Omit<Measured, 'records' | 'bytes'>;

/**
 * CPU used by the broker process (all its threads), by this process and by everything else on the
 * machine, in cores, from /proc (clock ticks of USER_HZ = 100; NaN where /proc is missing).
 */
function cpuMeter(pid: number): Meter {
  const read = (path: string, pick: (fields: string[]) => number): number => {
    try {
      return pick(readFileSync(path, 'utf8').split('\n')[0]!.trim().split(/\s+/));
    } catch {
      return Number.NaN;
    }
  };
  // /proc/<pid>/stat: utime and stime are fields 14 and 15 (the name in field 2 has no spaces: node)
  const brokerTicks = () => read(`/proc/${pid}/stat`, (f) => Number(f[13]) + Number(f[14]));
  // /proc/stat "cpu user nice system idle iowait irq softirq steal": all but idle and iowait
  const busyTicks = () => read('/proc/stat', (f) => [1, 2, 3, 6, 7, 8].reduce((n, i) => n + Number(f[i]), 0));
  const t0 = process.hrtime.bigint();
  const b0 = brokerTicks();
  const m0 = busyTicks();
  const c0 = process.cpuUsage();
  return () => {
    const endNs = process.hrtime.bigint();
    const seconds = Number(endNs - t0) / 1e9;
    const c = process.cpuUsage(c0);
    const brokerCpu = (brokerTicks() - b0) / 100 / seconds;
    const clientCpu = (c.user + c.system) / 1e6 / seconds;
    const otherCpu = Math.max(0, (busyTicks() - m0) / 100 / seconds - brokerCpu - clientCpu);
    return { seconds, startNs: t0, endNs, brokerCpu, clientCpu, otherCpu };
  };
}

const label = (bytes: number): string => (bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`);
const partitionsLabel = (n: number): string => (n === 1 ? '1 partition ' : `${n} partitions`);

async function createTopic(conn: PipelinedConnection, name: string, numPartitions: number): Promise<void> {
  const res = await conn.request(ApiKey.CreateTopics, 5, {
    ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
    topics: [{ ...CreateTopicsRequestTypes.defaultCreatableTopic(), name, numPartitions, replicationFactor: 1 }],
  });
  const code = res.topics[0]?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
  if (code !== ErrorCode.NONE) throw new Error(`CreateTopics ${name}: ${errorName(code)}`);
}

/** Deletes topics and waits until the broker has removed their files (log.segment.delete.delay.ms=0). */
async function deleteTopics(conn: PipelinedConnection, broker: BrokerProcess, names: string[]): Promise<void> {
  const res = await conn.request(ApiKey.DeleteTopics, 4, {
    ...DeleteTopicsRequestTypes.defaultDeleteTopicsRequest(),
    topicNames: names,
    timeoutMs: 30_000,
  });
  for (const r of res.responses) if (r.errorCode !== ErrorCode.NONE) throw new Error(`DeleteTopics ${r.name}: ${errorName(r.errorCode)}`);
  const deadline = Date.now() + 10_000;
  while (readdirSync(broker.logDir).some((d) => names.some((n) => d.startsWith(`${n}-`))) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface ProduceCase {
  topic: string;
  partitions: number;
  acks: number;
  batchBytes: number;
}

interface Produced extends Measured {
  /** Batches written to each partition (all the same size and record count). */
  batchesPerPartition: number;
  batch: { size: number; records: number };
}

async function produce(broker: BrokerProcess, c: ProduceCase, volume = CASE_BYTES): Promise<Produced> {
  const { batch, records } = batchOf(c.batchBytes, Date.now());
  const conn = await PipelinedConnection.open(broker.port);
  const body: ProduceRequest = {
    ...ProduceRequestTypes.defaultProduceRequest(),
    acks: c.acks,
    timeoutMs: 30_000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: c.topic,
        partitionData: Array.from({ length: c.partitions }, (_, index) => ({ index, records: batch })),
      },
    ],
  };
  const requestBytes = c.partitions * batch.length;
  const maxRequests = Math.max(1, Math.round(volume / requestBytes));
  let sent = 0;
  let answered = 0;
  const check = (frame: Buffer): void => {
    const res = decodeResponse(ApiKey.Produce, PRODUCE_VERSION, frame).body;
    for (const t of res.responses) {
      for (const p of t.partitionResponses) {
        if (p.errorCode !== ErrorCode.NONE)
          throw new Error(`produce to ${t.name}-${p.index}: ${errorName(p.errorCode)} ${p.errorMessage ?? ''}`);
        // every partition gets the same batches in the same order: offsets are predictable
        if (p.baseOffset !== BigInt(answered * records))
          throw new Error(`produce to ${t.name}-${p.index}: base offset ${p.baseOffset}, expected ${answered * records}`);
      }
    }
    answered++;
  };
  // One untimed request first: a partition's first append also writes its leader-epoch checkpoint,
  // a one-off that would weigh on a run this short. The figures are the steady state.
  const issue = (more: () => boolean) => (onFrame: FrameHandler) => {
    if (!more()) return null;
    sent++;
    conn.send(ApiKey.Produce, PRODUCE_VERSION, body, onFrame);
    return true;
  };
  await pipeline(
    1,
    issue(() => sent === 0),
    check,
  );
  const meter = cpuMeter(broker.pid);
  const deadline = performance.now() + CASE_MAX_SECONDS * 1000;
  await pipeline(
    MAX_IN_FLIGHT,
    issue(() => sent <= maxRequests && (sent <= 1 || performance.now() < deadline)),
    check,
  );
  const m = meter();
  conn.close();
  const timed = answered - 1;
  return {
    records: timed * c.partitions * records,
    bytes: timed * requestBytes,
    ...m,
    batchesPerPartition: answered,
    batch: { size: batch.length, records },
  };
}

/** Reads back everything `produced` wrote to `topic`, with pipelined fetches. */
async function fetchAll(
  broker: BrokerProcess,
  topic: string,
  partitions: number,
  produced: Produced,
  partitionBytes = FETCH_PARTITION_BYTES,
): Promise<Measured> {
  const { size, records } = produced.batch;
  const perFetch = Math.max(1, Math.floor(partitionBytes / size)); // batches per partition per fetch
  const total = produced.batchesPerPartition;
  const conn = await PipelinedConnection.open(broker.port);
  const request = (firstBatch: number, count: number): FetchRequest => ({
    ...FetchRequestTypes.defaultFetchRequest(),
    maxWaitMs: 500,
    minBytes: 1,
    maxBytes: FETCH_MAX_BYTES,
    topics: [
      {
        ...FetchRequestTypes.defaultFetchTopic(),
        topic,
        partitions: Array.from({ length: partitions }, (_, partition) => ({
          ...FetchRequestTypes.defaultFetchPartition(),
          partition,
          fetchOffset: BigInt(firstBatch * records),
          partitionMaxBytes: count * size,
        })),
      },
    ],
  });
  let nextBatch = 0;
  let fetchedRecords = 0;
  let fetchedBytes = 0;
  const meter = cpuMeter(broker.pid);
  await pipeline(
    MAX_IN_FLIGHT,
    (onFrame) => {
      if (nextBatch >= total) return null;
      const count = Math.min(perFetch, total - nextBatch);
      const tag = { offset: nextBatch * records, count };
      conn.send(ApiKey.Fetch, FETCH_VERSION, request(nextBatch, count), onFrame);
      nextBatch += count;
      return tag;
    },
    (frame, tag) => {
      const res = decodeResponse(ApiKey.Fetch, FETCH_VERSION, frame).body;
      if (res.errorCode !== ErrorCode.NONE) throw new Error(`fetch: ${errorName(res.errorCode)}`);
      for (const t of res.responses) {
        for (const p of t.partitions) {
          if (p.errorCode !== ErrorCode.NONE) throw new Error(`fetch ${t.topic}-${p.partitionIndex}: ${errorName(p.errorCode)}`);
          const buf = p.records ?? Buffer.alloc(0);
          // header-only walk over whole batches, as a consumer's first pass would
          let pos = 0;
          let batches = 0;
          while (pos + 61 <= buf.length) {
            const batchSize = buf.readInt32BE(pos + 8) + 12;
            if (pos + batchSize > buf.length) break;
            if (batches === 0 && Number(buf.readBigInt64BE(pos)) !== tag.offset) {
              throw new Error(`fetch ${t.topic}-${p.partitionIndex} at ${tag.offset} answered from offset ${buf.readBigInt64BE(pos)}`);
            }
            fetchedRecords += buf.readInt32BE(pos + 57);
            fetchedBytes += batchSize;
            batches++;
            pos += batchSize;
          }
          if (batches !== tag.count)
            throw new Error(`fetch ${t.topic}-${p.partitionIndex} at ${tag.offset}: ${batches} batches, expected ${tag.count}`);
        }
      }
    },
  );
  const m = meter();
  conn.close();
  return { records: fetchedRecords, bytes: fetchedBytes, ...m };
}

interface Baselines {
  diskMiBs: number;
  loopbackMiBs: number;
}

function row(name: string, m: Measured, base: Baselines, goal: number | null, withClient = true): Row {
  const mibs = m.bytes / MiB / m.seconds;
  const recs = m.records / m.seconds;
  return {
    name,
    'records/s': recs,
    'MiB/s': mibs,
    'vs loopback': mibs / base.loopbackMiBs,
    'vs disk': mibs / base.diskMiBs,
    goal: goal === null ? '' : `≥ ${fmt(goal)}`,
    'of goal': goal === null ? '' : `${((100 * recs) / goal).toFixed(0)} %`,
    'broker cores': m.brokerCpu,
    ...(withClient ? { 'client cores': m.clientCpu } : {}),
    [withClient ? 'other cores' : 'kcat + other cores']: m.otherCpu,
    MiB: m.bytes / MiB,
  };
}

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
    admin.close();
  } catch (err) {
    console.error(`broker output (tail):\n${broker.output()}`);
    throw err;
  } finally {
    await broker.stop();
  }
  if (cpuProfDir !== undefined) summarizeCpuProfiles(cpuProfDir, phases);
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
