// Produce v0-2 up-conversion (magic 0/1 message set → record batch v2), against the message sets
// kafka-go 0.2.1 sent to Kafka 2.1.1 in Produce v2 (fixtures README §2.3) and hand-built cases for
// Kafka's validation rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KafkaError } from '../src/kafka-error';
import { ErrorCode } from '../src/generated/error-codes';
import { CompressionType } from '../src/records/compression';
import { kafkaLz4Frame } from '../src/records/legacy-compression';
import {
  buildLegacyMessageSet,
  buildLegacyWrapper,
  decodeLegacyMessageSet,
  legacyEntrySize,
  writeLegacyMessage,
  type LegacyMessageInput,
} from '../src/records/legacy-message-set';
import { buildRecordBatch, decodeRecordBatch } from '../src/records/record-batch';
import { PARTITION_LEADER_EPOCH_OFFSET, TimestampType, writeBatchCrc, writeInt64 } from '../src/records/record-batch-header';
import { downConvertRecords } from '../src/records/down-convert';
import { isLegacyMessageSet, upConvertMessageSet } from '../src/records/up-convert';
import { completeEntries, fetchRecords, produceRecords } from './legacy-fixtures';

function rejectsWith(code: number, fn: () => unknown): void {
  assert.throws(fn, (err: unknown) => err instanceof KafkaError && err.code === code, `expected error ${code}`);
}

/** What the log does on append: real offsets and the leader epoch, CRC recomputed. */
function assignOffsets(batch: Buffer, baseOffset: number, leaderEpoch = 0): Buffer {
  const out = Buffer.from(batch);
  writeInt64(out, baseOffset, 0);
  out.writeInt32BE(leaderEpoch, PARTITION_LEADER_EPOCH_OFFSET);
  writeBatchCrc(out, 0, out.length);
  return out;
}

const MESSAGES: LegacyMessageInput[] = [
  { key: 'a', value: 'alpha', timestamp: 1_700_000_000_100 },
  { key: null, value: 'no key', timestamp: 1_700_000_000_050 },
  { key: 'c', value: null, timestamp: 1_700_000_000_300 },
  { key: '', value: '', timestamp: 1_700_000_000_200 },
];
const CODECS = [CompressionType.NONE, CompressionType.GZIP, CompressionType.SNAPPY, CompressionType.LZ4];

describe('up-conversion: kafka-go Produce v2 message sets (Kafka 2.1.1 fixtures)', () => {
  const produced = [
    { file: 'kafka-go/003-Produce-v2-request.bin', codec: CompressionType.NONE, name: 'none' },
    { file: 'kafka-go/004-Produce-v2-request.bin', codec: CompressionType.GZIP, name: 'gzip' },
    { file: 'kafka-go/005-Produce-v2-request.bin', codec: CompressionType.SNAPPY, name: 'snappy' },
  ];

  for (const { file, codec, name } of produced) {
    it(`${file}: magic 1 ${name} → one v2 batch with the same records`, () => {
      const set = produceRecords(file);
      assert.ok(isLegacyMessageSet(set));
      const legacy = decodeLegacyMessageSet(set);
      assert.ok(legacy.every((m) => m.magic === 1));
      const batch = upConvertMessageSet(set);
      assert.equal(isLegacyMessageSet(batch), false);
      const { header, records } = decodeRecordBatch(batch);
      assert.deepEqual(
        [header.baseOffset, header.magic, header.attributes, header.lastOffsetDelta, header.partitionLeaderEpoch],
        [0, 2, codec, 1, -1],
      );
      assert.deepEqual([header.producerId, header.producerEpoch, header.baseSequence], [-1, -1, -1]);
      assert.deepEqual([header.baseTimestamp, header.maxTimestamp], [1700000000000, 1700000000000]);
      assert.deepEqual(
        records.map((r) => [r.offset, r.timestamp, r.key?.toString(), r.value, r.headers.length]),
        legacy.map((m, i) => [i, 1700000000000, `gk${i + 1}-${name}`, m.value, 0]),
      );
    });
  }

  it('kafka-go wrappers carry offset 0: inner offsets count from 0, as Kafka reads them', () => {
    const set = produceRecords('kafka-go/004-Produce-v2-request.bin');
    assert.equal(set.readBigInt64BE(0), 0n);
    assert.deepEqual(
      decodeLegacyMessageSet(set).map((m) => m.offset),
      [0, 1],
    );
  });

  it('matches what Kafka served back: the Fetch v2 answer holds the same records at the offsets the produce responses gave', () => {
    // Produce responses: base offsets 0, 2, 4. Fetch v2 (012) returns everything, down-converted by Kafka.
    const expected = produced.flatMap(({ file }, i) =>
      decodeRecordBatch(assignOffsets(upConvertMessageSet(produceRecords(file)), 2 * i)).records.map((r) => [
        r.offset,
        r.timestamp,
        r.key,
        r.value,
      ]),
    );
    const { records } = fetchRecords('kafka-go/012-Fetch-v2-response.bin', 2);
    const served = decodeLegacyMessageSet(completeEntries(records)).map((m) => [m.offset, m.timestamp, m.key, m.value]);
    assert.deepEqual(served, expected);
  });
});

describe('up-conversion round trips', () => {
  for (const codec of CODECS) {
    it(`v2 → magic 1 → v2 gives back the same batch, byte for byte (codec ${codec})`, () => {
      const original = buildRecordBatch(MESSAGES, { compression: codec, baseOffset: 500, partitionLeaderEpoch: 3 });
      const magic1 = downConvertRecords(original, 1, 500);
      assert.deepEqual(
        decodeLegacyMessageSet(magic1).map((m) => [m.offset, m.timestamp]),
        MESSAGES.map((m, i) => [500 + i, m.timestamp]),
      );
      assert.deepEqual(assignOffsets(upConvertMessageSet(magic1), 500, 3), original);
    });

    it(`v2 → magic 0 → v2 keeps offsets, keys and values; magic 0 has no timestamps (codec ${codec})`, () => {
      const original = buildRecordBatch(MESSAGES, { compression: codec, baseOffset: 500 });
      const back = decodeRecordBatch(assignOffsets(upConvertMessageSet(downConvertRecords(original, 0, 500)), 500));
      assert.deepEqual([back.header.baseTimestamp, back.header.maxTimestamp, back.header.attributes], [-1, -1, codec]);
      assert.deepEqual(
        back.records.map((r) => [r.offset, r.timestamp, r.key, r.value]),
        decodeRecordBatch(original).records.map((r) => [r.offset, -1, r.key, r.value]),
      );
    });

    it(`magic 0 and 1 sets built here up-convert to their records (codec ${codec})`, () => {
      for (const magic of [0, 1] as const) {
        const set = buildLegacyMessageSet(MESSAGES, { magic, compression: codec, baseOffset: 77 });
        const { header, records } = decodeRecordBatch(upConvertMessageSet(set));
        assert.equal(header.recordsCount, MESSAGES.length);
        assert.equal(header.maxTimestamp, magic === 0 ? -1 : 1_700_000_000_300);
        assert.deepEqual(
          records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString() ?? null]),
          MESSAGES.map((m, i) => [i, magic === 0 ? -1 : m.timestamp, m.key ?? null, m.value ?? null]),
        );
      }
    });
  }

  it('stamps LogAppendTime topics with the broker time, keeping the records own timestamps as deltas', () => {
    const set = buildLegacyMessageSet(MESSAGES, { magic: 1, compression: CompressionType.GZIP });
    const batch = upConvertMessageSet(set, { timestampType: TimestampType.LOG_APPEND_TIME, now: 1_800_000_000_000 });
    const { header, records } = decodeRecordBatch(batch);
    assert.equal(header.attributes, CompressionType.GZIP | 0x08);
    assert.deepEqual([header.baseTimestamp, header.maxTimestamp], [1_700_000_000_100, 1_800_000_000_000]);
    assert.ok(records.every((r) => r.timestamp === 1_800_000_000_000));
  });

  it("recompresses with the topic's compression.type when it is not 'producer'", () => {
    const set = buildLegacyMessageSet(MESSAGES, { magic: 1 });
    const { header, records } = decodeRecordBatch(upConvertMessageSet(set, { compression: CompressionType.ZSTD }));
    assert.equal(header.attributes, CompressionType.ZSTD);
    assert.equal(records.length, MESSAGES.length);
  });

  it('reads magic 0 LZ4 wrappers with the broken and with the correct header checksum', () => {
    const inner = buildLegacyMessageSet(MESSAGES, { magic: 0, baseOffset: 0 });
    for (const broken of [true, false]) {
      const frame = kafkaLz4Frame(inner, broken);
      const wrapper = Buffer.alloc(34 + frame.length);
      const end = writeLegacyMessage(wrapper, 0, 3, 0, CompressionType.LZ4, -1, null, frame);
      assert.equal(decodeRecordBatch(upConvertMessageSet(wrapper.subarray(0, end))).records.length, MESSAGES.length);
    }
  });
});

describe('up-conversion validation (Kafka 3.x LogValidator rules)', () => {
  const plain = buildLegacyMessageSet(MESSAGES, { magic: 1, baseOffset: 0 });
  const wrapped = (messages: LegacyMessageInput[], magic: 0 | 1 = 1) =>
    buildLegacyMessageSet(messages, { magic, compression: CompressionType.SNAPPY });

  it('returns nothing for an empty set and drops a trailing partial message', () => {
    assert.equal(upConvertMessageSet(Buffer.alloc(0)).length, 0);
    const cut = plain.subarray(0, plain.length - 3);
    assert.equal(decodeRecordBatch(upConvertMessageSet(cut)).records.length, MESSAGES.length - 1);
    assert.equal(upConvertMessageSet(plain.subarray(0, 20)).length, 0);
  });

  it('rejects a bad shallow CRC with CORRUPT_MESSAGE', () => {
    for (const set of [plain, wrapped(MESSAGES)]) {
      const bad = Buffer.from(set);
      bad[30] = bad[30]! ^ 0x40;
      rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => upConvertMessageSet(bad));
    }
  });

  it('rejects a bad inner CRC with CORRUPT_MESSAGE, even after a record error', () => {
    const inner = buildLegacyMessageSet(MESSAGES, { magic: 1, baseOffset: 0 });
    const last = inner.length - 1;
    inner[last] = inner[last]! ^ 1;
    const wrapper = buildLegacyWrapper(inner, 1, CompressionType.GZIP, TimestampType.CREATE_TIME, 3, 0);
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => upConvertMessageSet(wrapper));
    // Message 1 has no key (a record error for a compacted topic); Kafka still answers CORRUPT_MESSAGE.
    rejectsWith(ErrorCode.CORRUPT_MESSAGE, () => upConvertMessageSet(wrapper, { compactedTopic: true }));
  });

  it('rejects keyless messages for compacted topics with INVALID_RECORD', () => {
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(plain, { compactedTopic: true }));
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(wrapped(MESSAGES), { compactedTopic: true }));
    const keyed = MESSAGES.filter((m) => m.key !== null);
    assert.equal(decodeRecordBatch(upConvertMessageSet(wrapped(keyed), { compactedTopic: true })).records.length, keyed.length);
  });

  it('rejects more than one wrapper, mixed magic, nested compression and empty wrappers with INVALID_RECORD', () => {
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(Buffer.concat([wrapped(MESSAGES), wrapped(MESSAGES)])));
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(Buffer.concat([wrapped(MESSAGES), plain])));
    const v0 = buildLegacyMessageSet(MESSAGES, { magic: 0 });
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(Buffer.concat([plain, v0])));
    const innerV0 = buildLegacyWrapper(v0, 1, CompressionType.GZIP, TimestampType.CREATE_TIME, 3, 0);
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(innerV0));
    const nested = buildLegacyWrapper(wrapped(MESSAGES), 1, CompressionType.GZIP, TimestampType.CREATE_TIME, 3, 0);
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(nested));
    rejectsWith(ErrorCode.INVALID_RECORD, () =>
      upConvertMessageSet(buildLegacyWrapper(Buffer.alloc(0), 1, CompressionType.GZIP, TimestampType.CREATE_TIME, 0, 0)),
    );
    const zstd = Buffer.alloc(64);
    const end = writeLegacyMessage(zstd, 0, 0, 1, CompressionType.ZSTD, 0, null, Buffer.from('x'));
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(zstd.subarray(0, end)));
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(buildRecordBatch(MESSAGES)));
  });

  it('rejects a magic 1 wrapper offset below its last inner offset (and not 0)', () => {
    const set = wrapped(MESSAGES);
    set.writeBigInt64BE(2n, 0);
    rejectsWith(ErrorCode.INVALID_RECORD, () => upConvertMessageSet(set));
    set.writeBigInt64BE(0n, 0);
    assert.equal(decodeRecordBatch(upConvertMessageSet(set)).records.length, MESSAGES.length);
  });

  it('checks CreateTime timestamps against the configured distance from now', () => {
    const now = 1_700_000_000_200;
    rejectsWith(ErrorCode.INVALID_TIMESTAMP, () => upConvertMessageSet(plain, { now, timestampBeforeMaxMs: 100 }));
    rejectsWith(ErrorCode.INVALID_TIMESTAMP, () => upConvertMessageSet(wrapped(MESSAGES), { now, timestampAfterMaxMs: 50 }));
    assert.ok(upConvertMessageSet(plain, { now, timestampBeforeMaxMs: 150, timestampAfterMaxMs: 100 }).length > 0);
    // magic 0 has no timestamps to check
    assert.ok(
      upConvertMessageSet(buildLegacyMessageSet(MESSAGES, { magic: 0 }), { now, timestampBeforeMaxMs: 0, timestampAfterMaxMs: 0 }).length >
        0,
    );
  });

  it('rejects LogAppendTime set by the producer with INVALID_TIMESTAMP', () => {
    const set = buildLegacyMessageSet(MESSAGES, {
      magic: 1,
      compression: CompressionType.GZIP,
      timestampType: TimestampType.LOG_APPEND_TIME,
      logAppendTime: 5,
    });
    rejectsWith(ErrorCode.INVALID_TIMESTAMP, () => upConvertMessageSet(set, { timestampType: TimestampType.LOG_APPEND_TIME, now: 10 }));
  });

  it('enforces max.message.bytes on shallow entries with MESSAGE_TOO_LARGE', () => {
    const set = wrapped(MESSAGES);
    rejectsWith(ErrorCode.MESSAGE_TOO_LARGE, () => upConvertMessageSet(set, { maxMessageBytes: legacyEntrySize(set, 0) - 1 }));
    assert.ok(upConvertMessageSet(set, { maxMessageBytes: legacyEntrySize(set, 0) }).length > 0);
  });
});
