/**
 * Builds the console for production (`next build`) unless its build is newer than every source it
 * is made of (src, @tarn/ui, next.config.ts, package.json). The end-to-end tests and the console
 * benchmark run it first, so they work on a clean clone and never test a stale build.
 *
 *   tsx apps/console/scripts/ensure-build.ts [--force]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const uiDir = join(consoleDir, '..', '..', 'packages', 'ui');

/** Newest modification time of the files under `path`. */
function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '.next' || e.name.startsWith('.')) continue;
    t = Math.max(t, newest(join(path, e.name)));
  }
  return t;
}

/** Why a build is needed, or null when the build is up to date. */
export function staleReason(): string | null {
  const buildId = join(consoleDir, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no production build yet';
  const built = statSync(buildId).mtimeMs;
  const inputs = [
    join(consoleDir, 'src'),
    join(uiDir, 'src'),
    join(consoleDir, 'next.config.ts'),
    join(consoleDir, 'package.json'),
    join(uiDir, 'package.json'),
  ];
  const changed = inputs.find((p) => existsSync(p) && newest(p) > built);
  return changed === undefined ? null : `${changed.slice(consoleDir.length - 'apps/console'.length)} changed since the last build`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const why = process.argv.includes('--force') ? 'forced' : staleReason();
  if (why === null) {
    console.log('console: the production build is up to date');
  } else {
    console.log(`console: building for production (${why}) …`);
    const started = Date.now();
    const next = createRequire(join(consoleDir, 'package.json')).resolve('next/dist/bin/next');
    const r = spawnSync(process.execPath, [next, 'build'], {
      cwd: consoleDir,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (r.status !== 0) {
      console.error('console: next build failed');
      process.exit(r.status ?? 1);
    }
    console.log(`console: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
