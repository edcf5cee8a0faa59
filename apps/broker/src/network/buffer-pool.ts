/**
 * Buffers for large request frames, reused once their request is done. A producer sending 100 MB/s
 * made the broker allocate 100 MB/s of frame buffers; V8 counts that external memory and ran a full
 * collection every ~130 ms (a fifth of the main thread in the produce profile). Kafka reuses its
 * receive buffers through a MemoryPool for the same reason.
 *
 * Only frames whose bytes nothing keeps after the request is answered may come from here (Produce:
 * the log writes the batches before the append resolves, and answers carry no request bytes).
 * Buffers come in power-of-two sizes; at most `maxFreeBytes` wait for reuse.
 */
const MIN_CLASS = 10; // 1 KiB: below that, Node's shared allocation pool serves frames well
const MAX_CLASS = 24; // 16 MiB: larger frames are rare enough to allocate

export class RequestBufferPool {
  private readonly free: Buffer[][] = [];
  private freeBytes = 0;

  constructor(private readonly maxFreeBytes = 64 * 1024 * 1024) {
    for (let c = 0; c <= MAX_CLASS; c++) this.free.push([]);
  }

  /** Whether a frame of `length` bytes is served from the pool. */
  static pools(length: number): boolean {
    return length >= 1 << MIN_CLASS && length <= 1 << MAX_CLASS;
  }

  /** A buffer of at least `length` bytes (a pooled length: see `pools`). */
  acquire(length: number): Buffer {
    const c = Math.max(MIN_CLASS, Math.ceil(Math.log2(length)));
    const buf = this.free[c]!.pop();
    if (buf === undefined) return Buffer.allocUnsafeSlow(1 << c);
    this.freeBytes -= buf.length;
    return buf;
  }

  /** `buf` (as `acquire` returned it) is no longer referenced by anyone. */
  release(buf: Buffer): void {
    if (this.freeBytes + buf.length > this.maxFreeBytes) return;
    this.free[Math.log2(buf.length)]!.push(buf);
    this.freeBytes += buf.length;
  }
}
