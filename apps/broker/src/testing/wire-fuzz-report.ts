/**
 * What a wire fuzz run reports: its failures (with the connections suspected of each, so they can
 * be replayed), its counters and peaks, the client's record accounting and the broker's own error
 * log lines; and the same as text, for the runner and the test's failure message. Connection index
 * lists print as ranges (`1-3,7`) because a failure's suspects and a broker's whole life are long
 * runs of consecutive indexes, and `--replay=` reads them back.
 */
import { describePlan, type ConnectionPlan } from './wire-mutator';

export type FailureKind = 'crash' | 'hang' | 'memory' | 'client';

export interface FuzzFailure {
  kind: FailureKind;
  message: string;
  /** Fuzz frames sent when it was noticed. */
  atFrames: number;
  elapsedMs: number;
  /** The connections in flight, then the last ones finished (most recent first). */
  suspects: ConnectionPlan[];
  /** The tail of the broker's output. */
  output: string;
  /** Where the broker's main thread was, sampled through the inspector (hang, memory). */
  jsStack: string | null;
  /** The connections this broker process saw (warm-up aside): what triage replays when the suspects are not enough. */
  session: { first: number; last: number };
  /** Memory: RSS climbed slowly (state accumulating) rather than jumped (one request). */
  gradual?: boolean;
}

export interface BrokerLogError {
  message: string;
  count: number;
  example: string;
}

export interface WireFuzzReport {
  seed: number;
  seedFrames: number;
  framesSent: number;
  connections: number;
  closedByBroker: number;
  connectErrors: number;
  responses: number;
  elapsedMs: number;
  framesPerSecond: number;
  crashes: number;
  hangs: number;
  memoryFailures: number;
  clientFailures: number;
  failures: FuzzFailure[];
  brokerStarts: number;
  peakRssMiB: number;
  peakFds: number;
  slowestProbeMs: number;
  produced: number;
  consumed: number;
  lost: number;
  duplicated: number;
  redelivered: number;
  clientErrors: string[];
  clientLogErrors: string[];
  /** The broker's own error-level log lines, grouped. */
  brokerErrors: BrokerLogError[];
  /** Whether the last broker shut down cleanly on SIGTERM within 20 s. */
  cleanShutdown: boolean;
}

/** `1,2,3,7,9,10` → `1-3,7,9-10`. */
export function formatIndexes(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The inverse of formatIndexes. */
export function parseIndexes(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(',').filter((p) => p.length > 0)) {
    const [a, b] = part.split('-').map(Number);
    if (!Number.isSafeInteger(a) || (b !== undefined && !Number.isSafeInteger(b)))
      throw new Error(`not a connection index or range: ${part}`);
    for (let i = a!; i <= (b ?? a!); i++) out.push(i);
  }
  return out;
}

/** The report as text, for the runner and the test's failure message. */
export function formatReport(r: WireFuzzReport): string {
  const lines = [
    `seed ${r.seed} (${r.seedFrames} seed frames): ${r.framesSent} frames on ${r.connections} connections in ${(r.elapsedMs / 1000).toFixed(1)} s (${r.framesPerSecond.toFixed(0)} frames/s)`,
    `crashes ${r.crashes}, hangs ${r.hangs}, memory ${r.memoryFailures}, client ${r.clientFailures} (broker started ${r.brokerStarts} time(s))`,
    `connections closed by the broker ${r.closedByBroker}, responses ${r.responses}, connect errors ${r.connectErrors}`,
    `peak RSS ${r.peakRssMiB} MiB, peak open fds ${r.peakFds}, slowest liveness probe ${r.slowestProbeMs} ms, clean shutdown ${r.cleanShutdown ? 'yes' : 'NO'}`,
    `client records produced ${r.produced}, consumed ${r.consumed}, lost ${r.lost}, duplicated ${r.duplicated}, redelivered ${r.redelivered}`,
  ];
  if (r.clientErrors.length > 0) lines.push(`client errors:\n  ${r.clientErrors.slice(0, 10).join('\n  ')}`);
  if (r.brokerErrors.length > 0) {
    lines.push('broker error log lines:');
    for (const e of r.brokerErrors.slice(0, 12)) lines.push(`  ${e.count}× ${e.message}`);
  }
  for (const f of r.failures) {
    lines.push(`${f.kind.toUpperCase()} after ${f.atFrames} frames (${(f.elapsedMs / 1000).toFixed(1)} s): ${f.message}`);
    const suspects = formatIndexes(f.suspects.map((p) => p.index));
    lines.push(`  suspects: ${suspects} (replay: npm run fuzz -- --seed=${r.seed} --replay=${suspects})`);
    for (const p of f.suspects.slice(0, 3)) lines.push(describePlan(p).replace(/^/gm, '  '));
    if (f.jsStack !== null) lines.push(`  broker JS stack:\n${f.jsStack.replace(/^/gm, '    ')}`);
    const tail = f.output
      .split('\n')
      .filter((l) => !l.startsWith('{"level":40'))
      .slice(-25)
      .join('\n');
    lines.push(`  broker output (tail):\n${tail.replace(/^/gm, '    ')}`);
  }
  return lines.join('\n');
}
