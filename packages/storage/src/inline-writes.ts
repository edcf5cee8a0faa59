/**
 * Whether an append is written on the event loop or on libuv's thread pool.
 *
 * Kafka's request handler threads write to the page cache synchronously. A write of a few KiB there
 * costs microseconds, less than handing it to the thread pool and being called back (measured with
 * 16 KiB produce requests, one partition: the broker spent ~25 % more CPU per MiB through the
 * pool). So appends up to INLINE_WRITE_MAX_BYTES are written inline; bigger ones, whose copy into
 * the page cache takes long enough to matter to other connections, still go to the pool.
 *
 * A write into the page cache can block when the kernel throttles writers (dirty pages over their
 * limit, a slow or failing device); on the event loop that would stall every connection, heartbeats
 * included. After one inline write slower than SLOW_WRITE_MS, appends go through the thread pool for
 * SLOW_DISK_BACKOFF_MS. One state per process (the log directories usually share a device), on the
 * monotonic clock (not a log's Time, which tests may drive).
 *
 * TARN_INLINE_WRITES=0 sends every append through the pool (the broker bench's before/after).
 */
export const INLINE_WRITE_MAX_BYTES = 1024 * 1024;
/** Far above a page-cache write (µs), above a time slice lost to other processes on a busy machine. */
export const SLOW_WRITE_MS = 20;
export const SLOW_DISK_BACKOFF_MS = 10_000;

const ENABLED = process.env.TARN_INLINE_WRITES !== '0';

let poolUntilMs = 0;

/** Whether appends (of at most INLINE_WRITE_MAX_BYTES) are written on the event loop now. */
export function inlineWritesNow(): boolean {
  return ENABLED && performance.now() >= poolUntilMs;
}

/**
 * Records how long an inline write took; returns true when it was slow enough to send the next
 * appends to the pool (the caller logs it once, with the partition).
 */
export function inlineWriteTook(ms: number): boolean {
  if (ms < SLOW_WRITE_MS) return false;
  const now = performance.now();
  const wasInline = now >= poolUntilMs;
  poolUntilMs = now + SLOW_DISK_BACKOFF_MS;
  return wasInline;
}
