/**
 * Offsets by time, for ListOffsets: the first record at or after a timestamp (through the time
 * index, then one decoded batch) and the record with the largest timestamp (KIP-734).
 */
import { decodeLegacyMessageSet, decodeRecordBatch } from '@tarn/protocol';
import type { LeaderEpochCache } from './leader-epoch-cache';
import type { LocalLog } from './local-log';
import type { LogSegment } from './log-segment';

export interface TimestampLookup {
  offset: number;
  timestamp: number;
  leaderEpoch: number;
}

function firstRecordAtOrAfter(
  log: LocalLog,
  logStartOffset: number,
  seg: LogSegment,
  position: number,
  size: number,
  magic: number,
  timestamp: number,
): { offset: number; timestamp: number } | null {
  const bytes = log.readSlice({ fd: seg.fd, position, length: size });
  const records = magic === 2 ? decodeRecordBatch(bytes, 0).records : decodeLegacyMessageSet(bytes);
  for (const r of records) {
    if (r.timestamp >= timestamp && r.offset >= logStartOffset) return { offset: r.offset, timestamp: r.timestamp };
  }
  return null;
}

/** The first offset at or after the log start whose record timestamp is >= `timestamp`; null when every record is older. */
export function offsetForTimestamp(
  log: LocalLog,
  logStartOffset: number,
  epochs: LeaderEpochCache,
  timestamp: number,
): TimestampLookup | null {
  for (const seg of log.segments) {
    if (seg.size === 0 || seg.largestTimestamp < timestamp) continue;
    const fromIndex = seg.timeIndex.lookup(timestamp);
    let position = seg.offsetIndex.lookup(Math.max(fromIndex.offset, logStartOffset)).position;
    for (let h = seg.entryAt(position); h !== null; h = seg.entryAt(position)) {
      if (h.maxTimestamp >= timestamp && h.lastOffset >= logStartOffset) {
        const found = firstRecordAtOrAfter(log, logStartOffset, seg, h.position, h.size, h.magic, timestamp);
        if (found !== null) return { ...found, leaderEpoch: epochs.epochForOffset(found.offset) };
      }
      position += h.size;
    }
  }
  return null;
}

/** The offset and time of the record with the largest timestamp. */
export function offsetOfMaxTimestamp(log: LocalLog, logStartOffset: number, epochs: LeaderEpochCache): TimestampLookup | null {
  let best: LogSegment | null = null;
  for (const seg of log.segments) if (seg.size > 0 && (best === null || seg.maxTimestampSoFar > best.maxTimestampSoFar)) best = seg;
  if (best === null || best.maxTimestampSoFar < 0) return null;
  const ts = best.maxTimestampSoFar;
  const entry = best.translateOffset(best.offsetOfMaxTimestampSoFar);
  const exact = entry !== null ? firstRecordAtOrAfter(log, logStartOffset, best, entry.position, entry.size, entry.magic, ts) : null;
  const offset = exact?.offset ?? best.offsetOfMaxTimestampSoFar;
  return { offset, timestamp: ts, leaderEpoch: epochs.epochForOffset(offset) };
}
