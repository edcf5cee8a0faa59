// Records' zigzag varints against a BigInt reference (Protocol Buffers' encoding): every value
// round-trips, takes the bytes sizeOf* says, and has the reference's bytes — across the one- and
// two-byte fast paths and their boundaries, negative values, and magnitudes up to 2^52 (their zigzag
// form then stays within 2^53, where JS numbers are exact).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readVarint, readVarlong, sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from '../src/records/varint';

function reference(value: number): Buffer {
  const big = BigInt(value);
  let v = big >= 0n ? big * 2n : -big * 2n - 1n;
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

const boundaries = [0, 1, -1, 63, 64, -64, -65, 8191, 8192, -8192, -8193, 2 ** 20, -(2 ** 20), 2 ** 31 - 1, -(2 ** 31)];

function check(value: number, size: (v: number) => number, write: typeof writeVarlong, read: typeof readVarlong): void {
  const buf = Buffer.alloc(12, 0xee);
  const end = write(buf, value, 1);
  assert.deepEqual(buf.subarray(1, end), reference(value), `bytes of ${value}`);
  assert.equal(size(value), end - 1, `size of ${value}`);
  const c = { buf, pos: 1 };
  assert.equal(read(c), value);
  assert.equal(c.pos, end);
}

test('varlongs: reference bytes, size and round trip, fast paths and their edges included', () => {
  for (const v of [...boundaries, 2 ** 52, -(2 ** 52)]) check(v, sizeOfVarlong, writeVarlong, readVarlong);
  fc.assert(
    fc.property(fc.bigInt({ min: -(2n ** 52n), max: 2n ** 52n }).map(Number), (v) => check(v, sizeOfVarlong, writeVarlong, readVarlong)),
  );
  fc.assert(fc.property(fc.integer({ min: -20_000, max: 20_000 }), (v) => check(v, sizeOfVarlong, writeVarlong, readVarlong)));
});

test('varints: the same within 32 bits', () => {
  for (const v of boundaries) check(v, sizeOfVarint, writeVarint, readVarint);
  fc.assert(fc.property(fc.integer(), (v) => check(v, sizeOfVarint, writeVarint, readVarint)));
});
