/**
 * The record accumulator (Kafka's RecordAccumulator): per partition, a queue of batches. Sends append
 * to the last open batch of their partition (a new one when it would pass `batch.size`); the sender
 * asks which partitions are ready — a full batch, `linger.ms` passed, a flush or close under way, a
 * retry whose backoff is over — and drains at most one batch per partition per request.
 *
 * Ordering: with idempotence, a partition may have several batches in flight; a failed one comes back
 * to the head of its queue in sequence order and is resent only once it is the oldest unacknowledged
 * batch of the partition (Java's firstInFlightSequence rule), so the broker sees sequences in order.
 * Without idempotence, `max.in.flight.requests.per.connection=1` mutes a partition while its batch is
 * in flight (Java's guaranteeMessageOrder); with more in flight, a retry may reorder, as Kafka documents.
 */
import { NO_SEQUENCE } from '@tarn/protocol';
import { ProducerBatch, type AppendRecord, type Completion } from './producer-batch';

/** Sequences wrap from Integer.MAX_VALUE to 0 (Kafka's DefaultRecordBatch.incrementSequence). */
export function incrementSequence(sequence: number, increment: number): number {
  if (sequence > 0x7fffffff - increment) return increment - (0x7fffffff - sequence) - 1;
  return sequence + increment;
}

export class PartitionQueue {
  readonly batches: ProducerBatch[] = [];
  /** Batches sent and not yet completed (idempotent producers), oldest sequence first. */
  readonly inFlight: ProducerBatch[] = [];
  /** A non-idempotent max.in.flight=1 producer has a batch of this partition in flight. */
  muted = false;
  /** The next sequence number to give a batch (idempotence). */
  nextSequence = 0;

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  /** Puts a failed batch back at the head, before any batch with a higher sequence or never sent. */
  reenqueue(batch: ProducerBatch): void {
    let i = 0;
    while (i < this.batches.length && this.batches[i]!.hasSequence && this.batches[i]!.baseSequence < batch.baseSequence) i++;
    if (!batch.hasSequence) while (i < this.batches.length && this.batches[i]!.isRetry) i++;
    this.batches.splice(i, 0, batch);
  }

  removeInFlight(batch: ProducerBatch): void {
    const i = this.inFlight.indexOf(batch);
    if (i >= 0) this.inFlight.splice(i, 1);
  }
}

export interface ReadyCheck {
  /** Partitions whose head batch may be sent now. */
  ready: PartitionQueue[];
  /** Milliseconds until the next batch becomes ready by time (linger or backoff), or Infinity. */
  nextCheckMs: number;
}

export class RecordAccumulator {
  private readonly queues = new Map<string, Map<number, PartitionQueue>>();
  /** Flushes in progress: every batch is ready regardless of linger. */
  flushes = 0;
  closing = false;

  constructor(
    private readonly batchSize: number,
    private readonly lingerMs: number,
    private readonly orderedWithoutIdempotence: boolean,
    private readonly idempotent: boolean,
  ) {}

  queue(topic: string, partition: number): PartitionQueue {
    let byPartition = this.queues.get(topic);
    if (byPartition === undefined) this.queues.set(topic, (byPartition = new Map()));
    let q = byPartition.get(partition);
    if (q === undefined) byPartition.set(partition, (q = new PartitionQueue(topic, partition)));
    return q;
  }

  *allQueues(): Generator<PartitionQueue> {
    for (const byPartition of this.queues.values()) yield* byPartition.values();
  }

  /** Appends a record (encoding it into its partition's open batch, or a new one). */
  append(topic: string, partition: number, record: AppendRecord, timestamp: number, now: number, completion: Completion): ProducerBatch {
    const q = this.queue(topic, partition);
    const last = q.batches[q.batches.length - 1];
    if (last !== undefined) {
      if (last.tryAppend(record, timestamp, this.batchSize, completion) >= 0) return last;
      last.closed = true;
    }
    // the buffer starts at most 16 KiB and doubles as records come, so a large batch.size costs memory only when used
    const batch = new ProducerBatch(topic, partition, now, Math.min(this.batchSize, 16_384));
    batch.tryAppend(record, timestamp, this.batchSize, completion);
    q.batches.push(batch);
    return batch;
  }

  /** Whether the partition's head batch may go now, and if not, when it will by time. */
  private readiness(q: PartitionQueue, now: number): number {
    const head = q.batches[0];
    if (head === undefined || q.muted) return Infinity;
    if (head.isRetry) {
      if (this.idempotent && head.hasSequence && q.inFlight[0] !== undefined && q.inFlight[0] !== head) return Infinity;
      return Math.max(0, head.retryAtMs - now);
    }
    const full = q.batches.length > 1 || head.closed || head.sizeBytes >= this.batchSize;
    if (full || this.flushes > 0 || this.closing) return 0;
    return Math.max(0, head.createdMs + this.lingerMs - now);
  }

  ready(now: number): ReadyCheck {
    const ready: PartitionQueue[] = [];
    let nextCheckMs = Infinity;
    for (const q of this.allQueues()) {
      const wait = this.readiness(q, now);
      if (wait === 0) ready.push(q);
      else if (wait < nextCheckMs) nextCheckMs = wait;
    }
    return { ready, nextCheckMs };
  }

  /** Takes the head batch of a ready partition for sending; it may take no more records. */
  take(q: PartitionQueue): ProducerBatch {
    const batch = q.batches.shift()!;
    batch.closed = true;
    if (this.orderedWithoutIdempotence) q.muted = true;
    if (this.idempotent && !q.inFlight.includes(batch)) {
      // a first send, or a retry whose sequence was reset by an epoch bump: sequences in queue order
      if (!batch.hasSequence) {
        batch.baseSequence = q.nextSequence;
        q.nextSequence = incrementSequence(q.nextSequence, batch.recordCount);
      }
      q.inFlight.push(batch);
      q.inFlight.sort((a, b) => a.baseSequence - b.baseSequence);
    }
    return batch;
  }

  /** Forgets every sequence after an epoch bump (KIP-360): batches not yet acknowledged get new ones in order. */
  resetSequences(): void {
    for (const q of this.allQueues()) {
      q.nextSequence = 0;
      q.inFlight.length = 0;
      for (const b of q.batches) b.baseSequence = NO_SEQUENCE;
    }
  }

  hasUndrained(): boolean {
    for (const q of this.allQueues()) if (q.batches.length > 0) return true;
    return false;
  }

  /** Every queued (not in-flight) batch, removed: for failing them at close or on a fatal error. */
  drainAll(): ProducerBatch[] {
    const out: ProducerBatch[] = [];
    for (const q of this.allQueues()) out.push(...q.batches.splice(0));
    return out;
  }

  /** Queued batches older than `delivery.timeout.ms`, removed (Kafka's expiredBatches). */
  expire(now: number, deliveryTimeoutMs: number): ProducerBatch[] {
    const out: ProducerBatch[] = [];
    for (const q of this.allQueues()) {
      while (q.batches.length > 0 && now - q.batches[0]!.createdMs >= deliveryTimeoutMs) {
        const b = q.batches.shift()!;
        q.removeInFlight(b);
        out.push(b);
      }
    }
    return out;
  }
}
