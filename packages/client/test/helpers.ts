// Test support for @tarn/client's suites: a real tarn broker (in this process, on free loopback
// ports, with a temporary log dir) that every suite connects to over real sockets, stopped after
// the suite. Group tests are fast because the initial rebalance delay is 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { Broker } from '@tarn/broker';
import { Cluster, type ClientProperties } from '../src/index';

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Runs after the suite (LIFO): close clients, stop brokers, remove directories. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export function tempDir(prefix = 'tarn-client-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

export interface TestBroker {
  broker: Broker;
  port: number;
  /** `127.0.0.1:<port>`, for `bootstrap.servers`. */
  bootstrap: string;
  logDir: string;
  /** Client properties reaching this broker (bootstrap.servers), plus `extra`. */
  props(extra?: ClientProperties): ClientProperties;
  stop(): Promise<void>;
}

/** A broker with Kafka's property names as `overrides` (e.g. `{ 'num.partitions': '3' }`). */
export async function startTestBroker(overrides: Record<string, string> = {}, logDir = tempDir()): Promise<TestBroker> {
  const broker = new Broker({
    listeners: 'PLAINTEXT://127.0.0.1:0',
    'admin.listeners': 'http://127.0.0.1:0',
    'log.dirs': logDir,
    'log.level': process.env.TARN_TEST_LOG_LEVEL ?? 'warn',
    'group.initial.rebalance.delay.ms': '0',
    'offsets.topic.num.partitions': '3',
    ...overrides,
  });
  await broker.start();
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await broker.shutdown();
  };
  cleanups.push(stop);
  const port = broker.boundListeners()[0]!.port;
  const bootstrap = `127.0.0.1:${port}`;
  return { broker, port, bootstrap, logDir, props: (extra = {}) => ({ 'bootstrap.servers': bootstrap, ...extra }), stop };
}

/** A Cluster connected to `target`, closed after the suite. */
export async function connectCluster(target: TestBroker | string, extra: ClientProperties = {}): Promise<Cluster> {
  const bootstrap = typeof target === 'string' ? target : target.bootstrap;
  const cluster = await Cluster.connect({ 'bootstrap.servers': bootstrap, 'client.id': 'tarn-client-test', ...extra });
  cleanups.push(() => cluster.close());
  return cluster;
}
