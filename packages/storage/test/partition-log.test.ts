// Appends, offsets, segment rolls, indexes and reads of a partition log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBatchHeader, ErrorCode, KafkaError } from '@tarn/protocol';
import { nodeFileSystem, readLogRecords, type FileSystem } from '../src/index';
import { makeBatch, openTestLog } from './helpers';

test('appends get consecutive offsets, stamped in place with the leader epoch', async () => {
  const { log } = openTestLog();
  const a = makeBatch(3);
  const b = makeBatch(5, { start: 3 });
  const [ia, ib] = await Promise.all([log.append(a, { leaderEpoch: 7 }), log.append(b, { leaderEpoch: 7 })]);
  assert.deepEqual([ia.firstOffset, ia.lastOffset, ib.firstOffset, ib.lastOffset], [0, 2, 3, 7]);
  assert.equal(log.logEndOffset, 8);
  assert.equal(readBatchHeader(b).baseOffset, 3);
  assert.equal(readBatchHeader(b).partitionLeaderEpoch, 7);
  const records = [...readLogRecords(log, 0)];
  assert.deepEqual(
    records.map((r) => r.offset),
    [0, 1, 2, 3, 4, 5, 6, 7],
  );
  assert.deepEqual(
    records.map((r) => r.key?.toString()),
    Array.from({ length: 8 }, (_, i) => `key-${i}`),
  );
  assert.deepEqual(log.leaderEpochCache.entries, [{ epoch: 7, startOffset: 0 }]);
});

test('appends issued in one event-loop turn are written with one writev, inline or on the thread pool', async () => {
  for (const inlineWrites of [true, false]) {
    const writes = { inline: 0, pool: 0 };
    const counting: FileSystem = {
      ...nodeFileSystem,
      writev: ((fd: number, bufs: NodeJS.ArrayBufferView[], pos: number, cb: (err: NodeJS.ErrnoException | null, n: number) => void) => {
        writes.pool++;
        nodeFileSystem.writev(fd, bufs, pos, cb);
      }) as FileSystem['writev'],
      writevSync: ((fd: number, bufs: NodeJS.ArrayBufferView[], pos: number) => {
        writes.inline++;
        return nodeFileSystem.writevSync(fd, bufs, pos);
      }) as FileSystem['writevSync'],
    };
    const { log } = openTestLog({}, { fsys: counting, inlineWrites });
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(makeBatch(2, { start: i * 2 }))));
    assert.deepEqual(writes, inlineWrites ? { inline: 1, pool: 0 } : { inline: 0, pool: 1 });
    assert.equal(log.logEndOffset, 40);
    await log.append(makeBatch(1, { start: 40 }));
    assert.equal(writes.inline + writes.pool, 2);
  }
});

test('segments roll at segment.bytes with 20-digit names; the old indexes are trimmed, the active one preallocated', async () => {
  const { log, events } = openTestLog({ 'segment.bytes': '4096', 'index.interval.bytes': '256', 'segment.index.bytes': '800' });
  for (let i = 0; i < 40; i++) await log.append(makeBatch(4, { start: i * 4 }));
  assert.ok(log.segments.length > 3, `expected several segments, got ${log.segments.length}`);
  const files = readdirSync(log.dir).filter((f) => f.endsWith('.log'));
  for (const f of files) assert.match(f, /^\d{20}\.log$/);
  assert.equal(files[0], '00000000000000000000.log');
  for (const seg of log.segments.slice(0, -1)) {
    assert.ok(seg.size <= 4096);
    assert.equal(statSync(seg.offsetIndex.path).size, seg.offsetIndex.entries * 8);
    assert.equal(statSync(seg.timeIndex.path).size, seg.timeIndex.entries * 12);
    assert.ok(seg.offsetIndex.entries > 0);
  }
  assert.equal(statSync(log.activeSegment.offsetIndex.path).size, 800);
  assert.equal(statSync(log.activeSegment.timeIndex.path).size, 792);
  assert.equal(events.filter((e) => e.type === 'segment-rolled').length, log.segments.length - 1);
  // every record is still there, in order, across segments
  const offsets = [...readLogRecords(log, 0)].map((r) => r.offset);
  assert.deepEqual(
    offsets,
    Array.from({ length: 160 }, (_, i) => i),
  );
});

test('a segment rolls when segment.ms has passed between record timestamps', async () => {
  const { log } = openTestLog({ 'segment.ms': '60000' });
  await log.append(makeBatch(1, { now: 1_700_000_000_000 }));
  await log.append(makeBatch(1, { start: 1, now: 1_700_000_030_000 }));
  assert.equal(log.segments.length, 1);
  await log.append(makeBatch(1, { start: 2, now: 1_700_000_061_000 }));
  assert.equal(log.segments.length, 2);
  assert.equal(log.activeSegment.baseOffset, 2);
});

test('a full offset index rolls the segment', async () => {
  const { log } = openTestLog({ 'index.interval.bytes': '0', 'segment.index.bytes': '40' });
  for (let i = 0; i < 20; i++) await log.append(makeBatch(1, { start: i }));
  assert.ok(log.segments.length >= 4);
  for (const seg of log.segments) assert.ok(seg.offsetIndex.entries <= 5);
});

test('reads: from the middle of a batch, bounded by max offset, at least one batch, and past the end', async () => {
  const { log } = openTestLog({ 'index.interval.bytes': '100' });
  const sizes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const b = makeBatch(10, { start: i * 10 });
    sizes.push(b.length);
    await log.append(b);
  }
  const mid = log.read(55, 1_000_000);
  assert.equal(mid.firstEntryOffset, 50);
  assert.equal(
    mid.slice!.position,
    sizes.slice(0, 5).reduce((a, b) => a + b, 0),
  );
  // bounded by the high watermark (exclusive): only batches before offset 70
  const bounded = log.read(50, 1_000_000, 70);
  assert.equal(bounded.slice!.length, sizes[5]! + sizes[6]!);
  // maxBytes smaller than a batch still returns the whole first batch
  const one = log.read(0, 10);
  assert.equal(one.slice!.length, sizes[0]);
  assert.equal(log.read(100, 1000).slice, null);
  assert.throws(
    () => log.read(101, 1000),
    (e: KafkaError) => e.code === ErrorCode.OFFSET_OUT_OF_RANGE,
  );
});

test('offset lookup by timestamp finds the first record at or after it', async () => {
  const { log } = openTestLog({ 'index.interval.bytes': '100', 'segment.bytes': '3000' });
  for (let i = 0; i < 30; i++) await log.append(makeBatch(5, { start: i * 5 }));
  // record i has timestamp 1_700_000_000_000 + i
  for (const target of [0, 1, 7, 64, 65, 149]) {
    assert.equal(log.offsetForTimestamp(1_700_000_000_000 + target)?.offset, target, `timestamp +${target}`);
  }
  assert.equal(log.offsetForTimestamp(1_700_000_000_150), null);
  assert.equal(log.offsetOfMaxTimestamp()?.offset, 149);
});

test('flush.messages=1 moves the recovery point with every append; explicit flush works too', async () => {
  const { log } = openTestLog({ 'flush.messages': '1' });
  await log.append(makeBatch(3));
  assert.equal(log.recoveryPoint, 3);
  const { log: other } = openTestLog();
  await other.append(makeBatch(3));
  assert.equal(other.recoveryPoint, 0);
  other.flush();
  assert.equal(other.recoveryPoint, 3);
});

test('the leader epoch cache tracks epoch starts and answers end offsets', async () => {
  const { log } = openTestLog();
  await log.append(makeBatch(5), { leaderEpoch: 0 });
  await log.append(makeBatch(5, { start: 5 }), { leaderEpoch: 2 });
  await log.append(makeBatch(5, { start: 10 }), { leaderEpoch: 2 });
  await log.append(makeBatch(5, { start: 15 }), { leaderEpoch: 5 });
  assert.equal(readFileSync(join(log.dir, 'leader-epoch-checkpoint'), 'utf8'), '0\n3\n0 0\n2 5\n5 15\n');
  const c = log.leaderEpochCache;
  assert.deepEqual(c.endOffsetFor(0, log.logEndOffset), { epoch: 0, endOffset: 5 });
  assert.deepEqual(c.endOffsetFor(1, log.logEndOffset), { epoch: 0, endOffset: 5 });
  assert.deepEqual(c.endOffsetFor(2, log.logEndOffset), { epoch: 2, endOffset: 15 });
  assert.deepEqual(c.endOffsetFor(5, log.logEndOffset), { epoch: 5, endOffset: 20 });
  assert.deepEqual(c.endOffsetFor(9, log.logEndOffset), { epoch: -1, endOffset: -1 });
  log.truncateTo(12);
  assert.equal(log.logEndOffset, 10);
  assert.deepEqual(c.entries, [
    { epoch: 0, startOffset: 0 },
    { epoch: 2, startOffset: 5 },
  ]);
});
