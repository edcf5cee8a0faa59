/**
 * Reading log entries (record batches, or magic 0/1 messages in old logs) straight from a `.log`
 * file. Every entry starts with baseOffset int64, size int32 and has its magic byte at 16, so a
 * scan can step through any log without decoding records.
 */
import {
  LAST_OFFSET_DELTA_OFFSET,
  LOG_OVERHEAD,
  MAGIC_OFFSET,
  MAX_TIMESTAMP_OFFSET,
  RECORD_BATCH_OVERHEAD,
  isBatchCrcValid,
  isLegacyCrcValid,
  readInt64,
} from '@tarn/protocol';
import { readFully, type FileSystem } from './file-system';

/** What a scan knows about one entry without decoding its records. */
export interface EntryHeader {
  position: number;
  /** Whole entry, length prefix included. */
  size: number;
  magic: number;
  /** For magic 0/1 this is the entry's offset field: the last offset of a compressed wrapper. */
  baseOffset: number;
  lastOffset: number;
  maxTimestamp: number;
}

const LEGACY_MIN_SIZE = LOG_OVERHEAD + 14;
const HEADER_READ_SIZE = RECORD_BATCH_OVERHEAD;

/**
 * Parses the header of the entry at `pos` in `buf`. Null when the bytes there cannot be an entry
 * (unknown magic, a size too small for its magic); `available` bytes may end before the entry does.
 */
export function parseEntryHeader(buf: Buffer, pos: number, available: number, position: number): EntryHeader | null {
  if (available < MAGIC_OFFSET + 1) return null;
  const baseOffset = readInt64(buf, pos);
  const size = buf.readInt32BE(pos + 8) + LOG_OVERHEAD;
  const magic = buf.readInt8(pos + MAGIC_OFFSET);
  if (magic === 2) {
    if (size < RECORD_BATCH_OVERHEAD || available < LAST_OFFSET_DELTA_OFFSET + 4) return null;
    const lastOffsetDelta = buf.readInt32BE(pos + LAST_OFFSET_DELTA_OFFSET);
    if (lastOffsetDelta < 0) return null;
    const maxTimestamp = available >= MAX_TIMESTAMP_OFFSET + 8 ? readInt64(buf, pos + MAX_TIMESTAMP_OFFSET) : -1;
    return { position, size, magic, baseOffset, lastOffset: baseOffset + lastOffsetDelta, maxTimestamp };
  }
  if (magic === 0 || magic === 1) {
    if (size < LEGACY_MIN_SIZE + (magic === 1 ? 8 : 0)) return null;
    const maxTimestamp = magic === 1 && available >= MAGIC_OFFSET + 10 ? readInt64(buf, pos + MAGIC_OFFSET + 2) : -1;
    return { position, size, magic, baseOffset, lastOffset: baseOffset, maxTimestamp };
  }
  return null;
}

export function isEntryCrcValid(buf: Buffer, pos: number, header: EntryHeader): boolean {
  return header.magic === 2 ? isBatchCrcValid(buf, pos, header.size) : isLegacyCrcValid(buf, pos, header.size);
}

/** Reads entry headers one at a time with small preads: for lookups that touch a few entries. */
export class EntryHeaderReader {
  private readonly scratch = Buffer.allocUnsafe(HEADER_READ_SIZE);

  constructor(private readonly fsys: FileSystem) {}

  /** The header at `position`, or null past `end` or at an unreadable entry. */
  read(fd: number, position: number, end: number): EntryHeader | null {
    if (position + LOG_OVERHEAD > end) return null;
    const n = readFully(this.fsys, fd, this.scratch, 0, Math.min(HEADER_READ_SIZE, end - position), position);
    const header = parseEntryHeader(this.scratch, 0, n, position);
    if (header === null || position + header.size > end) return null;
    return header;
  }
}

export interface ScannedEntry {
  header: EntryHeader;
  /** The whole entry's bytes (valid until the next step of the scan). */
  bytes: Buffer;
}

export type ScanStop = 'end' | 'truncated' | 'corrupt';

/**
 * Walks every entry of a file range with large reads, for recovery, index rebuilds and cleaning.
 * `stop` tells why the walk ended: at the end, at a partial trailing entry, or at one that is corrupt
 * (bad size, magic or, with `verifyCrc`, checksum); `validBytes` is where the last good entry ended.
 */
export class EntryScanner {
  stop: ScanStop = 'end';
  validBytes: number;

  constructor(
    private readonly fsys: FileSystem,
    private readonly fd: number,
    private readonly start: number,
    private readonly end: number,
    private readonly verifyCrc: boolean,
    private readonly chunkSize = 4 * 1024 * 1024,
  ) {
    this.validBytes = start;
  }

  *[Symbol.iterator](): Generator<ScannedEntry> {
    let buf = Buffer.allocUnsafe(this.chunkSize);
    let bufStart = this.start; // file position of buf[0]
    let bufLen = 0;
    let position = this.start;
    while (position < this.end) {
      let rel = position - bufStart;
      const need = (n: number): boolean => {
        if (rel + n <= bufLen) return true;
        // Refill: keep the unread tail, grow for entries bigger than the buffer.
        const keep = bufLen - rel;
        if (n > buf.length) {
          const bigger = Buffer.allocUnsafe(n);
          buf.copy(bigger, 0, rel, bufLen);
          buf = bigger;
        } else {
          buf.copy(buf, 0, rel, bufLen);
        }
        bufStart = position;
        rel = 0;
        const want = Math.min(buf.length - keep, this.end - (bufStart + keep));
        bufLen = keep + readFully(this.fsys, this.fd, buf, keep, want, bufStart + keep);
        return n <= bufLen;
      };
      if (!need(Math.min(HEADER_READ_SIZE, this.end - position))) {
        this.stop = 'truncated';
        return;
      }
      const header = parseEntryHeader(buf, rel, bufLen - rel, position);
      if (header === null) {
        this.stop = this.end - position < LOG_OVERHEAD + 5 ? 'truncated' : 'corrupt';
        return;
      }
      if (position + header.size > this.end) {
        this.stop = 'truncated';
        return;
      }
      if (!need(header.size)) {
        this.stop = 'truncated';
        return;
      }
      if (this.verifyCrc && !isEntryCrcValid(buf, rel, header)) {
        this.stop = 'corrupt';
        return;
      }
      yield { header, bytes: buf.subarray(rel, rel + header.size) };
      position += header.size;
      this.validBytes = position;
    }
    this.stop = 'end';
  }
}
