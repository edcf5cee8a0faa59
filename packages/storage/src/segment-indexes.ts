/**
 * The two indexes of one segment, `.index` (offset → position) and `.timeindex` (timestamp →
 * offset), and the in-memory state that decides their entries: the bytes written since the last
 * entry and the largest timestamp so far. Both follow Kafka's LogSegment.append exactly (an entry
 * once more than index.interval.bytes were written since the previous one, the time entry
 * carrying the largest timestamp so far), and appending and rebuilding from the `.log` both go
 * through `indexBatch`, so both produce the same index files.
 */
import type { EntryHeader } from './file-records';
import type { FileSystem } from './file-system';
import { INDEX_FILE_SUFFIX, TIME_INDEX_FILE_SUFFIX } from './log-file-names';
import { OffsetIndex } from './offset-index';
import { TimeIndex } from './time-index';

export interface TimestampAndOffset {
  timestamp: number;
  offset: number;
}

export class SegmentIndexes {
  readonly offsetIndex: OffsetIndex;
  readonly timeIndex: TimeIndex;
  private bytesSinceLastIndexEntry = 0;
  private maxTimestampAndOffset: TimestampAndOffset | null = null;

  constructor(
    private readonly fsys: FileSystem,
    /** The segment's path without kind or suffix: `<dir>/<20-digit base offset>`. */
    prefix: string,
    suffix: string,
    private readonly baseOffset: number,
    private readonly indexIntervalBytes: number,
    maxIndexSize: number,
    /** The header of the segment's `.log` entry at a position; null past the end. */
    private readonly entryAt: (position: number) => EntryHeader | null,
  ) {
    this.offsetIndex = new OffsetIndex(fsys, prefix + INDEX_FILE_SUFFIX + suffix, baseOffset, maxIndexSize);
    this.timeIndex = new TimeIndex(fsys, prefix + TIME_INDEX_FILE_SUFFIX + suffix, baseOffset, maxIndexSize);
  }

  initEmpty(): void {
    this.offsetIndex.initEmpty();
    this.timeIndex.initEmpty();
  }

  /** Both load and agree with a `.log` of `logSize` bytes; otherwise they must be rebuilt. */
  lookValid(logSize: number): boolean {
    if (!this.offsetIndex.load() || !this.timeIndex.load()) return false;
    const last = this.offsetIndex.lastEntry();
    if (this.offsetIndex.entries > 0 && last.position >= logSize) return false;
    return this.timeIndex.lastEntry().offset >= this.baseOffset;
  }

  /** Cheap start-up check (Kafka's sanityCheck): index files exist and hold whole entries. */
  filesLookSane(): boolean {
    for (const index of [this.offsetIndex, this.timeIndex]) {
      if (!this.fsys.existsSync(index.path)) return false;
      if (this.fsys.statSync(index.path).size % index.entrySize !== 0) return false;
    }
    return true;
  }

  get isFull(): boolean {
    return this.offsetIndex.isFull || this.timeIndex.isFull;
  }

  /**
   * The largest timestamp so far and the offset of its batch. For a segment loaded from disk: the
   * time index's last entry, then the batches after it (Kafka's loadLargestTimestamp). A sealed
   * segment's final entry makes that tail empty.
   */
  maxTimestampAndOffsetSoFar(): TimestampAndOffset {
    if (this.maxTimestampAndOffset === null) {
      const last = this.timeIndex.lastEntry();
      const max = { timestamp: last.timestamp, offset: last.offset };
      let position = this.offsetIndex.lookup(last.offset).position;
      for (let h = this.entryAt(position); h !== null; h = this.entryAt(position)) {
        if (h.maxTimestamp > max.timestamp) {
          max.timestamp = h.maxTimestamp;
          max.offset = h.lastOffset;
        }
        position += h.size;
      }
      this.maxTimestampAndOffset = max;
    }
    return this.maxTimestampAndOffset;
  }

  /** Kafka's per-batch index rule, shared by append and rebuild so both give the same files. */
  indexBatch(position: number, size: number, lastOffset: number, maxTimestamp: number): void {
    const max = this.maxTimestampAndOffsetSoFar();
    if (maxTimestamp > max.timestamp) {
      max.timestamp = maxTimestamp;
      max.offset = lastOffset;
    }
    if (this.bytesSinceLastIndexEntry > this.indexIntervalBytes) {
      this.offsetIndex.append(lastOffset, position);
      this.timeIndex.maybeAppend(max.timestamp, max.offset);
      this.bytesSinceLastIndexEntry = 0;
    }
    this.bytesSinceLastIndexEntry += size;
  }

  /** Empties both, for a rebuild from the `.log`'s first batch. */
  resetForRebuild(): void {
    for (const index of [this.offsetIndex, this.timeIndex]) {
      index.reset();
      index.markUnpersisted();
    }
    this.maxTimestampAndOffset = { timestamp: -1, offset: this.baseOffset };
    this.bytesSinceLastIndexEntry = 0;
  }

  /**
   * Keeps the entries up to `lastOffset`, the last offset of a batch `batchSize` bytes long that
   * has an entry, and restores the in-memory state as it was right after that batch.
   */
  restoreAfter(lastOffset: number, batchSize: number): void {
    this.offsetIndex.truncateTo(lastOffset + 1);
    this.timeIndex.truncateTo(lastOffset + 1);
    const lastTime = this.timeIndex.lastEntry();
    this.maxTimestampAndOffset = { timestamp: lastTime.timestamp, offset: lastTime.offset };
    this.bytesSinceLastIndexEntry = batchSize;
  }

  /** Drops the entries for offsets >= `offset`; the largest timestamp is reloaded when next asked. */
  truncateTo(offset: number): void {
    this.offsetIndex.truncateTo(offset);
    this.timeIndex.truncateTo(offset);
    this.bytesSinceLastIndexEntry = 0;
    this.maxTimestampAndOffset = null;
  }

  /** The time index's final entry, for the largest timestamp (a segment leaving the active role, or closing). */
  appendFinalTimeIndexEntry(): void {
    const max = this.maxTimestampAndOffsetSoFar();
    this.timeIndex.maybeAppend(max.timestamp, max.offset, true);
  }

  /** Writes both to disk; an active segment's keep their preallocated size. */
  persist(active: boolean, sync: boolean): void {
    this.offsetIndex.persist({ preallocate: active, sync });
    this.timeIndex.persist({ preallocate: active, sync });
  }

  /** fsyncs both on the thread pool; `done` gets the first error, if any. */
  fsyncInBackground(done: (err: Error | null) => void): void {
    let left = 2;
    let first: Error | null = null;
    const one = (err: Error | null) => {
      first ??= err;
      if (--left === 0) done(first);
    };
    this.offsetIndex.fsyncInBackground(one);
    this.timeIndex.fsyncInBackground(one);
  }

  /** Renames both files to `prefix` + their kind + `suffix`. */
  renameTo(prefix: string, suffix: string): void {
    this.offsetIndex.renameTo(prefix + INDEX_FILE_SUFFIX + suffix);
    this.timeIndex.renameTo(prefix + TIME_INDEX_FILE_SUFFIX + suffix);
  }

  deleteFiles(): void {
    this.offsetIndex.deleteFile();
    this.timeIndex.deleteFile();
  }
}
