/**
 * `.index`: 8-byte entries (int32 offset relative to the segment's base offset, int32 position in
 * the `.log`). As Kafka writes it, an entry's offset is the LAST offset of a batch and its position
 * that batch's start; an entry is added once more than `index.interval.bytes` were appended since
 * the previous one, so a segment's first batch never gets one.
 */
import { IndexFile } from './index-file';
import type { FileSystem } from './file-system';

export const OFFSET_INDEX_ENTRY_SIZE = 8;

export interface OffsetPosition {
  offset: number;
  position: number;
}

export class OffsetIndex extends IndexFile {
  constructor(fsys: FileSystem, path: string, baseOffset: number, maxIndexSize: number) {
    super(fsys, path, baseOffset, maxIndexSize, OFFSET_INDEX_ENTRY_SIZE);
  }

  protected isValidSuccessor(buf: Buffer, pos: number, prevPos: number | null): boolean {
    const rel = buf.readInt32BE(pos);
    const position = buf.readInt32BE(pos + 4);
    if (prevPos === null) return rel >= 0 && position > 0;
    return rel > buf.readInt32BE(prevPos) && position > buf.readInt32BE(prevPos + 4);
  }

  append(offset: number, position: number): void {
    const rel = offset - this.baseOffset;
    this.appendRaw((buf, pos) => {
      buf.writeInt32BE(rel, pos);
      buf.writeInt32BE(position, pos + 4);
    });
  }

  entry(i: number): OffsetPosition {
    const pos = this.entryPos(i);
    return { offset: this.baseOffset + this.data.readInt32BE(pos), position: this.data.readInt32BE(pos + 4) };
  }

  lastEntry(): OffsetPosition {
    return this.entries === 0 ? { offset: this.baseOffset, position: 0 } : this.entry(this.entries - 1);
  }

  /** The last entry whose offset is <= target; the segment start when there is none. */
  lookup(targetOffset: number): OffsetPosition {
    const i = this.floorIndex(targetOffset - this.baseOffset, (b, p) => b.readInt32BE(p));
    return i < 0 ? { offset: this.baseOffset, position: 0 } : this.entry(i);
  }

  /** Drops entries for offsets >= `offset` (log truncation). */
  truncateTo(offset: number): void {
    const i = this.floorIndex(offset - this.baseOffset - 1, (b, p) => b.readInt32BE(p));
    this.truncateToEntries(i + 1);
  }
}
