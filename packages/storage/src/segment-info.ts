/**
 * Segment introspection: per segment of a log, its offsets, size, record count, timestamps, index
 * entries, and whether it is the active one, sealed, or renamed `.deleted` and waiting to go.
 * Record counts come from the batch headers (one small read per batch) and are kept on the segment
 * until its size changes, so describing a log again costs only what was appended since.
 */
import { RECORDS_COUNT_OFFSET, BASE_TIMESTAMP_OFFSET, readInt64 } from '@tarn/protocol';
import { readFully } from './file-system';
import type { LocalLog } from './local-log';
import type { LogSegment, SegmentRecordCount } from './log-segment';

export type SegmentStatus = 'active' | 'sealed' | 'deleted';

export interface SegmentInfo {
  baseOffset: number;
  /** Offset after the segment's last record (the next segment's base for sealed ones). */
  nextOffset: number;
  size: number;
  records: number;
  firstTimestamp: number;
  largestTimestamp: number;
  indexEntries: number;
  timeIndexEntries: number;
  indexBytes: number;
  status: SegmentStatus;
}

/** What describing needs of a log (a PartitionLog or its LocalLog). */
export type DescribableLog = Pick<LocalLog, 'segments' | 'pendingDeletes' | 'logEndOffset'>;

/** Sums the batches' record counts with one small read per batch header. */
function countRecords(seg: LogSegment): SegmentRecordCount {
  const cached = seg.recordCount;
  if (cached !== null && cached.size === seg.size) return cached;
  const head = Buffer.allocUnsafe(RECORDS_COUNT_OFFSET + 4);
  let records = 0;
  let firstTimestamp = -1;
  let position = 0;
  for (let h = seg.entryAt(position); h !== null; h = seg.entryAt(position)) {
    if (h.magic === 2 && readFully(seg.fsys, seg.fd, head, 0, head.length, position) === head.length) {
      records += head.readInt32BE(RECORDS_COUNT_OFFSET);
      if (firstTimestamp < 0) firstTimestamp = readInt64(head, BASE_TIMESTAMP_OFFSET);
    } else {
      records += h.lastOffset - h.baseOffset + 1;
      if (firstTimestamp < 0) firstTimestamp = h.maxTimestamp;
    }
    position += h.size;
  }
  seg.recordCount = { size: seg.size, records, firstTimestamp };
  return seg.recordCount;
}

export function describeSegments(log: DescribableLog): SegmentInfo[] {
  const describe = (s: LogSegment, nextOffset: number, status: SegmentStatus): SegmentInfo => {
    const counted = s.size > 0 && status !== 'deleted' ? countRecords(s) : { records: 0, firstTimestamp: -1 };
    return {
      baseOffset: s.baseOffset,
      nextOffset,
      size: s.size,
      records: counted.records,
      firstTimestamp: counted.firstTimestamp,
      largestTimestamp: s.size > 0 && status !== 'deleted' ? s.largestTimestamp : -1,
      indexEntries: status === 'deleted' ? 0 : s.offsetIndex.entries,
      timeIndexEntries: status === 'deleted' ? 0 : s.timeIndex.entries,
      indexBytes: status === 'deleted' ? 0 : s.offsetIndex.sizeInBytes + s.timeIndex.sizeInBytes,
      status,
    };
  };
  const live = log.segments.map((s, i) =>
    describe(s, log.segments[i + 1]?.baseOffset ?? log.logEndOffset, i === log.segments.length - 1 ? 'active' : 'sealed'),
  );
  const deleted = [...log.pendingDeletes].map((s) => describe(s, s.baseOffset, 'deleted'));
  return [...deleted, ...live].sort((a, b) => a.baseOffset - b.baseOffset || (a.status === 'deleted' ? -1 : 1));
}
