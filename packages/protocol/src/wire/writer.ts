/**
 * Writes Kafka protocol primitives into a list of chunks, ready for a vectored socket write.
 *
 * Bytes are written into a buffer from Buffer.allocUnsafe; when it fills up, the written part becomes a
 * chunk and writing continues in a new buffer of twice the size (nothing is ever copied twice).
 * `bytesRef` and `lengthPrefixedRef` append a caller's Buffer *by reference*: the current chunk is
 * closed and the caller's buffer becomes the next chunk. That is how a fetch response carries record
 * batches read from segment files without copying them (DESIGN.md decision 4); the caller must leave
 * those buffers untouched until the chunks have been written out.
 *
 * Integer writers reject values outside their type's range (RangeError) instead of truncating.
 */
const MAX_STRING_LENGTH = 0x7fff;
/** 128 bits in base64url: 21 full characters, then one carrying 2 bits (its low 4 bits zero). */
const UUID_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/;

function outOfRange(type: string, value: number | bigint): RangeError {
  return new RangeError(`${type}: value ${value} out of range`);
}

export class Writer {
  private buf: Buffer;
  /** Start of the current, not yet closed chunk inside `buf`. */
  private start = 0;
  private pos = 0;
  private readonly chunks: Buffer[] = [];
  /** Bytes in closed chunks. */
  private closed = 0;

  constructor(initialCapacity = 512) {
    this.buf = Buffer.allocUnsafe(Math.max(16, initialCapacity));
  }

  /** Total bytes written so far. */
  get size(): number {
    return this.closed + this.pos - this.start;
  }

  private ensure(n: number): void {
    if (this.buf.length - this.pos < n) this.grow(n);
  }

  private grow(n: number): void {
    this.closeChunk();
    this.buf = Buffer.allocUnsafe(Math.max(this.buf.length * 2, n));
    this.start = 0;
    this.pos = 0;
  }

  private closeChunk(): void {
    if (this.pos > this.start) {
      this.chunks.push(this.buf.subarray(this.start, this.pos));
      this.closed += this.pos - this.start;
      this.start = this.pos;
    }
  }

  int8(v: number): void {
    if ((v << 24) >> 24 !== v) throw outOfRange('int8', v);
    this.ensure(1);
    this.buf[this.pos++] = v & 0xff;
  }

  uint8(v: number): void {
    if ((v & 0xff) !== v) throw outOfRange('uint8', v);
    this.ensure(1);
    this.buf[this.pos++] = v;
  }

  bool(v: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = v ? 1 : 0;
  }

  int16(v: number): void {
    if ((v << 16) >> 16 !== v) throw outOfRange('int16', v);
    this.ensure(2);
    const b = this.buf;
    const p = this.pos;
    b[p] = (v >>> 8) & 0xff;
    b[p + 1] = v & 0xff;
    this.pos = p + 2;
  }

  uint16(v: number): void {
    if ((v & 0xffff) !== v) throw outOfRange('uint16', v);
    this.ensure(2);
    const b = this.buf;
    const p = this.pos;
    b[p] = v >>> 8;
    b[p + 1] = v & 0xff;
    this.pos = p + 2;
  }

  int32(v: number): void {
    if ((v | 0) !== v) throw outOfRange('int32', v);
    this.put32(v);
  }

  uint32(v: number): void {
    if (v >>> 0 !== v) throw outOfRange('uint32', v);
    this.put32(v);
  }

  private put32(v: number): void {
    this.ensure(4);
    const b = this.buf;
    const p = this.pos;
    b[p] = (v >>> 24) & 0xff;
    b[p + 1] = (v >>> 16) & 0xff;
    b[p + 2] = (v >>> 8) & 0xff;
    b[p + 3] = v & 0xff;
    this.pos = p + 4;
  }

  int64(v: bigint): void {
    const n = Number(v);
    if (n <= Number.MAX_SAFE_INTEGER && n >= -Number.MAX_SAFE_INTEGER) {
      // Offsets and timestamps fit in 53 bits: split them without BigInt arithmetic (4x faster).
      const hi = Math.floor(n / 0x100000000);
      this.put32(hi);
      this.put32(n - hi * 0x100000000);
      return;
    }
    this.ensure(8);
    this.buf.writeBigInt64BE(v, this.pos); // throws RangeError outside int64
    this.pos += 8;
  }

  float64(v: number): void {
    this.ensure(8);
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
  }

  /** Unsigned varint of a 32-bit value. */
  uvarint(v: number): void {
    if (v >>> 0 !== v) throw outOfRange('unsigned varint', v);
    this.ensure(5);
    const b = this.buf;
    let p = this.pos;
    while (v >= 0x80) {
      b[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[p++] = v;
    this.pos = p;
  }

  /** Zigzag varint (32-bit), as used inside records. */
  varint(v: number): void {
    if ((v | 0) !== v) throw outOfRange('varint', v);
    this.uvarint(((v << 1) ^ (v >> 31)) >>> 0);
  }

  /** Zigzag varlong (64-bit), as used inside records. */
  varlong(v: bigint): void {
    if (v !== BigInt.asIntN(64, v)) throw outOfRange('varlong', v);
    let u = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    this.ensure(10);
    const b = this.buf;
    let p = this.pos;
    while (u >= 0x80n) {
      b[p++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    b[p++] = Number(u);
    this.pos = p;
  }

  /** A UUID given as Kafka's Uuid.toString() form (22 characters of URL-safe base64). */
  uuid(v: string): void {
    if (!UUID_PATTERN.test(v)) throw new RangeError(`uuid: ${JSON.stringify(v)} is not a base64url-encoded 16-byte UUID`);
    this.ensure(16);
    this.buf.write(v, this.pos, 16, 'base64url');
    this.pos += 16;
  }

  /**
   * UTF-8 after its length prefix (int16, or compact: unsigned varint of length + 1). Short strings are
   * encoded in one pass with the prefix filled in afterwards; long compact ones measure first, because
   * their prefix width depends on the length.
   */
  private utf8(s: string, compact: boolean): void {
    const maxBytes = s.length * 3;
    if (!compact) {
      this.ensure(2 + maxBytes);
      const n = this.buf.write(s, this.pos + 2, 'utf8');
      if (n > MAX_STRING_LENGTH) throw new RangeError(`string of ${n} bytes is too long to be serialized`);
      this.buf[this.pos] = n >>> 8;
      this.buf[this.pos + 1] = n & 0xff;
      this.pos += 2 + n;
      return;
    }
    if (maxBytes + 1 < 0x80) {
      this.ensure(1 + maxBytes);
      const n = this.buf.write(s, this.pos + 1, 'utf8');
      this.buf[this.pos] = n + 1;
      this.pos += 1 + n;
      return;
    }
    const n = Buffer.byteLength(s, 'utf8');
    if (n > MAX_STRING_LENGTH) throw new RangeError(`string of ${n} bytes is too long to be serialized`);
    this.uvarint(n + 1);
    this.ensure(n);
    this.pos += this.buf.write(s, this.pos, n, 'utf8');
  }

  string(s: string): void {
    this.utf8(s, false);
  }

  nullableString(s: string | null): void {
    if (s === null) this.int16(-1);
    else this.utf8(s, false);
  }

  compactString(s: string): void {
    this.utf8(s, true);
  }

  compactNullableString(s: string | null): void {
    if (s === null) this.uvarint(0);
    else this.utf8(s, true);
  }

  /** Copies `b` without a length prefix. */
  raw(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  bytes(b: Buffer): void {
    this.int32(b.length);
    this.raw(b);
  }

  nullableBytes(b: Buffer | null): void {
    if (b === null) this.int32(-1);
    else this.bytes(b);
  }

  compactBytes(b: Buffer): void {
    this.uvarint(b.length + 1);
    this.raw(b);
  }

  compactNullableBytes(b: Buffer | null): void {
    if (b === null) this.uvarint(0);
    else this.compactBytes(b);
  }

  /** Appends `b` by reference (no copy, no length prefix): it becomes a chunk of its own. */
  bytesRef(b: Buffer): void {
    if (b.length === 0) return;
    this.closeChunk();
    this.chunks.push(b);
    this.closed += b.length;
  }

  /**
   * A length-prefixed (int32, or compact when `compact`) byte field whose contents are appended by
   * reference; null is written as length -1 (compact: 0). Used for `records` and zeroCopy fields.
   */
  lengthPrefixedRef(b: Buffer | null, compact: boolean): void {
    if (b === null) {
      if (compact) this.uvarint(0);
      else this.int32(-1);
      return;
    }
    if (compact) this.uvarint(b.length + 1);
    else this.int32(b.length);
    this.bytesRef(b);
  }

  /** Appends everything `other` has written. Small chunks are copied, large ones referenced. */
  append(other: Writer): void {
    for (const chunk of other.finish()) {
      if (chunk.length < 1024) this.raw(chunk);
      else this.bytesRef(chunk);
    }
  }

  /** The chunks written so far, in order; their lengths add up to `size`. */
  finish(): Buffer[] {
    this.closeChunk();
    return this.chunks;
  }

  /** Everything written, as one Buffer (copies unless there is a single chunk). */
  toBuffer(): Buffer {
    const chunks = this.finish();
    if (chunks.length === 1) return chunks[0]!;
    return Buffer.concat(chunks, this.closed);
  }
}
