// Shared by `npm start` and `npm run cluster`: supervised child processes (all stop together on
// Ctrl-C / SIGTERM or when one exits), brokers among them (runBroker), the console's production
// build when it is missing or stale, and starting the console pointed at a broker's admin API.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokerCommand } from '../../apps/broker/bin/node-options.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const consoleDir = join(root, 'apps', 'console');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const children = new Set();
let stopping = false;

export function isStopping() {
  return stopping;
}

export function run(name, cmd, argv, options = {}) {
  const child = spawn(cmd, argv, { stdio: 'inherit', ...options, env: { ...env, ...(options.env ?? {}) } });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`\n[${name}] exited (${signal ?? code}); stopping everything.`);
      stop(code ?? 1);
    }
  });
  return child;
}

/**
 * A broker as the user runs it: their arguments (--config, --override) passed through untouched, its
 * log on this terminal, its log dir theirs. This is deliberately not the launcher of the tests, e2e
 * and benches (`startBrokerProcess` in @tarn/broker/testing): that one is TypeScript (these scripts
 * run with plain node), and what it adds (free ports, a temporary log dir it removes, its own
 * --override of listeners and log.dirs, a kept output tail, a readiness wait) would override the
 * user's configuration here. What the two share is the command itself (brokerCommand: the node
 * flags and the entry script), so a broker runs the same way from every launcher.
 */
export function runBroker(name, args) {
  return run(name, ...brokerCommand(args), { cwd: root });
}

export function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const c of children) c.kill('SIGKILL');
  }, 20_000).unref();
  const done = () => {
    if (children.size === 0) {
      clearTimeout(force);
      process.exit(code);
    }
  };
  for (const c of children) c.on('exit', done);
  done();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/** Newest modification time under a directory (sources only). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '.next' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function needsBuild() {
  const buildId = join(consoleDir, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no production build yet';
  const built = statSync(buildId).mtimeMs;
  const sources = Math.max(
    newest(join(consoleDir, 'src')),
    newest(join(root, 'packages', 'ui', 'src')),
    statSync(join(consoleDir, 'next.config.ts')).mtimeMs,
  );
  return sources > built ? 'sources changed since the last build' : null;
}

/** Runs `next build` (offline) when the console has no up-to-date production build. */
export async function buildConsoleIfNeeded() {
  const why = needsBuild();
  if (why === null) return;
  console.log(`[console] building (${why}) …`);
  const next = createRequire(join(consoleDir, 'package.json')).resolve('next/dist/bin/next');
  const code = await new Promise((resolve) => {
    const b = spawn(process.execPath, [next, 'build'], { cwd: consoleDir, stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
    children.add(b);
    b.on('exit', (c) => {
      children.delete(b);
      resolve(c ?? 1);
    });
  });
  if (stopping) await new Promise(() => {});
  if (code !== 0) {
    console.error('[console] the build failed');
    stop(1);
  }
}

export async function waitForHealth(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until && !stopping) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** Starts the console's server for a broker's admin API and prints its URL once it answers. */
export async function startConsole(adminUrl, note) {
  if (!(await waitForHealth(adminUrl, 60_000)) && !stopping)
    console.error(`[console] the broker's admin API at ${adminUrl} does not answer yet; starting the console anyway`);
  if (stopping) return;
  const host = process.env.HOST ?? '127.0.0.1';
  const port = process.env.PORT ?? '3000';
  run('console', process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: consoleDir,
    env: { NODE_ENV: 'production', TARN_ADMIN_URL: adminUrl, HOST: host, PORT: port },
  });
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const until = Date.now() + 60_000;
  while (!stopping && Date.now() < until) {
    try {
      await fetch(`${url}/login`, { redirect: 'manual' });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  if (!stopping) console.log(`\n  tarn console: ${url}   (${note}; Ctrl-C stops everything)\n`);
}
