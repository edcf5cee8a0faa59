// A tarn broker in a process of its own (`node apps/broker/bin/tarn-broker.js --override …`), so the
// load generator and the broker do not share an event loop. Optionally profiled with --cpu-prof.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@tarn/broker/testing';

export interface BrokerProcess {
  port: number;
  logDir: string;
  pid: number;
  /** The tail of the broker's stdout and stderr. */
  output(): string;
  /** SIGTERM (clean shutdown, which also writes a --cpu-prof profile), SIGKILL after 20 s. */
  stop(): Promise<void>;
}

/** The broker's entry script, found through the @tarn/broker workspace package. */
function brokerBin(): string {
  const index = fileURLToPath(import.meta.resolve('@tarn/broker'));
  return join(dirname(index), '..', 'bin', 'tarn-broker.js');
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export async function startBrokerProcess(options: { overrides?: Record<string, string>; cpuProfDir?: string } = {}): Promise<BrokerProcess> {
  const logDir = mkdtempSync(join(tmpdir(), 'tarn-bench-broker-'));
  const port = await freePort();
  const props: Record<string, string> = {
    listeners: `PLAINTEXT://127.0.0.1:${port}`,
    'admin.listeners': 'http://127.0.0.1:0',
    'log.dirs': logDir,
    'log.level': 'warn',
    ...options.overrides,
  };
  const nodeArgs = options.cpuProfDir !== undefined ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : [];
  const args = [...nodeArgs, brokerBin(), ...Object.entries(props).flatMap(([k, v]) => ['--override', `${k}=${v}`])];
  // The broker's log stays out of the figures (it may print the console's initial password); its tail
  // is kept for errors.
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer): void => {
    output = (output + d.toString()).slice(-16_384);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => {
    exited = true;
    resolve();
  }));
  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (exited) throw new Error(`the broker exited during start-up (code ${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the broker did not accept connections within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    logDir,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}
