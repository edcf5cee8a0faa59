/**
 * The pure part of the SegmentStrip: stable keys for segments (their base offset), the weights that
 * draw them to scale by size, and what changed between two snapshots (which keys slide in, which
 * fade out). Kept apart from the component so it is tested without a DOM.
 */

export type SegmentStatus = 'active' | 'sealed' | 'deleted';

/** One segment as the broker's `topics.segments` describes it. */
export interface SegmentView {
  baseOffset: number;
  /** Offset after the segment's last record. */
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

/**
 * A segment's key is its base offset. Compaction can leave a `.deleted` segment with the same base
 * offset as the live one that replaced it; that one gets a suffix so both can be drawn.
 */
export function segmentKey(s: SegmentView, all: readonly SegmentView[]): string {
  if (s.status !== 'deleted') return String(s.baseOffset);
  const clash = all.some((o) => o !== s && o.baseOffset === s.baseOffset && o.status !== 'deleted');
  return clash ? `${s.baseOffset}~deleted` : String(s.baseOffset);
}

export function keyedSegments(segments: readonly SegmentView[]): Array<{ key: string; segment: SegmentView }> {
  return segments.map((segment) => ({ key: segmentKey(segment, segments), segment }));
}

/** Orders by base offset, a pending delete before the live segment that shares its base. */
export function compareSegments(a: SegmentView, b: SegmentView): number {
  return a.baseOffset - b.baseOffset || (a.status === 'deleted' ? -1 : 0) - (b.status === 'deleted' ? -1 : 0);
}

/**
 * Flex weights proportional to size. Every segment keeps a floor of `minShare` of the total so an
 * empty active segment or a tiny one stays visible (the CSS also sets a minimum width).
 */
export function segmentWeights(segments: readonly SegmentView[], minShare = 0.004): number[] {
  const total = segments.reduce((n, s) => n + Math.max(0, s.size), 0);
  const floor = Math.max(1, total * minShare);
  return segments.map((s) => Math.max(floor, s.size));
}

export interface SegmentDiff {
  added: string[];
  removed: string[];
}

export function diffKeys(previous: Iterable<string>, current: Iterable<string>): SegmentDiff {
  const prev = new Set(previous);
  const cur = new Set(current);
  return { added: [...cur].filter((k) => !prev.has(k)), removed: [...prev].filter((k) => !cur.has(k)) };
}

/** What the strip's summary line says: counts by status and bytes. */
export function summarizeSegments(segments: readonly SegmentView[]): {
  sealed: number;
  active: number;
  deleted: number;
  bytes: number;
  records: number;
} {
  const out = { sealed: 0, active: 0, deleted: 0, bytes: 0, records: 0 };
  for (const s of segments) {
    out[s.status]++;
    if (s.status !== 'deleted') {
      out.bytes += s.size;
      out.records += s.records;
    }
  }
  return out;
}
