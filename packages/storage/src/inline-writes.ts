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
 * included. After SLOW_WRITES inline writes slower than SLOW_WRITE_MS within SLOW_WINDOW_MS, appends
 * go through the thread pool for SLOW_DISK_BACKOFF_MS. One slow write proves little: on a busy
 * machine the event loop is preempted in the middle of a write now and then, and wall time cannot
 * tell that from a blocked write; a throttled device makes write after write slow. One state per
 * process (the log directories usually share a device), on the monotonic clock (not a log's Time,
 * which tests may drive).
 *
 * TARN_INLINE_WRITES=0 sends every append through the pool (the broker bench's before/after).
 */
export const INLINE_WRITE_MAX_BYTES = 1024 * 1024;
/** Far above a page-cache write (µs), above a time slice lost to other processes on a busy machine. */
export const SLOW_WRITE_MS = 20;
export const SLOW_WRITES = 3;
export const SLOW_WINDOW_MS = 5_000;
export const SLOW_DISK_BACKOFF_MS = 10_000;

const ENABLED = process.env.TARN_INLINE_WRITES !== '0';

let poolUntilMs = 0;
/** When the last SLOW_WRITES slow inline writes ended (oldest first). */
const slowWrites: number[] = [];

/** Whether appends (of at most INLINE_WRITE_MAX_BYTES) are written on the event loop now. */
export function inlineWritesNow(): boolean {
  return ENABLED && performance.now() >= poolUntilMs;
}

/**
 * Records how long an inline write took; returns true when slow writes just sent the next appends
 * to the pool (the caller logs it, with the partition).
 */
export function inlineWriteTook(ms: number): boolean {
  if (ms < SLOW_WRITE_MS) return false;
  const now = performance.now();
  slowWrites.push(now);
  if (slowWrites.length > SLOW_WRITES) slowWrites.shift();
  if (slowWrites.length < SLOW_WRITES || now - slowWrites[0]! > SLOW_WINDOW_MS || now < poolUntilMs) return false;
  poolUntilMs = now + SLOW_DISK_BACKOFF_MS;
  slowWrites.length = 0;
  return true;
}
