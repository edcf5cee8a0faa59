import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSegments, diffKeys, keyedSegments, segmentWeights, summarizeSegments, type SegmentView } from '../src/segment-layout';

const seg = (baseOffset: number, size: number, status: SegmentView['status'] = 'sealed', records = 10): SegmentView => ({
  baseOffset,
  nextOffset: baseOffset + records,
  size,
  records,
  firstTimestamp: 1,
  largestTimestamp: 2,
  indexEntries: 1,
  timeIndexEntries: 1,
  indexBytes: 24,
  status,
});

test('segments are keyed by base offset; a pending delete sharing a base with a live segment gets its own key', () => {
  const segments = [seg(0, 100, 'deleted'), seg(0, 80), seg(10, 50, 'active')];
  assert.deepEqual(
    keyedSegments(segments).map((k) => k.key),
    ['0~deleted', '0', '10'],
  );
  assert.deepEqual(
    keyedSegments([seg(0, 100, 'deleted'), seg(10, 5, 'active')]).map((k) => k.key),
    ['0', '10'],
  );
});

test('ordering puts a pending delete before the live segment with the same base', () => {
  const sorted = [seg(10, 1, 'active'), seg(0, 1), seg(0, 1, 'deleted')].sort(compareSegments);
  assert.deepEqual(
    sorted.map((s) => `${s.baseOffset}:${s.status}`),
    ['0:deleted', '0:sealed', '10:active'],
  );
});

test('weights are proportional to size with a floor that keeps empty segments visible', () => {
  const w = segmentWeights([seg(0, 1000), seg(10, 500), seg(20, 0, 'active')], 0.01);
  assert.equal(w[0], 1000);
  assert.equal(w[1], 500);
  assert.equal(w[2], 15, '1% of 1500 bytes');
  assert.deepEqual(segmentWeights([seg(0, 0, 'active')]), [1]);
});

test('diffs tell which segments slide in and which fade out', () => {
  assert.deepEqual(diffKeys(['0', '10', '20'], ['10', '20', '30']), { added: ['30'], removed: ['0'] });
  assert.deepEqual(diffKeys([], []), { added: [], removed: [] });
});

test('the summary counts segments by status and leaves deleted bytes out', () => {
  assert.deepEqual(summarizeSegments([seg(0, 100, 'deleted'), seg(10, 200), seg(20, 50, 'active', 3)]), {
    sealed: 1,
    active: 1,
    deleted: 1,
    bytes: 250,
    records: 13,
  });
});
