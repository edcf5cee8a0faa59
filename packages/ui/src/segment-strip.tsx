'use client';
/**
 * The segment files of one partition drawn to scale by size: sealed ones, the active one growing as
 * data arrives, segments renamed `.deleted` fading out, new ones sliding in. Elements are keyed by
 * base offset, so a snapshot that changes a segment's size or status animates it in place (CSS
 * transitions on flex-grow and opacity) instead of redrawing the strip.
 */
import { useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent } from 'react';
import { formatBytes, formatNumber, formatTimestamp, indexDensity } from './format';
import { compareSegments, diffKeys, keyedSegments, segmentWeights, summarizeSegments, type SegmentView } from './segment-layout';

export interface SegmentStripProps {
  segments: readonly SegmentView[];
  /** The topic's segment.bytes: how full the active segment is. */
  segmentBytes?: number;
  logStartOffset?: number;
  logEndOffset?: number;
  /** Accessible name of the strip. */
  label?: string;
}

type Phase = 'entering' | 'leaving' | undefined;
interface Drawn {
  key: string;
  segment: SegmentView;
  phase: Phase;
}

const LEAVE_MS = 900;
const TOOLTIP_WIDTH = 300;

export function SegmentStrip({ segments, segmentBytes, logStartOffset, logEndOffset, label = 'Segments' }: SegmentStripProps) {
  const keyed = useMemo(() => keyedSegments([...segments].sort(compareSegments)), [segments]);
  const [entering, setEntering] = useState<ReadonlySet<string>>(() => new Set());
  const [leaving, setLeaving] = useState<ReadonlyArray<{ key: string; segment: SegmentView }>>([]);
  const previous = useRef<Map<string, SegmentView> | null>(null);
  const [hover, setHover] = useState<{ key: string; left: number } | null>(null);
  const container = useRef<HTMLDivElement>(null);

  // Before paint: new keys start collapsed (then expand), vanished keys stay a moment to fade out.
  useLayoutEffect(() => {
    const current = new Map(keyed.map((k) => [k.key, k.segment]));
    const prev = previous.current;
    previous.current = current;
    if (prev === null) return;
    const { added, removed } = diffKeys(prev.keys(), current.keys());
    if (removed.length > 0) {
      const gone = removed.map((key) => ({ key, segment: prev.get(key)! }));
      setLeaving((l) => [...l.filter((x) => !current.has(x.key)), ...gone]);
      setTimeout(() => setLeaving((l) => l.filter((x) => !removed.includes(x.key))), LEAVE_MS);
    }
    if (added.length > 0) {
      setEntering(new Set(added));
      // two frames: the collapsed state must be painted once for the transition to run
      requestAnimationFrame(() => requestAnimationFrame(() => setEntering(new Set())));
    }
  }, [keyed]);

  const drawn: Drawn[] = useMemo(() => {
    const live: Drawn[] = keyed.map(({ key, segment }) => ({ key, segment, phase: entering.has(key) ? 'entering' : undefined }));
    const liveKeys = new Set(live.map((d) => d.key));
    const gone: Drawn[] = leaving.filter((l) => !liveKeys.has(l.key)).map((l) => ({ ...l, phase: 'leaving' }));
    return [...live, ...gone].sort((a, b) => compareSegments(a.segment, b.segment));
  }, [keyed, entering, leaving]);

  const weights = segmentWeights(drawn.map((d) => d.segment));
  const summary = summarizeSegments(segments);
  const hovered = hover === null ? undefined : drawn.find((d) => d.key === hover.key);

  const show = (key: string) => (e: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) => {
    const box = container.current?.getBoundingClientRect();
    const r = e.currentTarget.getBoundingClientRect();
    if (box === undefined) return;
    const center = r.left - box.left + r.width / 2;
    const left = Math.max(0, Math.min(box.width - TOOLTIP_WIDTH, center - TOOLTIP_WIDTH / 2));
    setHover({ key, left });
  };

  return (
    <div className="t-segstrip" ref={container}>
      <div className="t-segstrip-track" role="list" aria-label={label}>
        {drawn.map((d, i) => (
          <button
            key={d.key}
            type="button"
            role="listitem"
            className="t-seg"
            data-status={d.segment.status}
            data-phase={d.phase}
            data-highlight={hover?.key === d.key || undefined}
            data-base-offset={d.segment.baseOffset}
            style={{ flexGrow: weights[i] }}
            aria-label={segmentSummary(d.segment)}
            onMouseEnter={show(d.key)}
            onMouseLeave={() => setHover(null)}
            onFocus={show(d.key)}
            onBlur={() => setHover(null)}
          >
            <span className="t-seg-label" aria-hidden="true">
              {d.segment.baseOffset}
              <small>{formatBytes(d.segment.size)}</small>
            </span>
          </button>
        ))}
      </div>
      {logStartOffset !== undefined && logEndOffset !== undefined ? (
        <div className="t-segstrip-axis" aria-hidden="true">
          <span>log start {formatNumber(logStartOffset)}</span>
          <span>log end {formatNumber(logEndOffset)}</span>
        </div>
      ) : null}
      <div className="t-segstrip-legend">
        <span>
          <i className="t-swatch" data-status="sealed" /> {summary.sealed} sealed
        </span>
        <span>
          <i className="t-swatch" data-status="active" /> active
          {segmentBytes !== undefined && summary.active > 0
            ? ` (${activeFill(segments, segmentBytes)} of segment.bytes ${formatBytes(segmentBytes)})`
            : null}
        </span>
        <span>
          <i className="t-swatch" data-status="deleted" /> {summary.deleted} marked for deletion
        </span>
        <span className="t-num">
          {formatBytes(summary.bytes)} · {formatNumber(summary.records)} records
        </span>
      </div>
      {hovered !== undefined && hover !== null ? <SegmentTooltip segment={hovered.segment} left={hover.left} /> : null}
    </div>
  );
}

function activeFill(segments: readonly SegmentView[], segmentBytes: number): string {
  const active = segments.find((s) => s.status === 'active');
  if (active === undefined || segmentBytes <= 0) return '—';
  return `${Math.min(100, (active.size / segmentBytes) * 100).toFixed(1)}%`;
}

const STATUS_LABEL = { active: 'active', sealed: 'sealed', deleted: 'marked for deletion' } as const;

export function segmentSummary(s: SegmentView): string {
  return `Segment ${s.baseOffset} (${STATUS_LABEL[s.status]}): offsets ${s.baseOffset}–${s.nextOffset}, ${formatBytes(s.size)}, ${formatNumber(s.records)} records`;
}

function SegmentTooltip({ segment: s, left }: { segment: SegmentView; left: number }) {
  const density = indexDensity(s.indexEntries, s.size);
  return (
    <div className="t-tooltip" style={{ left, width: TOOLTIP_WIDTH }} role="tooltip">
      <h4>
        <span className="t-mono">{String(s.baseOffset).padStart(20, '0')}.log</span>
      </h4>
      <dl className="t-dl">
        <dt>Status</dt>
        <dd>{STATUS_LABEL[s.status]}</dd>
        <dt>Base offset</dt>
        <dd>{formatNumber(s.baseOffset)}</dd>
        <dt>Next offset</dt>
        <dd>{formatNumber(s.nextOffset)}</dd>
        <dt>Size</dt>
        <dd>
          {formatBytes(s.size)} <span className="t-faint">({formatNumber(s.size)} B)</span>
        </dd>
        <dt>Records</dt>
        <dd>{formatNumber(s.records)}</dd>
        <dt>First timestamp</dt>
        <dd>{formatTimestamp(s.firstTimestamp)}</dd>
        <dt>Last timestamp</dt>
        <dd>{formatTimestamp(s.largestTimestamp)}</dd>
        <dt>Index entries</dt>
        <dd>
          {formatNumber(s.indexEntries)} offset · {formatNumber(s.timeIndexEntries)} time
        </dd>
        <dt>Index density</dt>
        <dd>{density === null ? '—' : `${density.toFixed(1)} entries/MiB`}</dd>
        <dt>Index files</dt>
        <dd>{formatBytes(s.indexBytes)}</dd>
      </dl>
    </div>
  );
}
