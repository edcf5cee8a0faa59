// CPU of named processes (all their threads) and of the rest of the machine over an interval, in
// cores, from /proc (clock ticks of USER_HZ = 100; NaN where /proc is missing). "other" is what
// neither the named processes nor this one used: the shared machine's other work, which disturbs
// figures taken meanwhile. Also how long each process's main thread was runnable but waited for a
// CPU (/proc/<pid>/task/<pid>/schedstat, field 2, ns): on a busy 2-core machine that wait, not the
// code, is where much of a tail comes from.
import { readFileSync } from 'node:fs';

function firstLine(path: string): string[] | null {
  try {
    return readFileSync(path, 'utf8').split('\n')[0]!.trim().split(/\s+/);
  } catch {
    return null;
  }
}

// /proc/<pid>/stat: utime and stime are fields 14 and 15 (the name in field 2 has no spaces: node)
function ticksOf(pid: number): number {
  const f = firstLine(`/proc/${pid}/stat`);
  return f === null ? Number.NaN : Number(f[13]) + Number(f[14]);
}

// /proc/stat "cpu user nice system idle iowait irq softirq steal": all but idle and iowait
function busyTicks(): number {
  const f = firstLine('/proc/stat');
  return f === null ? Number.NaN : [1, 2, 3, 6, 7, 8].reduce((n, i) => n + Number(f[i]), 0);
}

// /proc/<pid>/task/<pid>/schedstat: "<ns on cpu> <ns waiting on a runqueue> <timeslices>"
function runQueueNs(pid: number): number {
  const f = firstLine(`/proc/${pid}/task/${pid}/schedstat`);
  return f === null ? Number.NaN : Number(f[1]);
}

export interface CpuUse {
  /** name → cores */
  cores: Record<string, number>;
  /** name → the share of the interval its processes' main threads waited for a CPU (the most of them) */
  runQueueWait: Record<string, number>;
  /** this process */
  selfCores: number;
  /** everything else on the machine */
  otherCores: number;
}

/** Starts measuring `pids` (name → pid); the returned function ends the interval. */
export function processCpuMeter(pids: Record<string, number[]>): () => CpuUse {
  const sum = (ps: number[]) => ps.reduce((n, p) => n + ticksOf(p), 0);
  const t0 = performance.now();
  const start = Object.fromEntries(Object.entries(pids).map(([k, ps]) => [k, sum(ps)]));
  const waited0 = new Map(Object.values(pids).flatMap((ps) => ps.map((p) => [p, runQueueNs(p)] as const)));
  const busy0 = busyTicks();
  const self0 = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const cores = Object.fromEntries(Object.entries(pids).map(([k, ps]) => [k, (sum(ps) - start[k]!) / 100 / seconds]));
    const self = process.cpuUsage(self0);
    const selfCores = (self.user + self.system) / 1e6 / seconds;
    const named = Object.values(cores).reduce((n, c) => n + c, 0);
    const runQueueWait = Object.fromEntries(
      Object.entries(pids).map(([k, ps]) => [k, Math.max(...ps.map((p) => (runQueueNs(p) - waited0.get(p)!) / 1e9 / seconds))]),
    );
    return { cores, runQueueWait, selfCores, otherCores: Math.max(0, (busyTicks() - busy0) / 100 / seconds - named - selfCores) };
  };
}
