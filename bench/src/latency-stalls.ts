// A latency bench process's own stalls, so the printed latencies can be told apart from the bench's
// event loop: a 1 ms interval timer whose lateness (gap − 1 ms) is any pause of this process (GC,
// a long callback, the OS not scheduling it on a busy machine), and V8's garbage-collection pauses
// (perf_hooks 'gc' entries) on their own. Only what falls in the measured window counts. Stalls
// longer than `listMs` are kept with their start (monotonic clock) to match with slow records.
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { monoNow } from './mono-clock';

export interface StallSummary {
  /** Lateness of the 1 ms timer, ms: p99 and max. */
  p99Ms: number;
  maxMs: number;
  /** GC pauses in the window: count, longest and sum, ms. */
  gcCount: number;
  gcMaxMs: number;
  gcTotalMs: number;
  /** Stalls longer than `listMs`: [start, duration] on the monotonic clock, ms (at most 200). */
  long: Array<[number, number]>;
}

export class StallWatch {
  private readonly lateness: number[] = [];
  private readonly long: Array<[number, number]> = [];
  private gcCount = 0;
  private gcMaxMs = 0;
  private gcTotalMs = 0;
  private last = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly observer: PerformanceObserver;
  /** performance.now() → monotonic clock */
  private readonly toMono = monoNow() - performance.now();

  constructor(
    private readonly window: { from: number; to: number },
    private readonly listMs = 3,
  ) {
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.onGc(e);
    });
  }

  start(): void {
    this.observer.observe({ entryTypes: ['gc'] });
    this.last = monoNow();
    this.timer = setInterval(() => {
      const now = monoNow();
      this.note(this.last, now - this.last - 1);
      this.last = now;
    }, 1);
  }

  stop(): StallSummary {
    if (this.timer !== null) clearInterval(this.timer);
    this.observer.disconnect();
    const sorted = Float64Array.from(this.lateness).sort();
    return {
      p99Ms: sorted.length === 0 ? Number.NaN : sorted[Math.ceil(0.99 * sorted.length) - 1]!,
      maxMs: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
      gcCount: this.gcCount,
      gcMaxMs: this.gcMaxMs,
      gcTotalMs: this.gcTotalMs,
      long: this.long,
    };
  }

  private inWindow(t: number): boolean {
    return t >= this.window.from && t < this.window.to;
  }

  private note(start: number, lateMs: number): void {
    if (!this.inWindow(start)) return;
    this.lateness.push(Math.max(0, lateMs));
    if (lateMs > this.listMs && this.long.length < 200) this.long.push([start, lateMs]);
  }

  private onGc(e: PerformanceEntry): void {
    if (!this.inWindow(e.startTime + this.toMono)) return;
    this.gcCount++;
    this.gcTotalMs += e.duration;
    this.gcMaxMs = Math.max(this.gcMaxMs, e.duration);
  }
}
