/**
 * Zigzag varints as records use them (Protocol Buffers' encoding: 7 bits per byte, low bits first,
 * sign folded into bit 0). Values are JS numbers: 64-bit varlongs are exact up to 2^53, which covers
 * every timestamp and offset delta a real batch carries.
 */
import { KafkaError } from '../kafka-error';
import { ErrorCode } from '../generated/error-codes';

/** A cursor over a buffer; decoders advance `pos`. */
export interface Cursor {
  buf: Buffer;
  pos: number;
}

function truncated(): never {
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'record data ends inside a varint');
}

/** Reads a zigzag varlong (up to 10 bytes). */
export function readVarlong(c: Cursor): number {
  const { buf } = c;
  let pos = c.pos;
  let result = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= buf.length) truncated();
    const b = buf[pos++]!;
    result += (b & 0x7f) * mul;
    if ((b & 0x80) === 0) {
      c.pos = pos;
      // zigzag decode without 32-bit bitwise ops
      return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
    }
    mul *= 128;
  }
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'varint longer than 10 bytes');
}

/** Reads a zigzag varint (up to 5 bytes, 32-bit range). */
export function readVarint(c: Cursor): number {
  const { buf } = c;
  let pos = c.pos;
  let result = 0;
  let shift = 0;
  for (let i = 0; i < 5; i++) {
    if (pos >= buf.length) truncated();
    const b = buf[pos++]!;
    result |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) {
      c.pos = pos;
      return (result >>> 1) ^ -(result & 1);
    }
    shift += 7;
  }
  throw new KafkaError(ErrorCode.CORRUPT_MESSAGE, 'varint longer than 5 bytes');
}

/** Bytes a zigzag varlong takes. */
export function sizeOfVarlong(value: number): number {
  let v = value >= 0 ? value * 2 : -value * 2 - 1;
  // the usual record fields (deltas, lengths) take one or two bytes: no division for them
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

export function writeVarlong(buf: Buffer, value: number, pos: number): number {
  let v = value >= 0 ? value * 2 : -value * 2 - 1;
  if (v < 0x80) {
    buf[pos] = v;
    return pos + 1;
  }
  if (v < 0x4000) {
    buf[pos] = (v & 0x7f) | 0x80;
    buf[pos + 1] = v >>> 7;
    return pos + 2;
  }
  while (v >= 128) {
    buf[pos++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  buf[pos++] = v;
  return pos;
}

export const sizeOfVarint = sizeOfVarlong;
export const writeVarint = writeVarlong;
