/**
 * Buffers for the bytes that pass through the broker, reused instead of allocated per request:
 * Produce frames (returned when their request is done) and the record bytes of Fetch answers
 * (returned once the answer is written to the socket). A producer sending 100 MB/s made the broker
 * allocate 100 MB/s of frame buffers, and a consumer as much in file reads; V8 counts that external
 * memory and ran a full collection every ~130 ms, and the kernel zeroed every fresh page. Kafka
 * reuses its receive buffers through a MemoryPool and sends file bytes with sendfile for the same
 * reasons.
 *
 * A buffer may come from here only when its owner knows when nothing refers to it any more.
 * Buffers come in power-of-two sizes; at most `maxFreeBytes` wait for reuse.
 */
const MIN_CLASS = 10; // 1 KiB: below that, Node's shared allocation pool serves frames well
const MAX_CLASS = 24; // 16 MiB: larger frames are rare enough to allocate
/** TARN_BUFFER_POOL=0 allocates every buffer afresh, as before the pool (the broker bench's before/after). */
const ENABLED = process.env.TARN_BUFFER_POOL !== '0';

export class BufferPool {
  private readonly free: Buffer[][] = [];
  private freeBytes = 0;

  constructor(private readonly maxFreeBytes = 64 * 1024 * 1024) {
    for (let c = 0; c <= MAX_CLASS; c++) this.free.push([]);
  }

  /** Whether a buffer of `length` bytes is served from the pool. */
  static pools(length: number): boolean {
    return ENABLED && length >= 1 << MIN_CLASS && length <= 1 << MAX_CLASS;
  }

  /** A buffer of at least `length` bytes (a pooled length: see `pools`). */
  acquire(length: number): Buffer {
    const c = Math.max(MIN_CLASS, Math.ceil(Math.log2(length)));
    const buf = this.free[c]!.pop();
    if (buf === undefined) return Buffer.allocUnsafeSlow(1 << c);
    this.freeBytes -= buf.length;
    return buf;
  }

  /** A free buffer of at least `length` bytes (a pooled length), or null when none waits. */
  acquireFree(length: number): Buffer | null {
    const buf = this.free[Math.max(MIN_CLASS, Math.ceil(Math.log2(length)))]!.pop() ?? null;
    if (buf !== null) this.freeBytes -= buf.length;
    return buf;
  }

  /** `buf` (as `acquire` returned it) is no longer referenced by anyone. */
  release(buf: Buffer): void {
    if (this.freeBytes + buf.length > this.maxFreeBytes) return;
    this.free[Math.log2(buf.length)]!.push(buf);
    this.freeBytes += buf.length;
  }
}

/** Buffers one request took from the pool for its response, all returned together. */
export class LentBuffers {
  private lent: Buffer[] | null = null;

  constructor(private readonly pool: BufferPool) {}

  /** A buffer of exactly `length` bytes; from the pool when the size is pooled. */
  take(length: number): Buffer {
    if (!BufferPool.pools(length)) return Buffer.allocUnsafe(length);
    const buf = this.pool.acquire(length);
    (this.lent ??= []).push(buf);
    return buf.subarray(0, length);
  }

  /** Returns every buffer taken (nothing refers to them any more); taking again starts afresh. */
  release(): void {
    if (this.lent === null) return;
    for (const buf of this.lent) this.pool.release(buf);
    this.lent = null;
  }

  /** What to call once the response carrying the buffers is written; undefined when none was taken. */
  releaseWhenWritten(): (() => void) | undefined {
    return this.lent === null ? undefined : () => this.release();
  }
}
