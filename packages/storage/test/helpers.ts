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

import { buildRecordBatch, type BatchOptions, type RecordInput } from '@tarn/protocol';
import { MockTime, PartitionLog, buildLogConfig, nodeFileSystem, type FileSystem, type LogEvent } from '../src/index';

export interface TestLog {
  log: PartitionLog;
  events: LogEvent[];
  reopen(options?: { recoveryPoint?: number; hadCleanShutdown?: boolean; fsys?: FileSystem }): PartitionLog;
}

/** A standalone partition log on a mock clock; `reopen` simulates a restart of the same directory. */
export function openTestLog(
  overrides: Record<string, string> = {},
  options: {
    dir?: string;
    time?: MockTime;
    fsys?: FileSystem;
    hadCleanShutdown?: boolean;
    warn?: (message: string, context?: Record<string, unknown>) => void;
    inlineWrites?: boolean;
  } = {},
): TestLog {
  const dir = options.dir ?? join(tempDir(), 'topic-0');
  const time = options.time ?? new MockTime();
  const events: LogEvent[] = [];
  const open = (fsys: FileSystem, extra: { recoveryPoint?: number; hadCleanShutdown?: boolean } = {}) =>
    PartitionLog.open(
      { fsys, time, scheduler: time, warn: options.warn ?? (() => {}), emit: (e) => events.push(e), inlineWrites: options.inlineWrites },
      { dir, topic: 'topic', partition: 0, config: buildLogConfig(overrides), ...extra },
    );
  const result: TestLog = {
    log: open(options.fsys ?? nodeFileSystem, { hadCleanShutdown: options.hadCleanShutdown }),
    events,
    reopen(o = {}) {
      result.log = open(o.fsys ?? nodeFileSystem, o);
      return result.log;
    },
  };
  return result;
}

/** `count` records "key-i" → "value-i", 100-byte-ish values. */
export function makeBatch(count: number, options: BatchOptions & { start?: number; keyPrefix?: string } = {}): Buffer {
  const start = options.start ?? 0;
  const records: RecordInput[] = Array.from({ length: count }, (_, i) => ({
    key: `${options.keyPrefix ?? 'key'}-${start + i}`,
    value: `value-${start + i}-${'x'.repeat(80)}`,
    timestamp: options.now ?? 1_700_000_000_000 + start + i,
  }));
  return buildRecordBatch(records, options);
}
