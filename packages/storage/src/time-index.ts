/**
 * `.timeindex`: 12-byte entries (int64 max timestamp so far, int32 relative offset of the last
 * record of the batch that reached it). Kafka appends one alongside each offset-index entry when the
 * segment's max timestamp grew, plus one final entry when the segment stops being active.
 */
import { readInt64, writeInt64 } from '@tarn/protocol';
import { IndexFile } from './index-file';
import type { FileSystem } from './file-system';

export const TIME_INDEX_ENTRY_SIZE = 12;

export interface TimestampOffset {
  timestamp: number;
  offset: number;
}

export class TimeIndex extends IndexFile {
  constructor(fsys: FileSystem, path: string, baseOffset: number, maxIndexSize: number) {
    super(fsys, path, baseOffset, maxIndexSize, TIME_INDEX_ENTRY_SIZE);
  }

  protected isValidSuccessor(buf: Buffer, pos: number, prevPos: number | null): boolean {
    const ts = readInt64(buf, pos);
    const rel = buf.readInt32BE(pos + 8);
    if (prevPos === null) return ts > 0 && rel >= 0;
    return ts > readInt64(buf, prevPos) && rel >= buf.readInt32BE(prevPos + 8);
  }

  /** One slot stays free for the entry added when the segment stops being active (as in Kafka). */
  override get isFull(): boolean {
    return this.entries >= this.maxEntries - 1;
  }

  entry(i: number): TimestampOffset {
    const pos = this.entryPos(i);
    return { timestamp: readInt64(this.data, pos), offset: this.baseOffset + this.data.readInt32BE(pos + 8) };
  }

  lastEntry(): TimestampOffset {
    return this.entries === 0 ? { timestamp: -1, offset: this.baseOffset } : this.entry(this.entries - 1);
  }

  /** Appends when the timestamp grew past the last entry (Kafka's TimeIndex.maybeAppend). */
  maybeAppend(timestamp: number, offset: number, skipFullCheck = false): void {
    if ((!skipFullCheck && this.isFull) || this.entries >= this.maxEntries) return;
    const last = this.lastEntry();
    if (timestamp <= last.timestamp || (this.entries > 0 && offset < last.offset)) return;
    const rel = offset - this.baseOffset;
    this.appendRaw((buf, pos) => {
      writeInt64(buf, timestamp, pos);
      buf.writeInt32BE(rel, pos + 8);
    });
  }

  /** The last entry with timestamp <= target; (-1, base offset) when there is none. */
  lookup(targetTimestamp: number): TimestampOffset {
    const i = this.floorIndex(targetTimestamp, readInt64);
    return i < 0 ? { timestamp: -1, offset: this.baseOffset } : this.entry(i);
  }

  /** Drops entries for offsets >= `offset` (log truncation). */
  truncateTo(offset: number): void {
    let n = this.entries;
    while (n > 0 && this.entry(n - 1).offset >= offset) n--;
    this.truncateToEntries(n);
  }
}
