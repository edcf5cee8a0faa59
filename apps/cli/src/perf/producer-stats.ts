/**
 * kafka-producer-perf-test.sh's statistics (ProducerPerformance.Stats): a progress line for every
 * reporting window (5 s) and a total with latency percentiles, printed with Kafka's exact wording so
 * scripts that parse Kafka's output parse ours. Latencies are sampled as Kafka does (at most about
 * 500,000 kept), so a long run's memory stays bounded.
 */
const MB = 1024 * 1024;

export interface ProducerWindow {
  records: number;
  recordsPerSec: number;
  mbPerSec: number;
  avgLatencyMs: number;
  maxLatencyMs: number;
}

export interface ProducerTotals extends ProducerWindow {
  p50: number;
  p95: number;
  p99: number;
  p999: number;
}

export class ProducerStats {
  private readonly start = performance.now();
  private windowStart = this.start;
  private readonly samples: number[] = [];
  private readonly sampling: number;
  private count = 0;
  private bytes = 0;
  private maxLatency = 0;
  private totalLatency = 0;
  private windowCount = 0;
  private windowBytes = 0;
  private windowMaxLatency = 0;
  private windowTotalLatency = 0;

  constructor(
    numRecords: number,
    private readonly reportingIntervalMs: number,
    private readonly onWindow: (w: ProducerWindow) => void,
  ) {
    this.sampling = Math.max(1, Math.floor(numRecords / Math.min(Math.max(numRecords, 1), 500_000)));
  }

  /** One acknowledged record: `iteration` is its index in the run, latency in ms. */
  record(iteration: number, latencyMs: number, bytes: number, now = performance.now()): void {
    const latency = Math.round(latencyMs);
    this.count++;
    this.bytes += bytes;
    this.totalLatency += latency;
    this.maxLatency = Math.max(this.maxLatency, latency);
    this.windowCount++;
    this.windowBytes += bytes;
    this.windowTotalLatency += latency;
    this.windowMaxLatency = Math.max(this.windowMaxLatency, latency);
    if (iteration % this.sampling === 0) this.samples.push(latency);
    if (now - this.windowStart >= this.reportingIntervalMs) this.closeWindow(now);
  }

  private closeWindow(now: number): void {
    const elapsed = Math.max(now - this.windowStart, 1);
    this.onWindow({
      records: this.windowCount,
      recordsPerSec: (1000 * this.windowCount) / elapsed,
      mbPerSec: (1000 * this.windowBytes) / MB / elapsed,
      avgLatencyMs: this.windowCount === 0 ? 0 : this.windowTotalLatency / this.windowCount,
      maxLatencyMs: this.windowMaxLatency,
    });
    this.windowStart = now;
    this.windowCount = 0;
    this.windowBytes = 0;
    this.windowTotalLatency = 0;
    this.windowMaxLatency = 0;
  }

  totals(now = performance.now()): ProducerTotals {
    const elapsed = Math.max(now - this.start, 1);
    const sorted = [...this.samples].sort((a, b) => a - b);
    const pct = (p: number): number => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!);
    return {
      records: this.count,
      recordsPerSec: (1000 * this.count) / elapsed,
      mbPerSec: (1000 * this.bytes) / MB / elapsed,
      avgLatencyMs: this.count === 0 ? 0 : this.totalLatency / this.count,
      maxLatencyMs: this.maxLatency,
      p50: pct(0.5),
      p95: pct(0.95),
      p99: pct(0.99),
      p999: pct(0.999),
    };
  }
}

/** ProducerPerformance.Stats.printWindow */
export function windowLine(w: ProducerWindow): string {
  return (
    `${w.records} records sent, ${w.recordsPerSec.toFixed(1)} records/sec (${w.mbPerSec.toFixed(2)} MB/sec), ` +
    `${w.avgLatencyMs.toFixed(1)} ms avg latency, ${w.maxLatencyMs.toFixed(1)} ms max latency.`
  );
}

/** ProducerPerformance.Stats.printTotal (Java's %f is six decimals) */
export function totalLine(t: ProducerTotals): string {
  return (
    `${t.records} records sent, ${t.recordsPerSec.toFixed(6)} records/sec (${t.mbPerSec.toFixed(2)} MB/sec), ` +
    `${t.avgLatencyMs.toFixed(2)} ms avg latency, ${t.maxLatencyMs.toFixed(2)} ms max latency, ` +
    `${t.p50} ms 50th, ${t.p95} ms 95th, ${t.p99} ms 99th, ${t.p999} ms 99.9th.`
  );
}
