// The broker bench's load: produce and fetch through the real socket path with our own codecs,
// several requests in flight on one connection, and the CPU the broker, this process and the rest
// of the machine used meanwhile (see broker.ts for the cases and what the figures mean).
import { readdirSync, readFileSync } from 'node:fs';
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
import type { BrokerProcess } from '@tarn/broker/testing';
import { PipelinedConnection, pipeline, type FrameHandler } from './pipelined-connection';
import { fmt, type Row } from './report';
import { batchOf } from './storage';

/** A broker under load; `connect` opens a client connection (TLS, SASL) where the default is plain TCP. */
export type BenchBroker = Pick<BrokerProcess, 'port' | 'pid' | 'logDir'> & { connect?: () => Promise<PipelinedConnection> };

const connectTo = (broker: BenchBroker): Promise<PipelinedConnection> => broker.connect?.() ?? PipelinedConnection.open(broker.port);

export const MiB = 1024 * 1024;
export const KiB = 1024;
export const PRODUCE_VERSION = 9;
export const FETCH_VERSION = 12;
export const MAX_IN_FLIGHT = 5;
/** Data per case; a case also stops issuing requests after CASE_MAX_SECONDS. */
export const CASE_BYTES = Number(process.env.TARN_BENCH_MIB ?? 384) * MiB;
export const CASE_MAX_SECONDS = 5;
/**
 * What each partition contributes to one fetch answer: max.partition.fetch.bytes, the consumers'
 * default (rounded down to whole batches, at least one). 4 MiB measured no faster.
 */
export const FETCH_PARTITION_BYTES = MiB;
/** Fetch cases are cheap: each reads everything back this many times and keeps the best. */
export const FETCH_RUNS = 3;
/** Produce cases run this many times each (into fresh topics) and keep the best. */
export const PRODUCE_RUNS = 2;
/** fetch.max.bytes (Kafka's default): the whole answer. */
export const FETCH_MAX_BYTES = 52_428_800;
export const KCAT_RECORDS = 2_000_000;
export const RDKAFKA_RECORDS = 3_000_000;
export const GOAL_PRODUCE = 1_000_000;
export const GOAL_FETCH = 2_000_000;

export interface Measured {
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

export type Meter = () => Omit<Measured, 'records' | 'bytes'>;

/**
 * CPU used by the broker process (all its threads), by this process and by everything else on the
 * machine, in cores, from /proc (clock ticks of USER_HZ = 100; NaN where /proc is missing).
 */
export function cpuMeter(pid: number): Meter {
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

export const label = (bytes: number): string => (bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`);
export const partitionsLabel = (n: number): string => (n === 1 ? '1 partition ' : `${n} partitions`);

export async function createTopic(conn: PipelinedConnection, name: string, numPartitions: number): Promise<void> {
  const res = await conn.request(ApiKey.CreateTopics, 5, {
    ...CreateTopicsRequestTypes.defaultCreateTopicsRequest(),
    topics: [{ ...CreateTopicsRequestTypes.defaultCreatableTopic(), name, numPartitions, replicationFactor: 1 }],
  });
  const code = res.topics[0]?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
  if (code !== ErrorCode.NONE) throw new Error(`CreateTopics ${name}: ${errorName(code)}`);
}

/** Deletes topics and waits until the broker has removed their files (log.segment.delete.delay.ms=0). */
export async function deleteTopics(conn: PipelinedConnection, broker: BenchBroker, names: string[]): Promise<void> {
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

export interface ProduceCase {
  topic: string;
  partitions: number;
  acks: number;
  batchBytes: number;
}

export interface Produced extends Measured {
  /** Batches written to each partition (all the same size and record count). */
  batchesPerPartition: number;
  batch: { size: number; records: number };
}

export async function produce(broker: BenchBroker, c: ProduceCase, volume = CASE_BYTES): Promise<Produced> {
  const { batch, records } = batchOf(c.batchBytes, Date.now());
  const conn = await connectTo(broker);
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
export async function fetchAll(
  broker: BenchBroker,
  topic: string,
  partitions: number,
  produced: Produced,
  partitionBytes = FETCH_PARTITION_BYTES,
): Promise<Measured> {
  const { size, records } = produced.batch;
  const perFetch = Math.max(1, Math.floor(partitionBytes / size)); // batches per partition per fetch
  const total = produced.batchesPerPartition;
  const conn = await connectTo(broker);
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

export interface Baselines {
  diskMiBs: number;
  loopbackMiBs: number;
}

export function row(name: string, m: Measured, base: Baselines, goal: number | null, withClient = true): Row {
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
