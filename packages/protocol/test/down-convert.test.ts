// Fetch v0-3 down-conversion (stored v2 batches → magic 0/1 message sets): against the Fetch v2
// answer Kafka 2.1.1 down-converted for kafka-go, the Kafka-written log directory (every codec,
// headers, transactions, control batches) and the stored batches other clients fetched (fixtures
// README §1.2, §1.3, §2.3).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { KafkaError } from '../src/kafka-error';
import { ErrorCode } from '../src/generated/error-codes';
import { CompressionType, compressionTypeOf } from '../src/records/compression';
import { decompressLegacy } from '../src/records/legacy-compression';
import {
  buildLegacyMessageSet,
  decodeLegacyMessageSet,
  legacyEntrySize,
  newLegacyMessageView,
  readLegacyMessage,
  type LegacyMessage,
} from '../src/records/legacy-message-set';
import { buildRecordBatch, decodeRecordBatch } from '../src/records/record-batch';
import { PARTITION_LEADER_EPOCH_OFFSET, TimestampType, writeBatchCrc, writeInt64 } from '../src/records/record-batch-header';
import { downConvertRecords, fetchResponseMagic } from '../src/records/down-convert';
import { upConvertMessageSet } from '../src/records/up-convert';
import {
  batchBytes,
  completeEntries,
  fetchRecords,
  fetchRequestPartition,
  jsonBytes,
  logSegments,
  produceRecords,
  type JsonBatch,
} from './legacy-fixtures';

function rejectsWith(code: number, fn: () => unknown): void {
  assert.throws(fn, (err: unknown) => err instanceof KafkaError && err.code === code, `expected error ${code}`);
}

/** Kafka's overflow entry for `remaining` bytes (LazyDownConversionRecordsSend.buildOverflowBatch), up to 128 KiB. */
function overflowEntry(remaining: number): Buffer {
  const out = Buffer.alloc(Math.min(Math.max(12, remaining + 1), 128 * 1024));
  out.writeBigInt64BE(-1n, 0);
  out.writeInt32BE(Math.max(remaining + 1, 61), 8);
  return out.subarray(0, Math.min(out.length, remaining));
}

function assignOffsets(batch: Buffer, baseOffset: number, leaderEpoch = 0): Buffer {
  const out = Buffer.from(batch);
  writeInt64(out, baseOffset, 0);
  out.writeInt32BE(leaderEpoch, PARTITION_LEADER_EPOCH_OFFSET);
  writeBatchCrc(out, 0, out.length);
  return out;
}

/** The messages a client reads from a down-converted answer (complete entries only). */
function messages(set: Buffer): LegacyMessage[] {
  return decodeLegacyMessageSet(completeEntries(set));
}

/** What a batch's records must look like after conversion to `magic`. */
function expectedFrom(batch: JsonBatch, magic: 0 | 1, firstOffset = 0): unknown[] {
  if (batch.is_control) return [];
  const compressed = batch.codec !== 'none';
  return batch.records
    .filter((r) => compressed || r.offset >= firstOffset)
    .map((r) => [
      r.offset,
      magic === 0 ? -1 : r.timestamp,
      jsonBytes(r.key),
      jsonBytes(r.value),
      compressed ? compressionTypeOf(batch.codec) : 0,
    ]);
}

const seen = (ms: LegacyMessage[]): unknown[] => ms.map((m) => [m.offset, m.timestamp, m.key, m.value, m.codec]);

describe('down-conversion: the Fetch v2 answer Kafka 2.1.1 gave kafka-go', () => {
  // Kafka stored kafka-go's three Produce v2 sets as v2 batches at offsets 0, 2 and 4 (leader epoch 0,
  // CreateTime, no producer id), then down-converted them for Fetch v2. We rebuild the stored
  // batches by up-converting what kafka-go sent (checked against the produce responses' offsets).
  const stored = Buffer.concat(
    ['003', '004', '005'].map((seq, i) =>
      assignOffsets(upConvertMessageSet(produceRecords(`kafka-go/${seq}-Produce-v2-request.bin`)), 2 * i),
    ),
  );
  const { fetchOffset, partitionMaxBytes } = fetchRequestPartition('kafka-go/012-Fetch-v2-request.bin');
  const kafka = fetchRecords('kafka-go/012-Fetch-v2-response.bin', 2).records;
  const ours = downConvertRecords(stored, fetchResponseMagic(2) as 1, Number(fetchOffset));

  it('converts what the fetch asked for', () => {
    assert.equal(fetchOffset, 0n);
    assert.ok(partitionMaxBytes > stored.length, 'the whole log fits: no partial batch');
  });

  it('produces the same messages, byte for byte except the gzip stream', () => {
    const kafkaEntries = completeEntries(kafka);
    const ourEntries = completeEntries(ours);
    // Entry by entry: plain messages at offsets 0 and 1, the gzip wrapper (offset 3), the snappy wrapper (offset 5).
    const split = (buf: Buffer): Buffer[] => {
      const out: Buffer[] = [];
      for (let pos = 0; pos < buf.length; pos += legacyEntrySize(buf, pos)) out.push(buf.subarray(pos, pos + legacyEntrySize(buf, pos)));
      return out;
    };
    const [k0, k1, kGzip, kSnappy, ...kRest] = split(kafkaEntries);
    const [o0, o1, oGzip, oSnappy, ...oRest] = split(ourEntries);
    assert.deepEqual([kRest.length, oRest.length], [0, 0]);
    assert.deepEqual(o0, k0);
    assert.deepEqual(o1, k1);
    // snappy: the xerial framing of snappy-java and the same snappy block bytes.
    assert.deepEqual(oSnappy, kSnappy);
    // gzip: same wrapper fields and the same inner message set (relative offsets 0-1, CRCs,
    // timestamps); the deflate bytes differ (JDK 17 zlib and gzip header OS byte 0xff, Node's zlib 0x03).
    const k = newLegacyMessageView();
    const o = newLegacyMessageView();
    readLegacyMessage(kGzip!, 0, kGzip!.length, k);
    readLegacyMessage(oGzip!, 0, oGzip!.length, o);
    assert.deepEqual(
      [o.offset, o.magic, o.attributes, o.timestamp, o.keyLength],
      [k.offset, k.magic, k.attributes, k.timestamp, k.keyLength],
    );
    assert.deepEqual([o.offset, o.attributes, o.timestamp], [3, CompressionType.GZIP, 1700000000000]);
    assert.deepEqual(
      gunzipSync(oGzip!.subarray(o.valuePos, o.valuePos + o.valueLength)),
      gunzipSync(kGzip!.subarray(k.valuePos, k.valuePos + k.valueLength)),
    );
  });

  it("fills the records field up to the stored slice's size with an overflow entry, as Kafka did", () => {
    // Kafka sized the field by the stored v2 bytes before converting (LazyDownConversionRecords) and
    // padded the shorter conversion. Its stored gzip batch was 2 bytes shorter than ours (JDK
    // deflate), and so are its slice, its field and its padding; the rule is the same.
    const kafkaTail = kafka.subarray(completeEntries(kafka).length);
    const ourTail = ours.subarray(completeEntries(ours).length);
    assert.equal(ours.length, stored.length);
    assert.deepEqual(kafkaTail, overflowEntry(kafkaTail.length));
    assert.deepEqual(ourTail, overflowEntry(ourTail.length));
    assert.equal(kafkaTail.length, 18);
    const gzipDifference = completeEntries(ours).length - completeEntries(kafka).length;
    assert.equal(stored.length - kafka.length, 2, "our stored gzip batch vs Kafka's");
    assert.equal(gzipDifference, 3, 'our gzip wrapper vs Kafka’s');
  });
});

describe('down-conversion of the Kafka 2.1.1 log directory', () => {
  for (const topic of ['fx-none', 'fx-gzip', 'fx-snappy', 'fx-lz4', 'fx-kcat']) {
    for (const magic of [0, 1] as const) {
      it(`${topic}: every batch to magic ${magic}`, () => {
        let batches = 0;
        for (const { log, batches: decoded } of logSegments(`${topic}-0`)) {
          for (const batch of decoded) {
            if (batch.codec === 'zstd') continue;
            const bytes = batchBytes(log, batch);
            const converted = downConvertRecords(bytes, magic, batch.base_offset);
            assert.deepEqual(seen(messages(converted)), expectedFrom(batch, magic), `batch at ${batch.base_offset}`);
            if (!batch.is_control && batch.codec !== 'none')
              assert.equal(legacyEntrySize(converted, 0), completeEntries(converted).length, 'one wrapper');
            // The wrapper's value starts after 26 (magic 0) or 34 (magic 1) bytes; HC is its 7th byte.
            if (batch.codec === 'lz4')
              assert.equal(converted[(magic === 0 ? 26 : 34) + 6], magic === 0 ? 0x1a : 0x82, 'LZ4 header checksum');
            batches++;
          }
        }
        assert.ok(batches > 0);
      });
    }
  }

  it('keeps the LogAppendTime-free CreateTime type and drops headers', () => {
    const [segment] = logSegments('fx-none-0');
    const batch = segment!.batches[0]!;
    assert.ok(batch.records[0]!.headers.length > 0);
    const [m] = messages(downConvertRecords(batchBytes(segment!.log, batch), 1, 0));
    assert.equal(m!.timestampType, TimestampType.CREATE_TIME);
  });

  it('fills a whole segment: output as long as the slice, cut inside the first message that does not fit', () => {
    for (const topic of ['fx-none', 'fx-gzip', 'fx-snappy', 'fx-lz4']) {
      const [{ log, batches } = { log: Buffer.alloc(0), batches: [] }] = logSegments(`${topic}-0`);
      const converted = downConvertRecords(log, 1, 0);
      assert.equal(converted.length, log.length, topic);
      const expected = Buffer.concat(batches.map((b) => completeEntries(downConvertRecords(batchBytes(log, b), 1, b.base_offset))));
      assert.ok(expected.length > log.length, `${topic}: messages are larger than records`);
      assert.deepEqual(converted, expected.subarray(0, log.length), topic);
    }
  });

  it('skips records before the fetch offset in uncompressed batches, not in compressed ones', () => {
    const none = logSegments('fx-none-0')[0]!;
    const batch = none.batches.find((b) => b.record_count === 16)!;
    const from = batch.base_offset + 5;
    const converted = messages(downConvertRecords(batchBytes(none.log, batch), 1, from));
    assert.deepEqual(seen(converted), expectedFrom(batch, 1, from));
    assert.equal(converted[0]!.offset, from);

    const gzip = logSegments('fx-gzip-0')[0]!;
    const compressed = gzip.batches.find((b) => b.record_count === 16)!;
    const all = messages(downConvertRecords(batchBytes(gzip.log, compressed), 1, compressed.base_offset + 5));
    assert.equal(all.length, 16);
    assert.equal(all[0]!.offset, compressed.base_offset);
  });

  it('drops control batches; a slice of nothing else answers with one 12-byte overflow entry', () => {
    const [segment] = logSegments('fx-kcat-0');
    const control = segment!.batches.find((b) => b.is_control)!;
    assert.deepEqual(downConvertRecords(batchBytes(segment!.log, control), 1, control.base_offset), overflowEntry(12));
    const txn = segment!.batches.filter((b) => b.base_offset >= 20);
    const slice = segment!.log.subarray(txn[0]!.file_position);
    assert.deepEqual(
      seen(messages(downConvertRecords(slice, 1, 20))),
      txn.flatMap((b) => expectedFrom(b, 1)),
    );
  });

  it('fails with UNSUPPORTED_COMPRESSION_TYPE when the first batch to convert is zstd', () => {
    const [segment] = logSegments('fx-kcat-0');
    const zstd = segment!.batches.find((b) => b.codec === 'zstd')!;
    rejectsWith(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, () =>
      downConvertRecords(segment!.log.subarray(zstd.file_position), 1, zstd.base_offset),
    );
    rejectsWith(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, () => downConvertRecords(logSegments('fx-zstd-0')[0]!.log, 0, 0));
  });

  it('stops at a later zstd batch, dropping its 128 KiB chunk, and pads the rest', () => {
    // fx-kcat: none (0-3), gzip, snappy, lz4, zstd, txn, control. The first batch converts on its own;
    // everything after it is one chunk, which holds the zstd batch.
    const [segment] = logSegments('fx-kcat-0');
    const converted = downConvertRecords(segment!.log, 1, 0);
    assert.equal(converted.length, segment!.log.length);
    const first = segment!.batches[0]!;
    const got = completeEntries(converted);
    assert.deepEqual(seen(decodeLegacyMessageSet(got)), expectedFrom(first, 1));
    assert.deepEqual(converted.subarray(got.length), overflowEntry(converted.length - got.length));
    // The client then fetches from 4: gzip is the first chunk, snappy/lz4 go with the zstd batch.
    const from4 = downConvertRecords(segment!.log.subarray(segment!.batches[1]!.file_position), 1, 4);
    assert.deepEqual(seen(messages(from4)), expectedFrom(segment!.batches[1]!, 1));
  });

  it('converts the transactional batches after the zstd ones in fx-zstd', () => {
    const segment = logSegments('fx-zstd-0').at(-1)!;
    const txn = segment.batches.filter((b) => b.base_offset >= 500);
    const slice = segment.log.subarray(txn[0]!.file_position);
    assert.deepEqual(
      seen(messages(downConvertRecords(slice, 0, 500))),
      txn.flatMap((b) => expectedFrom(b, 0)),
    );
  });
});

describe('down-conversion sizes and edge cases', () => {
  const records = Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, timestamp: 1_000 + i }));
  const small = buildRecordBatch(records.slice(0, 2), { baseOffset: 10 });
  const many = buildRecordBatch(records, { baseOffset: 12 });

  it('maps Fetch versions to message formats', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 12].map(fetchResponseMagic), [0, 0, 1, 1, 2, 2]);
  });

  it('returns the slice itself when no complete batch needs converting', () => {
    assert.equal(downConvertRecords(Buffer.alloc(0), 1, 0).length, 0);
    const magic1 = buildLegacyMessageSet(records, { magic: 1, baseOffset: 0 });
    assert.equal(downConvertRecords(magic1, 1, 0), magic1);
    const partial = many.subarray(0, 40);
    assert.equal(downConvertRecords(partial, 1, 0), partial, 'Kafka sends a lone partial batch as is');
  });

  it('drops a partial trailing batch and pads to the slice size', () => {
    const slice = Buffer.concat([small, many.subarray(0, many.length - 10)]);
    const converted = downConvertRecords(slice, 1, 10);
    assert.equal(converted.length, slice.length);
    assert.deepEqual(
      messages(converted).map((m) => m.offset),
      [10, 11],
    );
    const tail = converted.subarray(completeEntries(converted).length);
    assert.deepEqual(tail, overflowEntry(tail.length));
  });

  it('always returns the first converted batch whole, even when it outgrows the slice', () => {
    const slice = Buffer.concat([many, small]);
    const converted = downConvertRecords(slice, 1, 12);
    const firstBatch = completeEntries(downConvertRecords(many, 1, 12));
    assert.ok(firstBatch.length > slice.length);
    assert.deepEqual(converted, firstBatch);
  });

  it('writes overflow entries of at most 128 KiB', () => {
    const big = buildRecordBatch([{ key: 'k', value: Buffer.alloc(300_000, 7) }], { baseOffset: 14 });
    const slice = Buffer.concat([small, big.subarray(0, 250_000)]);
    const converted = downConvertRecords(slice, 0, 10);
    assert.equal(converted.length, slice.length);
    const head = completeEntries(converted).length;
    const remaining = slice.length - head;
    assert.deepEqual(converted.subarray(head, head + 128 * 1024), overflowEntry(remaining));
    const next = head + 128 * 1024;
    assert.deepEqual(converted.subarray(next), overflowEntry(slice.length - next));
  });

  it('keeps LogAppendTime in magic 1', () => {
    for (const compression of [CompressionType.NONE, CompressionType.SNAPPY]) {
      const batch = buildRecordBatch(records, {
        baseOffset: 0,
        compression,
        timestampType: TimestampType.LOG_APPEND_TIME,
        logAppendTime: 99,
      });
      const ms = messages(downConvertRecords(batch, 1, 0));
      assert.ok(ms.every((m) => m.timestamp === 99 && m.timestampType === TimestampType.LOG_APPEND_TIME));
      const wrapperOrFirst = newLegacyMessageView();
      const converted = downConvertRecords(batch, 1, 0);
      readLegacyMessage(converted, 0, legacyEntrySize(converted, 0), wrapperOrFirst);
      assert.equal(wrapperOrFirst.attributes & 0x08, 0x08);
    }
  });

  it('re-encodes stored magic 1 entries for magic 0 and copies them for magic 1', () => {
    for (const compression of [CompressionType.NONE, CompressionType.GZIP, CompressionType.LZ4]) {
      const magic1 = buildLegacyMessageSet(records, { magic: 1, compression, baseOffset: 30 });
      const v2 = buildRecordBatch(records.slice(0, 1), { baseOffset: 50 });
      const mixed = Buffer.concat([magic1, v2]);
      const converted = downConvertRecords(mixed, 0, 30);
      const ms = messages(converted);
      assert.deepEqual(
        ms.map((m) => [m.offset, m.magic, m.timestamp]),
        [...records.map((_, i) => [30 + i, 0, -1]), [50, 0, -1]],
      );
      if (compression !== CompressionType.NONE) {
        const view = newLegacyMessageView();
        readLegacyMessage(converted, 0, legacyEntrySize(converted, 0), view);
        const inner = decompressLegacy(compression, 0, converted.subarray(view.valuePos, view.valuePos + view.valueLength));
        assert.equal(inner.readBigInt64BE(0), 30n, 'magic 0 inner offsets are absolute');
      }
      assert.deepEqual(completeEntries(downConvertRecords(mixed, 1, 30)).subarray(0, magic1.length), magic1);
    }
  });

  it('rejects stored data it cannot read with CORRUPT_MESSAGE', () => {
    const bad = Buffer.from(many);
    bad.writeInt32BE(1000, 57); // records count beyond the data
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => downConvertRecords(bad, 1, 0));
  });
});

describe('down-conversion of batches other clients stored (Kafka 2.1.1 Fetch v4/v10 answers)', () => {
  const answers = [
    { file: 'kafka-python/020-Fetch-v4-response.bin', version: 4 },
    { file: 'sarama/019-Fetch-v4-response.bin', version: 4 },
    { file: 'java/026-Fetch-v10-response.bin', version: 10 },
    { file: 'kcat/018-Fetch-v10-response.bin', version: 10 },
  ];
  for (const { file, version } of answers) {
    it(`${file}: each batch → magic 1 → v2 keeps offsets, keys, values and timestamps`, () => {
      const { records } = fetchRecords(file, version);
      let checked = 0;
      for (let pos = 0; pos < records.length; pos += legacyEntrySize(records, pos)) {
        const stored = records.subarray(pos, pos + legacyEntrySize(records, pos));
        const { header, records: original } = decodeRecordBatch(stored);
        const codec = header.attributes & 0x07;
        if ((header.attributes & 0x20) !== 0 || codec === CompressionType.ZSTD) continue;
        const magic1 = downConvertRecords(stored, 1, header.baseOffset);
        assert.deepEqual(
          seen(messages(magic1)),
          original.map((r) => [r.offset, r.timestamp, r.key, r.value, codec]),
        );
        const back = decodeRecordBatch(assignOffsets(upConvertMessageSet(completeEntries(magic1)), header.baseOffset));
        assert.equal(back.header.attributes & 0x07, codec);
        assert.deepEqual(
          back.records.map((r) => [r.offset, r.timestamp, r.key, r.value]),
          original.map((r) => [r.offset, r.timestamp, r.key, r.value]),
        );
        checked++;
      }
      assert.ok(checked > 0);
    });
  }
});
