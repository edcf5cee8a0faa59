/**
 * Per-topic throughput, in and out: records and bytes appended (from the log's append events) and
 * served to consumers (from fetch responses), sampled once a second into a ring of the last five
 * minutes, which the console charts live.
 */

export interface Rates {
  recordsIn: number;
  bytesIn: number;
  recordsOut: number;
  bytesOut: number;
}

export interface ThroughputSample {
  timeMs: number;
  total: Rates;
  topics: Record<string, Rates>;
}

const zero = (): Rates => ({ recordsIn: 0, bytesIn: 0, recordsOut: 0, bytesOut: 0 });

export class ThroughputMeter {
  private current = new Map<string, Rates>();
  private readonly ring: ThroughputSample[] = [];
  private readonly listeners = new Set<(s: ThroughputSample) => void>();
  private timer: NodeJS.Timeout | null = null;
  /** Cumulative counts, for /metrics. */
  readonly totals = new Map<string, Rates>();

  constructor(private readonly capacity = 300) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
  }

  private bucket(map: Map<string, Rates>, topic: string): Rates {
    let r = map.get(topic);
    if (r === undefined) map.set(topic, (r = zero()));
    return r;
  }

  recordIn(topic: string, records: number, bytes: number): void {
    for (const m of [this.current, this.totals]) {
      const r = this.bucket(m, topic);
      r.recordsIn += records;
      r.bytesIn += bytes;
    }
  }

  recordOut(topic: string, records: number, bytes: number): void {
    for (const m of [this.current, this.totals]) {
      const r = this.bucket(m, topic);
      r.recordsOut += records;
      r.bytesOut += bytes;
    }
  }

  private sample(): void {
    const total = zero();
    const topics: Record<string, Rates> = {};
    for (const [topic, r] of this.current) {
      topics[topic] = r;
      total.recordsIn += r.recordsIn;
      total.bytesIn += r.bytesIn;
      total.recordsOut += r.recordsOut;
      total.bytesOut += r.bytesOut;
    }
    this.current = new Map();
    const s = { timeMs: Date.now(), total, topics };
    this.ring.push(s);
    if (this.ring.length > this.capacity) this.ring.shift();
    for (const l of this.listeners) l(s);
  }

  history(): ThroughputSample[] {
    return [...this.ring];
  }

  subscribe(listener: (s: ThroughputSample) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
