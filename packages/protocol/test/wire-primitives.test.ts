// Reader and Writer: primitive encodings, bounds checks before allocation, and chunking by reference.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DecodeError } from '../src/wire/decode-error';
import { Reader } from '../src/wire/reader';
import { Writer } from '../src/wire/writer';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const written = (fill: (w: Writer) => void): Buffer => {
  const w = new Writer(16);
  fill(w);
  return w.toBuffer();
};

describe('Writer and Reader', () => {
  it('encode fixed-width integers big-endian', () => {
    const b = written((w) => {
      w.int8(-2);
      w.int16(-2);
      w.uint16(0xfffe);
      w.int32(-2);
      w.uint32(0xfffffffe);
      w.int64(-2n);
      w.bool(true);
      w.float64(1.5);
    });
    assert.deepEqual(b, hex('fe fffe fffe fffffffe fffffffe fffffffffffffffe 01 3ff8000000000000'));
    const r = new Reader(b);
    assert.deepEqual(
      [r.int8(), r.int16(), r.uint16(), r.int32(), r.uint32(), r.int64(), r.bool(), r.float64()],
      [-2, -2, 0xfffe, -2, 0xfffffffe, -2n, true, 1.5],
    );
    assert.equal(r.remaining, 0);
  });

  it('reject integers outside their type instead of truncating', () => {
    const w = new Writer();
    assert.throws(() => w.int8(128), RangeError);
    assert.throws(() => w.int16(0x8000), RangeError);
    assert.throws(() => w.int32(2 ** 31), RangeError);
    assert.throws(() => w.int32(1.5), RangeError);
    assert.throws(() => w.uint32(-1), RangeError);
    assert.throws(() => w.int64(2n ** 63n), RangeError);
    assert.throws(() => w.uvarint(2 ** 32), RangeError);
  });

  it('encode unsigned varints like Kafka (7 bits per byte, low group first)', () => {
    assert.deepEqual(
      written((w) => w.uvarint(0)),
      hex('00'),
    );
    assert.deepEqual(
      written((w) => w.uvarint(127)),
      hex('7f'),
    );
    assert.deepEqual(
      written((w) => w.uvarint(128)),
      hex('8001'),
    );
    assert.deepEqual(
      written((w) => w.uvarint(300)),
      hex('ac02'),
    );
    assert.deepEqual(
      written((w) => w.uvarint(0xffffffff)),
      hex('ffffffff0f'),
    );
    assert.throws(() => new Reader(hex('ffffffffff01')).uvarint(), DecodeError);
    assert.throws(() => new Reader(hex('80')).uvarint(), DecodeError);
  });

  it('round-trip varints, varlongs, strings, bytes and uuids', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (i, l, s, bytes, u) => {
          const uuid = Buffer.from(u).toString('base64url');
          const buf = Buffer.from(bytes);
          const b = written((w) => {
            w.varint(i);
            w.varlong(l);
            w.string(s);
            w.compactString(s);
            w.nullableString(null);
            w.compactNullableString(null);
            w.bytes(buf);
            w.compactBytes(buf);
            w.uuid(uuid);
          });
          const r = new Reader(b);
          assert.equal(r.varint(), i);
          assert.equal(r.varlong(), l);
          assert.equal(r.string(), s);
          assert.equal(r.compactString(), s);
          assert.equal(r.nullableString(), null);
          assert.equal(r.compactNullableString(), null);
          assert.deepEqual(r.bytes(), buf);
          assert.deepEqual(r.compactBytes(), buf);
          assert.equal(r.uuid(), uuid);
          assert.equal(r.remaining, 0);
        },
      ),
    );
  });

  it('show UUIDs as Kafka does (URL-safe base64, no padding)', () => {
    assert.equal(new Reader(Buffer.alloc(16)).uuid(), 'AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(new Reader(Buffer.alloc(16, 0xff)).uuid(), '_____________________w');
    assert.throws(() => new Writer().uuid('not-a-uuid'), RangeError);
    assert.throws(() => new Writer().uuid('AAAAAAAAAAAAAAAAAAAAAB'), RangeError);
  });

  it('return subarrays of the frame for bytes, never copies', () => {
    const frame = hex('00000003 616263');
    const bytes = new Reader(frame).bytes();
    assert.equal(bytes.buffer, frame.buffer);
    assert.equal(bytes.byteOffset, frame.byteOffset + 4);
  });

  it('refuse lengths beyond the remaining bytes before allocating', () => {
    assert.throws(() => new Reader(hex('7fffffff 00')).bytes(), DecodeError);
    assert.throws(() => new Reader(hex('7fff 00')).string(), DecodeError);
    assert.throws(() => new Reader(hex('7fffffff 00')).arrayLength(), DecodeError);
    assert.throws(() => new Reader(hex('ffffffff0f')).compactArrayLength(), DecodeError);
    assert.throws(() => new Reader(hex('ffff')).string(), DecodeError, 'null for a non-nullable string');
    assert.equal(new Reader(hex('ffffffff')).arrayLength(), -1);
    assert.equal(new Reader(hex('00')).compactArrayLength(), -1);
  });

  it('keep the 2-byte string limit of the classic encoding', () => {
    assert.throws(() => new Writer().string('x'.repeat(0x8000)), RangeError);
    assert.throws(() => new Reader(hex('818002')).compactString(), DecodeError);
  });

  it('append buffers by reference as chunks of their own', () => {
    const records = Buffer.from('record batch bytes');
    const w = new Writer(16);
    w.int32(7);
    w.lengthPrefixedRef(records, false);
    w.int16(1);
    const chunks = w.finish();
    assert.equal(chunks.length, 3);
    assert.equal(chunks[1], records);
    assert.equal(w.size, 4 + 4 + records.length + 2);
    assert.deepEqual(Buffer.concat(chunks), Buffer.concat([hex('00000007'), hex('00000012'), records, hex('0001')]));
  });

  it('grow by closing chunks, never losing or reordering bytes', () => {
    const w = new Writer(16);
    const expected: number[] = [];
    for (let i = 0; i < 5000; i++) {
      w.int32(i);
      expected.push((i >>> 24) & 0xff, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff);
    }
    assert.equal(w.size, 20000);
    assert.deepEqual(w.toBuffer(), Buffer.from(expected));
  });
});
