/**
 * The five codecs Kafka batches use (attribute bits 0-2). Compression happens client-side; the broker
 * decompresses only where validation, compaction, down-conversion or the console need records.
 *
 * - gzip: zlib's gzip stream.
 * - snappy: the Java client writes xerial's framing (magic header, then length-prefixed snappy blocks);
 *   other clients write one raw snappy block. Both are read; xerial is written, as the Java client does.
 * - lz4: the LZ4 *frame* format (not the block API).
 * - zstd: a zstd frame, possibly without a declared content size (zstd-jni streams).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';
import { compressFrameSync, decompressFrameSync } from 'lz4-napi';
import { compress as zstdCompress, decompress as zstdDecompress } from 'zstd-napi';
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';

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

function snappyXerialDecompress(data: Buffer): Buffer {
  const blocks: Buffer[] = [];
  let pos = XERIAL_HEADER_SIZE;
  while (pos < data.length) {
    if (pos + 4 > data.length) throw new Error('xerial snappy block length truncated');
    const len = data.readInt32BE(pos);
    pos += 4;
    if (len < 0 || pos + len > data.length) throw new Error('xerial snappy block overruns the data');
    blocks.push(snappyUncompress(data.subarray(pos, pos + len)) as Buffer);
    pos += len;
  }
  return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks);
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

/** Decompresses; a malformed payload becomes CORRUPT_MESSAGE. */
export function decompress(codec: number, data: Buffer): Buffer {
  try {
    switch (codec) {
      case CompressionType.NONE:
        return data;
      case CompressionType.GZIP:
        return gunzipSync(data);
      case CompressionType.SNAPPY:
        return isXerial(data) ? snappyXerialDecompress(data) : (snappyUncompress(data) as Buffer);
      case CompressionType.LZ4:
        return decompressFrameSync(data);
      case CompressionType.ZSTD:
        return zstdDecompress(data);
    }
  } catch (err) {
    throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, `cannot decompress ${NAMES[codec]} data: ${(err as Error).message}`, {
      cause: err,
    });
  }
  throw unknownCodec(codec);
}
