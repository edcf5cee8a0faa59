// Percentiles for the latency bench: nearest rank over sorted samples.
export function sortedOf(xs: ArrayLike<number>): Float64Array {
  return Float64Array.from(xs).sort();
}

/** The q-quantile (0 < q ≤ 1) of ascending `sorted` by nearest rank; NaN when empty. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Quantiles {
  samples: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

export function quantiles(xs: ArrayLike<number>): Quantiles {
  const s = sortedOf(xs);
  return { samples: s.length, p50: percentile(s, 0.5), p99: percentile(s, 0.99), p999: percentile(s, 0.999), max: percentile(s, 1) };
}
