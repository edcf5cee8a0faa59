/**
 * After a failure: `replayConnections` sends exactly the given connections again to a fresh broker
 * (every connection is a pure function of seed and index, so they are regenerated, not recorded),
 * and `triage` bisects a failure down to the few connections that reproduce it. A replayed broker
 * gets the warm-up a fuzz run starts each broker with, so the connections meet the topics and
 * groups they met the first time.
 */
import { startBrokerProcess } from './broker-process';
import { brokerVersions, probe, rssOf, runConnection } from './wire-fuzz-probes';
import { formatIndexes, type FailureKind } from './wire-fuzz-report';
import { deriveSeeds, loadSeedFrames, type SeedFrame } from './wire-fuzz-seeds';
import { describePlan, planConnection } from './wire-mutator';

const MIB = 1024 * 1024;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Warm-up: every seed frame, unmutated, on a connection of its own (creates the fixtures' topics and groups). */
export async function warmUp(port: number, seeds: readonly SeedFrame[], quietMs: number): Promise<void> {
  const queue = seeds.map((s, i) => ({
    index: -1 - i,
    mode: 'sequential' as const,
    frames: [{ desc: s.name, bytes: Buffer.concat([u32(s.body.length), s.body]) }],
    cutAt: 0,
    closeWith: 'reset' as const,
  }));
  const workers = Array.from({ length: 8 }, async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) await runConnection(port, p, quietMs);
  });
  await Promise.all(workers);
}

function u32(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
}

export interface ReplayOptions {
  quietMs?: number;
  /** How long to watch the broker after the last connection (default 2000 ms). */
  waitMs?: number;
  rssLimitMiB?: number;
  hangMs?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

/**
 * Sends exactly these connections, in index order (`concurrency` at a time), to a fresh broker
 * after the warm-up, and says what broke, if anything: a crash, a hang (a liveness probe
 * unanswered for `hangMs`), or RSS beyond the bound.
 */
export async function replayConnections(
  seed: number,
  indexes: readonly number[],
  options: ReplayOptions = {},
): Promise<{ broke: FailureKind | null; detail: string; output: string }> {
  const quietMs = options.quietMs ?? 150;
  const hangMs = options.hangMs ?? 5000;
  const rssLimit = (options.rssLimitMiB ?? 512) * MIB;
  const broker = await startBrokerProcess({ outputTail: 64 * 1024 });
  let peak = 0;
  let hung: string | null = null;
  let watching = true;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(broker.pid) ?? 0)), 50);
  const prober = (async () => {
    while (watching && hung === null && broker.exitStatus() === null) {
      const r = await probe(broker.port, hangMs);
      if ('error' in r && r.error !== 'refused' && broker.exitStatus() === null) hung = r.error;
      await sleep(500);
    }
  })();
  try {
    const seeds = loadSeedFrames();
    const versions = await brokerVersions(broker.port);
    const all = [...seeds, ...deriveSeeds(seeds, versions)];
    await warmUp(broker.port, seeds, quietMs);
    const queue = [...indexes].sort((a, b) => a - b);
    const workers = Array.from({ length: options.concurrency ?? 1 }, async () => {
      for (let i = queue.shift(); i !== undefined && broker.exitStatus() === null && hung === null && peak <= rssLimit; i = queue.shift()) {
        const plan = planConnection(seed, i, all, versions);
        if (options.log !== undefined) options.log(describePlan(plan));
        await runConnection(broker.port, plan, quietMs);
      }
    });
    await Promise.all(workers);
    const until = Date.now() + (options.waitMs ?? 2000);
    while (Date.now() < until && broker.exitStatus() === null && hung === null && peak <= rssLimit) await sleep(100);
    watching = false;
    await prober;
    const st = broker.exitStatus();
    if (st !== null) return { broke: 'crash', detail: `exit code ${st.code}, signal ${st.signal}`, output: broker.output() };
    if (hung !== null) return { broke: 'hang', detail: `liveness probe: ${hung}`, output: broker.output() };
    if (peak > rssLimit) return { broke: 'memory', detail: `peak RSS ${Math.round(peak / MIB)} MiB`, output: broker.output() };
    return { broke: null, detail: `peak RSS ${Math.round(peak / MIB)} MiB`, output: broker.output() };
  } finally {
    watching = false;
    clearInterval(sampler);
    broker.signal('SIGKILL');
    await broker.stop();
  }
}

/**
 * Narrows a failure down to a few connections that reproduce it on fresh brokers: first the
 * suspects (in flight and recently finished), then, if those alone do not do it, every connection
 * of the failed broker's life (`session`, a range of indexes: the failure may need state an
 * earlier connection left, a group member or a segment). Minimization halves the set while one
 * half alone still reproduces; when it takes both, each half is minimized with the other kept.
 * Null culprits: not reproduced (a race, or state from outside these connections).
 */
export async function triage(
  seed: number,
  kind: FailureKind,
  suspects: readonly number[],
  session: { first: number; last: number } | null,
  log: (l: string) => void = () => {},
): Promise<{ culprits: number[] | null; detail: string }> {
  let detail = 'not reproduced';
  const reproduces = async (set: readonly number[]): Promise<boolean> => {
    if (set.length === 0) return false;
    const r = await replayConnections(seed, set, { concurrency: set.length > 64 ? 12 : 1 });
    log(
      `  ${set.length > 40 ? `${set.length} connections ${formatIndexes(set).slice(0, 80)}…` : formatIndexes(set)}: ${r.broke ?? 'survived'} (${r.detail})`,
    );
    if (r.broke === kind) detail = r.detail;
    return r.broke === kind;
  };
  const minimize = async (set: number[], fixed: number[]): Promise<number[]> => {
    if (set.length <= 1) return set;
    const half = Math.ceil(set.length / 2);
    const late = set.slice(set.length - half);
    const early = set.slice(0, set.length - half);
    if (await reproduces([...fixed, ...late])) return minimize(late, fixed);
    if (await reproduces([...fixed, ...early])) return minimize(early, fixed);
    const e = await minimize(early, [...fixed, ...late]);
    const l = await minimize(late, [...fixed, ...e]);
    return [...e, ...l];
  };
  let set = [...new Set(suspects)].sort((a, b) => a - b);
  if (!(await reproduces(set))) {
    if (session === null) return { culprits: null, detail };
    set = Array.from({ length: session.last - session.first + 1 }, (_, i) => session.first + i);
    log(`  not with the suspects alone; replaying the broker's whole life (${set.length} connections)`);
    if (!(await reproduces(set))) return { culprits: null, detail };
  }
  return { culprits: await minimize(set, []), detail };
}
