/**
 * Bridges a push source (a listener) into an async iterator for a tRPC subscription. It subscribes
 * at construction, so nothing published between "read the backlog" and "follow live" is lost, and
 * it ends when the subscription's signal aborts. A client that stops reading loses the oldest items
 * beyond `capacity`, never the broker's memory.
 */
export class PushQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private wake: (() => void) | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    subscribe: (push: (v: T) => void) => () => void,
    private readonly signal: AbortSignal | undefined,
    private readonly capacity = 10_000,
  ) {
    this.unsubscribe = subscribe((v) => {
      this.items.push(v);
      if (this.items.length > this.capacity) this.items.shift();
      this.wake?.();
    });
    signal?.addEventListener('abort', () => this.wake?.(), { once: true });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    try {
      while (this.signal?.aborted !== true) {
        if (this.items.length === 0) await new Promise<void>((r) => (this.wake = r));
        this.wake = null;
        while (this.items.length > 0) yield this.items.shift()!;
      }
    } finally {
      this.unsubscribe();
    }
  }
}
