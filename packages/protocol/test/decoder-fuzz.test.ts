// Fuzz: random frames and mutated fixture frames (bit flips, truncations, huge lengths) thrown at
// decodeRequest must succeed or fail with DecodeError / UnsupportedRequestError — nothing else, no
// hang (the worker is cut off after a deadline; each decode is timed) and no large allocation (the
// worker's heap is capped and Buffer allocations are watched).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { FuzzReport } from './decoder-fuzz-worker';
import { FIXTURES_DIR, requireDir } from './fixture-paths';

const DEADLINE_MS = 60_000;
const MAX_DECODE_MS = 250;

it('decodeRequest survives hostile frames', async (t) => {
  const wireDir = join(requireDir(FIXTURES_DIR), 'wire');
  const { pairs } = JSON.parse(readFileSync(join(wireDir, 'index.json'), 'utf8')) as { pairs: { request_file: string }[] };
  const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000);
  // Workers do not inherit tsx's loader hooks on Node 20: register them before importing the worker.
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./decoder-fuzz-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script)}); })`;
  const worker = new Worker(bootstrap, {
    eval: true,
    execArgv: [],
    workerData: { wireDir, requestFiles: pairs.map((p) => p.request_file), iterations: 40_000, seed },
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 32 },
  });
  let timer: NodeJS.Timeout | undefined;
  const report = await Promise.race([
    new Promise<FuzzReport>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`fuzz worker exited (code ${code}) without a report`)));
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`fuzz did not finish within ${DEADLINE_MS} ms (seed ${seed})`)), DEADLINE_MS);
    }),
  ]).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
  const { failures, slowestFrame, ...counts } = report;
  t.diagnostic(`seed ${seed}: ${JSON.stringify(counts)}`);
  assert.deepEqual(failures, [], `unexpected exceptions (FUZZ_SEED=${seed})`);
  assert.equal(report.decodes, 40_000);
  assert.ok(report.ok > 0 && report.decodeErrors > 0 && report.unsupported > 0, JSON.stringify(report));
  assert.ok(report.slowestMs < MAX_DECODE_MS, `slowest decode took ${report.slowestMs} ms: ${slowestFrame}`);
});
