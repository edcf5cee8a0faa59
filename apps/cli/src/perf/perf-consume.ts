/**
 * `tarn perf consume`: kafka-consumer-perf-test.sh. Consumes `--messages` records as a member of
 * `--group` (a fresh one by default), then prints Kafka's CSV line (start.time, end.time,
 * data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms,
 * fetch.MB.sec, fetch.nMsg.sec); `--show-detailed-stats` adds Kafka's line every reporting interval
 * (without it, a terminal gets a live progress line on stderr instead).
 * End-to-end latency (poll time − record CreateTime: avg, max, p50, p95, p99, p99.9) goes to stderr
 * (and into --output json) so stdout stays what scripts parsing Kafka's output expect.
 */
import { Consumer } from '@tarn/client';
import { clientProperties, readPropertiesFile } from '../client-config';
import type { CommandContext } from '../context';
import { CliError } from '../cli-error';

export interface PerfConsumeFlags {
  topic: string;
  messages: string;
  group?: string;
  fromLatest?: boolean;
  timeout: string;
  reportingInterval: string;
  showDetailedStats?: boolean;
  hideHeader?: boolean;
  consumerProps?: string[];
  'consumer.config'?: string;
}

const MB = 1024 * 1024;

/** Kafka's "yyyy-MM-dd HH:mm:ss:SSS" (local time). */
function kafkaDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}:${p(d.getMilliseconds(), 3)}`;
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`${name} must be a positive integer, got '${value}'`);
  return n;
}

interface Totals {
  startMs: number;
  endMs: number;
  mb: number;
  mbPerSec: number;
  records: number;
  recordsPerSec: number;
  rebalanceMs: number;
  fetchMs: number;
  fetchMbPerSec: number;
  fetchRecordsPerSec: number;
}

function csv(t: Totals, first: string): string {
  return [
    first,
    t.mb.toFixed(4),
    t.mbPerSec.toFixed(4),
    String(t.records),
    t.recordsPerSec.toFixed(4),
    String(t.rebalanceMs),
    String(t.fetchMs),
    t.fetchMbPerSec.toFixed(4),
    t.fetchRecordsPerSec.toFixed(4),
  ].join(', ');
}

export async function perfConsume({ options, out }: CommandContext<PerfConsumeFlags>): Promise<void> {
  const messages = positive('--messages', options.messages);
  const timeoutMs = positive('--timeout', options.timeout);
  const reportingMs = positive('--reporting-interval', options.reportingInterval);
  const props: Record<string, string> = readPropertiesFile('--consumer.config', options['consumer.config']);
  for (const kv of options.consumerProps ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new CliError(`--consumer-props expects key=value, got '${kv}'`);
    props[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  const group = options.group ?? `perf-consumer-${Math.floor(Math.random() * 100_000)}`;
  const consumer = new Consumer(
    clientProperties(options, {
      'group.id': group,
      'auto.offset.reset': options.fromLatest ? 'latest' : 'earliest',
      'enable.auto.commit': 'true',
      ...props,
    }),
  );
  const startMs = Date.now();
  let joinedAt: number | null = null;
  consumer.subscribe([options.topic], { onPartitionsAssigned: () => void (joinedAt ??= Date.now()) });
  let records = 0;
  let bytes = 0;
  const latencies: number[] = [];
  const sampleEvery = Math.max(1, Math.floor(messages / 500_000));
  let latencySum = 0;
  let latencyMax = 0;
  let lastRecordAt = Date.now();
  let windowStart = startMs;
  let windowRecords = 0;
  let windowBytes = 0;
  const totalsAt = (endMs: number, n: number, b: number, from: number): Totals => {
    const elapsed = Math.max(endMs - from, 1) / 1000;
    const rebalanceMs = joinedAt === null ? 0 : joinedAt - startMs;
    const fetchMs = Math.max(endMs - from - (from === startMs ? rebalanceMs : 0), 1);
    return {
      startMs: from,
      endMs,
      mb: b / MB,
      mbPerSec: b / MB / elapsed,
      records: n,
      recordsPerSec: n / elapsed,
      rebalanceMs,
      fetchMs,
      fetchMbPerSec: (b / MB) * (1000 / fetchMs),
      fetchRecordsPerSec: n * (1000 / fetchMs),
    };
  };
  const header = options.showDetailedStats
    ? 'time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec'
    : 'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec';
  if (!options.hideHeader && !out.json) out.line(header);
  out.flush();
  const liveProgress = !options.showDetailedStats && !out.json && process.stderr.isTTY === true;
  try {
    while (records < messages) {
      const batch = await consumer.poll(100);
      const now = Date.now();
      for (const r of batch) {
        records++;
        bytes += (r.key?.length ?? 0) + (r.value?.length ?? 0);
        const latency = Math.max(0, now - r.timestamp);
        latencySum += latency;
        latencyMax = Math.max(latencyMax, latency);
        if (records % sampleEvery === 0) latencies.push(latency);
      }
      if (!batch.isEmpty()) lastRecordAt = now;
      else if (now - lastRecordAt > timeoutMs) {
        process.stderr.write(`WARNING: Exiting before consuming the expected number of messages: timeout (${timeoutMs} ms) exceeded.\n`);
        break;
      }
      if (now - windowStart >= reportingMs) {
        const w = totalsAt(now, records - windowRecords, bytes - windowBytes, windowStart);
        if (options.showDetailedStats) {
          if (out.json) out.jsonLine({ type: 'window', ...w });
          else out.line(csv(w, kafkaDate(now)));
          out.flush();
        } else if (liveProgress) {
          // for a person watching: one line on stderr, rewritten in place (stdout stays Kafka's CSV)
          process.stderr.write(
            `\r${records} records consumed, ${w.recordsPerSec.toFixed(1)} records/sec (${w.mbPerSec.toFixed(2)} MB/sec)\u001b[K`,
          );
        }
        windowStart = now;
        windowRecords = records;
        windowBytes = bytes;
      }
    }
  } finally {
    if (liveProgress) process.stderr.write('\r\u001b[K');
    await consumer.close();
  }
  const t = totalsAt(Date.now(), records, bytes, startMs);
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number =>
    latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const latency = {
    avgMs: records === 0 ? 0 : latencySum / records,
    maxMs: latencyMax,
    p50: pct(0.5),
    p95: pct(0.95),
    p99: pct(0.99),
    p999: pct(0.999),
  };
  if (out.json) {
    out.jsonLine({ type: 'total', group, ...t, latency });
    return;
  }
  if (!options.showDetailedStats) out.line(csv(t, `${kafkaDate(t.startMs)}, ${kafkaDate(t.endMs)}`));
  out.flush();
  process.stderr.write(
    `${records} records consumed, end-to-end latency ${latency.avgMs.toFixed(2)} ms avg, ${latency.maxMs.toFixed(2)} ms max, ` +
      `${latency.p50} ms 50th, ${latency.p95} ms 95th, ${latency.p99} ms 99th, ${latency.p999} ms 99.9th.\n`,
  );
}
