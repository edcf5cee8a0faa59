// Fixture access shared by the legacy message format tests: records fields of captured Produce and
// Fetch frames (decoded with the generated codecs), segments of the Kafka 2.1.1 log directory with
// their independently decoded JSON (fixtures README §1.6, §2).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeEntrySize } from '../src/records/legacy-message-set';
import { decodeRequest } from '../src/wire/request-frame';
import { decodeResponse } from '../src/wire/response-frame';
import { FIXTURES_DIR, requireDir } from './fixture-paths';

export const fixturesDir = requireDir(FIXTURES_DIR);

function frame(file: string): Buffer {
  return readFileSync(join(fixturesDir, 'wire', file)).subarray(4);
}

/** The records of the only partition of a captured Produce request. */
export function produceRecords(file: string): Buffer {
  const req = decodeRequest(frame(file));
  assert.equal(req.apiKey, 0, `${file} is not a Produce request`);
  if (req.apiKey !== 0) throw new Error('unreachable');
  const [topic] = req.body.topicData;
  const records = topic?.partitionData[0]?.records;
  assert.ok(records, `${file}: no records`);
  return records;
}

/** The records of the only partition of a captured Fetch response, and that partition's fields. */
export function fetchRecords(file: string, version: number): { records: Buffer; highWatermark: bigint } {
  const res = decodeResponse(1, version, frame(file));
  const partition = res.body.responses[0]?.partitions[0];
  assert.ok(partition?.records, `${file}: no records`);
  return { records: partition.records, highWatermark: partition.highWatermark };
}

/** The fetch offset and partition max bytes of a captured Fetch request. */
export function fetchRequestPartition(file: string): { fetchOffset: bigint; partitionMaxBytes: number } {
  const req = decodeRequest(frame(file));
  if (req.apiKey !== 1) throw new Error(`${file} is not a Fetch request`);
  const partition = req.body.topics[0]?.partitions[0];
  assert.ok(partition);
  return { fetchOffset: partition.fetchOffset, partitionMaxBytes: partition.partitionMaxBytes };
}

/** The complete entries at the start of a message set: what a client reads before a partial or overflow entry. */
export function completeEntries(buf: Buffer): Buffer {
  let end = 0;
  for (let size = completeEntrySize(buf, 0); size > 0; end += size, size = completeEntrySize(buf, end));
  return buf.subarray(0, end);
}

type JsonBytes = string | null | { hex: string };

export interface JsonRecord {
  offset: number;
  timestamp: number;
  key: JsonBytes;
  value: JsonBytes;
  headers: [string, JsonBytes][];
}

export interface JsonBatch {
  file_position: number;
  base_offset: number;
  batch_length: number;
  codec: string;
  timestamp_type: string;
  is_control: boolean;
  record_count: number;
  records: JsonRecord[];
}

interface JsonSegment {
  base_offset: number;
  log_file: string;
  batches: JsonBatch[];
}

export function jsonBytes(v: JsonBytes): Buffer | null {
  if (v === null) return null;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v.hex, 'hex');
}

/** Every segment of a fixture partition: the .log bytes and the decoded batches. */
export function logSegments(partitionDir: string): { baseOffset: number; log: Buffer; batches: JsonBatch[] }[] {
  const decoded = JSON.parse(readFileSync(join(fixturesDir, 'log-dir-decoded', `${partitionDir}.json`), 'utf8')) as {
    segments: JsonSegment[];
  };
  return decoded.segments.map((s) => ({
    baseOffset: s.base_offset,
    log: readFileSync(join(fixturesDir, 'log-dir', partitionDir, s.log_file)),
    batches: s.batches,
  }));
}

/** The bytes of one stored batch. */
export function batchBytes(log: Buffer, batch: JsonBatch): Buffer {
  return log.subarray(batch.file_position, batch.file_position + batch.batch_length + 12);
}
