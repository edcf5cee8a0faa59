/**
 * A real etcd server (Debian's etcd-server) on free loopback ports with a temporary data dir, and
 * the free-port helper it uses: the metadata store of a tarn cluster in tests, the e2e suite and the
 * benches (`@tarn/broker/testing`). `npm run cluster` starts its own etcd on the fixed ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
}

export interface TestEtcd {
  endpoint: string;
  process: ChildProcess;
  /** SIGKILL, then the data dir is removed. */
  stop(): Promise<void>;
  /** SIGSTOP / SIGCONT: etcd unreachable without its clients seeing a closed connection. */
  pause(): void;
  resume(): void;
}

export async function startEtcd(): Promise<TestEtcd> {
  const [client, peer] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'tarn-etcd-'));
  const endpoint = `http://127.0.0.1:${client}`;
  const child = spawn(
    'etcd',
    [
      '--data-dir',
      dir,
      '--name',
      'tarn-test',
      '--listen-client-urls',
      endpoint,
      '--advertise-client-urls',
      endpoint,
      '--listen-peer-urls',
      `http://127.0.0.1:${peer}`,
      '--initial-advertise-peer-urls',
      `http://127.0.0.1:${peer}`,
      '--initial-cluster',
      `tarn-test=http://127.0.0.1:${peer}`,
      '--log-level',
      'error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${endpoint}/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`etcd exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { endpoint, process: child, stop, pause: () => child.kill('SIGSTOP'), resume: () => child.kill('SIGCONT') };
}
