/**
 * The network fuzzer (DESIGN.md, Testing: "Hostile input"): mutated real-client request frames
 * (wire-mutator.ts) over many short connections to a real broker process, while a kafkajs client
 * produces and consumes on a topic of its own. It fails when
 *  - the broker process exits (crash),
 *  - a fresh connection's ApiVersions is not answered within `hangMs` (hang),
 *  - the broker's RSS (VmRSS in /proc/<pid>/status) passes `rssLimitMiB`,
 *  - the client fails: a send or the consumer crashes, or a record it produced is never consumed or
 *    shows up at two offsets.
 * Every connection is a pure function of (seed, index): a failure prints the seed and the
 * connections in flight (and the last few finished), frame by frame with their bytes, and
 * `replayConnections` sends exactly those again to a fresh broker. A hang or memory failure also
 * samples where the broker's main thread is, through the inspector (`inspectorStacks`).
 *
 * `runWireFuzz({ stopOnFailure: true })` is the test's mode; the runner (`npm run fuzz`) keeps
 * going: it restarts the broker after a failure and counts crashes, hangs and memory failures.
 */
import { WebSocket } from 'ws';
import { startBrokerProcess, type BrokerProcess } from './broker-process';
import { freePort } from './etcd-server';
import { ClientWorkload } from './wire-fuzz-client';
import { brokerVersions, openFdsOf, probe, rssOf, runConnection } from './wire-fuzz-probes';
import { deriveSeeds, loadSeedFrames, type SeedFrame, type VersionRanges } from './wire-fuzz-seeds';
import { describePlan, planConnection, type ConnectionPlan } from './wire-mutator';

export * from './wire-mutator';
export * from './wire-fuzz-rng';
export * from './wire-fuzz-seeds';
export * from './wire-fuzz-cases';
export * from './wire-fuzz-probes';
export * from './wire-fuzz-client';

const MIB = 1024 * 1024;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The run

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

export interface WireFuzzOptions {
  /** Default: random (printed). */
  seed?: number;
  /** Fuzz frames to send (the warm-up's unmutated frames are not counted). */
  frames: number;
  /** Connections at a time (default 12). */
  concurrency?: number;
  rssLimitMiB?: number;
  /** A liveness probe unanswered this long is a hang (default 5000). */
  hangMs?: number;
  probeIntervalMs?: number;
  /** How long a connection waits for an answer that may never come (default 150). */
  quietMs?: number;
  /** Run the kafkajs producer/consumer beside the fuzzer (default true). */
  client?: boolean;
  /** Stop at the first failure (the test) or restart the broker and go on (the runner). Default true. */
  stopOnFailure?: boolean;
  /** Give up after this many failures when going on (default 25). */
  maxFailures?: number;
  /** Broker overrides. */
  overrides?: Record<string, string>;
  log?: (line: string) => void;
  progressEveryMs?: number;
  /** How many finished connections a failure lists as suspects besides those in flight (default 2000). */
  history?: number;
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

/**
 * Where the broker's main thread is, sampled through the inspector (the broker runs with
 * --inspect on a loopback port): Debugger.pause interrupts running JavaScript, so a hung event loop
 * shows the functions it is stuck in — a signal-triggered diagnostic report would only run once
 * the loop is free again. `samples` pauses `intervalMs` apart; null when the inspector is unreachable.
 */
export async function inspectorStacks(inspectPort: number, samples = 3, intervalMs = 700): Promise<string | null> {
  let url: string;
  try {
    const list = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`, { signal: AbortSignal.timeout(3000) })).json()) as Array<{ webSocketDebuggerUrl: string }>;
    url = list[0]!.webSocketDebuggerUrl;
  } catch {
    return null;
  }
  const ws = new WebSocket(url);
  let nextId = 1;
  const waiting = new Map<number, () => void>();
  let pausedWaiter: ((frames: string[]) => void) | null = null;
  const scripts = new Map<string, string>();
  ws.on('message', (data: Buffer) => {
    const msg = JSON.parse(data.toString()) as {
      id?: number;
      method?: string;
      params?: { scriptId?: string; url?: string; callFrames?: Array<{ functionName: string; url: string; location: { scriptId: string; lineNumber: number } }> };
    };
    if (msg.id !== undefined) waiting.get(msg.id)?.();
    if (msg.method === 'Debugger.scriptParsed' && msg.params?.scriptId !== undefined) scripts.set(msg.params.scriptId, msg.params.url ?? '');
    if (msg.method === 'Debugger.paused') {
      const where = (f: { url: string; location: { scriptId: string } }) => (f.url || scripts.get(f.location.scriptId) || '?').replace(/^file:\/\//, '').replace(/\?.*$/, '');
      // tsx compiles each module to one line: the function name and file say more than the line
      const frames = (msg.params?.callFrames ?? []).map((f) => `${f.functionName || '(anonymous)'} (${where(f)})`);
      pausedWaiter?.(frames);
    }
  });
  const send = (method: string) =>
    new Promise<void>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method }));
      setTimeout(resolve, 5000).unref();
    });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await send('Debugger.enable');
    const out: string[] = [];
    for (let i = 0; i < samples; i++) {
      const frames = await new Promise<string[] | null>((resolve) => {
        pausedWaiter = resolve;
        void send('Debugger.pause');
        setTimeout(() => resolve(null), 5000).unref();
      });
      pausedWaiter = null;
      out.push(`sample ${i + 1}: ${frames === null ? '(did not pause within 5 s: blocked outside JavaScript?)' : frames.length === 0 ? '(idle)' : ''}`);
      for (const f of (frames ?? []).slice(0, 18)) out.push(`    ${f}`);
      if (frames !== null) await send('Debugger.resume');
      await sleep(intervalMs);
    }
    return out.join('\n');
  } catch {
    return null;
  } finally {
    ws.terminate();
  }
}

/** Groups the broker's error-level JSON log lines (pino level >= 50). */
class BrokerLogScanner {
  private partial = '';
  readonly errors = new Map<string, BrokerLogError>();
  /** An uncaught exception or unhandled rejection the broker logged and survived: a bug all the same. */
  onUncaught: (message: string) => void = () => {};

  feed(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      let entry: { level?: number; msg?: string; err?: { message?: string; stack?: string }; apiKey?: number; apiVersion?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue;
      }
      if ((entry.level ?? 0) < 50) continue;
      if (/uncaught|unhandled/i.test(entry.msg ?? '')) this.onUncaught(`${entry.msg}: ${entry.err?.stack ?? entry.err?.message ?? ''}`.slice(0, 3000));
      const key = `${entry.msg ?? ''}${entry.apiKey !== undefined ? ` (api ${entry.apiKey} v${entry.apiVersion})` : ''}: ${entry.err?.message ?? ''}`.slice(0, 300);
      const e = this.errors.get(key);
      if (e !== undefined) e.count++;
      else this.errors.set(key, { message: key, count: 1, example: (entry.err?.stack ?? line).slice(0, 2000) });
    }
  }
}

interface Session {
  broker: BrokerProcess;
  client: ClientWorkload | null;
  failure: Promise<FuzzFailure>;
  failed: FuzzFailure | null;
  stopMonitors(): void;
}

/** Warm-up: every seed frame, unmutated, on a connection of its own (creates the fixtures' topics and groups). */
async function warmUp(port: number, seeds: readonly SeedFrame[], quietMs: number): Promise<void> {
  const queue = seeds.map((s, i) => ({ index: -1 - i, mode: 'sequential' as const, frames: [{ desc: s.name, bytes: Buffer.concat([u32(s.body.length), s.body]) }], cutAt: 0, closeWith: 'reset' as const }));
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

/** `1,2,3,7,9,10` → `1-3,7,9-10`. */
export function formatIndexes(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
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
    if (!Number.isSafeInteger(a) || (b !== undefined && !Number.isSafeInteger(b))) throw new Error(`not a connection index or range: ${part}`);
    for (let i = a!; i <= (b ?? a!); i++) out.push(i);
  }
  return out;
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
export async function replayConnections(seed: number, indexes: readonly number[], options: ReplayOptions = {}): Promise<{ broke: FailureKind | null; detail: string; output: string }> {
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
    log(`  ${set.length > 40 ? `${set.length} connections ${formatIndexes(set).slice(0, 80)}…` : formatIndexes(set)}: ${r.broke ?? 'survived'} (${r.detail})`);
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

export async function runWireFuzz(options: WireFuzzOptions): Promise<WireFuzzReport> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const log = options.log ?? (() => {});
  const concurrency = options.concurrency ?? 12;
  const rssLimit = (options.rssLimitMiB ?? 512) * MIB;
  const hangMs = options.hangMs ?? 5000;
  const probeIntervalMs = options.probeIntervalMs ?? 1000;
  const quietMs = options.quietMs ?? 150;
  const stopOnFailure = options.stopOnFailure ?? true;
  const maxFailures = options.maxFailures ?? 25;
  const useClient = options.client ?? true;
  const historySize = options.history ?? 2000;
  let inspectPort = 0;
  const scanner = new BrokerLogScanner();
  const baseSeeds = loadSeedFrames();
  log(`wire fuzz: seed ${seed}, ${options.frames} frames, ${concurrency} connections at a time (reproduce with --seed=${seed})`);

  const started = Date.now();
  let framesSent = 0;
  let connections = 0;
  let closedByBroker = 0;
  let connectErrors = 0;
  let responses = 0;
  let brokerStarts = 0;
  let peakRss = 0;
  let peakFds = 0;
  let slowestProbe = 0;
  let nextIndex = 0;
  const failures: FuzzFailure[] = [];
  const inFlight = new Map<number, ConnectionPlan>();
  const recent: ConnectionPlan[] = [];
  const clientTotals = { produced: 0, consumed: 0, lost: 0, duplicated: 0, redelivered: 0, errors: [] as string[], logErrors: [] as string[] };
  let seeds: SeedFrame[] = baseSeeds;
  let versions: VersionRanges = new Map();
  let cleanShutdown = true;

  let sessionFirstIndex = 0;
  const startSession = async (): Promise<Session> => {
    brokerStarts++;
    sessionFirstIndex = nextIndex;
    inspectPort = await freePort();
    const broker = await startBrokerProcess({ overrides: options.overrides, nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`], onOutput: (t) => scanner.feed(t), outputTail: 64 * 1024 });
    versions = await brokerVersions(broker.port);
    seeds = [...baseSeeds, ...deriveSeeds(baseSeeds, versions)];
    let resolveFailure!: (f: FuzzFailure) => void;
    const session: Session = {
      broker,
      client: null,
      failed: null,
      failure: new Promise((r) => (resolveFailure = r)),
      stopMonitors: () => {},
    };
    let stopped = false;
    const fail = (kind: FailureKind, message: string) => {
      if (session.failed !== null || stopped) return;
      const suspects = [...[...inFlight.values()].sort((a, b) => b.index - a.index), ...[...recent].reverse()];
      session.failed = { kind, message, atFrames: framesSent, elapsedMs: Date.now() - started, suspects, output: '', jsStack: null, session: { first: sessionFirstIndex, last: nextIndex - 1 } };
      resolveFailure(session.failed);
    };
    void broker.exited.then((st) => fail('crash', `the broker process exited (code ${st.code}, signal ${st.signal})`));
    scanner.onUncaught = (m) => fail('crash', `the broker logged an uncaught exception (it kept running, in whatever state that left): ${m}`);
    const trend: number[] = [];
    const sampler = setInterval(() => {
      const rss = rssOf(broker.pid);
      if (rss !== null) {
        trend.push(Math.round(rss / MIB));
        if (trend.length > 50) trend.shift();
      }
      const fds = openFdsOf(broker.pid);
      if (rss !== null) peakRss = Math.max(peakRss, rss);
      if (fds !== null) peakFds = Math.max(peakFds, fds);
      if (rss !== null && rss > rssLimit) {
        // a jump within the last 10 s points at a request; a slow climb at state that accumulates
        const gradual = trend.length >= 50 && Math.max(...trend) - Math.min(...trend) < 64;
        fail('memory', `broker RSS ${Math.round(rss / MIB)} MiB is beyond the ${Math.round(rssLimit / MIB)} MiB bound (${gradual ? 'a gradual climb' : 'a jump'}; last 10 s, MiB: ${trend.filter((_, i) => i % 5 === 4).join(' ')})`);
        if (session.failed !== null) session.failed.gradual = gradual;
      }
    }, 200);
    const prober = (async () => {
      while (!stopped) {
        const r = await probe(broker.port, hangMs);
        if (stopped) break;
        if ('error' in r) {
          // a dead broker is reported as a crash by the exit watcher
          await sleep(300);
          if (broker.exitStatus() === null && r.error !== 'refused') fail('hang', `a fresh connection's ApiVersions was not answered (${r.error}) within ${hangMs} ms`);
        } else slowestProbe = Math.max(slowestProbe, r.ms);
        await sleep(probeIntervalMs);
      }
    })();
    session.stopMonitors = () => {
      stopped = true;
      clearInterval(sampler);
      void prober;
    };
    await warmUp(broker.port, baseSeeds, quietMs);
    if (useClient) {
      const client = new ClientWorkload(broker.port, `fuzz-client-${seed}-${brokerStarts}`, `fuzz-client-group-${seed}-${brokerStarts}`);
      client.onError = (m) => fail('client', m);
      try {
        await client.start();
      } catch (err) {
        fail('client', `the kafkajs client could not start: ${(err as Error).message}`);
      }
      session.client = client;
    }
    return session;
  };

  /** Ends a session; a healthy one gets its client verified and a clean SIGTERM. */
  const endSession = async (session: Session, healthy: boolean): Promise<void> => {
    if (session.client !== null) {
      const r = await session.client.stop(healthy && session.failed === null);
      clientTotals.produced += r.produced;
      clientTotals.consumed += r.consumed;
      clientTotals.lost += r.lost;
      clientTotals.duplicated += r.duplicated;
      clientTotals.redelivered += r.redelivered;
      clientTotals.errors.push(...r.errors.slice(0, 20));
      clientTotals.logErrors.push(...r.logErrors.slice(0, 20));
      if (healthy && session.failed === null && (r.lost > 0 || r.duplicated > 0)) {
        failures.push({
          kind: 'client',
          message: `the client lost ${r.lost} and duplicated ${r.duplicated} of ${r.produced} acknowledged records`,
          atFrames: framesSent,
          elapsedMs: Date.now() - started,
          suspects: [],
          output: session.broker.output(),
          jsStack: null,
          session: { first: sessionFirstIndex, last: nextIndex - 1 },
        });
      }
    }
    session.stopMonitors();
    if (healthy && session.failed === null) {
      const t0 = Date.now();
      await session.broker.stop();
      if (Date.now() - t0 > 19_000) cleanShutdown = false;
    } else {
      session.broker.signal('SIGKILL');
      await session.broker.stop();
    }
  };

  let session = await startSession();
  let lastProgress = Date.now();
  let lastFrames = 0;
  const progressEvery = options.progressEveryMs ?? 5000;
  const progress = () => {
    const now = Date.now();
    if (now - lastProgress < progressEvery) return;
    const rate = ((framesSent - lastFrames) * 1000) / (now - lastProgress);
    lastProgress = now;
    lastFrames = framesSent;
    const rss = rssOf(session.broker.pid);
    const c = session.client;
    log(
      `  ${framesSent}/${options.frames} frames (${rate.toFixed(0)}/s), ${connections} connections (${closedByBroker} closed by the broker), ` +
        `RSS ${rss === null ? '-' : Math.round(rss / MIB)} MiB (peak ${Math.round(peakRss / MIB)}), fds ${openFdsOf(session.broker.pid) ?? '-'}, ` +
        `client ${clientTotals.produced + (c?.produced.size ?? 0)} produced / ${clientTotals.consumed + (c?.consumed.size ?? 0)} consumed, failures ${failures.length}`,
    );
  };

  for (;;) {
    const current = session;
    const worker = async () => {
      while (framesSent < options.frames && current.failed === null) {
        const index = nextIndex++;
        const plan = planConnection(seed, index, seeds, versions);
        framesSent += plan.frames.length;
        inFlight.set(index, plan);
        const out = await runConnection(current.broker.port, plan, quietMs);
        inFlight.delete(index);
        recent.push(plan);
        if (recent.length > historySize) recent.shift();
        connections++;
        responses += out.responses;
        if (out.closedByBroker) closedByBroker++;
        if (out.connectError !== null) {
          connectErrors++;
          await sleep(20);
        }
        progress();
      }
    };
    await Promise.race([Promise.all(Array.from({ length: concurrency }, worker)), current.failure]);
    const failure = current.failed;
    if (failure === null) break;
    // diagnose while the broker is still in its broken state
    if (failure.kind === 'hang' || failure.kind === 'memory') failure.jsStack = await inspectorStacks(inspectPort);
    await sleep(300);
    failure.output = current.broker.output();
    failures.push(failure);
    log(`FAILURE (${failure.kind}) after ${failure.atFrames} frames: ${failure.message}`);
    log(`  suspects (in flight, then last finished): ${formatIndexes(failure.suspects.map((p) => p.index))} — replay with --seed=${seed} --replay=<indexes>`);
    for (const p of failure.suspects.slice(0, 4)) log(describePlan(p));
    if (failure.jsStack !== null) log(`  broker JS stack:\n${failure.jsStack}`);
    log(`  broker output (tail):\n${failure.output.slice(-3000)}`);
    inFlight.clear();
    recent.length = 0;
    await endSession(current, false);
    if (stopOnFailure || failures.length >= maxFailures || framesSent >= options.frames) {
      session = current;
      break;
    }
    session = await startSession();
  }
  if (session.failed === null) await endSession(session, true);

  const elapsedMs = Date.now() - started;
  const count = (k: FailureKind) => failures.filter((f) => f.kind === k).length;
  return {
    seed,
    seedFrames: seeds.length,
    framesSent,
    connections,
    closedByBroker,
    connectErrors,
    responses,
    elapsedMs,
    framesPerSecond: framesSent / (elapsedMs / 1000),
    crashes: count('crash'),
    hangs: count('hang'),
    memoryFailures: count('memory'),
    clientFailures: count('client'),
    failures,
    brokerStarts,
    peakRssMiB: Math.round(peakRss / MIB),
    peakFds,
    slowestProbeMs: Math.round(slowestProbe),
    produced: clientTotals.produced,
    consumed: clientTotals.consumed,
    lost: clientTotals.lost,
    duplicated: clientTotals.duplicated,
    redelivered: clientTotals.redelivered,
    clientErrors: clientTotals.errors,
    clientLogErrors: clientTotals.logErrors,
    brokerErrors: [...scanner.errors.values()].sort((a, b) => b.count - a.count),
    cleanShutdown,
  };
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
    const tail = f.output.split('\n').filter((l) => !l.startsWith('{"level":40')).slice(-25).join('\n');
    lines.push(`  broker output (tail):\n${tail.replace(/^/gm, '    ')}`);
  }
  return lines.join('\n');
}

