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
  timer: NodeJS.Timeout;
}

export class BufferMemory {
  private used = 0;
  private readonly waiters: Waiter[] = [];

  constructor(readonly limit: number) {}

  get usedBytes(): number {
    return this.used;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Reserves at once when there is room and nobody waits ahead; false otherwise. */
  tryReserve(bytes: number): boolean {
    if (this.waiters.length > 0 || this.used + bytes > this.limit) return false;
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
      const waiter: Waiter = {
        bytes,
        resolve,
        reject,
        timer: setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(new TimeoutError(`failed to allocate ${bytes} bytes of buffer.memory within max.block.ms (${maxBlockMs} ms)`));
          this.grant(); // the next waiter may fit now that this one left the head
        }, maxBlockMs),
      };
      this.waiters.push(waiter);
    });
  }

  release(bytes: number): void {
    this.used -= bytes;
    if (this.used < 0) this.used = 0;
    this.grant();
  }

  /** Fails every waiter (the producer is closing). */
  failWaiters(err: Error): void {
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(err);
    }
  }

  private grant(): void {
    while (this.waiters.length > 0 && this.used + this.waiters[0]!.bytes <= this.limit) {
      const w = this.waiters.shift()!;
      clearTimeout(w.timer);
      this.used += w.bytes;
      w.resolve();
    }
  }
}
