'use client';
/**
 * One partition's segment files, live: a segment-* event for this partition refetches at once, and
 * a gentle poll follows the active segment while data arrives (fast while the log end moves, slow
 * when it has been still for a while).
 */
import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import {
  Badge,
  Card,
  DataTable,
  EmptyState,
  formatBytes,
  formatNumber,
  formatTimestamp,
  indexDensity,
  SegmentStrip,
  Skeleton,
  Timeline,
  type SegmentView,
  type TimelineItem,
} from '@tarn/ui';
import type { EventMessage, TopicDetail } from '../../../lib/types';
import { useTRPC } from '../../../trpc/provider';
import { LiveStatus } from '../../common/live-status';
import { QueryError } from '../../common/query-error';
import { PartitionPicker } from './partition-picker';

const FAST_MS = 1500;
const SLOW_MS = 10_000;
const STILL_AFTER_MS = 20_000;
const EVENT_TYPES = ['segment-', 'log-start-offset-changed', 'cleaned', 'truncated'];

function describe(e: EventMessage): TimelineItem | null {
  const ev = e.data.event;
  const base = { id: e.id, timeMs: e.data.timeMs };
  switch (ev.type) {
    case 'segment-rolled':
      return {
        ...base,
        tone: 'accent',
        title: `Rolled: new segment ${ev.baseOffset}`,
        detail: `sealed ${ev.previousBaseOffset} at ${formatBytes(ev.previousSize)}`,
      };
    case 'segment-marked-deleted':
      return {
        ...base,
        tone: 'warning',
        title: `Segment ${ev.baseOffset} marked for deletion`,
        detail: `${formatBytes(ev.size)}, because of ${ev.reason}`,
      };
    case 'segment-deleted':
      return { ...base, tone: 'danger', title: `Segment ${ev.baseOffset} deleted`, detail: 'its files are gone from disk' };
    case 'log-start-offset-changed':
      return { ...base, tone: 'info', title: `Log start moved to ${formatNumber(ev.logStartOffset)}` };
    case 'cleaned':
      return {
        ...base,
        tone: 'success',
        title: `Compacted ${ev.segments} segments`,
        detail: `${formatBytes(ev.bytesBefore)} → ${formatBytes(ev.bytesAfter)}, ${formatNumber(ev.recordsRemoved)} records removed`,
      };
    case 'truncated':
      return { ...base, tone: 'danger', title: `Truncated to ${formatNumber(ev.toOffset)}`, detail: `from ${formatNumber(ev.fromOffset)}` };
    default:
      return null;
  }
}

export function SegmentsTab({
  topic,
  partition,
  onPartition,
}: {
  topic: TopicDetail;
  partition: number;
  onPartition: (p: number) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { topic: topic.name, partition };
  const lastMove = useRef<{ leo: number; at: number } | null>(null);
  const segments = useQuery(
    trpc.topics.segments.queryOptions(input, {
      refetchInterval: (q) => {
        const leo = q.state.data?.logEndOffset;
        if (leo === undefined) return SLOW_MS;
        const now = Date.now();
        if (lastMove.current === null || lastMove.current.leo !== leo) lastMove.current = { leo, at: now };
        return now - lastMove.current.at < STILL_AFTER_MS ? FAST_MS : SLOW_MS;
      },
    }),
  );
  const [events, setEvents] = useState<TimelineItem[]>([]);
  const [since] = useState(() => Date.now());
  // replays what the broker's event ring still holds (lastEventId 0), then follows live
  const sub = useSubscription(
    trpc.live.events.subscriptionOptions(
      { types: EVENT_TYPES, topic: topic.name, lastEventId: '0' },
      {
        onData: (e) => {
          const ev = e.data.event;
          if (!('partition' in ev) || ev.partition !== partition) return;
          if (e.data.timeMs >= since) void queryClient.invalidateQueries({ queryKey: trpc.topics.segments.queryKey(input) });
          const item = describe(e);
          if (item !== null) setEvents((prev) => (prev.some((x) => x.id === item.id) ? prev : [item, ...prev].slice(0, 30)));
        },
      },
    ),
  );

  const data = segments.data;
  const rows: SegmentView[] = data?.segments ?? [];
  return (
    <div className="t-stack">
      <Card
        title={`Segments of partition ${partition}`}
        description="Each .log file drawn to scale by size. Hover or focus a segment for its offsets, timestamps and index."
        actions={
          <>
            <LiveStatus status={sub.status} />
            <PartitionPicker
              id="segments-partition"
              partitions={topic.partitions.length}
              value={partition}
              onChange={(p) => onPartition(p ?? 0)}
            />
          </>
        }
      >
        {segments.isError && data === undefined ? (
          <QueryError title="Could not read the segments" error={segments.error} retry={() => void segments.refetch()} />
        ) : data === undefined ? (
          <Skeleton height={110} />
        ) : (
          <SegmentStrip
            segments={rows}
            segmentBytes={data.segmentBytes}
            logStartOffset={data.logStartOffset}
            logEndOffset={data.logEndOffset}
            label={`Segments of ${topic.name}-${partition}`}
          />
        )}
      </Card>
      <div className="t-grid-2" style={{ gridTemplateColumns: 'minmax(0, 2fr) minmax(280px, 1fr)' }}>
        <Card title="Segment files" flush>
          <DataTable<SegmentView>
            caption="Segment files"
            rows={[...rows].reverse()}
            loading={data === undefined && !segments.isError}
            rowKey={(s) => `${s.baseOffset}-${s.status}`}
            empty={<EmptyState title="No segments">This partition has no segment files on this broker.</EmptyState>}
            columns={[
              { key: 'base', header: 'Base offset', render: (s) => <span className="t-mono">{s.baseOffset}</span> },
              {
                key: 'status',
                header: 'Status',
                render: (s) => (
                  <Badge tone={s.status === 'active' ? 'accent' : s.status === 'deleted' ? 'danger' : 'neutral'}>
                    {s.status === 'deleted' ? 'marked for deletion' : s.status}
                  </Badge>
                ),
              },
              { key: 'next', header: 'Next offset', align: 'right', render: (s) => formatNumber(s.nextOffset) },
              { key: 'records', header: 'Records', align: 'right', render: (s) => formatNumber(s.records) },
              { key: 'size', header: 'Size', align: 'right', render: (s) => formatBytes(s.size) },
              {
                key: 'last',
                header: 'Last timestamp',
                render: (s) => (
                  <span className="t-num" style={{ whiteSpace: 'nowrap' }}>
                    {formatTimestamp(s.largestTimestamp, { millis: false })}
                  </span>
                ),
              },
              { key: 'index', header: 'Index entries', align: 'right', render: (s) => formatNumber(s.indexEntries) },
              {
                key: 'density',
                header: 'Per MiB',
                align: 'right',
                render: (s) => {
                  const d = indexDensity(s.indexEntries, s.size);
                  return d === null ? '—' : d.toFixed(0);
                },
              },
            ]}
          />
        </Card>
        <Card title="Recent segment events" description="Rolls, deletions and compaction of this partition, as they happen">
          {events.length === 0 ? (
            <EmptyState icon="◷" title="Nothing yet">
              Events appear when the active segment rolls (at segment.bytes or segment.ms) or retention deletes old segments.
            </EmptyState>
          ) : (
            <Timeline items={events} label="Recent segment events" localTime />
          )}
        </Card>
      </div>
    </div>
  );
}
