/**
 * A tarn broker in a process of its own (`node apps/broker/bin/tarn-broker.js --override …`), so the
 * load generator and the broker do not share an event loop: the benches, and the wire fuzzer, which
 * must see the broker die, hang or grow (`@tarn/broker/testing`). Optionally profiled with
 * --cpu-prof; `nodeArgs` adds any other node flag (e.g. --report-on-signal for a hang's JS stack).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './etcd-server';

export interface BrokerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BrokerProcess {
  port: number;
  logDir: string;
  pid: number;
  /** The tail of the broker's stdout and stderr. */
  output(): string;
  /** How the process ended, or null while it runs. */
  exitStatus(): BrokerExit | null;
  /** Resolves when the process has exited (for any reason). */
  readonly exited: Promise<BrokerExit>;
  /** Sends a signal to the process (no-op once it has exited). */
  signal(sig: NodeJS.Signals): void;
  /** SIGTERM (clean shutdown, which also writes a --cpu-prof profile), SIGKILL after 20 s; removes the log dir. */
  stop(): Promise<void>;
}

export interface BrokerProcessOptions {
  overrides?: Record<string, string>;
  cpuProfDir?: string;
  /** More node flags, before the entry script. */
  nodeArgs?: string[];
  /** Every chunk of the broker's stdout and stderr, as it arrives. */
  onOutput?: (text: string) => void;
  /** The entry script; default this package's bin/tarn-broker.js (TARN_BROKER_BIN overrides). */
  brokerBin?: string;
  /** How much of the output `output()` keeps (default 16 KiB). */
  outputTail?: number;
}

/** The broker's entry script, next to this package's sources. */
export function brokerBin(): string {
  return process.env.TARN_BROKER_BIN ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'tarn-broker.js');
}

/** Whether a TCP connection to 127.0.0.1:port is accepted. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Brokers still running when this process exits are killed with it (a fuzzer that dies leaves none behind). */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

export async function startBrokerProcess(options: BrokerProcessOptions = {}): Promise<BrokerProcess> {
  const logDir = mkdtempSync(join(tmpdir(), 'tarn-bench-broker-'));
  const port = await freePort();
  const props: Record<string, string> = {
    listeners: `PLAINTEXT://127.0.0.1:${port}`,
    'admin.listeners': 'http://127.0.0.1:0',
    'log.dirs': logDir,
    'log.level': 'warn',
    ...options.overrides,
  };
  const nodeArgs = [...(options.cpuProfDir !== undefined ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : []), ...(options.nodeArgs ?? [])];
  const args = [...nodeArgs, options.brokerBin ?? brokerBin(), ...Object.entries(props).flatMap(([k, v]) => ['--override', `${k}=${v}`])];
  // The broker's log stays out of the figures (it may print the console's initial password); its tail
  // is kept for errors.
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  const tail = options.outputTail ?? 16_384;
  let output = '';
  const keep = (d: Buffer): void => {
    const text = d.toString();
    output = (output + text).slice(-tail);
    options.onOutput?.(text);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let status: BrokerExit | null = null;
  const exited = new Promise<BrokerExit>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      status = { code, signal };
      resolve(status);
    }),
  );
  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (status !== null) throw new Error(`the broker exited during start-up (code ${child.exitCode}):\n${output}`);
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
    exitStatus: () => status,
    exited,
    signal(sig) {
      if (status === null) child.kill(sig);
    },
    async stop() {
      if (status === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}
