/**
 * A tarn broker in a process of its own (`node apps/broker/bin/tarn-broker.js --override …`): the one
 * launcher of the broker's fault tests, the e2e suite, the benches (load generator and broker do not
 * share an event loop) and the wire fuzzer (which must see the broker die, hang or grow), exported as
 * `@tarn/broker/testing`. `npm start` and `npm run cluster` do not use it: see scripts/lib/launcher.mjs.
 *
 * The broker listens on loopback: Kafka on `port` (a PLAINTEXT listener unless `securityProtocol`
 * says otherwise), the admin API on `adminPort` (free ports unless given), its log in `logDir` (a new
 * temporary directory unless given). Start-up waits until the Kafka port accepts connections (a TCP
 * connect, which a TLS listener accepts too) and/or the admin API's /healthz answers. To restart a broker on the
 * same log dir (after `kill()`), start a new one with the old one's `port`, `adminPort` and `logDir`.
 * Optionally profiled with --cpu-prof; `nodeArgs` adds any other node flag (e.g. --report-on-signal
 * for a hang's JS stack).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './etcd-server';
import { brokerCommand, brokerEntry } from '../../bin/node-options.mjs';

export interface BrokerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BrokerProcess {
  port: number;
  adminPort: number;
  /** `http://127.0.0.1:<adminPort>` */
  adminUrl: string;
  /** `127.0.0.1:<port>` */
  bootstrap: string;
  logDir: string;
  pid: number;
  /** The tail of the broker's stdout and stderr. */
  output(): string;
  /** How the process ended, or null while it runs. */
  exitStatus(): BrokerExit | null;
  /** Resolves when the process has exited (for any reason). */
  readonly exited: Promise<BrokerExit>;
  /** Sends a signal to the process (no-op once it has exited); SIGSTOP / SIGCONT pause and resume it. */
  signal(sig: NodeJS.Signals): void;
  /** Sends a signal (default SIGKILL: a crash) and waits for the exit; the log dir stays, for a restart. */
  kill(sig?: NodeJS.Signals): Promise<BrokerExit>;
  /**
   * SIGTERM (clean shutdown, which also writes a --cpu-prof profile), SIGKILL after `stopTimeoutMs`;
   * then removes the log dir if this broker owns it (`removeLogDir`).
   */
  stop(): Promise<void>;
}

export interface BrokerProcessOptions {
  /** Broker properties (Kafka's names), after the launcher's own; set the three below through options. */
  overrides?: Record<string, string>;
  /** The Kafka port (default a free one). */
  port?: number;
  /**
   * The Kafka listener's security protocol, also its listener name (default PLAINTEXT): with
   * SASL_SSL, say, `listener.name.sasl_ssl.…` and `inter.broker.listener.name=SASL_SSL` in
   * `overrides` refer to it, and the ssl.* and sasl.* properties there configure it.
   */
  securityProtocol?: 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
  /** The admin API's port (default a free one). */
  adminPort?: number;
  /** The log dir (default a new temporary directory). */
  logDir?: string;
  /** Whether `stop()` removes the log dir: default true for the launcher's own, false for a given one. */
  removeLogDir?: boolean;
  /** What start-up waits for: the Kafka port accepting TCP connections (default), /healthz answering 200, or both. */
  ready?: 'kafka' | 'healthz' | 'kafka+healthz';
  /** How long start-up may take before the process is killed and start fails (default 30 s). */
  startTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL (default 20 s). */
  stopTimeoutMs?: number;
  /** Environment variables, over this process's. */
  env?: NodeJS.ProcessEnv;
  /** The working directory (default this process's). */
  cwd?: string;
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
  return process.env.TARN_BROKER_BIN ?? brokerEntry;
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

/** Whether `<adminUrl>/healthz` answers 200. */
export function isHealthy(adminUrl: string): Promise<boolean> {
  return fetch(`${adminUrl}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
}

/** The properties the launcher sets from its options; overriding them would make the handle lie. */
const PLACED = ['listeners', 'admin.listeners', 'log.dirs'];

/** Brokers still running when this process exits are killed with it (a fuzzer that dies leaves none behind). */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

export async function startBrokerProcess(options: BrokerProcessOptions = {}): Promise<BrokerProcess> {
  const placed = PLACED.filter((k) => options.overrides?.[k] !== undefined);
  if (placed.length > 0)
    throw new Error(
      `startBrokerProcess: set ${placed.join(', ')} through the port, securityProtocol, adminPort and logDir options, not overrides`,
    );
  const ownLogDir = options.logDir === undefined;
  const logDir = options.logDir ?? mkdtempSync(join(tmpdir(), 'tarn-broker-process-'));
  const removeLogDir = options.removeLogDir ?? ownLogDir;
  const port = options.port ?? (await freePort());
  const adminPort = options.adminPort ?? (await freePort());
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const props: Record<string, string> = {
    listeners: `${options.securityProtocol ?? 'PLAINTEXT'}://127.0.0.1:${port}`,
    'admin.listeners': adminUrl,
    'log.dirs': logDir,
    'log.level': 'warn',
    ...options.overrides,
  };
  const nodeArgs = [
    ...(options.cpuProfDir !== undefined ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : []),
    ...(options.nodeArgs ?? []),
  ];
  const env = options.env === undefined ? process.env : { ...process.env, ...options.env };
  const [node, args] = brokerCommand(
    Object.entries(props).flatMap(([k, v]) => ['--override', `${k}=${v}`]),
    { nodeArgs, entry: options.brokerBin ?? brokerBin(), env },
  );
  // The broker's output is kept, not shown (it may print the console's initial password); its tail
  // goes into errors.
  const child: ChildProcess = spawn(node, args, {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const exitStatus = (): BrokerExit | null => status;
  const exited = new Promise<BrokerExit>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      status = { code, signal };
      resolve(status);
    }),
  );

  const ready = options.ready ?? 'kafka';
  const isReady = async (): Promise<boolean> =>
    (ready === 'healthz' || (await canConnect(port))) && (ready === 'kafka' || (await isHealthy(adminUrl)));
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + startTimeoutMs;
  while (!(await isReady())) {
    const st = exitStatus();
    const failure =
      st !== null
        ? `the broker exited during start-up (code ${st.code}, signal ${st.signal})`
        : Date.now() > deadline
          ? `the broker was not ready (${ready}) within ${startTimeoutMs / 1000} s`
          : null;
    if (failure !== null) {
      child.kill('SIGKILL');
      await exited;
      // a log dir made for this start goes; a given one (a restart's) stays, to look at
      if (ownLogDir) rmSync(logDir, { recursive: true, force: true });
      throw new Error(`${failure}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const signal = (sig: NodeJS.Signals): void => {
    if (exitStatus() === null) child.kill(sig);
  };
  return {
    port,
    adminPort,
    adminUrl,
    bootstrap: `127.0.0.1:${port}`,
    logDir,
    pid: child.pid!,
    output: () => output,
    exitStatus,
    exited,
    signal,
    async kill(sig = 'SIGKILL') {
      signal(sig);
      return exited;
    },
    async stop() {
      if (exitStatus() === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs ?? 20_000);
        await exited;
        clearTimeout(timer);
      }
      if (removeLogDir) rmSync(logDir, { recursive: true, force: true });
    },
  };
}
