/**
 * A record inside a v2 batch (reference/implementation.html, "Record"):
 *
 *   length: varint, attributes: int8 (unused), timestampDelta: varlong, offsetDelta: varint,
 *   keyLength: varint (-1 = null), key, valueLength: varint (-1 = null), value,
 *   headerCount: varint, then per header: keyLength varint, key (UTF-8), valueLength varint (-1 = null), value
 *
 * Decoded keys, values and header values are subarrays of the (decompressed) batch: no copies.
 */
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';
import { readVarint, readVarlong, sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong, type Cursor } from './varint';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export interface Record {
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

function corrupt(message: string): never {
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, message);
}

function readNullableBytes(c: Cursor, end: number): Buffer | null {
  const len = readVarint(c);
  if (len < 0) {
    if (len !== -1) corrupt(`invalid length ${len} in record`);
    return null;
  }
  if (c.pos + len > end) corrupt('record field overruns its record');
  const out = c.buf.subarray(c.pos, c.pos + len);
  c.pos += len;
  return out;
}

/**
 * Decodes one record at the cursor. `baseOffset`/`baseTimestamp` come from the batch;
 * `timestampOverride` is the batch max timestamp for LogAppendTime batches.
 */
export function readRecord(c: Cursor, baseOffset: number, baseTimestamp: number, timestampOverride: number | null): Record {
  const length = readVarint(c);
  const end = c.pos + length;
  if (length < 1 || end > c.buf.length) corrupt(`record length ${length} overruns the batch`);
  c.pos += 1; // attributes
  const timestampDelta = readVarlong(c);
  const offsetDelta = readVarint(c);
  const key = readNullableBytes(c, end);
  const value = readNullableBytes(c, end);
  const headerCount = readVarint(c);
  if (headerCount < 0) corrupt(`invalid header count ${headerCount}`);
  const headers: RecordHeader[] = [];
  for (let i = 0; i < headerCount; i++) {
    const hk = readNullableBytes(c, end);
    if (hk === null) corrupt('null header key');
    headers.push({ key: hk.toString('utf8'), value: readNullableBytes(c, end) });
  }
  if (c.pos !== end) corrupt(`record declares ${length} bytes but its fields take ${length - (end - c.pos)}`);
  return {
    offset: baseOffset + offsetDelta,
    timestamp: timestampOverride ?? baseTimestamp + timestampDelta,
    key,
    value,
    headers,
  };
}

/** A record to encode; offsetDelta and timestampDelta are computed by the batch builder. */
export interface RecordInput {
  key?: Buffer | string | null;
  value?: Buffer | string | null;
  headers?: ReadonlyArray<{ key: string; value: Buffer | string | null }>;
  timestamp?: number;
}

const EMPTY: ReadonlyArray<never> = [];

function toBytes(v: Buffer | string | null | undefined): Buffer | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}

/** A header with its key encoded (UTF-8), as records carry it. */
export interface EncodedHeader {
  key: Buffer;
  value: Buffer | null;
}

/** A record with its fields resolved to bytes and its encoded body size computed. */
export interface EncodableRecord {
  offsetDelta: number;
  timestampDelta: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: ReadonlyArray<EncodedHeader>;
  bodySize: number;
}

function sizeOfNullable(b: Buffer | null): number {
  return b === null ? 1 : sizeOfVarint(b.length) + b.length;
}

/**
 * What a record's key, value and headers take in its body; the rest depends only on the record's
 * place in its batch (recordBodySize). A producer computes this once per record at send.
 */
export function recordFieldsSize(key: Buffer | null, value: Buffer | null, headers: ReadonlyArray<EncodedHeader>): number {
  let size = sizeOfNullable(key) + sizeOfNullable(value) + sizeOfVarint(headers.length);
  for (const h of headers) size += sizeOfNullable(h.key) + sizeOfNullable(h.value);
  return size;
}

/** The record's body size (after its length prefix) at this place in its batch. */
export function recordBodySize(offsetDelta: number, timestampDelta: number, fieldsSize: number): number {
  return 1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(offsetDelta) + fieldsSize;
}

/** The record's whole encoded size, length prefix included, from its body size. */
export function encodedSizeOfBody(bodySize: number): number {
  return sizeOfVarint(bodySize) + bodySize;
}

export function prepareRecord(input: RecordInput, offsetDelta: number, timestampDelta: number): EncodableRecord {
  const key = toBytes(input.key);
  const value = toBytes(input.value);
  const headers = (input.headers ?? EMPTY).map((h) => ({ key: Buffer.from(h.key, 'utf8'), value: toBytes(h.value) }));
  const bodySize = recordBodySize(offsetDelta, timestampDelta, recordFieldsSize(key, value, headers));
  return { offsetDelta, timestampDelta, key, value, headers, bodySize };
}

export function encodedRecordSize(r: EncodableRecord): number {
  return encodedSizeOfBody(r.bodySize);
}

function writeNullable(buf: Buffer, b: Buffer | null, pos: number): number {
  if (b === null) return writeVarint(buf, -1, pos);
  pos = writeVarint(buf, b.length, pos);
  buf.set(b, pos); // not Buffer#copy: its argument checks cost more than a 100-byte copy
  return pos + b.length;
}

/** Writes a record at `pos` from its parts (bodySize from recordBodySize); returns the position after it. */
export function writeRecordParts(
  buf: Buffer,
  pos: number,
  bodySize: number,
  offsetDelta: number,
  timestampDelta: number,
  key: Buffer | null,
  value: Buffer | null,
  headers: ReadonlyArray<EncodedHeader>,
): number {
  pos = writeVarint(buf, bodySize, pos);
  buf[pos++] = 0;
  pos = writeVarlong(buf, timestampDelta, pos);
  pos = writeVarint(buf, offsetDelta, pos);
  pos = writeNullable(buf, key, pos);
  pos = writeNullable(buf, value, pos);
  pos = writeVarint(buf, headers.length, pos);
  for (const h of headers) {
    pos = writeNullable(buf, h.key, pos);
    pos = writeNullable(buf, h.value, pos);
  }
  return pos;
}

export function writeRecord(buf: Buffer, r: EncodableRecord, pos: number): number {
  return writeRecordParts(buf, pos, r.bodySize, r.offsetDelta, r.timestampDelta, r.key, r.value, r.headers);
}
