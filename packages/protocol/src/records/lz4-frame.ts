/**
 * An upper bound on what an LZ4 frame decompresses to, found by walking its block headers without
 * decoding anything (lz4-napi has no output limit of its own).
 *
 * Frame layout (LZ4 frame format 1.6): magic 0x184D2204 (LE), FLG, BD, [content size: 8],
 * [dict id: 4], header checksum, then blocks — uint32 LE size (high bit: stored uncompressed; 0 ends
 * the frame), data, [block checksum: 4] — then [content checksum: 4]. BD bits 4-6 give the block
 * maximum size (4 = 64 KiB … 7 = 4 MiB): a compressed block never decodes to more than that, a
 * stored one to exactly its size. Skippable frames (magic 0x184D2A5x) carry no output.
 *
 * Honest compressors fill every block but the last, so the bound exceeds the real size by less than
 * one block; a "bomb" made of many tiny blocks shows its size here.
 */
const LZ4_MAGIC = 0x184d2204;
const FLG_BLOCK_CHECKSUM = 0x10;
const FLG_CONTENT_SIZE = 0x08;
const FLG_CONTENT_CHECKSUM = 0x04;
const FLG_DICT_ID = 0x01;

function malformed(why: string): never {
  throw new Error(`lz4 frame is malformed: ${why}`);
}

export function lz4FrameOutputBound(data: Buffer): number {
  let bound = 0;
  let pos = 0;
  while (pos < data.length) {
    if (data.length - pos < 8) malformed('truncated frame header');
    const magic = data.readUInt32LE(pos);
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      pos += 8 + data.readUInt32LE(pos + 4);
      continue;
    }
    if (magic !== LZ4_MAGIC) malformed(`bad magic 0x${magic.toString(16)}`);
    const flg = data[pos + 4]!;
    const blockMax = 1 << (8 + 2 * ((data[pos + 5]! >> 4) & 7));
    if (blockMax < 65536) malformed('invalid block maximum size');
    pos += 7 + (flg & FLG_CONTENT_SIZE ? 8 : 0) + (flg & FLG_DICT_ID ? 4 : 0);
    const blockTrailer = flg & FLG_BLOCK_CHECKSUM ? 4 : 0;
    for (;;) {
      if (data.length - pos < 4) malformed('truncated block size');
      const word = data.readUInt32LE(pos);
      pos += 4;
      if (word === 0) break;
      const size = word & 0x7fffffff;
      if (size > blockMax) malformed(`block of ${size} bytes exceeds the frame's ${blockMax}`);
      bound += word & 0x80000000 ? size : blockMax;
      pos += size + blockTrailer;
    }
    if (flg & FLG_CONTENT_CHECKSUM) pos += 4;
  }
  return bound;
}
