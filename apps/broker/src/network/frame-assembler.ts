/**
 * Cuts a request byte stream into frames (int32 size + payload). Bytes arrive as ranges of a buffer
 * the caller reuses (the socket's read buffer), so every frame is copied into a buffer of its own:
 * one copy, as before, but no buffer per socket read.
 *
 * A frame's buffer grows with the bytes received (at most twice them, from 64 KiB), never from the
 * size prefix alone: a client announcing 100 MiB frames and sending nothing costs 64 KiB, not 100 MiB.
 * Frames the `poolable` test accepts (by API key) come from the pool and go back once handled.
 */
import { BufferPool } from './buffer-pool';

/** A whole frame; `release` (pooled frames only) returns its buffer once nothing refers to it. */
export type FrameHandler = (frame: Buffer, release: (() => void) | null) => void;

const INITIAL_CAPACITY = 64 * 1024;

export class FrameAssembler {
  /** The size prefix and the API key, collected before the frame's buffer is chosen. */
  private readonly head = Buffer.alloc(6);
  private headFilled = 0;
  private size = -1;
  private buf: Buffer | null = null;
  private filled = 0;
  private pooled = false;

  constructor(
    private readonly maxFrameSize: number,
    private readonly pool: BufferPool,
    private readonly poolable: (apiKey: number) => boolean,
    private readonly onFrame: FrameHandler,
    /** A size of zero or less, or beyond maxFrameSize: nothing more is read. */
    private readonly onInvalidSize: (size: number) => void,
  ) {}

  /** Takes `src[start, end)`; false once a frame size was invalid (the rest is dropped). */
  push(src: Buffer, start: number, end: number): boolean {
    while (start < end) {
      if (this.buf === null) {
        const need = this.size < 0 ? 4 : 4 + Math.min(2, this.size);
        const n = Math.min(need - this.headFilled, end - start);
        src.copy(this.head, this.headFilled, start, start + n);
        this.headFilled += n;
        start += n;
        if (this.headFilled < need) return true;
        if (this.size < 0) {
          const size = this.head.readInt32BE(0);
          if (size <= 0 || size > this.maxFrameSize) {
            this.onInvalidSize(size);
            return false;
          }
          this.size = size;
          continue;
        }
        this.begin(end - start);
      }
      const n = Math.min(this.size - this.filled, end - start);
      if (this.filled + n > this.buf!.length) this.grow(end - start);
      src.copy(this.buf!, this.filled, start, start + n);
      this.filled += n;
      start += n;
      if (this.filled === this.size) this.finish();
    }
    return true;
  }

  /** The frame's buffer, sized for the bytes received (the API key and `available` more). */
  private begin(available: number): void {
    const keyBytes = this.headFilled - 4;
    this.pooled = BufferPool.pools(this.size) && this.poolable(this.head.readInt16BE(4));
    this.buf = this.allocate(Math.min(this.size, Math.max(INITIAL_CAPACITY, keyBytes + available)));
    this.head.copy(this.buf, 0, 4, 4 + keyBytes);
    this.filled = keyBytes;
  }

  private grow(available: number): void {
    const old = this.buf!;
    this.buf = this.allocate(Math.min(this.size, Math.max(old.length * 2, this.filled + available)));
    old.copy(this.buf, 0, 0, this.filled);
    if (this.pooled) this.pool.release(old);
  }

  private allocate(capacity: number): Buffer {
    return this.pooled ? this.pool.acquire(capacity) : Buffer.allocUnsafe(capacity);
  }

  private finish(): void {
    const buf = this.buf!;
    const frame = buf.length === this.size ? buf : buf.subarray(0, this.size);
    const release = this.pooled ? () => this.pool.release(buf) : null;
    this.buf = null;
    this.size = -1;
    this.headFilled = 0;
    this.filled = 0;
    this.onFrame(frame, release);
  }
}
