// A real client's view of end-to-end latency: librdkafka's rdkafka_performance (2.12, built by
// scripts/setup-clients) in its latency mode (-l), one producer process and one consumer process.
// The producer writes "LATENCY:<wall clock µs>" at the front of each 100-byte value; the consumer
// (assigned all partitions, from the beginning of a fresh topic, fetch.wait.max.ms 500 and
// fetch.min.bytes 1, librdkafka's defaults) writes arrival − that time per record to a file (-A),
// in the order consumed. The first WARMUP seconds' worth of records are dropped, as in our cases.
//
// Its producer paces itself (-r) by spinning between messages (rdkafka_performance polls with a
// zero timeout until the next message is due), so it burns a core at any rate and reaches less than
// -r asks (each message's own cost adds to the spin): it is asked for a quarter more, and the
// achieved rate is printed. linger.ms=1, as our producer's 1 ms tick (librdkafka's default is 5),
// and socket.nagle.disable=true on both (the Java client always sets TCP_NODELAY; librdkafka leaves
// Nagle on unless told, and a small request behind an unacknowledged one then waits for loopback's
// delayed ACK, up to 40 ms). Its latency counts from the produce() call, so it includes the linger:
// compare it with our "from due" column rather than with "from send".
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processCpuMeter, type CpuUse } from './latency-cpu';
import { quantiles, type Quantiles } from './latency-percentile';
import { parseSummary } from './rdkafka-performance';

export interface RdkafkaLatencyCase {
  binary: string;
  bootstrap: string;
  topic: string;
  partitions: number;
  acks: number;
  ratePerSec: number;
  warmupSeconds: number;
  measureSeconds: number;
  /** Processes whose CPU is measured beside rdkafka_performance's (the brokers). */
  brokerPids: number[];
}

export interface RdkafkaLatency {
  achievedRate: number;
  latency: Quantiles;
  cpu: CpuUse;
  received: number;
  expected: number;
}

function run(binary: string, args: string[]): { child: ChildProcess; done: Promise<string> } {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  const done = new Promise<string>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve(output) : reject(new Error(`rdkafka_performance ${args.join(' ')}: ${code ?? signal}\n${output.slice(-2000)}`)),
    );
  });
  return { child, done };
}

export async function rdkafkaLatency(c: RdkafkaLatencyCase): Promise<RdkafkaLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'tarn-bench-rdkafka-latency-'));
  const file = join(dir, 'latency.txt');
  const expected = Math.round(c.ratePerSec * (c.warmupSeconds + c.measureSeconds));
  const common = ['-t', c.topic, '-b', c.bootstrap, '-l', '-q', '-X', 'socket.nagle.disable=true'];
  const partitions = Array.from({ length: c.partitions }, (_, p) => ['-p', String(p)]).flat();
  const consumer = run(c.binary, [
    '-C',
    ...common,
    ...partitions,
    '-A',
    file,
    '-o',
    'beginning',
    '-c',
    String(expected),
    '-X',
    'enable.partition.eof=false',
  ]);
  try {
    await new Promise((r) => setTimeout(r, 1500)); // connected, partitions fetched (a fresh topic: nothing to miss)
    const producer = run(c.binary, [
      '-P',
      ...common,
      '-s',
      '100',
      '-r',
      String(Math.round(c.ratePerSec * 1.25)),
      '-c',
      String(expected),
      '-a',
      String(c.acks),
      '-X',
      'linger.ms=1',
    ]);
    await new Promise((r) => setTimeout(r, c.warmupSeconds * 1000));
    // measured while both run (a process that has exited has no /proc entry to read)
    const meter = processCpuMeter({ brokers: c.brokerPids, rdkafka: [producer.child.pid!, consumer.child.pid!] });
    await new Promise((r) => setTimeout(r, c.measureSeconds * 600)); // it may run faster than asked: read before it ends
    const cpu = meter();
    const produced = parseSummary(await producer.done);
    const timer = setTimeout(() => consumer.child.kill('SIGINT'), 10_000);
    await consumer.done.catch(() => {}); // killed after 10 s if records are missing: counted below
    clearTimeout(timer);
    const us = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map(Number);
    const warmup = Math.round(c.ratePerSec * c.warmupSeconds);
    return {
      achievedRate: produced === null ? Number.NaN : produced.records / produced.seconds,
      latency: quantiles(us.slice(warmup).map((x) => x / 1000)),
      cpu,
      received: us.length,
      expected,
    };
  } finally {
    consumer.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
