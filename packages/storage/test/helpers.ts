import { cpSync, mkdtempSync, rmSync, existsSync, chmodSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');

/** `../shared/kafka-fixtures` next to the repository; tests fail loudly when it is missing. */
export function fixturesDir(): string {
  const dir = process.env.TARN_KAFKA_FIXTURES ?? resolve(repoRoot, '../shared/kafka-fixtures');
  if (!existsSync(join(dir, 'log-dir'))) throw new Error(`Kafka fixtures not found at ${dir} (set TARN_KAFKA_FIXTURES)`);
  return dir;
}

const made: string[] = [];
after(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'tarn-storage-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

function makeWritable(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const n of readdirSync(path)) makeWritable(join(path, n));
}

/** A writable copy of the fixture log dir (the originals are read-only). */
export function copyFixtureLogDir(): string {
  const dest = join(tempDir(), 'log-dir');
  cpSync(join(fixturesDir(), 'log-dir'), dest, { recursive: true });
  makeWritable(dest);
  return dest;
}
