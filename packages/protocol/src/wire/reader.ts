/**
 * Reads Kafka protocol primitives from a Buffer, big-endian, advancing `pos`.
 *
 * The bytes come straight off the network, so every length is checked against the bytes that remain
 * *before* anything is allocated: a hostile length prefix can make a read fail, never make it allocate
 * or loop beyond the size of the frame. All failures are DecodeError.
 *
 * `bytes`-like reads return subarrays of the underlying buffer (no copies): the caller must not reuse
 * the frame's memory while decoded values are alive.
 *
 * Encodings (protocol guide, "Protocol Primitive Types"):
 * - STRING: int16 length then UTF-8; NULLABLE_STRING: length -1 is null.
 * - BYTES / RECORDS: int32 length then bytes; -1 is null where nullable.
 * - COMPACT_*: unsigned varint of (length + 1); 0 is null.
 * - ARRAY: int32 count (-1 null); COMPACT_ARRAY: unsigned varint of (count + 1).
 * - UUID: 16 bytes, shown as Kafka's Uuid.toString (URL-safe base64 without padding).
 */
import { DecodeError } from './decode-error';

/** Kafka's longest string: lengths are int16 on the classic encoding. */
const MAX_STRING_LENGTH = 0x7fff;

export class Reader {
  readonly buf: Buffer;
  pos: number;
  readonly end: number;

  constructor(buf: Buffer, pos = 0, end = buf.length) {
    if (pos < 0 || end > buf.length || pos > end) throw new RangeError(`invalid reader window [${pos}, ${end}) over ${buf.length} bytes`);
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number, what: string): void {
    if (n > this.end - this.pos) {
      throw new DecodeError(`${what}: needs ${n} bytes at offset ${this.pos}, only ${this.end - this.pos} left`);
    }
  }

  int8(): number {
    this.need(1, 'int8');
    return (this.buf[this.pos++]! << 24) >> 24;
  }

  uint8(): number {
    this.need(1, 'uint8');
    return this.buf[this.pos++]!;
  }

  bool(): boolean {
    this.need(1, 'bool');
    return this.buf[this.pos++] !== 0;
  }

  int16(): number {
    this.need(2, 'int16');
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 2;
    return ((b[p]! << 24) | (b[p + 1]! << 16)) >> 16;
  }

  uint16(): number {
    this.need(2, 'uint16');
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 2;
    return (b[p]! << 8) | b[p + 1]!;
  }

  int32(): number {
    this.need(4, 'int32');
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 4;
    return (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
  }

  uint32(): number {
    return this.int32() >>> 0;
  }

  int64(): bigint {
    this.need(8, 'int64');
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 8;
    const hi = (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
    if (hi < -0x200000 || hi >= 0x200000) return b.readBigInt64BE(p);
    const lo = ((b[p + 4]! << 24) | (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!) >>> 0;
    return BigInt(hi * 0x100000000 + lo);
  }

  float64(): number {
    this.need(8, 'float64');
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  /** Unsigned varint, at most 5 bytes (a 32-bit value), as in Kafka's ByteUtils.readUnsignedVarint. */
  uvarint(): number {
    const b = this.buf;
    let p = this.pos;
    if (p < this.end) {
      const first = b[p]!;
      if (first < 0x80) {
        this.pos = p + 1;
        return first;
      }
    }
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 5; i++) {
      if (p >= this.end) throw new DecodeError(`unsigned varint: truncated at offset ${p}`);
      const byte = b[p++]!;
      result += (byte & 0x7f) * mul;
      if ((byte & 0x80) === 0) {
        if (result > 0xffffffff) throw new DecodeError(`unsigned varint: value exceeds 32 bits at offset ${this.pos}`);
        this.pos = p;
        return result;
      }
      mul *= 128;
    }
    throw new DecodeError(`unsigned varint: longer than 5 bytes at offset ${this.pos}`);
  }

  /** Zigzag varint (32-bit), as used inside records. */
  varint(): number {
    const u = this.uvarint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  /** Zigzag varlong (64-bit, up to 10 bytes), as used inside records. */
  varlong(): bigint {
    const b = this.buf;
    let p = this.pos;
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (p >= this.end) throw new DecodeError(`varlong: truncated at offset ${p}`);
      const byte = b[p++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) {
        this.pos = p;
        const u = BigInt.asUintN(64, result);
        return (u >> 1n) ^ -(u & 1n);
      }
      shift += 7n;
    }
    throw new DecodeError(`varlong: longer than 10 bytes at offset ${this.pos}`);
  }

  /** 16 bytes, returned as Kafka's Uuid.toString(): URL-safe base64 without padding. */
  uuid(): string {
    this.need(16, 'uuid');
    const s = this.buf.toString('base64url', this.pos, this.pos + 16);
    this.pos += 16;
    return s;
  }

  private utf8(length: number, what: string): string {
    this.need(length, what);
    const p = this.pos;
    this.pos = p + length;
    return this.buf.toString('utf8', p, p + length);
  }

  string(): string {
    const length = this.int16();
    if (length < 0) throw new DecodeError(`string: null where the field is not nullable (offset ${this.pos - 2})`);
    return this.utf8(length, 'string');
  }

  nullableString(): string | null {
    const length = this.int16();
    return length < 0 ? null : this.utf8(length, 'nullable string');
  }

  compactString(): string {
    const length = this.uvarint() - 1;
    if (length < 0) throw new DecodeError(`compact string: null where the field is not nullable (offset ${this.pos - 1})`);
    if (length > MAX_STRING_LENGTH) throw new DecodeError(`compact string: invalid length ${length}`);
    return this.utf8(length, 'compact string');
  }

  compactNullableString(): string | null {
    const length = this.uvarint() - 1;
    if (length < 0) return null;
    if (length > MAX_STRING_LENGTH) throw new DecodeError(`compact string: invalid length ${length}`);
    return this.utf8(length, 'compact nullable string');
  }

  /** `length` raw bytes as a subarray (no copy). */
  raw(length: number): Buffer {
    this.need(length, 'bytes');
    const p = this.pos;
    this.pos = p + length;
    return this.buf.subarray(p, p + length);
  }

  bytes(): Buffer {
    const length = this.int32();
    if (length < 0) throw new DecodeError(`bytes: null where the field is not nullable (offset ${this.pos - 4})`);
    return this.raw(length);
  }

  nullableBytes(): Buffer | null {
    const length = this.int32();
    return length < 0 ? null : this.raw(length);
  }

  compactBytes(): Buffer {
    const length = this.uvarint() - 1;
    if (length < 0) throw new DecodeError(`compact bytes: null where the field is not nullable (offset ${this.pos - 1})`);
    return this.raw(length);
  }

  compactNullableBytes(): Buffer | null {
    const length = this.uvarint() - 1;
    return length < 0 ? null : this.raw(length);
  }

  /**
   * Classic array count: -1 means null. A count larger than the remaining bytes is rejected up front
   * (every element takes at least one byte in practice), as Kafka's generated readers do.
   */
  arrayLength(): number {
    const n = this.int32();
    if (n < 0) return -1;
    if (n > this.end - this.pos) throw new DecodeError(`array of ${n} elements, but only ${this.end - this.pos} bytes left`);
    return n;
  }

  /** Compact array count (unsigned varint of count + 1): -1 means null. Validated like arrayLength. */
  compactArrayLength(): number {
    const n = this.uvarint() - 1;
    if (n < 0) return -1;
    if (n > this.end - this.pos) throw new DecodeError(`array of ${n} elements, but only ${this.end - this.pos} bytes left`);
    return n;
  }

  /** A reader over the next `length` bytes, which this reader skips. */
  sub(length: number): Reader {
    this.need(length, 'section');
    const p = this.pos;
    this.pos = p + length;
    return new Reader(this.buf, p, p + length);
  }

  /** Throws unless every byte has been consumed. */
  expectEnd(what: string): void {
    if (this.pos !== this.end) throw new DecodeError(`${what}: ${this.end - this.pos} unexpected trailing bytes at offset ${this.pos}`);
  }
}
