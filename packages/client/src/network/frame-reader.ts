/**
 * Reads size-prefixed Kafka frames straight off a socket into buffers of their own (net's `onread`):
 * first the 4-byte size, then exactly that many bytes into a buffer allocated for the frame — one
 * allocation and no copy per response, however many socket reads it spans. A size beyond the
 * limit (`receive.message.max.bytes`) is a broken peer and is refused before anything is allocated.
 * (The broker's replica fetcher reads its leaders' answers with it too: every replicated byte
 * passes through here.)
 */
export class FrameReader {
  private readonly size = Buffer.alloc(4);
  private frame: Buffer | null = null;
  private filled = 0;

  constructor(
    private readonly onFrame: (frame: Buffer) => void,
    private readonly maxFrameBytes: number,
    private readonly onError: (err: Error) => void,
    /** Where a frame's bytes go; a pool lets a follower reuse its large response buffers. */
    private readonly allocate: (length: number) => Buffer = (length) => Buffer.allocUnsafe(length),
  ) {}

  /** Where the socket's next read goes: the rest of the size prefix, or the rest of the frame. */
  next(): Buffer {
    return this.frame === null ? this.size.subarray(this.filled) : this.frame.subarray(this.filled);
  }

  /** The socket read `n` bytes into the buffer `next()` returned; true keeps the socket reading. */
  onRead(n: number): boolean {
    this.filled += n;
    if (this.frame === null) {
      if (this.filled < 4) return true;
      const length = this.size.readInt32BE(0);
      if (length < 0 || length > this.maxFrameBytes) {
        this.onError(new Error(`frame of ${length} bytes (at most ${this.maxFrameBytes} expected)`));
        return false;
      }
      this.frame = this.allocate(length);
      this.filled = 0;
      if (length > 0) return true;
    } else if (this.filled < this.frame.length) return true;
    const frame = this.frame;
    this.frame = null;
    this.filled = 0;
    this.onFrame(frame);
    return true;
  }
}
