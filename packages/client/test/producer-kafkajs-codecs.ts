// kafkajs reads gzip by itself and needs a codec for snappy, lz4 and zstd. These are the npm
// libraries' own decoders (not @tarn/protocol's), so a batch our producer wrote is unpacked by code
// that shares nothing with the code that packed it: snappy's xerial framing (the Java client's, which
// we write) split by hand, then the `snappy` binding; lz4 frames by `lz4-napi`; zstd by `zstd-napi`.
import kafkajsModule from 'kafkajs';
import { decompressFrameSync } from 'lz4-napi';
import { uncompressSync } from 'snappy';
import { decompress as zstdDecompress } from 'zstd-napi';

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);

function snappyUnframe(data: Buffer): Buffer {
  if (!data.subarray(0, 8).equals(XERIAL_MAGIC)) return uncompressSync(data) as Buffer;
  const blocks: Buffer[] = [];
  for (let pos = 16; pos < data.length;) {
    const len = data.readInt32BE(pos);
    blocks.push(uncompressSync(data.subarray(pos + 4, pos + 4 + len)) as Buffer);
    pos += 4 + len;
  }
  return Buffer.concat(blocks);
}

const readOnly = (decompress: (b: Buffer) => Buffer) => () => ({
  compress: () => Promise.reject(new Error('these test codecs only read')),
  decompress: (buffer: Buffer) => Promise.resolve(decompress(buffer)),
});

// kafkajs is CommonJS: its codec table is reached through the default export
const { CompressionCodecs, CompressionTypes } = kafkajsModule;

export function registerKafkajsCodecs(): void {
  CompressionCodecs[CompressionTypes.Snappy] = readOnly(snappyUnframe);
  CompressionCodecs[CompressionTypes.LZ4] = readOnly((b) => decompressFrameSync(b));
  CompressionCodecs[CompressionTypes.ZSTD] = readOnly((b) => zstdDecompress(b));
}
