// kcat (librdkafka) as an external client reference. Its input is a file and its output goes to
// /dev/null, so that neither this process nor a pipe paces it.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';

export function kcatInstalled(): boolean {
  return spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Writes `count` lines of `valueBytes` bytes each to `path` (kcat -P input: one record a line). */
export function writeRecordLines(path: string, count: number, valueBytes: number): number {
  const line = Buffer.alloc(valueBytes + 1, 'k');
  line[valueBytes] = 0x0a;
  const perChunk = Math.max(1, Math.floor((1024 * 1024) / line.length));
  const chunk = Buffer.allocUnsafe(perChunk * line.length);
  for (let i = 0; i < perChunk; i++) line.copy(chunk, i * line.length);
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < count;) {
      const n = Math.min(perChunk, count - written);
      writeSync(fd, chunk, 0, n * line.length);
      written += n;
    }
  } finally {
    closeSync(fd);
  }
  return count * line.length;
}

/** Runs kcat with stdin from `stdinPath` (or nothing) and stdout to /dev/null; resolves with its stderr. */
export function runKcat(args: string[], stdinPath: string | null, timeoutMs = 60_000): Promise<string> {
  const stdin = stdinPath === null ? 'ignore' : openSync(stdinPath, 'r');
  return new Promise<string>((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: [stdin, 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`kcat ${args.join(' ')} exited with ${code ?? signal}: ${stderr}`));
      else resolve(stderr);
    });
  }).finally(() => {
    if (typeof stdin === 'number') closeSync(stdin);
  });
}

/** Records consumed by `kcat -C -e` (without -q), from its "Reached end of topic T [p] at offset N" lines. */
export function recordsReachedEnd(stderr: string): number {
  let n = 0;
  for (const m of stderr.matchAll(/Reached end of topic \S+ \[\d+\] at offset (\d+)/g)) n += Number(m[1]);
  return n;
}

/** "1.7.1 (librdkafka 2.0.2)", from `kcat -V`. */
export function kcatVersion(): string {
  const out = spawnSync('kcat', ['-V'], { encoding: 'utf8' }).stdout ?? '';
  const kcat = /Version (\S+)/.exec(out)?.[1] ?? '?';
  const lib = /librdkafka (\S+)/.exec(out)?.[1] ?? '?';
  return `${kcat} (librdkafka ${lib})`;
}
