'use client';
import { memo, useState, type CSSProperties, type RefObject } from 'react';
import type { TRPCSubscriptionStatus } from '@trpc/tanstack-react-query';
import { EmptyState } from '@tarn/ui';
import type { TailRecord, TopicDetail } from '../../../lib/types';
import { useBootstrap } from '../../common/use-bootstrap';

export const ROW_HEIGHT = 24;
const VIEW_HEIGHT = 560;
const OVERSCAN = 12;

function clock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export interface TailLogProps {
  topic: TopicDetail;
  filter: string;
  status: TRPCSubscriptionStatus;
  rows: readonly TailRecord[];
  /** Highlight new rows (off when they arrive too fast to see). */
  fresh: boolean;
  viewport: RefObject<HTMLDivElement | null>;
}

/** The records, newest first: only the rows in view are in the DOM (fixed-height rows, windowed). */
export function TailLog({ topic, filter, status, rows, fresh, viewport }: TailLogProps) {
  const bootstrap = useBootstrap();
  const [scrollTop, setScrollTop] = useState(0);
  return rows.length === 0 ? (
    <EmptyState icon="◉" title={status === 'pending' ? 'Waiting for new records…' : 'Connecting to the live tail…'}>
      The tail starts at the end of the log and shows records as they are written
      {filter !== '' ? ` whose key or value contains “${filter}”` : ''}. Produce some from the Produce tab, or with{' '}
      <code>
        kcat -P -b {bootstrap} -t {topic.name}
      </code>
      .
    </EmptyState>
  ) : (
    <div
      className="c-tail"
      role="log"
      aria-label={`Live records of ${topic.name}`}
      ref={viewport}
      style={{ height: VIEW_HEIGHT }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div className="c-tail-row c-tail-head" aria-hidden="true">
        <span>Time</span>
        <span>Part.</span>
        <span>Offset</span>
        <span>Key</span>
        <span>Value</span>
      </div>
      <div style={{ position: 'relative', height: rows.length * ROW_HEIGHT }}>
        {visible(rows, scrollTop).map(({ r, index }) => (
          <TailRow key={`${r.partition}:${r.offset}`} r={r} top={index * ROW_HEIGHT} fresh={fresh} />
        ))}
      </div>
    </div>
  );
}

/** The rows in (and just around) the viewport, with their index in the buffer. */
function visible(rows: readonly TailRecord[], scrollTop: number): Array<{ r: TailRecord; index: number }> {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + VIEW_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
  const out: Array<{ r: TailRecord; index: number }> = [];
  for (let i = first; i < last; i++) out.push({ r: rows[i]!, index: i });
  return out;
}

const TailRow = memo(function TailRow({ r, top, fresh }: { r: TailRecord; top: number; fresh: boolean }) {
  const value = r.value.text ?? 'null';
  const style: CSSProperties = { position: 'absolute', top, left: 0, right: 0, height: ROW_HEIGHT };
  return (
    <div className={fresh ? 'c-tail-row c-fresh' : 'c-tail-row'} style={style}>
      <span className="t-muted">{clock(r.timestamp)}</span>
      <span>{r.partition}</span>
      <span>{r.offset}</span>
      <span title={r.key.text ?? 'null'} className={r.key.encoding === 'null' ? 't-faint' : undefined}>
        {r.key.text ?? 'null'}
      </span>
      <span title={value.length > 200 ? `${value.slice(0, 2000)}…` : value} className={r.value.encoding === 'null' ? 't-faint' : undefined}>
        {value}
      </span>
    </div>
  );
});
