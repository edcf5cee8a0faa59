// Crash recovery: torn and corrupt tails are cut at the last complete batch, damaged indexes are
// rebuilt, leftovers of interrupted deletes and cleans are resolved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cpSync,
  openSync,
  readSync,
  writeSync,
  closeSync,
  truncateSync,
  statSync,
  unlinkSync,
  writeFileSync,
  readFileSync,
  existsSync,
} from 'node:fs';
import { join } from 'node:path';
import { readLogRecords, type PartitionLog } from '../src/index';
import { makeBatch, openTestLog, tempDir } from './helpers';

/** A log with 6 batches of 4 records, then "killed" (descriptors dropped, nothing flushed). */
async function crashedLog(overrides: Record<string, string> = {}) {
  const t = openTestLog({ 'index.interval.bytes': '200', ...overrides });
  const sizes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const b = makeBatch(4, { start: i * 4 });
    sizes.push(b.length);
    await t.log.append(b);
  }
  t.log.closeFds();
  return { ...t, sizes };
}

function checkLog(log: PartitionLog, expectedEnd: number): void {
  assert.equal(log.logEndOffset, expectedEnd);
  const offsets = [...readLogRecords(log, 0)].map((r) => r.offset);
  assert.deepEqual(
    offsets,
    Array.from({ length: expectedEnd }, (_, i) => i),
  );
  // every index entry points at a batch whose last offset is the entry's offset
  const seg = log.activeSegment;
  for (let i = 0; i < seg.offsetIndex.entries; i++) {
    const e = seg.offsetIndex.entry(i);
    assert.equal(seg.entryAt(e.position)?.lastOffset, e.offset);
  }
}

test('cutting the active segment at every byte inside its last batch recovers to the batch before', async () => {
  const { log, sizes } = await crashedLog();
  const full = statSync(join(log.dir, '00000000000000000000.log')).size;
  const lastStart = full - sizes[5]!;
  const template = tempDir();
  cpSync(log.dir, join(template, 'p'), { recursive: true });
  for (let cut = lastStart; cut < full; cut++) {
    const dir = join(tempDir(), 'topic-0');
    cpSync(join(template, 'p'), dir, { recursive: true });
    truncateSync(join(dir, '00000000000000000000.log'), cut);
    const t = openTestLog({ 'index.interval.bytes': '200' }, { dir });
    checkLog(t.log, 20);
    assert.equal(statSync(join(dir, '00000000000000000000.log')).size, lastStart);
    // the log accepts appends again, right after the last complete batch
    const info = await t.log.append(makeBatch(4, { start: 20 }));
    assert.equal(info.firstOffset, 20);
    checkLog(t.log, 24);
    t.log.closeFds();
  }
});

test('flipping any byte of the last batch covered by its CRC, length or magic recovers to the batch before', async () => {
  const { log, sizes } = await crashedLog();
  const file = join(log.dir, '00000000000000000000.log');
  const full = statSync(file).size;
  const lastStart = full - sizes[5]!;
  // baseOffset (0-7) and partitionLeaderEpoch (12-15) are outside Kafka's CRC by design: the broker
  // rewrites them on append. Every other byte is covered by the length, magic or CRC checks.
  const positions = [];
  for (let p = lastStart + 8; p < full; p++) if (p < lastStart + 12 || p >= lastStart + 16) positions.push(p);
  for (const p of positions) {
    const dir = join(tempDir(), 'topic-0');
    cpSync(log.dir, dir, { recursive: true });
    const fd = openSync(join(dir, '00000000000000000000.log'), 'r+');
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, p);
    b[0] = b[0]! ^ 0x5a;
    writeSync(fd, b, 0, 1, p);
    closeSync(fd);
    const t = openTestLog({ 'index.interval.bytes': '200' }, { dir });
    checkLog(t.log, 20);
    t.log.closeFds();
  }
});

test('a torn segment in the middle drops every later segment', async () => {
  const t = openTestLog({ 'segment.bytes': '1200' });
  for (let i = 0; i < 12; i++) await t.log.append(makeBatch(4, { start: i * 4 }));
  assert.ok(t.log.segments.length >= 3);
  const second = t.log.segments[1]!;
  const secondPath = second.logPath;
  const secondBase = second.baseOffset;
  t.log.closeFds();
  truncateSync(secondPath, statSync(secondPath).size - 5);
  const log = t.reopen();
  assert.equal(log.segments.length, 2);
  assert.ok(log.logEndOffset > secondBase);
  checkLog(log, log.logEndOffset);
  assert.ok(t.events.some((e) => e.type === 'recovered' && e.truncatedBytes > 0));
});

test('missing and corrupt indexes are rebuilt; leftovers of deletes and cleans are resolved', async () => {
  const t = openTestLog({ 'segment.bytes': '1500', 'index.interval.bytes': '100' });
  for (let i = 0; i < 12; i++) await t.log.append(makeBatch(4, { start: i * 4 }));
  await t.log.close();
  const [s0, s1] = [t.log.segments[0]!, t.log.segments[1]!];
  const originalIndex = readFileSync(s0.offsetIndex.path);
  const originalTimeIndex = readFileSync(s1.timeIndex.path);
  unlinkSync(s0.offsetIndex.path);
  writeFileSync(s1.timeIndex.path, Buffer.from('garbage!!'));
  writeFileSync(join(t.log.dir, '00000000000000099999.log.deleted'), 'old');
  writeFileSync(join(t.log.dir, '00000000000000099999.log.cleaned'), 'half-cleaned');
  writeFileSync(join(t.log.dir, '00000000000000088888.index'), 'orphan');
  const log = t.reopen({ hadCleanShutdown: true });
  checkLog(log, 48);
  assert.deepEqual(readFileSync(log.segments[0]!.offsetIndex.path), originalIndex);
  assert.deepEqual(readFileSync(log.segments[1]!.timeIndex.path), originalTimeIndex);
  for (const f of ['00000000000000099999.log.deleted', '00000000000000099999.log.cleaned', '00000000000000088888.index']) {
    assert.equal(existsSync(join(log.dir, f)), false, `${f} removed`);
  }
});

test('a clean shutdown needs no recovery; a recovery point inside a segment scans only the tail', async () => {
  const t = openTestLog({ 'index.interval.bytes': '100' });
  for (let i = 0; i < 20; i++) await t.log.append(makeBatch(4, { start: i * 4 }));
  await t.log.close();
  t.reopen({ hadCleanShutdown: true });
  assert.equal(t.log.logEndOffset, 80);
  assert.equal(t.events.filter((e) => e.type === 'recovered').length, 0);
  t.log.flush();
  const rp = t.log.recoveryPoint;
  for (let i = 20; i < 22; i++) await t.log.append(makeBatch(4, { start: i * 4 }));
  t.log.closeFds();
  const log = t.reopen({ recoveryPoint: rp });
  checkLog(log, 88);
  const recovered = t.events.filter((e) => e.type === 'recovered');
  assert.equal(recovered.length, 1);
  const scanned = recovered[0]!.type === 'recovered' ? recovered[0]!.scannedBytes : -1;
  // only the batches after the last index entry below the recovery point are validated
  assert.ok(scanned > 0 && scanned < log.activeSegment.size / 4, `scanned ${scanned} of ${log.activeSegment.size} bytes`);
});
