// Magic 0/1 messages: encoding and decoding, Kafka's LZ4 framing (KAFKA-3160), CRCs, and the
// magic 1 messages Apache Kafka 2.1.1 wrote to fx-magic1 (fixtures README §1.3), re-encoded.
import assert from 'node:assert/strict';
import { crc32 } from '@node-rs/crc32';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { KafkaError } from '../src/kafka-error';
import { ErrorCode } from '../src/generated/error-codes';
import { CompressionType } from '../src/records/compression';
import { compressLegacy, decompressLegacy, kafkaLz4Frame } from '../src/records/legacy-compression';
import {
  buildLegacyMessageSet,
  buildLegacyWrapper,
  decodeLegacyMessageSet,
  legacyEntrySize,
  newLegacyMessageView,
  readLegacyMessage,
  writeLegacyMessage,
  type LegacyMessageInput,
} from '../src/records/legacy-message-set';
import { TimestampType } from '../src/records/record-batch-header';
import { fixturesDir } from './legacy-fixtures';

const hex = (s: string): Buffer => Buffer.from(s.replace(/#.*$/gm, '').replace(/\s+/g, ''), 'hex');

function rejectsWith(code: number, fn: () => unknown): void {
  assert.throws(fn, (err: unknown) => err instanceof KafkaError && err.code === code);
}

const MESSAGES: LegacyMessageInput[] = [
  { key: 'k0', value: 'first value', timestamp: 1_700_000_000_000 },
  { key: null, value: 'no key', timestamp: 1_700_000_000_005 },
  { key: 'k2', value: null, timestamp: 1_700_000_000_003 },
  { key: '', value: '', timestamp: 1_700_000_000_001 },
  { key: 'ünïcödé ✓', value: Buffer.from([0, 1, 2, 255]), timestamp: 1_700_000_000_002 },
];

const CODECS = [CompressionType.NONE, CompressionType.GZIP, CompressionType.SNAPPY, CompressionType.LZ4];

const bytes = (v: Buffer | string | null | undefined): Buffer | null => (v === null || v === undefined ? null : Buffer.from(v));

describe('magic 0/1 message encoding', () => {
  it('lays out a magic 0 and a magic 1 message field by field', () => {
    const v0 = buildLegacyMessageSet([{ key: 'k', value: 'v' }], { magic: 0, baseOffset: 7 });
    const v0Body = hex('00 00  00000001 6b  00000001 76'); // magic, attributes, key, value
    const v0Crc = Buffer.alloc(4);
    v0Crc.writeUInt32BE(crc32(v0Body) >>> 0);
    assert.deepEqual(v0, Buffer.concat([hex('0000000000000007 00000010'), v0Crc, v0Body]));

    const v1 = buildLegacyMessageSet([{ key: null, value: 'v', timestamp: 1 }], {
      magic: 1,
      baseOffset: 9,
      timestampType: TimestampType.LOG_APPEND_TIME,
      logAppendTime: 0x0102030405,
    });
    const v1Body = hex('01 08  0000000102030405  ffffffff  00000001 76'); // LogAppendTime bit, its time, null key
    const v1Crc = Buffer.alloc(4);
    v1Crc.writeUInt32BE(crc32(v1Body) >>> 0);
    assert.deepEqual(v1, Buffer.concat([hex('0000000000000009 00000017'), v1Crc, v1Body]));
  });

  for (const magic of [0, 1] as const) {
    for (const codec of CODECS) {
      it(`round-trips magic ${magic}, codec ${codec}`, () => {
        const set = buildLegacyMessageSet(MESSAGES, { magic, compression: codec, baseOffset: 100 });
        const decoded = decodeLegacyMessageSet(set);
        assert.equal(decoded.length, MESSAGES.length);
        decoded.forEach((m, i) => {
          const input = MESSAGES[i]!;
          assert.equal(m.offset, 100 + i);
          assert.equal(m.magic, magic);
          assert.equal(m.codec, codec);
          assert.equal(m.timestamp, magic === 0 ? -1 : input.timestamp);
          assert.deepEqual(m.key, bytes(input.key));
          assert.deepEqual(m.value, bytes(input.value));
        });
        if (codec !== CompressionType.NONE) assert.equal(legacyEntrySize(set, 0), set.length, 'one wrapper');
      });
    }
  }

  it('writes relative inner offsets in magic 1 wrappers and absolute ones in magic 0', () => {
    for (const magic of [0, 1] as const) {
      const wrapper = buildLegacyMessageSet(MESSAGES, { magic, compression: CompressionType.GZIP, baseOffset: 40 });
      const view = newLegacyMessageView();
      readLegacyMessage(wrapper, 0, wrapper.length, view);
      assert.equal(view.offset, 44, 'the wrapper carries the last offset');
      assert.equal(view.keyLength, -1);
      assert.equal(view.timestamp, magic === 1 ? 1_700_000_000_005 : -1, 'magic 1 wrapper: largest inner timestamp');
      const inner = gunzipSync(wrapper.subarray(view.valuePos, view.valuePos + view.valueLength));
      const innerOffsets = decodeLegacyMessageSet(inner).map((m) => m.offset);
      assert.deepEqual(innerOffsets, magic === 1 ? [0, 1, 2, 3, 4] : [40, 41, 42, 43, 44]);
    }
  });

  it('gives every message of a LogAppendTime set the append time', () => {
    for (const codec of [CompressionType.NONE, CompressionType.SNAPPY]) {
      const set = buildLegacyMessageSet(MESSAGES, {
        magic: 1,
        compression: codec,
        timestampType: TimestampType.LOG_APPEND_TIME,
        logAppendTime: 42,
      });
      for (const m of decodeLegacyMessageSet(set)) {
        assert.equal(m.timestamp, 42);
        assert.equal(m.timestampType, TimestampType.LOG_APPEND_TIME);
      }
    }
  });

  it('builds nothing from no messages', () => {
    assert.equal(buildLegacyMessageSet([], { magic: 1, compression: CompressionType.GZIP }).length, 0);
    assert.equal(buildLegacyMessageSet([], { magic: 0 }).length, 0);
  });
});

describe('magic 0/1 message decoding', () => {
  it('reads a magic 1 wrapper with offset 0 as relative to 0 (librdkafka, kafka-go)', () => {
    const wrapper = buildLegacyMessageSet(MESSAGES.slice(0, 3), { magic: 1, compression: CompressionType.GZIP, baseOffset: 0 });
    wrapper.writeBigInt64BE(0n, 0); // the offset is not covered by the CRC
    assert.deepEqual(
      decodeLegacyMessageSet(wrapper).map((m) => m.offset),
      [0, 1, 2],
    );
  });

  it('rejects a magic 1 wrapper offset below its last inner offset', () => {
    const wrapper = buildLegacyMessageSet(MESSAGES.slice(0, 3), { magic: 1, compression: CompressionType.GZIP, baseOffset: 0 });
    wrapper.writeBigInt64BE(1n, 0);
    rejectsWith(ErrorCode.INVALID_RECORD, () => decodeLegacyMessageSet(wrapper));
  });

  it('checks message CRCs, outer and inner', () => {
    const plain = buildLegacyMessageSet(MESSAGES, { magic: 1 });
    const corrupted = Buffer.from(plain);
    corrupted[40] = corrupted[40]! ^ 1;
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => decodeLegacyMessageSet(corrupted));
    assert.equal(decodeLegacyMessageSet(corrupted, { verifyCrc: false }).length, MESSAGES.length);

    const inner = Buffer.from(plain);
    inner[inner.length - 1] = inner[inner.length - 1]! ^ 1;
    const wrapper = buildLegacyWrapper(inner, 1, CompressionType.SNAPPY, TimestampType.CREATE_TIME, 4, 0);
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => decodeLegacyMessageSet(wrapper));
  });

  it('rejects truncated and malformed messages', () => {
    const plain = buildLegacyMessageSet(MESSAGES, { magic: 0 });
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => decodeLegacyMessageSet(plain.subarray(0, plain.length - 1)));
    const badKey = Buffer.from(plain.subarray(0, legacyEntrySize(plain, 0)));
    badKey.writeInt32BE(1000, 18); // key length past the message
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => decodeLegacyMessageSet(badKey, { verifyCrc: false }));
    const badMagic = Buffer.from(badKey);
    badMagic[16] = 3;
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => decodeLegacyMessageSet(badMagic, { verifyCrc: false }));
  });

  it('rejects nested compression, empty wrappers, zstd and unknown codecs', () => {
    const wrapped = buildLegacyMessageSet(MESSAGES, { magic: 1, compression: CompressionType.GZIP });
    const nested = buildLegacyWrapper(wrapped, 1, CompressionType.GZIP, TimestampType.CREATE_TIME, 4, 0);
    rejectsWith(ErrorCode.INVALID_RECORD, () => decodeLegacyMessageSet(nested));
    const empty = buildLegacyWrapper(Buffer.alloc(0), 1, CompressionType.GZIP, TimestampType.CREATE_TIME, 0, 0);
    rejectsWith(ErrorCode.INVALID_RECORD, () => decodeLegacyMessageSet(empty));
    const zstd = Buffer.alloc(64);
    const end = writeLegacyMessage(zstd, 0, 0, 1, CompressionType.ZSTD, 0, null, Buffer.from('x'));
    rejectsWith(ErrorCode.INVALID_RECORD, () => decodeLegacyMessageSet(zstd.subarray(0, end)));
    const unknown = Buffer.alloc(64);
    writeLegacyMessage(unknown, 0, 0, 1, 5, 0, null, Buffer.from('x'));
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => decodeLegacyMessageSet(unknown.subarray(0, end)));
  });
});

describe("Kafka's LZ4 framing for magic 0/1 (KAFKA-3160)", () => {
  const data = Buffer.from('lz4 framed message set '.repeat(50));

  it('writes the broken header checksum for magic 0 and the correct one for magic 1', () => {
    // magic number, FLG 0x60 (v1, independent blocks), BD 0x40 (64 KiB), then HC:
    // XXH32 over FLG..BD gives 0x82; Kafka < 0.10 hashed from the magic number on and got 0x1a.
    assert.deepEqual(compressLegacy(CompressionType.LZ4, 0, data).subarray(0, 7), hex('04224d18 60 40 1a'));
    assert.deepEqual(compressLegacy(CompressionType.LZ4, 1, data).subarray(0, 7), hex('04224d18 60 40 82'));
    for (const magic of [0, 1])
      assert.deepEqual(decompressLegacy(CompressionType.LZ4, magic, compressLegacy(CompressionType.LZ4, magic, data)), data);
  });

  it('ignores the header checksum for magic 0 and verifies it for magic 1, as Kafka does', () => {
    const correct = kafkaLz4Frame(data, false);
    const broken = kafkaLz4Frame(data, true);
    assert.deepEqual(decompressLegacy(CompressionType.LZ4, 0, correct), data, 'a fixed client writing magic 0');
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => decompressLegacy(CompressionType.LZ4, 1, broken));
    const garbage = Buffer.from(broken);
    garbage[6] = 0x77;
    assert.deepEqual(decompressLegacy(CompressionType.LZ4, 0, garbage), data);
  });

  it('writes 64 KiB blocks and stores incompressible ones raw, as KafkaLZ4BlockOutputStream', () => {
    const random = Buffer.alloc(70 * 1024);
    for (let i = 0, x = 12345; i < random.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      random[i] = x >>> 24;
    }
    const frame = kafkaLz4Frame(random, false);
    assert.equal(frame.readUInt32LE(7), (0x80000000 | 65536) >>> 0, 'first block: 64 KiB, stored uncompressed');
    const second = 7 + 4 + 65536;
    assert.equal(frame.readUInt32LE(second), (0x80000000 | (random.length - 65536)) >>> 0);
    assert.equal(frame.readUInt32LE(frame.length - 4), 0, 'end mark');
    assert.equal(frame.length, 7 + 4 + 65536 + 4 + (random.length - 65536) + 4);
    assert.deepEqual(decompressLegacy(CompressionType.LZ4, 1, frame), random);
  });

  it('decodes magic 0 LZ4 wrappers whatever their header checksum', () => {
    const set = buildLegacyMessageSet(MESSAGES, { magic: 0, compression: CompressionType.LZ4, baseOffset: 3 });
    assert.deepEqual(
      decodeLegacyMessageSet(set).map((m) => m.offset),
      [3, 4, 5, 6, 7],
    );
  });
});

describe('Kafka 2.1.1 fx-magic1 log (magic 1 messages written by Kafka)', () => {
  const log = readFileSync(join(fixturesDir, 'log-dir', 'fx-magic1-0', '00000000000000000000.log'));
  const plainEnd = 155; // three plain messages, then the gzip wrapper (README §1.3, DumpLogSegments positions)
  const none = [
    { key: 'm1-none-k1', value: 'magic1 none one' },
    { key: 'm1-none-k2', value: null },
    { key: null, value: 'magic1 none no key' },
  ].map((m) => ({ ...m, timestamp: 1795371489698 }));
  const gzip = [
    { key: 'm1-gzip-k1', value: 'magic1 gzip one' },
    { key: 'm1-gzip-k2', value: null },
    { key: null, value: 'magic1 gzip no key' },
  ].map((m) => ({ ...m, timestamp: 1795371489739 }));

  it('decodes all six messages', () => {
    const decoded = decodeLegacyMessageSet(log);
    assert.deepEqual(
      decoded.map((m) => [m.offset, m.magic, m.codec, m.timestamp, m.key?.toString() ?? null, m.value?.toString() ?? null]),
      [...none, ...gzip].map((m, i) => [i, 1, i < 3 ? 0 : 1, m.timestamp, m.key, m.value]),
    );
  });

  it('re-encodes the plain messages byte for byte', () => {
    assert.deepEqual(buildLegacyMessageSet(none, { magic: 1, baseOffset: 0 }), log.subarray(0, plainEnd));
  });

  it('re-encodes the gzip wrapper: same header and inner message set; only the deflate bytes differ', () => {
    const kafkaWrapper = log.subarray(plainEnd);
    const ours = buildLegacyMessageSet(gzip, { magic: 1, compression: CompressionType.GZIP, baseOffset: 3 });
    const k = newLegacyMessageView();
    const o = newLegacyMessageView();
    readLegacyMessage(kafkaWrapper, 0, kafkaWrapper.length, k);
    readLegacyMessage(ours, 0, ours.length, o);
    assert.deepEqual(
      [o.offset, o.magic, o.attributes, o.timestamp, o.keyLength],
      [k.offset, k.magic, k.attributes, k.timestamp, k.keyLength],
    );
    assert.deepEqual([o.offset, o.attributes, o.timestamp], [5, 1, 1795371489739]);
    const kafkaGzip = kafkaWrapper.subarray(k.valuePos, k.valuePos + k.valueLength);
    const ourGzip = ours.subarray(o.valuePos, o.valuePos + o.valueLength);
    // The uncompressed inner message sets (relative offsets 0-2, CRCs, timestamps) are identical.
    assert.deepEqual(gunzipSync(ourGzip), gunzipSync(kafkaGzip));
    // The gzip streams are not: Kafka's java.util.zip.GZIPOutputStream on JDK 17 writes OS byte 0xff
    // in the gzip header and deflates with the JDK's zlib; Node writes OS byte 0x03 (Unix) and its
    // zlib (Chromium's fork) picks different matches. Both are valid gzip of the same bytes. With
    // Kafka's compressed value, our wrapper encoding is byte-identical:
    assert.equal(kafkaGzip[9], 0xff);
    const rebuilt = Buffer.alloc(kafkaWrapper.length);
    writeLegacyMessage(rebuilt, 0, 5, 1, CompressionType.GZIP, 1795371489739, null, kafkaGzip);
    assert.deepEqual(rebuilt, kafkaWrapper);
  });
});
