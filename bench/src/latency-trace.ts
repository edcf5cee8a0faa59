// What the brokers were doing when records were slow: reads the brokers' CPU profiles and the
// latency bench's trace files (TARN_BENCH_LATENCY_TRACE=<dir>: per case the records slower than
// 5 ms as [send, arrival] and the producer's and consumer's stalls, all on CLOCK_MONOTONIC, which
// V8 stamps its profile samples with too) and prints
//   - each broker's long busy runs (≥ 2 ms without an idle sample): when, how long, the share
//     spent in GC, and the functions most of its samples were under;
//   - gaps between samples longer than 2 ms: the broker's thread was not running at all (the OS
//     ran something else: the machine has 2 cores) — or the sampler itself was late;
//   - for the slow records, which of these overlapped their flight: a broker busy run, a broker gap,
//     a producer stall, a consumer stall, or nothing seen;
//   - each broker's scavenges and mark-compacts over the whole run (its --trace-gc output).
// `npx tsx bench/src/latency-trace.ts <dir>`, or called by latency.ts at the end of a traced run.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CpuProfile, ProfileNode } from './cpu-profile-summary';
import { fmt, printTable, type Row } from './report';

interface CaseTrace {
  name: string;
  window: { from: number; to: number };
  slow: Array<[number, number]>;
  producerStalls: Array<[number, number]>;
  consumerStalls: Array<[number, number]>;
  brokers: number[];
}

/** A stretch of one broker's main thread, ms on the monotonic clock. */
interface Span {
  pid: string;
  from: number;
  to: number;
  /** busy: consecutive non-idle samples; gap: no sample at all */
  kind: 'busy' | 'gap';
  gcShare: number;
  under: string;
}

const LONG_MS = 2;
const GENERIC = new Set([
  '(root)',
  '(program)',
  '(idle)',
  '',
  'processTicksAndRejections',
  'runMicrotasks',
  'emit',
  'emitConnectionMetrics',
]);

function label(n: ProfileNode): string {
  const file = n.callFrame.url === '' ? '' : ` (${basename(n.callFrame.url)})`;
  return `${n.callFrame.functionName || '(anonymous)'}${file}`;
}

/** Busy runs and sampling gaps of one profile longer than LONG_MS. */
function spansOf(pid: string, p: CpuProfile): { spans: Span[]; busyUs: number } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const spans: Span[] = [];
  let t = p.startTime;
  let runStart = -1;
  let runEnd = -1;
  let run: number[] = [];
  let busyUs = 0;
  const flush = (): void => {
    if (runStart >= 0 && (runEnd - runStart) / 1000 >= LONG_MS) {
      const counts = new Map<string, number>();
      let gc = 0;
      for (const id of run) {
        if (byId.get(id)!.callFrame.functionName === '(garbage collector)') gc++;
        const seen = new Set<string>();
        for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) {
          const n = byId.get(c)!;
          const k = label(n);
          if (seen.has(k) || GENERIC.has(n.callFrame.functionName)) continue;
          seen.add(k);
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
      }
      // the functions most of the run's samples were under say what it was
      const under = [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([k, c]) => `${k} ${((100 * c) / run.length).toFixed(0)}%`)
        .join(' < ');
      spans.push({ pid, from: runStart / 1000, to: runEnd / 1000, kind: 'busy', gcShare: gc / run.length, under });
    }
    runStart = -1;
    run = [];
  };
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const prev = t;
    t += dt;
    if (dt / 1000 >= LONG_MS && i > 0) {
      // the thread did not run (or the sampler was late): not part of a busy run
      flush();
      spans.push({ pid, from: prev / 1000, to: t / 1000, kind: 'gap', gcShare: 0, under: '' });
    }
    if (byId.get(id)!.callFrame.functionName === '(idle)') flush();
    else {
      busyUs += dt;
      if (runStart < 0) runStart = prev;
      runEnd = t;
      run.push(id);
    }
  });
  flush();
  return { spans, busyUs };
}

/** Each process's main-thread profile (the busiest of its threads' profiles). */
function brokerSpans(dir: string): Span[] {
  const best = new Map<string, { spans: Span[]; busyUs: number }>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    const pid = f.split('.')[3] ?? f; // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile
    const s = spansOf(pid, JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile);
    if ((best.get(pid)?.busyUs ?? -1) < s.busyUs) best.set(pid, s);
  }
  return [...best.values()].flatMap((b) => b.spans);
}

const overlaps = (a: number, b: number, from: number, to: number) => from < b && to > a;

/** Scavenges and mark-compacts of each broker's main isolate over its whole run, from its --trace-gc output. */
function gcRows(dir: string): Row[] {
  const rows: Row[] = [];
  for (const f of readdirSync(dir).filter((x) => /^broker-\d+\.log$/.test(x))) {
    const lines = readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => / ms: (Scavenge|Mark-Compact)/.test(l));
    // the main isolate is the one with the most collections (tsx's loader thread has its own)
    const isolates = new Map<string, number>();
    for (const l of lines) isolates.set(l.split(']')[0]!, (isolates.get(l.split(']')[0]!) ?? 0) + 1);
    const main = [...isolates].sort((a, b) => b[1] - a[1])[0]?.[0];
    const scavenges: number[] = [];
    const compacts: number[] = [];
    const steps: number[] = [];
    for (const l of lines) {
      if (!l.startsWith(main ?? '')) continue;
      const m = / ms: (Scavenge|Mark-Compact)\S* [\d.]+ \([\d.]+\) -> [\d.]+ \([\d.]+\) MB, ([\d.]+) \//.exec(l);
      if (m === null) continue;
      (m[1] === 'Scavenge' ? scavenges : compacts).push(Number(m[2]));
      const step = /biggest step ([\d.]+) ms/.exec(l);
      if (step !== null) steps.push(Number(step[1]));
    }
    const sorted = Float64Array.from(scavenges).sort();
    rows.push({
      name: `broker ${f.slice(7, -4)}`,
      scavenges: scavenges.length,
      'scavenge p50/p99/max ms': `${fmt(sorted[Math.floor(sorted.length / 2)] ?? NaN)}/${fmt(sorted[Math.ceil(0.99 * sorted.length) - 1] ?? NaN)}/${fmt(sorted[sorted.length - 1] ?? NaN)}`,
      'mark-compacts': compacts.length,
      'mark-compact pauses ms': compacts.map((x) => fmt(x)).join(' '),
      'biggest incremental marking step ms': fmt(Math.max(0, ...steps)),
    });
  }
  return rows;
}

export function traceReport(dir: string): void {
  const gc = gcRows(dir);
  if (gc.length > 0)
    printTable("brokers' garbage collection over the whole run (--trace-gc; start-up and every case, profiled brokers)", gc);
  const all = brokerSpans(dir);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const c = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CaseTrace;
    const pids = new Set(c.brokers.map(String));
    const spans = all.filter((s) => pids.has(s.pid) && overlaps(c.window.from, c.window.to, s.from, s.to));
    const busy = spans.filter((s) => s.kind === 'busy');
    const gaps = spans.filter((s) => s.kind === 'gap');
    const rows: Row[] = [...busy]
      .sort((a, b) => b.to - b.from - (a.to - a.from))
      .slice(0, 12)
      .map((s) => ({
        name: `broker ${s.pid} busy`,
        'at s': (s.from - c.window.from) / 1000,
        ms: s.to - s.from,
        'GC %': 100 * s.gcShare,
        under: s.under,
      }));
    const sum = (xs: Span[]) => xs.reduce((n, s) => n + s.to - s.from, 0);
    const seconds = (c.window.to - c.window.from) / 1000;
    printTable(
      `${c.name}: brokers' busy runs ≥ ${LONG_MS} ms: ${busy.length} (${fmt(sum(busy))} ms in ${seconds} s, ${busy.filter((s) => s.gcShare > 0.5).length} mostly GC); sampling gaps ≥ ${LONG_MS} ms (thread not running): ${gaps.length} (${fmt(sum(gaps))} ms, longest ${fmt(Math.max(0, ...gaps.map((s) => s.to - s.from)))} ms); longest busy runs`,
      rows,
    );
    const slow = c.slow.filter(([send]) => send >= c.window.from && send < c.window.to);
    const stallSpans = (xs: Array<[number, number]>) => xs.map(([from, ms]) => [from, from + ms + 1] as const);
    const producer = stallSpans(c.producerStalls);
    const consumer = stallSpans(c.consumerStalls);
    const tally = new Map<string, number>();
    for (const [send, arrival] of slow) {
      const hits: string[] = [];
      if (busy.some((s) => overlaps(send, arrival, s.from, s.to))) hits.push('broker busy run');
      if (gaps.some((s) => overlaps(send, arrival, s.from, s.to))) hits.push('broker not running');
      if (producer.some(([a, b]) => overlaps(send, arrival, a, b))) hits.push('producer stall');
      if (consumer.some(([a, b]) => overlaps(send, arrival, a, b))) hits.push('consumer stall');
      const key = hits.length === 0 ? 'nothing seen' : hits.join(' + ');
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    printTable(
      `${c.name}: ${slow.length} records slower than 5 ms (of the first 2000 listed), by what overlapped their flight`,
      [...tally].sort((a, b) => b[1] - a[1]).map(([name, n]) => ({ name, records: n, share: `${((100 * n) / slow.length).toFixed(0)} %` })),
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(basename(process.argv[1]))) traceReport(process.argv[2]!);
