'use client';
import type { TRPCSubscriptionStatus } from '@trpc/tanstack-react-query';
import { Button, Field, formatCompact, formatNumber, Select, TextInput } from '@tarn/ui';
import type { TopicDetail } from '../../../lib/types';
import { LiveStatus } from '../../common/live-status';
import { PartitionPicker } from './partition-picker';

const RATES = [200, 2000, 5000, 20_000] as const;

export interface TailToolbarProps {
  topic: TopicDetail;
  partition: number | null;
  onChange: (changes: { partition?: number | null }) => void;
  /** The filter as typed (it reaches the URL after a pause). */
  draft: string;
  setDraft: (draft: string) => void;
  maxPerSecond: number;
  onMaxPerSecond: (n: number) => void;
  status: TRPCSubscriptionStatus;
  paused: boolean;
  /** Records that arrived while paused. */
  heldWhilePaused: number;
  onPause: () => void;
  onResume: () => void;
  onClear: () => void;
}

/** What to tail (partition, filter, records/s) and the pause, resume and clear buttons. */
export function TailToolbar({
  topic,
  partition,
  onChange,
  draft,
  setDraft,
  maxPerSecond,
  onMaxPerSecond,
  status,
  paused,
  heldWhilePaused,
  onPause,
  onResume,
  onClear,
}: TailToolbarProps) {
  return (
    <div className="t-toolbar">
      <div className="t-field" style={{ minWidth: 0 }}>
        <span className="t-label">Partition</span>
        <PartitionPicker
          id="tail-partition"
          partitions={topic.partitions.length}
          value={partition}
          onChange={(p) => onChange({ partition: p })}
          allowAll
        />
      </div>
      <Field id="tail-filter" label="Filter" hint="Substring of key or value, matched by the broker">
        <TextInput
          id="tail-filter"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="e.g. order-42"
          style={{ width: 240 }}
          maxLength={200}
        />
      </Field>
      <Field id="tail-rate" label="At most" hint="The broker skips the rest">
        <Select id="tail-rate" value={maxPerSecond} onChange={(e) => onMaxPerSecond(Number(e.target.value))} style={{ width: 180 }}>
          {RATES.map((r) => (
            <option key={r} value={r}>
              {formatNumber(r)} records/s
            </option>
          ))}
        </Select>
      </Field>
      <span className="t-spacer" />
      <div className="t-row">
        <LiveStatus status={status} paused={paused} />
        {paused ? (
          <Button variant="primary" onClick={onResume}>
            ▶ Resume{heldWhilePaused > 0 ? ` (${formatCompact(heldWhilePaused)} new)` : ''}
          </Button>
        ) : (
          <Button onClick={onPause}>❚❚ Pause</Button>
        )}
        <Button variant="ghost" onClick={onClear}>
          Clear
        </Button>
      </div>
    </div>
  );
}
