// A tarn cluster for tests: etcd plus N brokers, either in this process (fast functional tests) or
// as real processes (fault tests: SIGKILL, SIGSTOP, rolling restarts).
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Broker } from '../src/index';
import { freePort, startEtcd, type TestEtcd } from '../src/testing/etcd-server';
import { TestConnection, tempDir } from './helpers';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'tarn-broker.js');

export function clusterProps(nodeId: number, port: number, etcd: string, logDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'node.id': String(nodeId),
    listeners: `PLAINTEXT://127.0.0.1:${port}`,
    'admin.listeners': 'http://127.0.0.1:0',
    'log.dirs': logDir,
    'log.level': process.env.TARN_TEST_LOG_LEVEL ?? 'warn',
    'metadata.store': 'etcd',
    'etcd.endpoints': etcd,
    'broker.session.timeout.ms': '3000',
    'replica.lag.time.max.ms': '3000',
    'replica.fetch.wait.max.ms': '200',
    'group.initial.rebalance.delay.ms': '0',
    'default.replication.factor': '3',
    'offsets.topic.replication.factor': '3',
    'admin.password': 'pw',
    ...extra,
  };
}

export interface InProcessCluster {
  etcd: TestEtcd;
  brokers: Map<number, Broker>;
  ports: Map<number, number>;
  logDirs: Map<number, string>;
  bootstrap: string;
  start(nodeId: number): Promise<Broker>;
  stop(nodeId: number): Promise<void>;
  close(): Promise<void>;
}

export async function startInProcessCluster(size = 3, extra: Record<string, string> = {}): Promise<InProcessCluster> {
  const etcd = await startEtcd();
  const brokers = new Map<number, Broker>();
  const ports = new Map<number, number>();
  const logDirs = new Map<number, string>();
  for (let id = 1; id <= size; id++) {
    ports.set(id, await freePort());
    logDirs.set(id, tempDir(`tarn-cluster-${id}-`));
  }
  const start = async (id: number) => {
    const b = new Broker(clusterProps(id, ports.get(id)!, etcd.endpoint, logDirs.get(id)!, extra));
    await b.start();
    brokers.set(id, b);
    return b;
  };
  const stop = async (id: number) => {
    const b = brokers.get(id);
    brokers.delete(id);
    await b?.shutdown();
  };
  await Promise.all([...ports.keys()].map(start));
  return {
    etcd,
    brokers,
    ports,
    logDirs,
    bootstrap: [...ports.values()].map((p) => `127.0.0.1:${p}`).join(','),
    start,
    stop,
    close: async () => {
      await Promise.all([...brokers.keys()].map(stop));
      await etcd.stop();
    },
  };
}

export async function eventually(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface ProcessCluster {
  etcd: TestEtcd;
  ports: Map<number, number>;
  processes: Map<number, ChildProcess>;
  bootstrap: string;
  start(nodeId: number): Promise<void>;
  kill(nodeId: number, signal?: NodeJS.Signals): Promise<void>;
  close(): Promise<void>;
}

/** Brokers as real processes (bin/tarn-broker.js), for faults a process can suffer. */
export async function startProcessCluster(size = 3, extra: Record<string, string> = {}): Promise<ProcessCluster> {
  const etcd = await startEtcd();
  const ports = new Map<number, number>();
  const logDirs = new Map<number, string>();
  const processes = new Map<number, ChildProcess>();
  for (let id = 1; id <= size; id++) {
    ports.set(id, await freePort());
    logDirs.set(id, tempDir(`tarn-proc-${id}-`));
  }
  const start = async (id: number) => {
    const props = clusterProps(id, ports.get(id)!, etcd.endpoint, logDirs.get(id)!, extra);
    const args = Object.entries(props).flatMap(([k, v]) => ['--override', `${k}=${v}`]);
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', process.env.TARN_TEST_LOG_LEVEL ? 'inherit' : 'ignore'] });
    processes.set(id, child);
    for (let i = 0; i < 300; i++) {
      try {
        (await TestConnection.open(ports.get(id)!)).close();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`broker ${id} did not start`);
  };
  const kill = async (id: number, signal: NodeJS.Signals = 'SIGKILL') => {
    const child = processes.get(id);
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    if (signal === 'SIGKILL' || signal === 'SIGTERM') {
      await exited;
      processes.delete(id);
    }
  };
  await Promise.all([...ports.keys()].map(start));
  return {
    etcd,
    ports,
    processes,
    bootstrap: [...ports.values()].map((p) => `127.0.0.1:${p}`).join(','),
    start,
    kill,
    close: async () => {
      for (const [id, child] of processes) {
        if (child.signalCode === null && child.exitCode === null) child.kill('SIGCONT');
        await kill(id);
      }
      await etcd.stop();
    },
  };
}
