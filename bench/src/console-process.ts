// The console's production server in a process of its own (apps/console/server.ts), built first
// when its build is missing or stale (apps/console/scripts/ensure-build.ts).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@tarn/broker/testing';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'console');

export interface ConsoleProcess {
  url: string;
  stop(): Promise<void>;
}

export function ensureConsoleBuild(): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(consoleDir, 'scripts', 'ensure-build.ts')], {
    cwd: consoleDir,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('the console build failed');
}

export async function startConsoleProcess(adminUrl: string): Promise<ConsoleProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: consoleDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      TARN_ADMIN_URL: adminUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8192)));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8192)));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${url}/login`, { redirect: 'manual' }).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the console did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(t);
    },
  };
}
