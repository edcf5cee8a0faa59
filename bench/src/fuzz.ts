// `npm run fuzz` (= `npm run bench -- fuzz`): the wire fuzzer for a million frames against a real
// broker process, a kafkajs client working beside it; after a failure the broker is restarted and
// the run goes on, so the summary counts crashes, hangs and memory failures. A crash is narrowed
// down to the connections that reproduce it on a fresh broker (bisection).
//
//   npm run fuzz -- --frames=200000 --seed=42 --concurrency=12
//   npm run fuzz -- --seed=42 --replay=1017,1020-1030  (send exactly those connections again)
//
// Also from the environment: TARN_FUZZ_FRAMES, TARN_FUZZ_SEED, TARN_FUZZ_CONCURRENCY;
// TARN_BROKER_BIN runs another checkout's broker.
import { formatIndexes, formatReport, parseIndexes, replayConnections, runWireFuzz, triage } from '@tarn/broker/testing/wire-fuzzer';

function option(name: string): string | undefined {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`));
  return flag !== undefined ? flag.slice(name.length + 3) : process.env[`TARN_FUZZ_${name.toUpperCase()}`];
}

function intOption(name: string, fallback: number | undefined): number | undefined {
  const v = option(name);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name}: not a number: ${v}`);
  return n;
}

export async function run(): Promise<void> {
  const seed = intOption('seed', undefined);
  const replay = option('replay');
  if (replay !== undefined) {
    if (seed === undefined) throw new Error('--replay needs --seed');
    const indexes = parseIndexes(replay);
    const r = await replayConnections(seed, indexes, {
      log: indexes.length <= 50 ? (l) => console.log(l) : undefined,
      concurrency: indexes.length > 64 ? 12 : 1,
    });
    console.log(
      r.broke === null
        ? `the broker survived these connections (${r.detail})`
        : `the broker broke: ${r.broke} (${r.detail})\n${r.output.slice(-4000)}`,
    );
    process.exit(r.broke === null ? 0 : 1);
  }
  const report = await runWireFuzz({
    seed,
    frames: intOption('frames', 1_000_000)!,
    concurrency: intOption('concurrency', 16),
    stopOnFailure: option('stop-on-failure') === 'true',
    maxFailures: intOption('max-failures', 25),
    log: (l) => console.log(l),
  });
  console.log(`\nwire fuzz summary\n${formatReport(report)}`);
  if (option('triage') !== 'false') {
    // the first failures of each kind, narrowed down on fresh brokers
    const firsts = ['crash', 'hang', 'memory'].flatMap((k) => report.failures.filter((f) => f.kind === k).slice(0, 2));
    for (const f of firsts) {
      if (f.gradual === true) {
        console.log(
          `\nno triage of the memory failure after ${f.atFrames} frames: RSS climbed gradually (state accumulating), no one request to find`,
        );
        continue;
      }
      console.log(`\ntriage of the ${f.kind} after ${f.atFrames} frames (${f.suspects.length} suspects)…`);
      const t = await triage(
        report.seed,
        f.kind,
        f.suspects.map((p) => p.index),
        f.session,
        (l) => console.log(l),
      );
      console.log(
        t.culprits === null
          ? '  not reproduced on a fresh broker with those connections alone'
          : `  culprits: ${formatIndexes(t.culprits)} → ${f.kind} (${t.detail}); see them with --seed=${report.seed} --replay=${formatIndexes(t.culprits)}`,
      );
    }
  }
  // a kafkajs client of a broken broker may still be retrying in the background
  process.exit(report.failures.length > 0 ? 1 : 0);
}
