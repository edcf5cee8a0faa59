// Decompression is bounded for every codec: data that inflates (or claims to inflate) past the limit
// is refused with MESSAGE_TOO_LARGE before the output is allocated, honest data round-trips.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { CompressionType, DEFAULT_DECOMPRESSION_LIMIT, ErrorCode, KafkaError, compress, decompress } from '../src/index';

const tooLarge = (e: unknown) => e instanceof KafkaError && e.code === ErrorCode.MESSAGE_TOO_LARGE;
const corrupt = (e: unknown) => e instanceof KafkaError && e.code === ErrorCode.CORRUPT_MESSAGE;

describe('decompression limits', () => {
  const honest = Buffer.alloc(3_000_000, 'kafka ');
  for (const codec of [CompressionType.GZIP, CompressionType.SNAPPY, CompressionType.LZ4, CompressionType.ZSTD]) {
    it(`codec ${codec}: round-trips under the limit, refuses past it`, () => {
      const packed = compress(codec, honest);
      assert.ok(decompress(codec, packed).equals(honest));
      assert.ok(decompress(codec, packed, honest.length).equals(honest));
      assert.throws(() => decompress(codec, packed, honest.length - 1), tooLarge);
    });
  }

  it('a gzip bomb (128 MiB of zeros in ~130 KB) stops at the default limit', () => {
    const bomb = gzipSync(Buffer.alloc(128 * 1024 * 1024));
    assert.ok(bomb.length < 200_000);
    assert.throws(() => decompress(CompressionType.GZIP, bomb), tooLarge);
  });

  it('a zstd frame whose header claims 1 TiB is refused without allocating it', () => {
    // magic, frame header descriptor (single segment, 8-byte content size), content size, then a raw block
    const frame = Buffer.from('28b52ffd' + 'e0' + '0000000000010000' + '010000', 'hex');
    assert.throws(
      () => decompress(CompressionType.ZSTD, frame),
      (e: unknown) => tooLarge(e) || corrupt(e),
    );
    const rle = Buffer.concat([
      Buffer.from('28b52ffd' + '00' + '58', 'hex'),
      ...Array.from({ length: 2000 }, () => Buffer.from('020002' + '00', 'hex')),
    ]);
    assert.throws(
      () => decompress(CompressionType.ZSTD, rle, 1_000_000),
      (e: unknown) => tooLarge(e) || corrupt(e),
    );
  });

  it('a zstd frame cut short is corrupt, not a partial result', () => {
    const packed = compress(CompressionType.ZSTD, honest);
    assert.throws(() => decompress(CompressionType.ZSTD, packed.subarray(0, packed.length - 10)), corrupt);
  });

  it('a raw snappy block claiming 4 GiB is refused before it is decoded', () => {
    const lie = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00]);
    assert.throws(() => decompress(CompressionType.SNAPPY, lie), tooLarge);
  });

  it('an lz4 frame of many tiny blocks counts as the blocks it could fill', () => {
    const header = Buffer.from('04224d18' + '60' + '70' + '73', 'hex'); // v1, independent blocks, 4 MiB blocks
    const block = Buffer.from('0100000000', 'hex'); // a 1-byte compressed block
    const frame = Buffer.concat([header, ...Array.from({ length: 100 }, () => block), Buffer.alloc(4)]);
    assert.throws(() => decompress(CompressionType.LZ4, frame, DEFAULT_DECOMPRESSION_LIMIT), tooLarge);
  });
});
