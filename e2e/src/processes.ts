/**
 * The system under test, each part in a process of its own as a user would run it: the broker
 * (`node apps/broker/bin/tarn-broker.js --override …` on free ports with a temporary log dir, through
 * `@tarn/broker/testing`) and the console's production server (`apps/console/server.ts` with
 * TARN_ADMIN_URL and PORT).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startBrokerProcess, type BrokerProcess } from '@tarn/broker/testing';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Child {
  name: string;
  /** The tail of what it printed. */
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

function run(name: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Child {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

export type { BrokerProcess };

/** Where a restarted broker comes back: the same ports and log dir. */
export interface BrokerPlace {
  port?: number;
  adminPort?: number;
  logDir?: string;
}

/**
 * A broker (the one launcher, `@tarn/broker/testing`) ready on both its Kafka port and /healthz; its
 * log dir is removed by `stop()`, also when it was a restart's (`place`); `kill()` keeps it.
 */
export function startBroker(password: string, overrides: Record<string, string> = {}, place: BrokerPlace = {}): Promise<BrokerProcess> {
  return startBrokerProcess({
    ...place,
    removeLogDir: true,
    overrides: {
      'admin.password': password,
      // fast group formation and lag samples, so the pages have something to show quickly
      'group.initial.rebalance.delay.ms': '0',
      'group.lag.sample.interval.ms': '1000',
      'offsets.topic.num.partitions': '5',
      ...overrides,
    },
    cwd: ROOT,
    ready: 'kafka+healthz',
    startTimeoutMs: 60_000,
    stopTimeoutMs: 15_000,
    outputTail: 32_768,
  });
}

export interface ConsoleProcess extends Child {
  url: string;
}

/** The console's production server (the build must exist: see apps/console/scripts/ensure-build.ts). */
export async function startConsole(adminUrl: string): Promise<ConsoleProcess> {
  const port = await freePort();
  const cwd = join(ROOT, 'apps', 'console');
  const handle = run('console', ['--import', 'tsx', 'server.ts'], {
    cwd,
    env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', TARN_ADMIN_URL: adminUrl, PORT: String(port), HOST: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    'the console',
    handle,
    () =>
      fetch(`${url}/login`, { redirect: 'manual' }).then(
        (r) => r.status === 200,
        () => false,
      ),
    60_000,
  );
  return { ...handle, url };
}
