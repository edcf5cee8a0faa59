// A tarn cluster for tests: etcd plus N brokers, either in this process (fast functional tests) or
// as real processes through the one broker-process launcher (fault tests: SIGKILL, SIGSTOP, rolling
// restarts).
import { Broker } from '../src/index';
import { freePort, startEtcd, type TestEtcd } from '../src/testing/etcd-server';
import { startBrokerProcess, type BrokerProcess, type BrokerProcessOptions } from '../src/testing/broker-process';
import { tempDir } from './helpers';

/** A cluster member's properties, but for where it listens and keeps its log. */
function clusterOverrides(nodeId: number, etcd: string, extra: Record<string, string>): Record<string, string> {
  return {
    'node.id': String(nodeId),
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

export function clusterProps(
  nodeId: number,
  port: number,
  etcd: string,
  logDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    listeners: `PLAINTEXT://127.0.0.1:${port}`,
    'admin.listeners': 'http://127.0.0.1:0',
    'log.dirs': logDir,
    ...clusterOverrides(nodeId, etcd, extra),
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
  processes: Map<number, BrokerProcess>;
  bootstrap: string;
  start(nodeId: number): Promise<void>;
  kill(nodeId: number, signal?: NodeJS.Signals): Promise<void>;
  close(): Promise<void>;
}

/**
 * Brokers as real processes (bin/tarn-broker.js), for faults a process can suffer. Their one Kafka
 * listener is PLAINTEXT unless `securityProtocol` names another (whose ssl.*, sasl.* and
 * inter.broker.listener.name properties go in `extra`).
 */
export async function startProcessCluster(
  size = 3,
  extra: Record<string, string> = {},
  securityProtocol: BrokerProcessOptions['securityProtocol'] = 'PLAINTEXT',
): Promise<ProcessCluster> {
  const etcd = await startEtcd();
  const ports = new Map<number, number>();
  const logDirs = new Map<number, string>();
  const processes = new Map<number, BrokerProcess>();
  for (let id = 1; id <= size; id++) {
    ports.set(id, await freePort());
    logDirs.set(id, tempDir(`tarn-proc-${id}-`));
  }
  // a restart comes back on the same port and log dir (removed by tempDir's cleanup, not by the launcher)
  const start = async (id: number) => {
    const broker = await startBrokerProcess({
      port: ports.get(id)!,
      securityProtocol,
      logDir: logDirs.get(id)!,
      overrides: clusterOverrides(id, etcd.endpoint, extra),
      onOutput: process.env.TARN_TEST_LOG_LEVEL ? (text) => process.stderr.write(text) : undefined,
    });
    processes.set(id, broker);
  };
  const kill = async (id: number, signal: NodeJS.Signals = 'SIGKILL') => {
    const broker = processes.get(id);
    if (broker === undefined || broker.exitStatus() !== null) return;
    if (signal === 'SIGKILL' || signal === 'SIGTERM') {
      await broker.kill(signal);
      processes.delete(id);
    } else {
      broker.signal(signal);
    }
  };
  const close = async () => {
    for (const [id, broker] of processes) {
      broker.signal('SIGCONT');
      await kill(id);
    }
    await etcd.stop();
  };
  // a broker that does not come up fails the start, once the others and etcd are gone: left
  // running, they would keep the test process alive after the test has failed
  const failed = (await Promise.allSettled([...ports.keys()].map(start))).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed !== undefined) {
    await close();
    throw failed.reason;
  }
  return {
    etcd,
    ports,
    processes,
    bootstrap: [...ports.values()].map((p) => `127.0.0.1:${p}`).join(','),
    start,
    kill,
    close,
  };
}
