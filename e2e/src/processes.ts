/**
 * The system under test, each part in a process of its own as a user would run it: the broker
 * (`node apps/broker/bin/tarn-broker.js --override …` on free ports with a temporary log dir) and
 * the console's production server (`apps/console/server.ts` with TARN_ADMIN_URL and PORT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canConnect, freePort } from '@tarn/broker/testing';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Child {
  name: string;
  /** The tail of what it printed. */
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

function run(name: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): { child: ChildProcess; handle: Child } {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-32_768);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let done = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      done = true;
      resolve();
    }),
  );
  return {
    child,
    handle: {
      name,
      output: () => output,
      exited: () => done,
      async stop() {
        if (done) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(timer);
      },
    },
  };
}

async function waitUntil(what: string, handle: Child, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (handle.exited()) throw new Error(`${what} exited during start-up:\n${handle.output()}`);
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`${what} was not ready within ${timeoutMs / 1000} s:\n${handle.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface BrokerProcess extends Child {
  port: number;
  adminPort: number;
  adminUrl: string;
  bootstrap: string;
  logDir: string;
  /** Sends a signal (SIGKILL: a crash) and waits for the exit; the log dir stays for a restart. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Where a restarted broker comes back: the same ports and log dir. */
export interface BrokerPlace {
  port?: number;
  adminPort?: number;
  logDir?: string;
}

export async function startBroker(password: string, overrides: Record<string, string> = {}, place: BrokerPlace = {}): Promise<BrokerProcess> {
  const logDir = place.logDir ?? mkdtempSync(join(tmpdir(), 'tarn-e2e-'));
  const port = place.port ?? (await freePort());
  const adminPort = place.adminPort ?? (await freePort());
  const props: Record<string, string> = {
    listeners: `PLAINTEXT://127.0.0.1:${port}`,
    'admin.listeners': `http://127.0.0.1:${adminPort}`,
    'log.dirs': logDir,
    'admin.password': password,
    'log.level': 'warn',
    // fast group formation and lag samples, so the pages have something to show quickly
    'group.initial.rebalance.delay.ms': '0',
    'group.lag.sample.interval.ms': '1000',
    'offsets.topic.num.partitions': '5',
    ...overrides,
  };
  const args = [join(ROOT, 'apps', 'broker', 'bin', 'tarn-broker.js'), ...Object.entries(props).flatMap(([k, v]) => ['--override', `${k}=${v}`])];
  const { child, handle } = run('broker', args, { cwd: ROOT });
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  await waitUntil('the broker', handle, async () => (await canConnect(port)) && (await fetch(`${adminUrl}/healthz`).then((r) => r.ok, () => false)), 60_000);
  return {
    ...handle,
    port,
    adminPort,
    adminUrl,
    bootstrap: `127.0.0.1:${port}`,
    logDir,
    async stop() {
      await handle.stop();
      rmSync(logDir, { recursive: true, force: true });
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (handle.exited()) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}

export interface ConsoleProcess extends Child {
  url: string;
}

/** The console's production server (the build must exist: see apps/console/scripts/ensure-build.ts). */
export async function startConsole(adminUrl: string): Promise<ConsoleProcess> {
  const port = await freePort();
  const cwd = join(ROOT, 'apps', 'console');
  const { handle } = run('console', ['--import', 'tsx', 'server.ts'], {
    cwd,
    env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', TARN_ADMIN_URL: adminUrl, PORT: String(port), HOST: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('the console', handle, () => fetch(`${url}/login`, { redirect: 'manual' }).then((r) => r.status === 200, () => false), 60_000);
  return { ...handle, url };
}
