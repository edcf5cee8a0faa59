// Retention on an injected clock: expired segments are renamed .deleted, then removed after
// file.delete.delay.ms; the log start offset moves and reads below it are out of range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { MockTime, readLogRecords } from '../src/index';
import { makeBatch, openTestLog } from './helpers';

const HOUR = 3_600_000;

test('retention.ms: old segments go .deleted, then disappear; the log start offset moves', async () => {
  const time = new MockTime(1_700_000_000_000);
  const { log, events } = openTestLog({ 'segment.bytes': '2000', 'retention.ms': String(HOUR), 'file.delete.delay.ms': '60000' }, { time });
  // batches timestamped "now": 4 segments' worth
  for (let i = 0; i < 16; i++) await log.append(makeBatch(4, { start: i * 4, now: time.milliseconds() }));
  log.updateHighWatermark(log.logEndOffset);
  const before = log.segments.length;
  assert.ok(before >= 3);
  assert.equal(log.deleteOldSegments(), 0, 'nothing expired yet');
  time.sleep(HOUR + 1);
  const oldBases = log.segments.map((s) => s.baseOffset);
  const deleted = log.deleteOldSegments();
  // every segment had expired: a fresh active segment is rolled so the log always has one
  assert.equal(deleted, before);
  assert.equal(log.segments.length, 1);
  assert.equal(log.logStartOffset, 64);
  assert.equal(log.activeSegment.baseOffset, 64);
  const files = readdirSync(log.dir);
  for (const base of oldBases) assert.ok(files.includes(`${String(base).padStart(20, '0')}.log.deleted`));
  assert.ok(events.some((e) => e.type === 'segment-marked-deleted' && e.reason === 'retention.ms'));
  time.sleep(60_001);
  for (const base of oldBases) assert.equal(existsSync(`${log.dir}/${String(base).padStart(20, '0')}.log.deleted`), false);
  assert.equal(events.filter((e) => e.type === 'segment-deleted').length, before);
  assert.throws(
    () => log.read(10, 1000),
    (e: KafkaError) => e.code === ErrorCode.OFFSET_OUT_OF_RANGE,
  );
  // new data still flows
  await log.append(makeBatch(2, { start: 64, now: time.milliseconds() }));
  assert.deepEqual(
    [...readLogRecords(log, 64)].map((r) => r.offset),
    [64, 65],
  );
});

test('retention.ms spares segments with recent records and never passes the high watermark', async () => {
  const time = new MockTime(1_700_000_000_000);
  const { log } = openTestLog({ 'segment.bytes': '2000', 'retention.ms': String(HOUR) }, { time });
  for (let i = 0; i < 8; i++) await log.append(makeBatch(4, { start: i * 4, now: time.milliseconds() }));
  time.sleep(2 * HOUR);
  for (let i = 8; i < 16; i++) await log.append(makeBatch(4, { start: i * 4, now: time.milliseconds() }));
  log.updateHighWatermark(0);
  assert.equal(log.deleteOldSegments(), 0, 'nothing above the high watermark is deleted');
  log.updateHighWatermark(log.logEndOffset);
  const deleted = log.deleteOldSegments();
  assert.ok(deleted > 0);
  for (const seg of log.segments) assert.ok(time.milliseconds() - seg.largestTimestamp <= HOUR || seg === log.activeSegment);
  assert.equal(log.logStartOffset, log.segments[0]!.baseOffset);
});

test('retention.bytes deletes the oldest segments until the log fits', async () => {
  const { log, events } = openTestLog({ 'segment.bytes': '2000', 'retention.bytes': '5000' });
  for (let i = 0; i < 20; i++) await log.append(makeBatch(4, { start: i * 4 }));
  log.updateHighWatermark(log.logEndOffset);
  const total = log.size;
  assert.ok(total > 5000);
  log.deleteOldSegments();
  assert.ok(log.size <= 5000 + 2000);
  assert.ok(log.size < total);
  assert.ok(events.some((e) => e.type === 'segment-marked-deleted' && e.reason === 'retention.bytes'));
});

test('deleteRecordsBefore moves the log start offset and removes whole segments below it', async () => {
  const { log } = openTestLog({ 'segment.bytes': '2000' });
  for (let i = 0; i < 20; i++) await log.append(makeBatch(4, { start: i * 4 }));
  log.updateHighWatermark(50);
  assert.throws(
    () => log.deleteRecordsBefore(60),
    (e: KafkaError) => e.code === ErrorCode.OFFSET_OUT_OF_RANGE,
  );
  const segmentsBefore = log.segments.length;
  assert.equal(log.deleteRecordsBefore(42), 42);
  assert.ok(log.segments.length < segmentsBefore);
  assert.ok(log.segments[0]!.baseOffset <= 42);
  assert.throws(
    () => log.read(41, 100),
    (e: KafkaError) => e.code === ErrorCode.OFFSET_OUT_OF_RANGE,
  );
  assert.equal([...readLogRecords(log, 0)][0]!.offset, 42);
});
