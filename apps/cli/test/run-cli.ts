/**
 * Runs the real `tarn` launcher (bin/tarn.js, the file `npx tarn` runs) as a child process, with
 * optional stdin, and collects what it prints. Tests assert on its output and exit code only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const TARN_BIN = resolve(here, '../bin/tarn.js');
export const repoRoot = resolve(here, '../../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export function startCli(args: readonly string[], options: RunOptions = {}): ChildProcess {
  return spawn(process.execPath, [TARN_BIN, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const child = startCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // a tarn that exits before reading all its input (an error) closes the pipe: not a test failure
  child.stdin!.on('error', () => {});
  child.stdin!.end(options.input ?? '');
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tarn ${args.join(' ')} did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** `../shared/kafka-fixtures` next to the repository; tests fail loudly when it is missing. */
export function kafkaFixturesDir(): string {
  const dir = process.env.TARN_KAFKA_FIXTURES ?? resolve(repoRoot, '../shared/kafka-fixtures');
  if (!existsSync(dir)) throw new Error(`Kafka fixtures not found at ${dir} (set TARN_KAFKA_FIXTURES)`);
  return dir;
}
