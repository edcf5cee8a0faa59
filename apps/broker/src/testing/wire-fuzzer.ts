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
 * `replayConnections` (wire-fuzz-triage.ts) sends exactly those again to a fresh broker. A hang or
 * memory failure also samples where the broker's main thread is, through the inspector
 * (`inspectorStacks`, wire-fuzz-diagnostics.ts).
 *
 * `runWireFuzz({ stopOnFailure: true })` is the test's mode; the runner (`npm run fuzz`) keeps
 * going: it restarts the broker after a failure and counts crashes, hangs and memory failures.
 * This module is `@tarn/broker/testing/wire-fuzzer`; it re-exports the fuzzer's other modules so
 * the runner and the test import from one place.
 */
import { startBrokerProcess, type BrokerProcess } from './broker-process';
import { freePort } from './etcd-server';
import { ClientWorkload } from './wire-fuzz-client';
import { BrokerLogScanner, inspectorStacks } from './wire-fuzz-diagnostics';
import { brokerVersions, openFdsOf, probe, rssOf, runConnection } from './wire-fuzz-probes';
import { formatIndexes, type FailureKind, type FuzzFailure, type WireFuzzReport } from './wire-fuzz-report';
import { deriveSeeds, loadSeedFrames, type SeedFrame, type VersionRanges } from './wire-fuzz-seeds';
import { warmUp } from './wire-fuzz-triage';
import { describePlan, planConnection, type ConnectionPlan } from './wire-mutator';

export * from './wire-mutator';
export * from './wire-fuzz-rng';
export * from './wire-fuzz-seeds';
export * from './wire-fuzz-cases';
export * from './wire-fuzz-probes';
export * from './wire-fuzz-client';
export * from './wire-fuzz-report';
export * from './wire-fuzz-diagnostics';
export * from './wire-fuzz-triage';

const MIB = 1024 * 1024;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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

interface Session {
  broker: BrokerProcess;
  client: ClientWorkload | null;
  failure: Promise<FuzzFailure>;
  failed: FuzzFailure | null;
  stopMonitors(): void;
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
  const clientTotals = {
    produced: 0,
    consumed: 0,
    lost: 0,
    duplicated: 0,
    redelivered: 0,
    errors: [] as string[],
    logErrors: [] as string[],
  };
  let seeds: SeedFrame[] = baseSeeds;
  let versions: VersionRanges = new Map();
  let cleanShutdown = true;

  let sessionFirstIndex = 0;
  const startSession = async (): Promise<Session> => {
    brokerStarts++;
    sessionFirstIndex = nextIndex;
    inspectPort = await freePort();
    const broker = await startBrokerProcess({
      overrides: options.overrides,
      nodeArgs: [`--inspect=127.0.0.1:${inspectPort}`],
      onOutput: (t) => scanner.feed(t),
      outputTail: 64 * 1024,
    });
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
      session.failed = {
        kind,
        message,
        atFrames: framesSent,
        elapsedMs: Date.now() - started,
        suspects,
        output: '',
        jsStack: null,
        session: { first: sessionFirstIndex, last: nextIndex - 1 },
      };
      resolveFailure(session.failed);
    };
    void broker.exited.then((st) => fail('crash', `the broker process exited (code ${st.code}, signal ${st.signal})`));
    scanner.onUncaught = (m) =>
      fail('crash', `the broker logged an uncaught exception (it kept running, in whatever state that left): ${m}`);
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
        fail(
          'memory',
          `broker RSS ${Math.round(rss / MIB)} MiB is beyond the ${Math.round(rssLimit / MIB)} MiB bound (${gradual ? 'a gradual climb' : 'a jump'}; last 10 s, MiB: ${trend.filter((_, i) => i % 5 === 4).join(' ')})`,
        );
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
          if (broker.exitStatus() === null && r.error !== 'refused')
            fail('hang', `a fresh connection's ApiVersions was not answered (${r.error}) within ${hangMs} ms`);
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
    log(
      `  suspects (in flight, then last finished): ${formatIndexes(failure.suspects.map((p) => p.index))} — replay with --seed=${seed} --replay=<indexes>`,
    );
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
