/**
 * The five codecs Kafka batches use (attribute bits 0-2). Compression happens client-side; the broker
 * decompresses only where validation, compaction, down-conversion or the console need records.
 *
 * - gzip: zlib's gzip stream.
 * - snappy: the Java client writes xerial's framing (magic header, then length-prefixed snappy blocks);
 *   other clients write one raw snappy block. Both are read; xerial is written, as the Java client does.
 * - lz4: the LZ4 *frame* format (not the block API).
 * - zstd: a zstd frame, possibly without a declared content size (zstd-jni streams).
 *
 * Decompression is bounded (DESIGN.md decision 1, "never trust a length"): a few kilobytes of gzip or
 * zstd can claim or produce gigabytes, so every codec stops at `limit` bytes of output before it
 * allocates more: gzip through zlib's maxOutputLength, zstd by streaming into bounded chunks (its
 * one-shot API would allocate whatever content size the frame header claims), snappy by checking the
 * length each block declares, lz4 by counting the frame's blocks before decoding (see lz4-frame.ts).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';
import { compressFrameSync, decompressFrameSync } from 'lz4-napi';
import { compress as zstdCompress } from 'zstd-napi';
import zstdBinding from 'zstd-napi/binding';
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';
import { lz4FrameOutputBound } from './lz4-frame';

export const CompressionType = { NONE: 0, GZIP: 1, SNAPPY: 2, LZ4: 3, ZSTD: 4 } as const;
export type CompressionType = (typeof CompressionType)[keyof typeof CompressionType];

const NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CompressionName = (typeof NAMES)[number];

export function compressionName(codec: number): CompressionName {
  const name = NAMES[codec];
  if (name === undefined) throw unknownCodec(codec);
  return name;
}

export function compressionTypeOf(name: string): CompressionType {
  const i = NAMES.indexOf(name as CompressionName);
  if (i < 0) throw new KafkaError(ErrorCode.INVALID_CONFIG, `unknown compression type '${name}'`);
  return i as CompressionType;
}

function unknownCodec(codec: number): KafkaError {
  return new KafkaError(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, `unknown compression codec ${codec}`);
}

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_SIZE = 16; // magic, int32 version, int32 compatible version
const XERIAL_BLOCK_SIZE = 32 * 1024; // the Java client's default block size

function isXerial(data: Buffer): boolean {
  return data.length >= XERIAL_HEADER_SIZE && data.subarray(0, 8).equals(XERIAL_MAGIC);
}

/**
 * At most this many bytes come out of one decompression unless the caller allows more: well above
 * what an honest producer's batch inflates to (batches are at most max.message.bytes, 1 MiB by
 * default, compressed), far below what would hurt the broker.
 */
export const DEFAULT_DECOMPRESSION_LIMIT = 64 * 1024 * 1024;

class InflationLimitError extends Error {
  constructor(limit: number) {
    super(`decompressed data would exceed ${limit} bytes`);
  }
}

/** A raw snappy block starts with its uncompressed length (an unsigned varint of up to 5 bytes). */
function snappyUncompressedLength(block: Buffer): number {
  let result = 0;
  for (let i = 0; i < 5 && i < block.length; i++) {
    const b = block[i]!;
    result += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return result;
  }
  throw new Error('snappy block length is malformed');
}

function snappyBlock(block: Buffer, limit: number): Buffer {
  if (snappyUncompressedLength(block) > limit) throw new InflationLimitError(limit);
  return snappyUncompress(block) as Buffer;
}

function snappyXerialDecompress(data: Buffer, limit: number): Buffer {
  const blocks: Buffer[] = [];
  let total = 0;
  let pos = XERIAL_HEADER_SIZE;
  while (pos < data.length) {
    if (pos + 4 > data.length) throw new Error('xerial snappy block length truncated');
    const len = data.readInt32BE(pos);
    pos += 4;
    if (len < 0 || pos + len > data.length) throw new Error('xerial snappy block overruns the data');
    const block = snappyBlock(data.subarray(pos, pos + len), limit - total);
    total += block.length;
    blocks.push(block);
    pos += len;
  }
  return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks, total);
}

let zstdContext: zstdBinding.DCtx | null = null;
const ZSTD_CHUNK = 128 * 1024;

/** Streams every frame in `data` into chunks, stopping once more than `limit` bytes came out. */
function zstdDecompressBounded(data: Buffer, limit: number): Buffer {
  const dctx = (zstdContext ??= new zstdBinding.DCtx());
  dctx.reset(zstdBinding.ResetDirective.sessionOnly);
  const chunks: Buffer[] = [];
  let total = 0;
  let input = data;
  let frameOpen = false;
  while (input.length > 0 || frameOpen) {
    const chunk = Buffer.allocUnsafe(Math.min(ZSTD_CHUNK, limit - total + 1));
    const [pending, produced, consumed] = dctx.decompressStream(chunk, input);
    if (produced === 0 && consumed === 0) throw new Error('zstd data is truncated');
    total += produced;
    if (total > limit) throw new InflationLimitError(limit);
    if (produced > 0) chunks.push(chunk.subarray(0, produced));
    input = input.subarray(consumed);
    frameOpen = pending !== 0;
  }
  return Buffer.concat(chunks, total);
}

/** The bound may exceed the real size by up to one (the last, partly filled) block of at most 4 MiB. */
const LZ4_MAX_BLOCK = 4 * 1024 * 1024;

function lz4Decompress(data: Buffer, limit: number): Buffer {
  if (lz4FrameOutputBound(data) > limit + LZ4_MAX_BLOCK) throw new InflationLimitError(limit);
  const out = decompressFrameSync(data);
  if (out.length > limit) throw new InflationLimitError(limit);
  return out;
}

function snappyXerialCompress(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.allocUnsafe(XERIAL_HEADER_SIZE);
  XERIAL_MAGIC.copy(header, 0);
  header.writeInt32BE(1, 8);
  header.writeInt32BE(1, 12);
  parts.push(header);
  for (let pos = 0; pos < data.length || pos === 0; pos += XERIAL_BLOCK_SIZE) {
    const block = snappyCompress(data.subarray(pos, pos + XERIAL_BLOCK_SIZE));
    const len = Buffer.allocUnsafe(4);
    len.writeInt32BE(block.length, 0);
    parts.push(len, block);
    if (data.length === 0) break;
  }
  return Buffer.concat(parts);
}

export function compress(codec: number, data: Buffer): Buffer {
  switch (codec) {
    case CompressionType.NONE:
      return data;
    case CompressionType.GZIP:
      return gzipSync(data);
    case CompressionType.SNAPPY:
      return snappyXerialCompress(data);
    case CompressionType.LZ4:
      return compressFrameSync(data);
    case CompressionType.ZSTD:
      return zstdCompress(data);
    default:
      throw unknownCodec(codec);
  }
}

/**
 * Decompresses at most `limit` bytes; a malformed payload becomes CORRUPT_MESSAGE, one that would
 * inflate past the limit MESSAGE_TOO_LARGE
 * (the Java producer then splits the batch and retries).
 */
export function decompress(codec: number, data: Buffer, limit = DEFAULT_DECOMPRESSION_LIMIT): Buffer {
  try {
    switch (codec) {
      case CompressionType.NONE:
        return data;
      case CompressionType.GZIP:
        return gunzipSync(data, { maxOutputLength: limit });
      case CompressionType.SNAPPY:
        return isXerial(data) ? snappyXerialDecompress(data, limit) : snappyBlock(data, limit);
      case CompressionType.LZ4:
        return lz4Decompress(data, limit);
      case CompressionType.ZSTD:
        return zstdDecompressBounded(data, limit);
    }
  } catch (err) {
    const tooLarge = err instanceof InflationLimitError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    if (tooLarge) {
      throw new KafkaError(ErrorCode.MESSAGE_TOO_LARGE, `${NAMES[codec]} data inflates to more than ${limit} bytes`, { cause: err });
    }
    throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, `cannot decompress ${NAMES[codec]} data: ${(err as Error).message}`, {
      cause: err,
    });
  }
  throw unknownCodec(codec);
}
