'use client';
/**
 * Throughput in and out, live from `live.throughput`: the broker sends its last five minutes of
 * one-second samples first, then a sample a second. Charts show the totals and the busiest topics.
 */
import { useMemo, useState } from 'react';
import { useSubscription } from '@trpc/tanstack-react-query';
import {
  Card,
  DataTable,
  EmptyState,
  formatByteRate,
  formatBytes,
  formatCompact,
  formatRecordRate,
  SegmentedControl,
  ThroughputChart,
  type ChartPoint,
} from '@tarn/ui';
import Link from 'next/link';
import type { ThroughputUpdate } from '../../lib/types';
import { useTRPC } from '../../trpc/provider';
import { LiveStatus } from '../common/live-status';
import { useBootstrap } from '../common/use-bootstrap';

type Sample = Extract<ThroughputUpdate, { sample: unknown }>['sample'];
type Metric = 'recordsIn' | 'recordsOut' | 'bytesIn' | 'bytesOut';

const WINDOW = 300;
const TOP = 5;
const METRICS: ReadonlyArray<{ value: Metric; label: string }> = [
  { value: 'recordsIn', label: 'Records in' },
  { value: 'recordsOut', label: 'Records out' },
  { value: 'bytesIn', label: 'Bytes in' },
  { value: 'bytesOut', label: 'Bytes out' },
];

interface TopicRate {
  topic: string;
  recordsIn: number;
  recordsOut: number;
  bytesIn: number;
  bytesOut: number;
}

/** Per-topic averages over the last `seconds` samples. */
function recentRates(samples: readonly Sample[], seconds: number): TopicRate[] {
  const recent = samples.slice(-seconds);
  const by = new Map<string, TopicRate>();
  for (const s of recent) {
    for (const [topic, r] of Object.entries(s.topics)) {
      const t = by.get(topic) ?? { topic, recordsIn: 0, recordsOut: 0, bytesIn: 0, bytesOut: 0 };
      t.recordsIn += r.recordsIn / recent.length;
      t.recordsOut += r.recordsOut / recent.length;
      t.bytesIn += r.bytesIn / recent.length;
      t.bytesOut += r.bytesOut / recent.length;
      by.set(topic, t);
    }
  }
  return [...by.values()];
}

export function ThroughputPanel() {
  const trpc = useTRPC();
  const [samples, setSamples] = useState<Sample[]>([]);
  const [metric, setMetric] = useState<Metric>('recordsIn');
  const bootstrap = useBootstrap();
  const sub = useSubscription(
    trpc.live.throughput.subscriptionOptions(undefined, {
      onData: (d) => {
        if ('history' in d) setSamples(d.history.slice(-WINDOW));
        else setSamples((prev) => (prev.length >= WINDOW ? [...prev.slice(prev.length - WINDOW + 1), d.sample] : [...prev, d.sample]));
      },
    }),
  );

  const totals: ChartPoint[] = useMemo(() => samples.map((s) => ({ timeMs: s.timeMs, ...s.total })), [samples]);
  const windowRates = useMemo(() => recentRates(samples, WINDOW), [samples]);
  const top = useMemo(
    () =>
      [...windowRates]
        .sort((a, b) => b[metric] - a[metric])
        .filter((t) => t[metric] > 0)
        .slice(0, TOP)
        .map((t) => t.topic),
    [windowRates, metric],
  );
  const topPoints: ChartPoint[] = useMemo(
    () =>
      samples.map((s) => {
        const p: ChartPoint = { timeMs: s.timeMs };
        top.forEach((t, i) => (p[`t${i}`] = s.topics[t]?.[metric] ?? 0));
        return p;
      }),
    [samples, top, metric],
  );
  const now = useMemo(
    () =>
      recentRates(samples, 10)
        .filter((t) => t.recordsIn + t.recordsOut > 0)
        .sort((a, b) => b.recordsIn + b.recordsOut - (a.recordsIn + a.recordsOut)),
    [samples],
  );
  const idle = samples.length > 0 && samples.every((s) => s.total.recordsIn === 0 && s.total.recordsOut === 0);
  const isBytes = metric === 'bytesIn' || metric === 'bytesOut';

  return (
    <div className="t-stack">
      <div className="t-grid-2">
        <Card
          title="Records per second"
          description="Appended by producers (in) and served to consumers (out)"
          actions={<LiveStatus status={sub.status} />}
        >
          <ThroughputChart
            label="Records per second in and out over the last five minutes"
            data={totals}
            format={formatCompact}
            series={[
              { key: 'recordsIn', label: 'in' },
              { key: 'recordsOut', label: 'out' },
            ]}
          />
        </Card>
        <Card title="Bytes per second" description="Batch bytes appended and fetched" actions={<LiveStatus status={sub.status} />}>
          <ThroughputChart
            label="Bytes per second in and out over the last five minutes"
            data={totals}
            format={(v) => formatBytes(v, 0)}
            series={[
              { key: 'bytesIn', label: 'in' },
              { key: 'bytesOut', label: 'out' },
            ]}
          />
        </Card>
      </div>
      <div className="t-grid-2">
        <Card
          title="Top topics"
          description={`The ${TOP} busiest topics of the last five minutes`}
          actions={<SegmentedControl name="top-metric" label="Metric" value={metric} options={METRICS} onChange={setMetric} />}
        >
          {top.length === 0 ? (
            <EmptyState
              icon="↯"
              title={idle || samples.length > 0 ? 'No traffic in the last five minutes' : 'Waiting for the first samples…'}
            >
              Produce to a topic (from a topic&apos;s Produce tab, or <code>kcat -P -b {bootstrap} -t demo</code>) and it shows up here
              within a second.
            </EmptyState>
          ) : (
            <ThroughputChart
              label={`${METRICS.find((m) => m.value === metric)?.label} per second for the busiest topics`}
              data={topPoints}
              stacked
              format={isBytes ? (v) => formatBytes(v, 0) : formatCompact}
              series={top.map((t, i) => ({ key: `t${i}`, label: t }))}
            />
          )}
        </Card>
        <Card title="Right now" description="Average of the last 10 seconds, per topic" flush>
          <DataTable<TopicRate>
            caption="Current throughput per topic"
            rows={now.slice(0, 8)}
            rowKey={(t) => t.topic}
            empty={
              <EmptyState icon="·" title="Quiet">
                No topic had traffic in the last 10 seconds.
              </EmptyState>
            }
            columns={[
              { key: 'topic', header: 'Topic', render: (t) => <Link href={`/topics/${encodeURIComponent(t.topic)}`}>{t.topic}</Link> },
              { key: 'rin', header: 'In', align: 'right', render: (t) => formatRecordRate(t.recordsIn) },
              { key: 'bin', header: '', align: 'right', render: (t) => <span className="t-muted">{formatByteRate(t.bytesIn)}</span> },
              { key: 'rout', header: 'Out', align: 'right', render: (t) => formatRecordRate(t.recordsOut) },
              { key: 'bout', header: '', align: 'right', render: (t) => <span className="t-muted">{formatByteRate(t.bytesOut)}</span> },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
