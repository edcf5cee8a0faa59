/**
 * Arrays for generated codecs: classic (int32 count, -1 = null) or compact (uvarint count + 1, 0 = null),
 * with one element codec per element type. Counts are validated by the Reader before anything is
 * allocated.
 */
import { DecodeError } from './decode-error';
import type { Reader } from './reader';
import type { Writer } from './writer';

export type ElementReader<T> = (r: Reader, version: number) => T;
export type ElementWriter<T> = (w: Writer, version: number, value: T) => void;

export function readArray<T>(r: Reader, compact: boolean, version: number, read: ElementReader<T>): T[] {
  const n = compact ? r.compactArrayLength() : r.arrayLength();
  if (n < 0) throw new DecodeError(`array: null where the field is not nullable (offset ${r.pos})`);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(read(r, version));
  return out;
}

export function readNullableArray<T>(r: Reader, compact: boolean, version: number, read: ElementReader<T>): T[] | null {
  const n = compact ? r.compactArrayLength() : r.arrayLength();
  if (n < 0) return null;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(read(r, version));
  return out;
}

export function writeArray<T>(w: Writer, compact: boolean, version: number, values: readonly T[], write: ElementWriter<T>): void {
  if (compact) w.uvarint(values.length + 1);
  else w.int32(values.length);
  for (let i = 0; i < values.length; i++) write(w, version, values[i]!);
}

export function writeNullableArray<T>(
  w: Writer,
  compact: boolean,
  version: number,
  values: readonly T[] | null,
  write: ElementWriter<T>,
): void {
  if (values === null) {
    if (compact) w.uvarint(0);
    else w.int32(-1);
  } else {
    writeArray(w, compact, version, values, write);
  }
}

// Element codecs for arrays of primitives. Elements of arrays are never null.
export const readInt8Element = (r: Reader): number => r.int8();
export const readInt16Element = (r: Reader): number => r.int16();
export const readUint16Element = (r: Reader): number => r.uint16();
export const readInt32Element = (r: Reader): number => r.int32();
export const readUint32Element = (r: Reader): number => r.uint32();
export const readInt64Element = (r: Reader): bigint => r.int64();
export const readFloat64Element = (r: Reader): number => r.float64();
export const readBoolElement = (r: Reader): boolean => r.bool();
export const readUuidElement = (r: Reader): string => r.uuid();
export const readStringElement = (r: Reader): string => r.string();
export const readCompactStringElement = (r: Reader): string => r.compactString();
export const readBytesElement = (r: Reader): Buffer => r.bytes();
export const readCompactBytesElement = (r: Reader): Buffer => r.compactBytes();

export const writeInt8Element = (w: Writer, _v: number, x: number): void => w.int8(x);
export const writeInt16Element = (w: Writer, _v: number, x: number): void => w.int16(x);
export const writeUint16Element = (w: Writer, _v: number, x: number): void => w.uint16(x);
export const writeInt32Element = (w: Writer, _v: number, x: number): void => w.int32(x);
export const writeUint32Element = (w: Writer, _v: number, x: number): void => w.uint32(x);
export const writeInt64Element = (w: Writer, _v: number, x: bigint): void => w.int64(x);
export const writeFloat64Element = (w: Writer, _v: number, x: number): void => w.float64(x);
export const writeBoolElement = (w: Writer, _v: number, x: boolean): void => w.bool(x);
export const writeUuidElement = (w: Writer, _v: number, x: string): void => w.uuid(x);
export const writeStringElement = (w: Writer, _v: number, x: string): void => w.string(x);
export const writeCompactStringElement = (w: Writer, _v: number, x: string): void => w.compactString(x);
export const writeBytesElement = (w: Writer, _v: number, x: Buffer): void => w.bytes(x);
export const writeCompactBytesElement = (w: Writer, _v: number, x: Buffer): void => w.compactBytes(x);
