import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeMillis,
  formatBytes,
  formatCompact,
  formatAssignment,
  formatDuration,
  formatNumber,
  formatPartitionRanges,
  formatPercent,
  formatRelative,
  formatTimestamp,
  indexDensity,
} from '../src/format';

test('bytes use binary units and stay exact below 1 KiB', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(1024 * 1024), '1.0 MiB');
  assert.equal(formatBytes(1073741824), '1.0 GiB');
  assert.equal(formatBytes(150 * 1024 * 1024), '150 MiB');
  assert.equal(formatBytes(null), '—');
  assert.equal(formatBytes(-1), '—');
});

test('numbers, compact numbers and percentages', () => {
  assert.equal(formatNumber(1234567), '1,234,567');
  assert.equal(formatNumber(Number.NaN), '—');
  assert.equal(formatCompact(999), '999');
  assert.equal(formatCompact(1200), '1.2k');
  assert.equal(formatCompact(2_000_000), '2M');
  assert.equal(formatCompact(0.25), '0.3');
  assert.equal(formatPercent(0.1234), '12.3%');
});

test('durations show the two largest units', () => {
  assert.equal(formatDuration(450), '450 ms');
  assert.equal(formatDuration(61_000), '1m 1s');
  assert.equal(formatDuration(93_784_000), '1d 2h');
  assert.equal(formatDuration(86_400_000), '1d');
  assert.equal(formatDuration(604_800_000), '7d');
  assert.equal(describeMillis('604800000'), '7d');
  assert.equal(describeMillis('9223372036854775807'), 'never');
  assert.equal(describeMillis('-1'), 'unlimited');
  assert.equal(describeMillis('delete'), null);
});

test("timestamps are UTC by default; Kafka's -1 is no timestamp", () => {
  assert.equal(formatTimestamp(Date.UTC(2024, 4, 1, 12, 34, 56, 789)), '2024-05-01 12:34:56.789 UTC');
  assert.equal(formatTimestamp(-1), '—');
  assert.equal(formatRelative(1000, 6000), '5s ago');
  assert.equal(formatRelative(10_000, 6000), 'in 4s');
  assert.equal(formatRelative(0, 3 * 3_600_000), '3h ago');
});

test('index density is entries per MiB of segment data', () => {
  assert.equal(indexDensity(256, 1024 * 1024), 256);
  assert.equal(indexDensity(10, 512 * 1024), 20);
  assert.equal(indexDensity(0, 0), null);
});

test('partition lists read as ranges, assignments per topic', () => {
  assert.equal(formatPartitionRanges([5, 0, 1, 2, 7, 8, 2]), '0–2, 5, 7–8');
  assert.equal(formatPartitionRanges([]), '');
  assert.equal(formatAssignment({ orders: [2, 0, 1], audit: [3] }), 'audit[3], orders[0–2]');
  assert.equal(formatAssignment({ orders: [] }), '—');
});
