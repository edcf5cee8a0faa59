/**
 * Bounds the `.log` file descriptors a broker keeps open. Every partition's active segment would
 * otherwise hold one for good, and tens of thousands of partitions run into the process's open-file
 * limit (Kafka needs a very high `ulimit -n` for the same reason). Beyond `maxOpen`, the least
 * recently used descriptors are closed; a segment reopens its file on next use.
 *
 * Only descriptors idle for `idleMs` (no use in that time) and not pinned are closed: a read takes
 * its bytes in the same turn it found the descriptor, and writes and scans that span turns pin it.
 */

export interface CachedFile {
  /** performance.now() of the last use. */
  lastUsedMs: number;
  pins: number;
  /** Closes the descriptor (the file reopens on demand). */
  closeIdle(): void;
}

export class FileHandleCache {
  private readonly open = new Set<CachedFile>();

  constructor(
    readonly maxOpen: number,
    private readonly idleMs = 1000,
  ) {}

  get size(): number {
    return this.open.size;
  }

  opened(f: CachedFile): void {
    this.open.add(f);
    if (this.open.size > this.maxOpen) this.evict();
  }

  closed(f: CachedFile): void {
    this.open.delete(f);
  }

  /** Closes a tenth of the budget at once, oldest first, so eviction stays rare. */
  private evict(): void {
    const now = performance.now();
    const target = Math.floor(this.maxOpen * 0.9);
    const idle = [...this.open].filter((f) => f.pins === 0 && now - f.lastUsedMs > this.idleMs).sort((a, b) => a.lastUsedMs - b.lastUsedMs);
    for (const f of idle) {
      if (this.open.size <= target) break;
      f.closeIdle();
    }
  }
}
