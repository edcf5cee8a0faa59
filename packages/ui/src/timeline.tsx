import type { ReactNode } from 'react';
import type { Tone } from './badge';
import { formatTimestamp } from './format';

export interface TimelineItem {
  id: string;
  timeMs: number;
  title: ReactNode;
  detail?: ReactNode;
  tone?: Tone;
  /** Small badges after the title (partition, reason). */
  tags?: ReactNode;
}

export interface TimelineProps {
  items: readonly TimelineItem[];
  /** Accessible name of the list. */
  label: string;
  /** Format times in the viewer's zone (client only; UTC on the server). */
  localTime?: boolean;
}

/** Events in time order (newest first when the caller sorts so): ISR changes, rebalances. */
export function Timeline({ items, label, localTime = false }: TimelineProps) {
  return (
    <ol className="t-timeline" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="t-timeline-item" data-tone={item.tone ?? 'neutral'}>
          <span className="t-timeline-dot" aria-hidden="true" />
          <div className="t-timeline-head">
            <span className="t-timeline-title">{item.title}</span>
            {item.tags}
            <time className="t-timeline-time" dateTime={new Date(item.timeMs).toISOString()}>
              {formatTimestamp(item.timeMs, { local: localTime })}
            </time>
          </div>
          {item.detail !== undefined ? <div className="t-timeline-detail">{item.detail}</div> : null}
        </li>
      ))}
    </ol>
  );
}
