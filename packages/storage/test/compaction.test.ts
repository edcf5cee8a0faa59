// Compaction keeps the latest value of every key, drops tombstones after delete.retention.ms, and
// never loses a key's latest value even when the process dies at any step of a clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecordBatch, CompressionType } from '@tarn/protocol';
import { MockTime, nodeFileSystem, readLogRecords, type FileSystem, type PartitionLog } from '../src/index';
import { LogCleaner } from '../src/log-cleaner';
import { openTestLog, tempDir } from './helpers';

const CONFIG = { 'cleanup.policy': 'compact', 'segment.bytes': '3000', 'index.interval.bytes': '200', 'delete.retention.ms': '3600000' };
const KEYS = 60;

/** Writes rounds of updates over KEYS keys (mixed codecs), deleting every 7th key at the end. */
async function buildCompactedLog(log: PartitionLog, time: MockTime): Promise<Map<string, string | null>> {
  const latest = new Map<string, string | null>();
  const codecs = [CompressionType.NONE, CompressionType.GZIP, CompressionType.LZ4, CompressionType.ZSTD, CompressionType.SNAPPY];
  let n = 0;
  for (let round = 0; round < 5; round++) {
    for (let k = 0; k < KEYS; k += 6) {
      const records = [];
      for (let j = k; j < Math.min(KEYS, k + 6); j++) {
        if ((j + round) % 3 === 0 && round > 0) continue; // not every key is updated every round
        const value = `k${j}-round${round}-${'v'.repeat(j % 20)}`;
        records.push({ key: `key-${j}`, value, timestamp: time.milliseconds() });
        latest.set(`key-${j}`, value);
      }
      if (records.length === 0) continue;
      await log.append(buildRecordBatch(records, { compression: codecs[n++ % codecs.length]! }));
      time.sleep(1000);
    }
  }
  for (let k = 0; k < KEYS; k += 7) {
    await log.append(buildRecordBatch([{ key: `key-${k}`, value: null, timestamp: time.milliseconds() }]));
    latest.set(`key-${k}`, null);
  }
  log.roll(); // everything written so far becomes cleanable
  log.updateHighWatermark(log.logEndOffset);
  return latest;
}

/** The last value each key has in the log (null = tombstone); absent keys are missing from the map. */
function lastValues(log: PartitionLog): Map<string, string | null> {
  const out = new Map<string, string | null>();
  let previous = -1;
  for (const r of readLogRecords(log, 0)) {
    assert.ok(r.offset > previous, 'offsets increase');
    previous = r.offset;
    out.set(r.key!.toString(), r.value === null ? null : r.value.toString());
  }
  return out;
}

function assertLatestKept(log: PartitionLog, latest: Map<string, string | null>, tombstonesMayBeGone: boolean): void {
  const actual = lastValues(log);
  for (const [key, value] of latest) {
    if (value === null && tombstonesMayBeGone && !actual.has(key)) continue;
    assert.equal(actual.get(key), value, `latest value of ${key}`);
  }
}

test('a clean keeps only the latest record per key; tombstones go after delete.retention.ms', async () => {
  const time = new MockTime();
  const { log } = openTestLog(CONFIG, { time });
  const latest = await buildCompactedLog(log, time);
  const before = [...readLogRecords(log, 0)].length;
  const cleaner = new LogCleaner(nodeFileSystem, time);
  const result = cleaner.clean(log, 0);
  assert.ok(result && result.recordsRemoved > 0);
  const after = [...readLogRecords(log, 0)];
  assert.ok(after.length < before);
  // exactly one record per key remains, the latest one (tombstones still within their retention)
  assert.equal(after.length, latest.size);
  assertLatestKept(log, latest, false);
  assert.ok(
    after.some((r) => r.value === null),
    'tombstones survive the first clean',
  );

  // The first clean stamped the tombstones' batches with a delete horizon (KIP-534); a clean after
  // delete.retention.ms drops them.
  await log.append(buildRecordBatch([{ key: 'key-1', value: 'fresh', timestamp: time.milliseconds() }]));
  latest.set('key-1', 'fresh');
  log.roll();
  log.updateHighWatermark(log.logEndOffset);
  cleaner.clean(log, result.endOffset);
  assert.ok(
    [...readLogRecords(log, 0)].some((r) => r.value === null),
    'tombstones stay until their horizon',
  );
  time.sleep(2 * 3_600_000);
  await log.append(buildRecordBatch([{ key: 'key-2', value: 'fresher', timestamp: time.milliseconds() }]));
  latest.set('key-2', 'fresher');
  log.roll();
  log.updateHighWatermark(log.logEndOffset);
  cleaner.clean(log, 0);
  const final = [...readLogRecords(log, 0)];
  assert.equal(final.filter((r) => r.value === null).length, 0, 'tombstones removed');
  // record timestamps survive the rewrite with a delete horizon
  for (const r of final) assert.ok(r.timestamp >= 1_700_000_000_000 && r.timestamp <= time.milliseconds());
  assertLatestKept(log, latest, true);
  for (const [key, value] of latest) if (value === null) assert.ok(!final.some((r) => r.key?.toString() === key));
});

class Crash extends Error {}

interface CrashControl {
  ops: number;
  /** The mutating operation that "kills the process"; -1 = never. */
  crashAt: number;
}

/** Counts mutating file operations and throws Crash at operation `crashAt`. */
function crashingFs(ctrl: CrashControl): FileSystem {
  const step =
    <T extends unknown[], R>(fn: (...a: T) => R) =>
    (...a: T): R => {
      ctrl.ops++;
      if (ctrl.ops === ctrl.crashAt) throw new Crash(`crash at operation ${ctrl.crashAt}`);
      return fn(...a);
    };
  return {
    ...nodeFileSystem,
    writevSync: step(nodeFileSystem.writevSync),
    writeSync: step(nodeFileSystem.writeSync) as typeof nodeFileSystem.writeSync,
    renameSync: step(nodeFileSystem.renameSync),
    unlinkSync: step(nodeFileSystem.unlinkSync),
    ftruncateSync: step(nodeFileSystem.ftruncateSync),
    fsyncSync: step(nodeFileSystem.fsyncSync),
    utimesSync: step(nodeFileSystem.utimesSync),
  };
}

test("killed at every step of a clean, the reopened log never loses a key's latest value", async () => {
  const time = new MockTime();
  const template = openTestLog(CONFIG, { time });
  const latest = await buildCompactedLog(template.log, time);
  const leo = template.log.logEndOffset;
  await template.log.close();

  // Count the file operations a whole clean takes.
  const countDir = join(tempDir(), 'topic-0');
  cpSync(template.log.dir, countDir, { recursive: true });
  const counter: CrashControl = { ops: 0, crashAt: -1 };
  const counted = openTestLog(CONFIG, { dir: countDir, time, fsys: crashingFs(counter) });
  counted.log.updateHighWatermark(leo);
  counter.ops = 0;
  new LogCleaner(crashingFs(counter), time).clean(counted.log, 0);
  const total = counter.ops;
  assert.ok(total > 10, `a clean takes ${total} file operations`);

  for (let crashAt = 1; crashAt <= total; crashAt++) {
    const dir = join(tempDir(), 'topic-0');
    cpSync(template.log.dir, dir, { recursive: true });
    const ctrl: CrashControl = { ops: 0, crashAt: -1 };
    const fsys = crashingFs(ctrl);
    const t = openTestLog(CONFIG, { dir, time, fsys });
    t.log.updateHighWatermark(leo);
    ctrl.ops = 0;
    ctrl.crashAt = crashAt;
    await assert.rejects(async () => new LogCleaner(fsys, time).clean(t.log, 0), Crash, `operation ${crashAt} is reached`);
    t.log.closeFds();
    // restart: full recovery of whatever the crash left on disk
    const log = t.reopen({ recoveryPoint: 0 });
    assert.equal(log.logEndOffset, leo, `log end offset after a crash at operation ${crashAt}`);
    assertLatestKept(log, latest, false);
    log.closeFds();
  }
});
