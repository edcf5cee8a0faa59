/**
 * The small per-segment files: `.index` (8-byte entries: relative offset, position), `.timeindex`
 * (12-byte entries: timestamp, relative offset), `.txnindex` (34-byte aborted transactions) and the
 * producer-state `.snapshot`. Kafka's indexes may be preallocated and sparse, so, as Kafka's tool
 * does, a zero entry after the first one ends the index.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeRecordBatch, readInt64 } from '@tarn/protocol';
import { CorruptSnapshotError, decodeProducerSnapshot } from '@tarn/storage';
import { decrementSequence, type DumpEvent } from './dump-events';
import { SegmentFile } from './segment-file';
import type { DumpProblems } from './dump-problems';

/** Index files are at most `segment.index.bytes` (10 MiB by default); refuse anything absurd. */
const MAX_INDEX_FILE = 1 << 30;

function readSmallFile(path: string): Buffer {
  const file = SegmentFile.open(path);
  try {
    if (file.size > MAX_INDEX_FILE) throw new Error(`${path} is ${file.size} bytes, larger than any index Kafka writes`);
    return file.read(0, file.size);
  } finally {
    file.close();
  }
}

/**
 * `.index` entries. Each entry's position must hold the batch whose last offset is the entry's
 * offset; entries that do not are reported (Kafka prints them to stderr after the dump).
 */
export function* dumpOffsetIndex(path: string, logPath: string, baseOffset: number, problems: DumpProblems): Generator<DumpEvent> {
  const buf = readSmallFile(path);
  const log = openIfPresent(logPath);
  try {
    for (let i = 0; (i + 1) * 8 <= buf.length; i++) {
      const offset = baseOffset + buf.readUInt32BE(i * 8);
      const position = buf.readInt32BE(i * 8 + 4);
      if (offset === baseOffset && i > 0) return;
      if (log !== null) {
        const first = log.entries(position).next();
        const lastOffset = first.done ? -1 : lastOffsetOf(first.value.buf);
        if (lastOffset !== offset) problems.indexMismatch(resolve(path), offset, lastOffset);
      }
      yield { type: 'index-entry', offset, position };
    }
  } finally {
    log?.close();
  }
}

/** The segment beside an index, or null when there is none (the entries are printed unchecked). */
function openIfPresent(logPath: string): SegmentFile | null {
  try {
    return SegmentFile.open(logPath);
  } catch {
    return null;
  }
}

function lastOffsetOf(entry: Buffer): number {
  const base = readInt64(entry, 0);
  // v2: baseOffset + lastOffsetDelta; magic 0/1: the entry's own (wrapper) offset
  return entry.readInt8(16) === 2 && entry.length >= 27 ? base + entry.readInt32BE(23) : base;
}

/** Kafka's OffsetIndex.lookup: the position of the largest indexed offset <= target (0 without one). */
function indexedPosition(index: Buffer | null, baseOffset: number, target: number): number {
  let position = 0;
  for (let i = 0; index !== null && (i + 1) * 8 <= index.length; i++) {
    const offset = baseOffset + index.readUInt32BE(i * 8);
    if (offset > target || (offset === baseOffset && i > 0)) break;
    position = index.readInt32BE(i * 8 + 4);
  }
  return position;
}

/** The largest record timestamp of a log entry (a magic 0/1 wrapper carries its inner maximum). */
function maxRecordTimestamp(entry: Buffer): number {
  if (entry.readInt8(16) !== 2) return entry.readInt8(16) === 1 ? readInt64(entry, 18) : -1;
  let max = -1;
  for (const r of decodeRecordBatch(entry, 0, { verifyCrc: false }).records) max = Math.max(max, r.timestamp);
  return max;
}

/**
 * `.timeindex` entries, each checked as Kafka checks it: the batch that ends at the entry's offset
 * must exist and hold the entry's timestamp as its largest, and timestamps must grow.
 */
export function* dumpTimeIndex(
  path: string,
  indexPath: string,
  logPath: string,
  baseOffset: number,
  problems: DumpProblems,
): Generator<DumpEvent> {
  const buf = readSmallFile(path);
  const log = openIfPresent(logPath);
  let index: Buffer | null = null;
  try {
    index = readSmallFile(indexPath);
  } catch {
    // no offset index: batches are searched from the start of the segment
  }
  const file = resolve(path);
  let previous = -1;
  try {
    for (let i = 0; (i + 1) * 12 <= buf.length; i++) {
      const timestamp = readInt64(buf, i * 12);
      const offset = baseOffset + buf.readUInt32BE(i * 12 + 8);
      if (offset === baseOffset && i > 0) return;
      if (log !== null) {
        let found: Buffer | null = null;
        for (const e of log.entries(indexedPosition(index, baseOffset, offset))) {
          if (lastOffsetOf(e.buf) >= offset) {
            found = e.buf;
            break;
          }
        }
        if (found === null) problems.offsetNotFound(file, offset, -1);
        else if (lastOffsetOf(found) !== offset) problems.offsetNotFound(file, offset, lastOffsetOf(found));
        else {
          const max = maxRecordTimestamp(found);
          if (max !== timestamp) problems.timestampMismatch(file, timestamp, max);
          if (previous >= timestamp) problems.outOfOrderTimestamp(file, timestamp, previous);
        }
      }
      yield { type: 'time-index-entry', timestamp, offset };
      previous = timestamp;
    }
  } finally {
    log?.close();
  }
}

export function* dumpTxnIndex(path: string): Generator<DumpEvent> {
  const buf = readSmallFile(path);
  if (buf.length % 34 !== 0) throw new Error(`${path}: ${buf.length} bytes is not a whole number of 34-byte aborted transactions`);
  for (let pos = 0; pos < buf.length; pos += 34) {
    yield {
      type: 'txn-index-entry',
      version: buf.readInt16BE(pos),
      producerId: readInt64(buf, pos + 2),
      firstOffset: readInt64(buf, pos + 10),
      lastOffset: readInt64(buf, pos + 18),
      lastStableOffset: readInt64(buf, pos + 26),
    };
  }
}

/** A corrupt snapshot is reported on stderr (as Kafka does) through `onCorrupt`, not thrown. */
export function* dumpProducerSnapshot(path: string, onCorrupt: (message: string) => void): Generator<DumpEvent> {
  let entries;
  try {
    entries = decodeProducerSnapshot(readFileSync(path));
  } catch (err) {
    if (!(err instanceof CorruptSnapshotError)) throw err;
    onCorrupt(err.message);
    return;
  }
  for (const e of entries) {
    yield {
      type: 'snapshot-entry',
      producerId: e.producerId,
      producerEpoch: e.producerEpoch,
      coordinatorEpoch: e.coordinatorEpoch,
      currentTxnFirstOffset: e.currentTxnFirstOffset >= 0 ? e.currentTxnFirstOffset : null,
      // Kafka 2.1 keeps the last batch only when it has an offset (a producer that only wrote a marker has none)
      ...(e.lastOffset >= 0 && {
        lastBatch: {
          firstSequence: decrementSequence(e.lastSequence, e.offsetDelta),
          lastSequence: e.lastSequence,
          lastOffset: e.lastOffset,
          offsetDelta: e.offsetDelta,
          timestamp: e.timestamp,
        },
      }),
    };
  }
}

/**
 * Kafka's index sanityCheck: the file is whole entries, and its last entry is not below the base
 * offset. Returns Kafka's message for a corrupt index, null for a sound one.
 */
export function indexSanityProblem(path: string, entrySize: number, baseOffset: number): string | null {
  const buf = readSmallFile(path);
  if (buf.length % entrySize !== 0) {
    return `Index file ${path} is corrupt, found ${buf.length} bytes which is neither positive nor a multiple of ${entrySize}.`;
  }
  if (buf.length === 0) return null;
  const last = buf.length - entrySize;
  const lastOffset = baseOffset + buf.readUInt32BE(entrySize === 8 ? last : last + 8);
  if (lastOffset < baseOffset) {
    return `Corrupt index found, index file (${path}) has non-zero size but the last offset is ${lastOffset} which is less than the base offset ${baseOffset}.`;
  }
  return null;
}
