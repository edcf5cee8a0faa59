// The log directory written by Apache Kafka 2.1.1 opens in tarn and yields exactly the records that
// log-dir-decoded/*.json lists; indexes rebuilt by tarn are byte-identical to Kafka's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, unlinkSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { LogManager, readLogRecords, type LogRecord } from '../src/index';
import { copyFixtureLogDir, fixturesDir, tempDir } from './helpers';

type JsonBytes = string | { hex: string } | null;
interface JsonRecord {
  offset: number;
  timestamp: number;
  key: JsonBytes;
  value: JsonBytes;
  headers?: Array<[string, JsonBytes]>;
}

function bytesEqual(actual: Buffer | null, expected: JsonBytes, what: string): void {
  if (expected === null) return assert.equal(actual, null, `${what} should be null`);
  assert.ok(actual !== null, `${what} should not be null`);
  if (typeof expected === 'object') assert.equal(actual.toString('hex'), expected.hex, what);
  else assert.equal(actual.toString('utf8'), expected, what);
}

/** Flattens the decoded JSON into records in offset order (magic-1 wrappers expanded). */
function expectedRecords(partitionDir: string): JsonRecord[] {
  const json = JSON.parse(readFileSync(join(fixturesDir(), 'log-dir-decoded', `${partitionDir}.json`), 'utf8'));
  const out: JsonRecord[] = [];
  for (const seg of json.segments) {
    for (const b of seg.batches) {
      if (b.records) out.push(...b.records);
      else if (b.inner_messages)
        out.push(...b.inner_messages.map((m: JsonRecord & { absolute_offset: number }) => ({ ...m, offset: m.absolute_offset })));
      else out.push(b);
    }
  }
  return out;
}

function compare(partitionDir: string, actual: LogRecord[]): void {
  const expected = expectedRecords(partitionDir);
  assert.equal(actual.length, expected.length, `${partitionDir}: record count`);
  expected.forEach((e, i) => {
    const a = actual[i]!;
    const what = `${partitionDir} offset ${e.offset}`;
    assert.equal(a.offset, e.offset, `${what}: offset`);
    assert.equal(a.timestamp, e.timestamp, `${what}: timestamp`);
    bytesEqual(a.key, e.key, `${what}: key`);
    bytesEqual(a.value, e.value, `${what}: value`);
    const headers = e.headers ?? [];
    assert.equal(a.headers.length, headers.length, `${what}: header count`);
    headers.forEach(([k, v], j) => {
      assert.equal(a.headers[j]!.key, k, `${what}: header ${j} key`);
      bytesEqual(a.headers[j]!.value, v, `${what}: header ${j} value`);
    });
  });
}

const PARTITIONS = [
  'fx-none-0',
  'fx-gzip-0',
  'fx-snappy-0',
  'fx-lz4-0',
  'fx-zstd-0',
  'fx-kcat-0',
  'fx-magic1-0',
  '__consumer_offsets-0',
  '__transaction_state-0',
  '__transaction_state-16',
  '__transaction_state-30',
];

test('every record of the Kafka 2.1.1 log dir reads back with offsets, keys, values, headers and timestamps', async () => {
  const dir = copyFixtureLogDir();
  const manager = new LogManager({ logDirs: [dir] });
  manager.startup();
  for (const name of PARTITIONS) {
    const [topic, partition] = [name.slice(0, name.lastIndexOf('-')), Number(name.slice(name.lastIndexOf('-') + 1))];
    const log = manager.getLog(topic, partition);
    assert.ok(log, `${name} is loaded`);
    compare(name, [...readLogRecords(log, 0)]);
  }
  for (const t of ['fx-none', 'fx-gzip', 'fx-snappy', 'fx-lz4', 'fx-zstd']) assert.equal(manager.getLog(t, 0)!.logEndOffset, 513);
  assert.equal(manager.getLog('fx-kcat', 0)!.logEndOffset, 23);
  assert.equal(manager.getLog('fx-magic1', 0)!.logEndOffset, 6);
  assert.equal(manager.getLog('fx-gzip', 0)!.segments.length, 3);
  await manager.shutdown();
});

test('reads from the middle of a batch return the whole batch', async () => {
  const dir = copyFixtureLogDir();
  const manager = new LogManager({ logDirs: [dir] });
  manager.startup();
  const log = manager.getLog('fx-gzip', 0)!;
  // fx-gzip segment 220: the batch at position 669 covers offsets 228-243.
  const info = log.read(235, 1);
  assert.ok(info.slice);
  assert.equal(info.firstEntryOffset, 228);
  assert.equal(info.slice.position, 669);
  const records = [...readLogRecords(log, 235, { maxOffset: 244 })];
  assert.deepEqual(
    records.map((r) => r.offset),
    Array.from({ length: 9 }, (_, i) => 235 + i),
  );
  await manager.shutdown();
});

test('rebuilt indexes are byte-identical to the ones Kafka wrote', async () => {
  for (const name of PARTITIONS.filter((p) => p.startsWith('fx-'))) {
    const original = join(fixturesDir(), 'log-dir', name);
    const logDir = tempDir();
    const copy = join(logDir, name);
    cpSync(original, copy, { recursive: true });
    const indexes = readdirSync(copy).filter((f) => f.endsWith('.index') || f.endsWith('.timeindex'));
    for (const f of indexes) unlinkSync(join(copy, f));
    // No clean-shutdown marker and no checkpoints: every segment is recovered from its .log.
    // The fixture topics were created with index.interval.bytes=512 (fixtures README §1.1).
    const manager = new LogManager({
      logDirs: [logDir],
      topicOverrides: () => ({ 'index.interval.bytes': '512', 'segment.bytes': '16384' }),
    });
    manager.startup();
    await manager.shutdown();
    for (const f of indexes) {
      assert.deepEqual(readFileSync(join(copy, f)), readFileSync(join(original, f)), `${name}/${f} differs from Kafka's`);
    }
  }
});
