/**
 * `buffer.memory`: the bytes of records waiting to be sent, bounded. A send that would go past the
 * bound waits (FIFO, so a large record is not starved by small ones) until delivered batches free
 * enough, for at most `max.block.ms`, then fails with a TimeoutError, as Kafka's BufferPool does
 * (BufferExhaustedException is a TimeoutException). A record larger than the whole pool can never fit
 * and fails at once with RECORD_TOO_LARGE.
 */
import { ErrorCode, KafkaError, TimeoutError } from '../errors';

interface Waiter {
  bytes: number;
  resolve(): void;
  reject(err: Error): void;
  /** Date.now() past which the wait fails (max.block.ms). */
  deadline: number;
}

/**
 * Waiters queue in arrival order; hundreds of thousands may wait (a fast loop of async sends), so
 * the queue is consumed by an index, not Array.shift, and one timer serves them all.
 */
export class BufferMemory {
  private used = 0;
  private queue: Waiter[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly limit: number) {}

  get usedBytes(): number {
    return this.used;
  }

  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** Reserves at once when there is room and nobody waits ahead; false otherwise. */
  tryReserve(bytes: number): boolean {
    if (this.waiting > 0 || this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  /** Reserves, waiting up to `maxBlockMs` for room. */
  reserve(bytes: number, maxBlockMs: number): Promise<void> {
    if (bytes > this.limit) {
      return Promise.reject(
        new KafkaError(ErrorCode.MESSAGE_TOO_LARGE, `the record is ${bytes} bytes, larger than buffer.memory (${this.limit})`),
      );
    }
    if (this.tryReserve(bytes)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ bytes, resolve, reject, deadline: Date.now() + maxBlockMs });
      this.armTimer();
    });
  }

  release(bytes: number): void {
    this.used -= bytes;
    if (this.used < 0) this.used = 0;
    this.grant();
  }

  /** Fails every waiter (the producer is closing). */
  failWaiters(err: Error): void {
    const waiters = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    this.clearTimer();
    for (const w of waiters) w.reject(err);
  }

  private grant(): void {
    while (this.waiting > 0 && this.used + this.queue[this.head]!.bytes <= this.limit) {
      const w = this.queue[this.head++]!;
      this.used += w.bytes;
      w.resolve();
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (this.waiting === 0) this.clearTimer();
  }

  /** One timer, for the earliest deadline of those waiting. */
  private armTimer(): void {
    if (this.timer !== null || this.waiting === 0) return;
    let earliest = Infinity;
    for (let i = this.head; i < this.queue.length; i++) earliest = Math.min(earliest, this.queue[i]!.deadline);
    this.timer = setTimeout(() => this.expire(), Math.max(0, earliest - Date.now()));
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Fails the waits past max.block.ms; the next waiter may fit now that those ahead left. */
  private expire(): void {
    this.timer = null;
    const now = Date.now();
    const waiting = this.queue.slice(this.head);
    const expired = waiting.filter((w) => w.deadline <= now);
    this.queue = waiting.filter((w) => w.deadline > now);
    this.head = 0;
    for (const w of expired)
      w.reject(new TimeoutError(`failed to allocate ${w.bytes} bytes of buffer.memory within max.block.ms (${w.deadline - now} ms ago)`));
    this.grant();
    this.armTimer();
  }
}
