// The follower's frame buffer pool: large frames reuse buffers only after the owner reclaims them,
// so a buffer is never lent twice at once; small frames are not pooled.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameBufferPool } from '../src/client/frame-buffer-pool';

test('large frames reuse a buffer once it is reclaimed, never while it is lent', () => {
  const pool = new FrameBufferPool();
  const a = pool.acquire(1_000_000);
  const b = pool.acquire(1_000_000);
  assert.equal(a.length, 1_000_000);
  assert.notEqual(a.buffer, b.buffer, 'two frames lent at once never share memory');
  pool.reclaim();
  const c = pool.acquire(900_000);
  assert.ok(c.buffer === a.buffer || c.buffer === b.buffer, 'a reclaimed buffer is reused');
  assert.equal(c.length, 900_000);
  const d = pool.acquire(3_000_000);
  assert.ok(d.buffer !== a.buffer && d.buffer !== b.buffer, 'a larger frame gets a buffer of its own');
});

test('small frames are plain allocations, and at most maxFree buffers stay idle', () => {
  const pool = new FrameBufferPool(1);
  const small = pool.acquire(100);
  assert.equal(small.length, 100);
  const big = [pool.acquire(200_000), pool.acquire(600_000), pool.acquire(1_500_000)];
  pool.reclaim();
  const next = pool.acquire(100_000);
  assert.equal(next.buffer, big[2]!.buffer, 'the largest idle buffer is the one kept');
  assert.notEqual(pool.acquire(100_000).buffer, big[1]!.buffer, 'the others were let go');
});
