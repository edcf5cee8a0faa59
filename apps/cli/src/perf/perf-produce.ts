/**
 * `tarn perf produce`: kafka-producer-perf-test.sh. Sends `--num-records` records of `--record-size`
 * random upper-case letters (Kafka's payload) at up to `--throughput` records/s (-1: as fast as
 * possible) through @tarn/client's Producer, printing Kafka's window lines every 5 s and its total.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Producer } from '@tarn/client';
import { clientProperties, readPropertiesFile } from '../client-config';
import type { CommandContext } from '../context';
import { CliError } from '../cli-error';
import { SendWindow } from '../send-window';
import { ProducerStats, totalLine, windowLine } from './producer-stats';

export interface PerfProduceFlags {
  topic: string;
  numRecords: string;
  recordSize?: string;
  payloadFile?: string;
  payloadDelimiter: string;
  throughput: string;
  producerProps?: string[];
  'producer.config'?: string;
  transactionalId?: string;
  transactionDurationMs?: string;
  reportingInterval: string;
}

function positiveInt(name: string, value: string, min = 1): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new CliError(`${name} must be an integer of at least ${min}, got '${value}'`);
  return n;
}

/** --payload-file: the records to send, split on the delimiter (empty ones dropped, as Kafka does). */
function readPayloads(path: string, delimiter: string): Buffer[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read --payload-file ${path}: ${(err as Error).message}`);
  }
  const payloads = text
    .split(delimiter.replace(/\\n/g, '\n').replace(/\\t/g, '\t'))
    .filter((p) => p !== '')
    .map((p) => Buffer.from(p));
  if (payloads.length === 0) throw new CliError(`--payload-file ${path} has no payloads`);
  return payloads;
}

/** Kafka's ProducerPerformance payload: random letters A-Z. */
function randomPayload(size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) buf[i] = 65 + Math.floor(Math.random() * 26);
  return buf;
}

export async function perfProduce({ options, out }: CommandContext<PerfProduceFlags>): Promise<void> {
  const numRecords = positiveInt('--num-records', options.numRecords);
  if ((options.recordSize === undefined) === (options.payloadFile === undefined)) {
    throw new CliError('give exactly one of --record-size and --payload-file');
  }
  const payloads = options.payloadFile === undefined ? null : readPayloads(options.payloadFile, options.payloadDelimiter);
  const recordSize =
    payloads === null ? positiveInt('--record-size', options.recordSize!) : payloads.reduce((max, p) => Math.max(max, p.length), 1);
  const throughput = Number(options.throughput);
  if (!Number.isFinite(throughput) || throughput === 0)
    throw new CliError(`--throughput must be -1 or positive, got '${options.throughput}'`);
  const reportingMs = positiveInt('--reporting-interval', options.reportingInterval);
  const props: Record<string, string> = readPropertiesFile('--producer.config', options['producer.config']);
  for (const kv of options.producerProps ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new CliError(`--producer-props expects key=value, got '${kv}'`);
    props[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  // Kafka's --transactional-id / --transaction-duration-ms: records in transactions committed every duration
  const transactionMs =
    options.transactionDurationMs === undefined ? null : positiveInt('--transaction-duration-ms', options.transactionDurationMs);
  const transactionalId = options.transactionalId ?? (transactionMs !== null ? `performance-producer-${process.pid}` : undefined);
  if (transactionalId !== undefined) props['transactional.id'] = transactionalId;
  const producer = await Producer.create({ ...clientProperties(options, props) });
  const payload = randomPayload(recordSize);
  const stats = new ProducerStats(numRecords, reportingMs, (w) => {
    if (out.json) out.jsonLine({ type: 'window', ...w });
    else out.line(windowLine(w));
    out.flush();
  });
  // enough records in flight to keep the producer busy, never the whole run: tens of thousands of
  // sends parked on a full buffer.memory slow @tarn/client's producer down many times (measured:
  // 18 k records/s with 300,000 outstanding, 143 k with 20,000)
  const window = new SendWindow(Math.max(100, Math.min(20_000, Math.floor((4 * 1024 * 1024) / recordSize))));
  const start = performance.now();
  let transactionStart = start;
  let transactions = 0;
  try {
    if (transactionalId !== undefined) {
      await producer.initTransactions();
      producer.beginTransaction();
    }
    for (let i = 0; i < numRecords && window.error === null; i++) {
      if (transactionalId !== undefined && performance.now() - transactionStart >= (transactionMs ?? 3000)) {
        await producer.commitTransaction();
        transactions++;
        producer.beginTransaction();
        transactionStart = performance.now();
      }
      if (throughput > 0) {
        const due = start + (i * 1000) / throughput;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
      }
      await window.acquire();
      const sentAt = performance.now();
      // Kafka's perf test picks a random payload from the file for each record
      const value = payloads === null ? payload : payloads[Math.floor(Math.random() * payloads.length)]!;
      producer.send({ topic: options.topic, value }, (err) => {
        if (err === null) stats.record(i, performance.now() - sentAt, value.length);
        window.release(err);
      });
    }
    await window.drain();
    if (transactionalId !== undefined && window.error === null) {
      await producer.commitTransaction();
      transactions++;
    }
    await producer.flush();
  } finally {
    await producer.close();
  }
  if (window.error !== null) throw window.error;
  const totals = stats.totals();
  if (out.json) out.jsonLine({ type: 'total', ...totals, ...(transactionalId !== undefined && { transactions }) });
  else out.line(totalLine(totals));
}
