// What this machine does without tarn, measured in the same run as the broker figures: writing bytes
// to a file with fs.writeSync (page cache, like the broker's appends), and pushing bytes through one
// loopback TCP connection to a plain node:net server in another process that discards them.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bestOf } from './report';

const MiB = 1024 * 1024;

/** Best wall time (ms) of writing `totalBytes` to a fresh temp file in `chunkBytes` writes. */
export async function diskWriteMs(totalBytes: number, chunkBytes = MiB, runs = 3): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tarn-bench-disk-'));
  const chunk = Buffer.alloc(chunkBytes, 'd');
  try {
    let run = 0;
    return await bestOf(runs, () => {
      const path = join(dir, `raw-${run++}`);
      const fd = openSync(path, 'w');
      for (let pos = 0; pos < totalBytes;) pos += writeSync(fd, chunk, 0, Math.min(chunk.length, totalBytes - pos), pos);
      closeSync(fd);
      rmSync(path);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The discard server: counts each connection's bytes and answers one byte once `total` arrived.
const DISCARD_SERVER = `
const net = require('node:net');
const total = Number(process.env.TOTAL);
const server = net.createServer((s) => {
  let n = 0;
  s.on('data', (d) => { n += d.length; if (n >= total && n - d.length < total) s.write(Buffer.from([1])); });
  s.on('error', () => {});
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

function push(port: number, totalBytes: number, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => {
      let sent = 0;
      const write = (): void => {
        while (sent < totalBytes) {
          const n = Math.min(chunk.length, totalBytes - sent);
          sent += n;
          if (!s.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
            s.once('drain', write);
            return;
          }
        }
      };
      write();
    });
    s.once('data', () => {
      s.destroy();
      resolve();
    });
    s.once('error', reject);
  });
}

/** Best wall time (ms) of pushing `totalBytes` through one loopback connection, until acknowledged. */
export async function loopbackMs(totalBytes: number, chunkBytes = MiB, runs = 3): Promise<number> {
  const server = spawn(process.execPath, ['-e', DISCARD_SERVER], {
    env: { ...process.env, TOTAL: String(totalBytes) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(Number(out.trim()));
      });
      server.once('exit', (code) => reject(new Error(`discard server exited (${code})`)));
    });
    const chunk = Buffer.alloc(chunkBytes, 'n');
    return await bestOf(runs, () => push(port, totalBytes, chunk));
  } finally {
    server.kill('SIGKILL');
  }
}
