/**
 * Cuts a request byte stream into frames (int32 size + payload). Bytes arrive as ranges of a buffer
 * the caller reuses (the socket's read buffer) and are copied into the frame's own buffer; once that
 * buffer is whole, the rest of a large frame may be read straight into it (`direct`): a 1 MiB
 * Produce frame is copied only for the bytes that came with its size prefix.
 *
 * A frame's buffer grows with the bytes received (at most twice them, from 64 KiB), never from the
 * size prefix alone: a client announcing 100 MiB frames and sending nothing costs 64 KiB, not 100 MiB.
 * Frames the `poolable` test accepts (by API key) come from the pool and go back once handled.
 */
import { BufferPool } from './buffer-pool';

/** A whole frame; `release` (pooled frames only) returns its buffer once nothing refers to it. */
export type FrameHandler = (frame: Buffer, release: (() => void) | null) => void;

const INITIAL_CAPACITY = 64 * 1024;
/** Fewer bytes left than this are not worth a read of their own (they come with what follows). */
const DIRECT_READ_MIN = 16 * 1024;

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
    // a free pooled buffer holds the whole frame at once: memory already there, not allocated ahead
    this.buf =
      (this.pooled ? this.pool.acquireFree(this.size) : null) ??
      this.allocate(Math.min(this.size, Math.max(INITIAL_CAPACITY, keyBytes + available)));
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

  /** The rest of the frame, when its buffer is whole and enough is left to read it in place. */
  direct(): Buffer | null {
    const buf = this.buf;
    if (buf === null || buf.length < this.size || this.size - this.filled < DIRECT_READ_MIN) return null;
    return buf.subarray(this.filled, this.size);
  }

  /** `n` bytes were read into the buffer `direct` returned. */
  advance(n: number): void {
    this.filled += n;
    if (this.filled === this.size) this.finish();
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
