// CPU of named processes (all their threads) and of the rest of the machine over an interval, in
// cores, from /proc (clock ticks of USER_HZ = 100; NaN where /proc is missing). "other" is what
// neither the named processes nor this one used: the shared machine's other work, which disturbs
// figures taken meanwhile.
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

export interface CpuUse {
  /** name → cores */
  cores: Record<string, number>;
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
  const busy0 = busyTicks();
  const self0 = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const cores = Object.fromEntries(Object.entries(pids).map(([k, ps]) => [k, (sum(ps) - start[k]!) / 100 / seconds]));
    const self = process.cpuUsage(self0);
    const selfCores = (self.user + self.system) / 1e6 / seconds;
    const named = Object.values(cores).reduce((n, c) => n + c, 0);
    return { cores, selfCores, otherCores: Math.max(0, (busyTicks() - busy0) / 100 / seconds - named - selfCores) };
  };
}
