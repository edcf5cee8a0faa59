/**
 * Compression of magic 0/1 wrapper messages: the value of a wrapper is a whole inner message set
 * compressed with the wrapper's codec. Magic 0/1 know only none, gzip, snappy and lz4; zstd
 * arrived with magic 2 (KIP-110).
 *
 * gzip and snappy are the same streams as in v2 batches (compression.ts). LZ4 is where the formats
 * differ: Kafka writes LZ4 frames with KafkaLZ4BlockOutputStream —
 *
 *   magic 0x184D2204 (LE), FLG 0x60 (version 1, independent blocks, no block/content checksums,
 *   no content size), BD 0x40 (64 KiB blocks), HC = (XXH32(descriptor) >> 8) & 0xFF,
 *   then blocks: int32 LE size (bit 31 set = stored uncompressed because LZ4 did not shrink it),
 *   the block, and an int32 0 end mark.
 *
 * Kafka before 0.10 computed HC over the magic number *and* the descriptor (KAFKA-3160). Clients of
 * that era verify the broken value, so for magic 0 Kafka still writes it (useBrokenFlagDescriptorChecksum)
 * and, reading magic 0, ignores HC altogether (ignoreFlagDescriptorChecksum); magic 1 uses the
 * correct checksum both ways. We do the same. The frame is built here (lz4-napi's block API for the
 * blocks) rather than with lz4-napi's frame encoder because that one picks larger block sizes for
 * large inputs, and Kafka always writes 64 KiB blocks.
 */
import { compressSync as lz4CompressBlock, decompressFrameSync } from 'lz4-napi';
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';
import { CompressionType, compress, decompress } from './compression';
import { xxhash32 } from './xxhash32';

const LZ4_MAGIC = 0x184d2204;
const LZ4_FLG = 0x60;
const LZ4_BD_64KB = 0x40;
const LZ4_BLOCK_SIZE = 64 * 1024;
const LZ4_INCOMPRESSIBLE = 0x80000000;
const LZ4_FLG_CONTENT_SIZE = 0x08;
const LZ4_FLG_DICT_ID = 0x01;
/** lz4-napi's block API prefixes each block with its uncompressed size (uint32 LE). */
const LZ4_NAPI_SIZE_PREFIX = 4;

/** The header checksum byte; `broken` hashes from the start of the frame as Kafka < 0.10 did. */
function lz4HeaderChecksum(frame: Buffer, descriptorEnd: number, broken: boolean): number {
  return (xxhash32(frame.subarray(broken ? 0 : 4, descriptorEnd)) >>> 8) & 0xff;
}

/** An LZ4 frame laid out exactly as KafkaLZ4BlockOutputStream writes it. */
export function kafkaLz4Frame(data: Buffer, brokenHeaderChecksum: boolean): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.allocUnsafe(7);
  header.writeUInt32LE(LZ4_MAGIC, 0);
  header[4] = LZ4_FLG;
  header[5] = LZ4_BD_64KB;
  header[6] = lz4HeaderChecksum(header, 6, brokenHeaderChecksum);
  parts.push(header);
  for (let pos = 0; pos < data.length; pos += LZ4_BLOCK_SIZE) {
    const chunk = data.subarray(pos, Math.min(pos + LZ4_BLOCK_SIZE, data.length));
    const block = lz4CompressBlock(chunk).subarray(LZ4_NAPI_SIZE_PREFIX);
    const size = Buffer.allocUnsafe(4);
    if (block.length >= chunk.length) {
      size.writeUInt32LE((chunk.length | LZ4_INCOMPRESSIBLE) >>> 0, 0);
      parts.push(size, chunk);
    } else {
      size.writeUInt32LE(block.length, 0);
      parts.push(size, block);
    }
  }
  parts.push(Buffer.alloc(4)); // end mark
  return Buffer.concat(parts);
}

/**
 * Decodes a magic 0 LZ4 frame whatever its header checksum says, as Kafka does: the checksum byte
 * is replaced by the correct one before the standard decoder (which verifies it) sees the frame.
 */
function decompressLz4IgnoringHeaderChecksum(data: Buffer): Buffer {
  if (data.length < 7 || data.readUInt32LE(0) !== LZ4_MAGIC) return decompress(CompressionType.LZ4, data);
  const flg = data[4]!;
  const descriptorEnd = 6 + ((flg & LZ4_FLG_CONTENT_SIZE) !== 0 ? 8 : 0) + ((flg & LZ4_FLG_DICT_ID) !== 0 ? 4 : 0);
  if (data.length <= descriptorEnd) return decompress(CompressionType.LZ4, data);
  const fixed = Buffer.from(data);
  fixed[descriptorEnd] = lz4HeaderChecksum(fixed, descriptorEnd, false);
  return decompressFrameSync(fixed);
}

function unsupported(codec: number, magic: number): KafkaError {
  // Kafka's legacy deep iterator rejects a zstd wrapper as an invalid record; ids 5-7 are no codec at all.
  return codec === CompressionType.ZSTD
    ? new KafkaError(ErrorCode.INVALID_RECORD, `zstd cannot be used with magic ${magic} messages`)
    : new KafkaError(ErrorCode.CORRUPT_MESSAGE, `unknown compression codec ${codec} in a magic ${magic} message`);
}

/** Compresses an inner message set for a magic 0/1 wrapper. */
export function compressLegacy(codec: number, magic: number, data: Buffer): Buffer {
  switch (codec) {
    case CompressionType.GZIP:
    case CompressionType.SNAPPY:
      return compress(codec, data);
    case CompressionType.LZ4:
      return kafkaLz4Frame(data, magic === 0);
    default:
      throw unsupported(codec, magic);
  }
}

/** Decompresses a magic 0/1 wrapper's value; malformed data becomes CORRUPT_MESSAGE. */
export function decompressLegacy(codec: number, magic: number, data: Buffer): Buffer {
  switch (codec) {
    case CompressionType.GZIP:
    case CompressionType.SNAPPY:
      return decompress(codec, data);
    case CompressionType.LZ4:
      if (magic !== 0) return decompress(codec, data);
      try {
        return decompressLz4IgnoringHeaderChecksum(data);
      } catch (err) {
        if (err instanceof KafkaError) throw err;
        throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, `cannot decompress lz4 data: ${(err as Error).message}`, { cause: err });
      }
    default:
      throw unsupported(codec, magic);
  }
}
