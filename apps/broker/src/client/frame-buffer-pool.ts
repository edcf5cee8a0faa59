/**
 * Buffers for large response frames, reused from one response to the next. A follower fetching
 * 1–4 MiB responses used to allocate a fresh buffer for each, and the external-memory pressure
 * made V8 run full collections: a quarter of a follower's CPU went to the garbage collector in
 * the replication bench. Small frames (empty long polls) are not worth pooling.
 *
 * The owner says when the frames it was lent are no longer referenced (`reclaim`): the follower
 * does after a response's batches have been written to its log. A buffer is never handed out twice
 * before that, so a late reclaim only costs an allocation, never a corrupted frame.
 */
const MIN_POOLED_BYTES = 64 * 1024;

export class FrameBufferPool {
  private free: Buffer[] = [];
  private lent: Buffer[] = [];

  /** `maxFree`: how many idle buffers to keep (the largest ones). */
  constructor(private readonly maxFree = 2) {}

  /** A buffer of exactly `length` bytes, from the pool when the frame is large. */
  acquire(length: number): Buffer {
    if (length < MIN_POOLED_BYTES) return Buffer.allocUnsafe(length);
    const i = this.free.findIndex((b) => b.length >= length);
    // sizes rounded up to a power of two, so a slightly larger next frame still fits
    const buf = i >= 0 ? this.free.splice(i, 1)[0]! : Buffer.allocUnsafeSlow(2 ** Math.ceil(Math.log2(length)));
    this.lent.push(buf);
    return buf.subarray(0, length);
  }

  /** Every buffer lent so far may be reused: nothing refers to those frames any more. */
  reclaim(): void {
    if (this.lent.length === 0) return;
    this.free.push(...this.lent.splice(0));
    this.free.sort((a, b) => b.length - a.length);
    this.free.length = Math.min(this.free.length, this.maxFree);
  }
}
