/** The shape of every generated codec object (see src/generated/). */
import type { Reader } from './reader';
import type { Writer } from './writer';

/** An inclusive version range; open-ended schema ranges ("9+") end at 32767 (Short.MAX_VALUE). */
export interface VersionRange {
  readonly min: number;
  readonly max: number;
}

export function inVersionRange(range: VersionRange | null, version: number): boolean {
  return range !== null && version >= range.min && version <= range.max;
}

export type MessageType = 'request' | 'response' | 'header' | 'data';

export interface MessageCodec<T> {
  /** The schema name; for requests and responses, the API name (e.g. "Produce"). */
  readonly name: string;
  readonly type: MessageType;
  readonly validVersions: VersionRange;
  /** null when no version is flexible. */
  readonly flexibleVersions: VersionRange | null;
  read(r: Reader, version: number): T;
  write(w: Writer, version: number, value: T): void;
}

export interface ApiMessageCodec<T> extends MessageCodec<T> {
  readonly apiKey: number;
  readonly type: 'request' | 'response';
}
