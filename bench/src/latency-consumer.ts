// The latency bench's consumer: a real consumer's fetch loop (consumer-fetcher.ts, fetch sessions
// on, one long-polling Fetch in flight per partition leader, min.bytes 1, max wait 500 ms) that reads
// the two timestamps paced-producer.ts put at the front of each value and records, per record,
// arrival − send (and arrival − due) in ms, for records sent inside the measured window. The
// timestamps are on the monotonic clock (mono-clock.ts): the producer runs in another process.
import { newRecordView, readRecordView, type Cursor } from '@tarn/protocol';
import { ConsumerFetcher } from './consumer-fetcher';
import { monoNow } from './mono-clock';
import type { PipelinedConnection } from './pipelined-connection';

const RECORDS_OFFSET = 61;

export interface LatencyConsumerLeader {
  conn: PipelinedConnection;
  partitions: ReadonlyArray<{ partition: number; leaderEpoch: number }>;
}

export class LatencyConsumer {
  received = 0;
  /**
   * arrival − send time, ms, for records sent in the window (the first `samples`), and arrival − due
   * time (includes waiting for the producer's next tick). Preallocated for `capacity` samples: arrays
   * grown by push were copied into ever bigger ones and made this process's longest GC pauses.
   */
  readonly fromSend: Float64Array;
  readonly fromDue: Float64Array;
  samples = 0;
  /** Records slower than `slowMs` (at most 2000): [send, arrival] on the monotonic clock, ms. */
  readonly slow: Array<[number, number]> = [];
  slowMs = 5;
  private readonly fetchers: ConsumerFetcher[];
  private stopped = false;
  private loops: Array<Promise<void>> = [];
  failure: Error | null = null;

  constructor(
    topicId: string,
    leaders: LatencyConsumerLeader[],
    private readonly window: { from: number; to: number },
    capacity: number,
  ) {
    this.fromSend = new Float64Array(capacity);
    this.fromDue = new Float64Array(capacity);
    const view = newRecordView();
    const cursor: Cursor = { buf: Buffer.alloc(0), pos: 0 };
    // the fetcher's arrival times are performance.now()
    const toMono = monoNow() - performance.now();
    const onBatch = (_partition: number, buf: Buffer, pos: number, size: number, receivedAtNow: number): void => {
      const receivedAt = receivedAtNow + toMono;
      const count = buf.readInt32BE(pos + 57);
      cursor.buf = buf.subarray(0, pos + size);
      cursor.pos = pos + RECORDS_OFFSET;
      for (let i = 0; i < count; i++) {
        readRecordView(cursor, view);
        const sendMs = buf.readDoubleBE(view.valuePos);
        this.received++;
        if (sendMs < this.window.from || sendMs >= this.window.to) continue;
        const ms = receivedAt - sendMs;
        if (this.samples === this.fromSend.length) continue; // more than the window can hold: not counted
        this.fromSend[this.samples] = ms;
        if (ms > this.slowMs && this.slow.length < 2000) this.slow.push([sendMs, receivedAt]);
        this.fromDue[this.samples++] = receivedAt - buf.readDoubleBE(view.valuePos + 8);
      }
    };
    this.fetchers = leaders.map((l) => new ConsumerFetcher(l.conn, { topicId, partitions: l.partitions, sessions: true, onBatch }));
  }

  /** Starts one fetch loop per leader. */
  start(): void {
    this.loops = this.fetchers.map(async (f) => {
      while (!this.stopped) {
        try {
          await f.fetchOnce();
        } catch (err) {
          if (!this.stopped) this.failure ??= err as Error;
          return;
        }
      }
    });
  }

  get fetches(): number {
    return this.fetchers.reduce((n, f) => n + f.fetches, 0);
  }

  get sessionResets(): number {
    return this.fetchers.reduce((n, f) => n + f.sessionResets, 0);
  }

  /** Waits until `records` have arrived (or `timeoutMs` passed); says whether they all did. */
  async awaitRecords(records: number, timeoutMs: number): Promise<boolean> {
    const deadline = monoNow() + timeoutMs;
    while (this.received < records && this.failure === null && monoNow() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (this.failure !== null) throw this.failure;
    return this.received >= records;
  }

  /** Stops the loops; the caller closes the connections, which ends the long polls still pending. */
  stop(): Promise<void> {
    this.stopped = true;
    return Promise.all(this.loops).then(() => {});
  }
}
