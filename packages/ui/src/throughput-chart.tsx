'use client';
/**
 * A live time-series chart (recharts) — throughput, consumer lag: one area per series over a window
 * of samples.
 * Client-only: recharts measures the DOM, so the chart draws after mount and a placeholder of the
 * same height holds its place during server rendering.
 */
import { useEffect, useState } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatClock } from './format';
import { Skeleton } from './feedback';

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS colour; defaults to the theme's chart palette in order. */
  color?: string;
}

export type ChartPoint = { timeMs: number } & Record<string, number>;

export interface ThroughputChartProps {
  data: readonly ChartPoint[];
  series: readonly ChartSeries[];
  /** Formats values on the axis and in the tooltip. */
  format: (value: number) => string;
  height?: number;
  /** Accessible description of what the chart shows. */
  label: string;
  stacked?: boolean;
}

const PALETTE = ['var(--t-chart-1)', 'var(--t-chart-2)', 'var(--t-chart-3)', 'var(--t-chart-4)', 'var(--t-chart-5)', 'var(--t-chart-6)'];

export function seriesColor(series: readonly ChartSeries[], i: number): string {
  return series[i]?.color ?? PALETTE[i % PALETTE.length]!;
}

export function ThroughputChart({ data, series, format, height = 220, label, stacked = false }: ThroughputChartProps) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <Skeleton height={height} />;
  const renderTooltip = (p: TooltipContentProps) => {
    if (!p.active || p.payload.length === 0) return null;
    return (
      <div className="t-chart-tooltip">
        <div className="t-muted">{typeof p.label === 'number' ? formatClock(p.label, true) : null}</div>
        {p.payload.map((row) => (
          <div className="t-chart-tooltip-row" key={String(row.dataKey)}>
            <span className="t-dot" style={{ color: row.color }} />
            {row.name}
            <strong>{format(Number(row.value))}</strong>
          </div>
        ))}
      </div>
    );
  };
  return (
    <div className="t-chart" role="img" aria-label={label} style={{ height }} data-points={data.length}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data as ChartPoint[]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--t-chart-grid)" vertical={false} />
          <XAxis
            dataKey="timeMs"
            type="number"
            domain={['dataMin', 'dataMax']}
            scale="time"
            tickFormatter={(v: number) => formatClock(v, true)}
            stroke="var(--t-border-strong)"
            minTickGap={48}
            tickLine={false}
          />
          <YAxis
            tickFormatter={(v: number) => format(v)}
            width={76}
            stroke="var(--t-border-strong)"
            tickLine={false}
            allowDecimals={false}
          />
          <Tooltip content={renderTooltip} isAnimationActive={false} />
          <Legend iconType="circle" iconSize={8} />
          {series.map((s, i) => (
            <Area
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="monotone"
              stroke={seriesColor(series, i)}
              fill={seriesColor(series, i)}
              fillOpacity={stacked ? 0.35 : 0.08}
              strokeWidth={1.75}
              dot={false}
              isAnimationActive={false}
              stackId={stacked ? 'stack' : undefined}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
