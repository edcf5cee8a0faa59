// Batches appended by tarn, in every codec, decode correctly with valid CRCs in an independent
// reader: python3-kafka's record parser (Debian's python3-kafka, run by /usr/bin/python3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRecordBatch, CompressionType, type RecordInput } from '@tarn/protocol';
import { makeBatch, openTestLog } from './helpers';

const script = join(dirname(fileURLToPath(import.meta.url)), 'independent-reader.py');

test('python3-kafka reads every batch tarn appended, with valid CRCs, in every codec', async () => {
  const { log } = openTestLog();
  const expected: Array<RecordInput & { offset: number }> = [];
  let offset = 0;
  for (const codec of [CompressionType.NONE, CompressionType.GZIP, CompressionType.SNAPPY, CompressionType.LZ4, CompressionType.ZSTD]) {
    const records: RecordInput[] = [
      {
        key: `k-${codec}`,
        value: `value for codec ${codec} ✓`,
        timestamp: 1_700_000_000_000 + codec,
        headers: [
          { key: 'h', value: 'v' },
          { key: 'null', value: null },
        ],
      },
      { key: null, value: 'no key', timestamp: 1_700_000_000_100 },
      { key: 'no value', value: null, timestamp: 1_700_000_000_200 },
      { key: Buffer.from([0, 255, 1]), value: Buffer.alloc(3000, codec), timestamp: 1_700_000_000_300 },
    ];
    await log.append(buildRecordBatch(records, { compression: codec }));
    for (const r of records) expected.push({ ...r, offset: offset++ });
  }
  await log.append(makeBatch(50, { start: 0 }));
  log.flush();

  const out = JSON.parse(execFileSync('/usr/bin/python3', [script, log.activeSegment.logPath], { encoding: 'utf8' })) as Array<{
    offset: number;
    timestamp: number;
    key: string | null;
    value: string | null;
    headers: Array<[string, string | null]>;
    crc_ok: boolean;
  }>;
  assert.equal(out.length, expected.length + 50);
  const hex = (v: RecordInput['key']) => (v === null || v === undefined ? null : Buffer.from(v).toString('hex'));
  expected.forEach((e, i) => {
    const r = out[i]!;
    assert.equal(r.crc_ok, true);
    assert.equal(r.offset, e.offset);
    assert.equal(r.timestamp, e.timestamp);
    assert.equal(r.key, hex(e.key));
    assert.equal(r.value, hex(e.value));
    assert.deepEqual(
      r.headers,
      (e.headers ?? []).map((h) => [h.key, hex(h.value)]),
    );
  });
  assert.deepEqual(
    out.slice(expected.length).map((r) => r.offset),
    Array.from({ length: 50 }, (_, i) => expected.length + i),
  );
  assert.ok(out.every((r) => r.crc_ok));
});
