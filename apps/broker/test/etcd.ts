// A real etcd server (Debian's etcd-server) on free loopback ports, for tests of the cluster mode.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './helpers';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
}

export interface TestEtcd {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
  pause(): void;
  resume(): void;
}

export async function startEtcd(): Promise<TestEtcd> {
  const [client, peer] = [await freePort(), await freePort()];
  const dir = join(tempDir('tarn-etcd-'), 'data');
  const endpoint = `http://127.0.0.1:${client}`;
  const child = spawn('etcd', [
    '--data-dir', dir,
    '--name', 'tarn-test',
    '--listen-client-urls', endpoint,
    '--advertise-client-urls', endpoint,
    '--listen-peer-urls', `http://127.0.0.1:${peer}`,
    '--initial-advertise-peer-urls', `http://127.0.0.1:${peer}`,
    '--initial-cluster', `tarn-test=http://127.0.0.1:${peer}`,
    '--log-level', 'error',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${endpoint}/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`etcd exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  };
  return { endpoint, process: child, stop, pause: () => child.kill('SIGSTOP'), resume: () => child.kill('SIGCONT') };
}
