#!/usr/bin/env node
// npm start: the broker and the console together.
//
//   npm start [-- <broker arguments>]      e.g. npm start -- --override log.dirs=/var/lib/tarn
//
// Starts the broker (apps/broker/bin/tarn-broker.js, with every argument passed through), builds
// the console when it has no production build or its sources changed since (next build, offline),
// starts the console's server pointed at the broker's admin API, prints the console's URL, and
// stops both on Ctrl-C / SIGTERM (or when either exits). Environment: PORT / HOST for the console
// (default 127.0.0.1:3000), TARN_ADMIN_URL to override the admin API address the console uses.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const consoleDir = join(root, 'apps', 'console');
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

/** The admin listener the broker will use: --override admin.listeners=…, else --config's, else the default. */
function adminUrl() {
  if (process.env.TARN_ADMIN_URL) return process.env.TARN_ADMIN_URL;
  let value = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--config' && args[i + 1] !== undefined && existsSync(args[i + 1])) {
      const m = /^\s*admin\.listeners\s*[=:]\s*(\S+)/m.exec(readFileSync(args[i + 1], 'utf8'));
      if (m !== null) value = m[1];
    }
    const o = a === '--override' ? args[i + 1] : a.startsWith('--override=') ? a.slice('--override='.length) : null;
    if (o?.startsWith('admin.listeners=')) value = o.slice('admin.listeners='.length);
  }
  const url = new URL((value ?? 'http://127.0.0.1:9644').split(',')[0].trim());
  // a wildcard bind is reached on loopback
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]' || url.hostname === '') url.hostname = '127.0.0.1';
  return url.origin;
}

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
  const sources = Math.max(newest(join(consoleDir, 'src')), newest(join(root, 'packages', 'ui', 'src')), statSync(join(consoleDir, 'next.config.ts')).mtimeMs);
  return sources > built ? 'sources changed since the last build' : null;
}

const children = new Set();
let stopping = false;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function run(name, cmd, argv, options) {
  const child = spawn(cmd, argv, { stdio: 'inherit', env, ...options });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`\n[start] ${name} exited (${signal ?? code}); stopping.`);
      stop(code ?? 1);
    }
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const c of children) c.kill('SIGKILL');
  }, 10_000).unref();
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

async function waitForHealth(url, ms) {
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

const admin = adminUrl();
run('broker', process.execPath, [join(root, 'apps', 'broker', 'bin', 'tarn-broker.js'), ...args], { cwd: root });

const why = needsBuild();
if (why !== null) {
  console.log(`[start] building the console (${why}) …`);
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
    console.error('[start] the console build failed');
    stop(1);
  }
}

if (!(await waitForHealth(admin, 60_000)) && !stopping) console.error(`[start] the broker's admin API at ${admin} does not answer yet; starting the console anyway`);
if (!stopping) {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = process.env.PORT ?? '3000';
  run('console', process.execPath, ['--import', 'tsx', 'server.ts'], { cwd: consoleDir, env: { ...env, NODE_ENV: 'production', TARN_ADMIN_URL: admin, HOST: host, PORT: port } });
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
  if (!stopping) console.log(`\n  tarn console: ${url}   (broker admin API ${admin}; Ctrl-C stops both)\n`);
}
