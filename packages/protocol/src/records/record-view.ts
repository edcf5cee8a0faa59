/**
 * A v2 record (layout in record.ts) read in place: positions and lengths instead of Buffers and
 * header objects, so a scan over a batch reuses one view and allocates nothing per record. For
 * conversions that copy keys and values straight into another format (down-convert.ts).
 */
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';
import type { KeyValueSlice } from './legacy-message-set';
import { readVarint, readVarlong, type Cursor } from './varint';

export interface RecordView extends KeyValueSlice {
  timestampDelta: number;
  offsetDelta: number;
}

function corrupt(message: string): never {
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, message);
}

export function newRecordView(): RecordView {
  return { timestampDelta: 0, offsetDelta: 0, keyPos: 0, keyLength: -1, valuePos: 0, valueLength: -1 };
}

/** Reads a length prefix and moves the cursor past the bytes it announces; returns the length (-1 = null). */
function skipField(c: Cursor, end: number, allowNull: boolean): number {
  const len = readVarint(c);
  if (len < (allowNull ? -1 : 0)) corrupt(`invalid length ${len} in record`);
  if (len > 0) c.pos += len;
  if (c.pos > end) corrupt('record field overruns its record');
  return len;
}

/** Reads the record at the cursor into `view` and moves the cursor past it; headers are checked and skipped. */
export function readRecordView(c: Cursor, view: RecordView): void {
  const length = readVarint(c);
  const end = c.pos + length;
  if (length < 1 || end > c.buf.length) corrupt(`record length ${length} overruns the batch`);
  c.pos += 1; // attributes: unused
  view.timestampDelta = readVarlong(c);
  view.offsetDelta = readVarint(c);
  view.keyLength = skipField(c, end, true);
  view.keyPos = c.pos - Math.max(view.keyLength, 0);
  view.valueLength = skipField(c, end, true);
  view.valuePos = c.pos - Math.max(view.valueLength, 0);
  const headerCount = readVarint(c);
  if (headerCount < 0) corrupt(`invalid header count ${headerCount}`);
  for (let i = 0; i < headerCount; i++) {
    skipField(c, end, false);
    skipField(c, end, true);
  }
  if (c.pos !== end) corrupt(`record declares ${length} bytes but its fields take ${length - (end - c.pos)}`);
}
