/**
 * The lag chart's data: a group's total lag and its lag per topic over time. It starts from the
 * broker's periodic samples (`groups.lagHistory`: per partition, every group.lag.sample.interval.ms)
 * and goes on with the live samples of `live.lag` (the whole group, every second), keeping a
 * window of the most recent points.
 */
import type { GroupLag, LagHistory } from '../../lib/types';

export interface LagPoint {
  timeMs: number;
  total: number;
  byTopic: Record<string, number>;
}

/** How much the chart keeps: 15 minutes. */
export const LAG_WINDOW_MS = 15 * 60_000;

/** The history's samples summed per instant (the broker samples every partition at once). */
export function pointsFromHistory(history: LagHistory): LagPoint[] {
  const byTime = new Map<number, LagPoint>();
  for (const p of history) {
    for (const s of p.samples) {
      let point = byTime.get(s.timeMs);
      if (point === undefined) byTime.set(s.timeMs, (point = { timeMs: s.timeMs, total: 0, byTopic: {} }));
      point.total += s.lag;
      point.byTopic[p.topic] = (point.byTopic[p.topic] ?? 0) + s.lag;
    }
  }
  return [...byTime.values()].sort((a, b) => a.timeMs - b.timeMs);
}

/** One live sample; null lag (the group is gone) counts as nothing to read. */
export function pointFromLag(timeMs: number, lag: GroupLag | null): LagPoint {
  const byTopic: Record<string, number> = {};
  for (const p of lag?.partitions ?? []) byTopic[p.topic] = (byTopic[p.topic] ?? 0) + (p.lag ?? 0);
  return { timeMs, total: lag?.totalLag ?? 0, byTopic };
}

/** Appends a newer point and drops what fell out of the window (older points are ignored). */
export function appendPoint(points: readonly LagPoint[], point: LagPoint, windowMs = LAG_WINDOW_MS): LagPoint[] {
  const last = points.at(-1);
  if (last !== undefined && point.timeMs <= last.timeMs) return points as LagPoint[];
  const from = point.timeMs - windowMs;
  const first = points.findIndex((p) => p.timeMs >= from);
  return [...(first < 0 ? [] : points.slice(first)), point];
}

/**
 * The topics drawn as their own series: all of them up to `max`, else the `max - 1` with the most
 * lag now and an "other topics" series for the rest.
 */
export function chartTopics(points: readonly LagPoint[], max = 5): { topics: string[]; other: boolean } {
  const names = new Set<string>();
  for (const p of points) for (const t of Object.keys(p.byTopic)) names.add(t);
  const all = [...names].sort();
  if (all.length <= max) return { topics: all, other: false };
  const latest = points.at(-1)?.byTopic ?? {};
  const top = all.sort((a, b) => (latest[b] ?? 0) - (latest[a] ?? 0) || a.localeCompare(b)).slice(0, max - 1);
  return { topics: top.sort(), other: true };
}
