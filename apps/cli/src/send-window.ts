/**
 * Keeps a bounded number of asynchronous sends outstanding. Kafka's console and perf producers call
 * `send(record, callback)` in a loop and rely on KafkaProducer.send blocking the thread when
 * `buffer.memory` is full; a JavaScript loop never blocks, so without a bound it would queue every
 * line of a large input in memory. The window also yields to the event loop now and then, so the
 * producer's sender runs while the loop is still reading input.
 */
export class SendWindow {
  private outstanding = 0;
  private sinceYield = 0;
  private wake: (() => void) | null = null;
  private drained: (() => void) | null = null;
  /** The first send that failed, if any (later sends are not made). */
  error: Error | null = null;

  constructor(private readonly limit: number) {}

  /** Waits for room for one more send. */
  async acquire(): Promise<void> {
    if (++this.sinceYield >= 1000) {
      this.sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    while (this.outstanding >= this.limit) await new Promise<void>((resolve) => (this.wake = resolve));
    this.outstanding++;
  }

  /** Called from the send's callback. */
  release(err: Error | null): void {
    if (err !== null && this.error === null) this.error = err;
    this.outstanding--;
    const wake = this.wake;
    this.wake = null;
    wake?.();
    if (this.outstanding === 0) {
      const drained = this.drained;
      this.drained = null;
      drained?.();
    }
  }

  /** Resolves once every send made has completed. */
  async drain(): Promise<void> {
    while (this.outstanding > 0) await new Promise<void>((resolve) => (this.drained = resolve));
  }
}
