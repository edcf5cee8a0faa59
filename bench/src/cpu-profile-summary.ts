// Summarizes V8 .cpuprofile files (from `node --cpu-prof`): self time per function, hottest first,
// overall and per phase of a benchmark. Phases are given in process.hrtime.bigint() nanoseconds;
// V8 stamps samples with the same monotonic clock (in microseconds), even across processes.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { printTable, type Row } from './report';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** How many of tarn's own functions the 'mostly under' column names. */
const VIA_DEPTH = 3;

export interface Phase {
  name: string;
  startNs: bigint;
  endNs: bigint;
}

function where(n: ProfileNode): string {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const file = url === '' ? '' : relative(process.cwd(), url).replace(/^(\.\.\/)+/, '');
  // tsx-compiled modules report line 1 for every function: print the file only
  const line = n.callFrame.lineNumber > 0 ? `:${n.callFrame.lineNumber + 1}` : '';
  return `${n.callFrame.functionName || '(anonymous)'}${file === '' ? '' : ` ${file}${line}`}`;
}

/** Self and inclusive time per function over the samples `keep` accepts (by timestamp, µs). */
function tally(profile: CpuProfile, keep: (tUs: number) => boolean): { rows: Row[]; totalUs: number; busyUs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let totalUs = 0;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (!keep(t)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    totalUs += dt;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  // for each runtime/native function, the nearest tarn functions on its stacks (what it runs for)
  const via = new Map<string, Map<string, number>>();
  const ours = (n: ProfileNode): boolean => /\/(apps|packages)\//.test(n.callFrame.url);
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') idleUs += us;
    self.set(where(node), (self.get(where(node)) ?? 0) + us);
    if (!ours(node)) {
      const chain: string[] = [];
      for (let c = parent.get(id); c !== undefined && chain.length < VIA_DEPTH; c = parent.get(c)) {
        const n = byId.get(c)!;
        if (ours(n) && n.callFrame.functionName !== '') chain.push(`${n.callFrame.functionName} (${basename(n.callFrame.url, '.ts')})`);
      }
      if (chain.length > 0) {
        const m = via.get(where(node)) ?? new Map<string, number>();
        const key = chain.join(' < ');
        m.set(key, (m.get(key) ?? 0) + us);
        via.set(where(node), m);
      }
    }
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = where(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const mainCaller = (name: string): string => {
    const m = via.get(name);
    if (m === undefined) return '';
    const [key, us] = [...m].sort((a, b) => b[1] - a[1])[0]!;
    const share = us / [...m.values()].reduce((a, b) => a + b, 0);
    return `${key}${share < 0.995 ? ` (${(100 * share).toFixed(0)} %)` : ''}`;
  };
  const rows = [...self]
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]): Row => ({
      name,
      'self %': (100 * us) / totalUs,
      'total %': (100 * (inclusive.get(name) ?? us)) / totalUs,
      'mostly under': mainCaller(name),
    }));
  return { rows, totalUs, busyUs: totalUs - idleUs };
}

/** Prints, for the busiest profile in `dir`, the hottest functions overall and in each phase. */
export function summarizeCpuProfiles(dir: string, phases: Phase[] = [], top = 20): void {
  const profiles = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => ({ path: join(dir, f), pid: f.split('.')[3] ?? f, profile: JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile }));
  // a process profiles each thread running JavaScript (tsx's loader thread too): keep each process's main one
  const mains = new Map<string, { path: string; profile: CpuProfile; busy: number }>();
  for (const p of profiles) {
    const busy = tally(p.profile, () => true).busyUs;
    if ((mains.get(p.pid)?.busy ?? -1) < busy) mains.set(p.pid, { ...p, busy });
  }
  const sections: Array<{ title: string; keep: (tUs: number) => boolean }> = [{ title: 'whole run', keep: () => true }];
  const names = [...new Set(phases.map((p) => p.name))];
  for (const name of names) {
    const spans = phases.filter((p) => p.name === name).map((p) => [Number(p.startNs / 1000n), Number(p.endNs / 1000n)] as const);
    sections.push({ title: name, keep: (t) => spans.some(([a, b]) => t >= a && t <= b) });
  }
  for (const [pid, main] of mains) {
    for (const s of sections) {
      const { rows, totalUs, busyUs } = tally(main.profile, s.keep);
      if (totalUs === 0) continue;
      const who = mains.size > 1 ? `broker (pid ${pid})` : 'broker';
      printTable(
        `${who} main thread CPU profile, ${s.title}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${((100 * busyUs) / totalUs).toFixed(0)} % busy; top ${top} by self time (${main.path})`,
        rows.slice(0, top),
      );
    }
  }
}
