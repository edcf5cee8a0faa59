// librdkafka's own load generator, rdkafka_performance (built inside node-rdkafka's tarball by
// scripts/setup-clients, librdkafka 2.12), as an external client reference for the broker benchmark:
// the tool Apache Kafka's numbers on this machine kind were taken with.
import { spawn } from 'node:child_process';

export interface RdkafkaPerformanceResult {
  records: number;
  bytes: number;
  /** As the tool measured it, from its first message to its last. */
  seconds: number;
  output: string;
}

/** Runs rdkafka_performance with `args`; resolves with its final summary line parsed. */
export function runRdkafkaPerformance(binary: string, args: string[], timeoutMs = 120_000): Promise<RdkafkaPerformanceResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const summary = parseSummary(output);
      if (code !== 0 || summary === null)
        reject(new Error(`rdkafka_performance ${args.join(' ')} exited with ${code ?? signal}:\n${output.slice(-2000)}`));
      else resolve({ ...summary, output });
    });
  });
}

/**
 * The last summary line, e.g.
 *   "% 2000000 messages produced (200000000 bytes), 2000000 delivered (offset 0, 0 failed) in 1670ms: …"
 *   "% 2000000 messages (200000000 bytes) consumed in 1234ms: …"
 */
export function parseSummary(output: string): { records: number; bytes: number; seconds: number } | null {
  let last: { records: number; bytes: number; seconds: number } | null = null;
  for (const m of output.matchAll(/% (\d+) messages (?:produced )?\((\d+) bytes\).*? in (\d+)ms/g)) {
    last = { records: Number(m[1]), bytes: Number(m[2]), seconds: Number(m[3]) / 1000 };
  }
  return last;
}
