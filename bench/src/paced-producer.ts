// The latency bench's producer: records at a fixed rate, as an application calling send() at that
// rate and a Kafka producer with linger.ms ≈ 1 put them on the wire. Every millisecond (a 1 ms
// interval timer) the records that came due since the last tick are appended to the sticky
// partition's last waiting batch, up to batch.size (16 KiB); a new batch moves on to the next
// partition (KIP-480's sticky partitioner). Batches wait in their partition's queue (the
// accumulator) and are drained per broker as Kafka's Sender does: one Produce request per leader
// carrying the first waiting batch of each of its partitions, at most 5 requests in flight per
// connection (max.in.flight.requests.per.connection), so slow acknowledgements make batches wait,
// fill up and later requests carry more.
//
// Each 100-byte value starts with two doubles of the monotonic clock (mono-clock.ts, shared by every
// process on the machine): when its request was built and written to the socket, and when the record
// came due in the fixed-rate schedule. The consumer, in a process of its own, subtracts them from the
// time its answer arrived.
import { ApiKey, ErrorCode, ProduceRequestTypes, buildRecordBatch, decodeResponse, errorName, type ProduceRequest } from '@tarn/protocol';
import { monoNow } from './mono-clock';
import type { PipelinedConnection } from './pipelined-connection';

const PRODUCE_VERSION = 9;
const VALUE_BYTES = 100;
/** 100-byte values with null keys take 108 bytes each in a batch: 16 KiB holds 151. */
const MAX_BATCH_RECORDS = 151;

/** A batch waiting to be sent: its records' due times. */
interface PendingBatch {
  partition: number;
  dueMs: number[];
}

export interface PacedProducerOptions {
  topic: string;
  partitions: number[];
  /** The connection to the partition's leader. */
  connFor: (partition: number) => PipelinedConnection;
  acks: number;
  ratePerSec: number;
  /** Records sent while the monotonic clock (ms) is in [from, to) are counted in `sentInWindow`. */
  window: { from: number; to: number };
  maxInFlight?: number;
}

export class PacedProducer {
  /** Records that came due (put into batches). */
  created = 0;
  /** Records sent (in requests written to a connection). */
  sent = 0;
  acked = 0;
  sentInWindow = 0;
  requests = 0;
  /** ms from a produce request's send to its answer, for requests sent in the window */
  readonly ackLatencies: number[] = [];
  /** The longest gap between two ticks in the window (this process's event loop stalls), ms. */
  maxTickGapMs = 0;
  failure: Error | null = null;
  private startMs = 0;
  private lastTick = 0;
  private sticky = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly queues = new Map<number, PendingBatch[]>();
  /** Each leader's connection and the partitions it leads. */
  private readonly leaders = new Map<PipelinedConnection, number[]>();

  constructor(private readonly opts: PacedProducerOptions) {
    for (const p of opts.partitions) {
      this.queues.set(p, []);
      const conn = opts.connFor(p);
      this.leaders.set(conn, [...(this.leaders.get(conn) ?? []), p]);
    }
  }

  /** Starts the schedule; records come due from `atMs` (monotonic clock, default now). */
  start(atMs = monoNow()): void {
    this.startMs = atMs;
    this.lastTick = this.startMs;
    this.timer = setInterval(() => this.tick(), 1);
  }

  /** Stops the schedule; batches already due are still sent (see `drained`). */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves once every record that came due is sent and acknowledged (rejects on a failed request). */
  async drained(timeoutMs = 30_000): Promise<void> {
    const deadline = monoNow() + timeoutMs;
    while (this.acked < this.created && this.failure === null && monoNow() < deadline) {
      this.drain();
      await new Promise((r) => setTimeout(r, 5));
    }
    if (this.failure !== null) throw this.failure;
    if (this.acked < this.created) throw new Error(`${this.created - this.acked} records unacknowledged after ${timeoutMs} ms`);
  }

  private tick(): void {
    const now = monoNow();
    if (now >= this.opts.window.from && now < this.opts.window.to) this.maxTickGapMs = Math.max(this.maxTickGapMs, now - this.lastTick);
    this.lastTick = now;
    const { partitions } = this.opts;
    const due = Math.floor(((now - this.startMs) * this.opts.ratePerSec) / 1000);
    while (this.created < due) {
      // the sticky partition's last waiting batch takes records until full; then a new batch, and
      // with it the next partition (KIP-480)
      let partition = partitions[this.sticky % partitions.length]!;
      let queue = this.queues.get(partition)!;
      let batch = queue.at(-1);
      if (batch === undefined || batch.dueMs.length >= MAX_BATCH_RECORDS) {
        partition = partitions[++this.sticky % partitions.length]!;
        queue = this.queues.get(partition)!;
        batch = queue.at(-1);
        if (batch === undefined || batch.dueMs.length >= MAX_BATCH_RECORDS) {
          batch = { partition, dueMs: [] };
          queue.push(batch);
        }
      }
      while (batch.dueMs.length < MAX_BATCH_RECORDS && this.created < due)
        batch.dueMs.push(this.startMs + (this.created++ * 1000) / this.opts.ratePerSec);
    }
    this.drain();
  }

  private drain(): void {
    for (const [conn, partitions] of this.leaders) {
      while (this.failure === null && conn.inFlight < (this.opts.maxInFlight ?? 5)) {
        const batches: PendingBatch[] = [];
        for (const p of partitions) {
          const b = this.queues.get(p)!.shift();
          if (b !== undefined) batches.push(b);
        }
        if (batches.length === 0) break;
        this.send(conn, batches);
      }
    }
  }

  private send(conn: PipelinedConnection, batches: PendingBatch[]): void {
    const { window } = this.opts;
    const sendMs = monoNow();
    let n = 0;
    const partitionData = batches.map((b) => {
      const records = b.dueMs.map((dueMs) => {
        const value = Buffer.allocUnsafe(VALUE_BYTES).fill(0, 16);
        value.writeDoubleBE(sendMs, 0);
        value.writeDoubleBE(dueMs, 8);
        return { key: null, value };
      });
      n += records.length;
      return { ...ProduceRequestTypes.defaultPartitionProduceData(), index: b.partition, records: buildRecordBatch(records) };
    });
    const body: ProduceRequest = {
      ...ProduceRequestTypes.defaultProduceRequest(),
      acks: this.opts.acks,
      timeoutMs: 30_000,
      topicData: [{ ...ProduceRequestTypes.defaultTopicProduceData(), name: this.opts.topic, partitionData }],
    };
    const inWindow = sendMs >= window.from && sendMs < window.to;
    if (inWindow) this.sentInWindow += n;
    this.sent += n;
    this.requests++;
    conn.send(ApiKey.Produce, PRODUCE_VERSION, body, (frame, err) => {
      if (frame === null) {
        this.failure ??= err ?? new Error('no produce response');
        return;
      }
      for (const t of decodeResponse(ApiKey.Produce, PRODUCE_VERSION, frame).body.responses)
        for (const p of t.partitionResponses)
          if (p.errorCode !== ErrorCode.NONE) this.failure ??= new Error(`produce ${t.name}-${p.index}: ${errorName(p.errorCode)}`);
      this.acked += n;
      if (inWindow) this.ackLatencies.push(monoNow() - sendMs);
      this.drain();
    });
  }
}
