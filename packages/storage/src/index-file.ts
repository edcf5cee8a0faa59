/**
 * The common part of `.index` and `.timeindex`: fixed-size entries kept in memory and written to the
 * file when the segment is sealed, flushed or closed. Kafka mmaps these files and lets the OS write
 * them back lazily; here the in-memory copy plays the mmap's role. Entries of an unflushed active
 * segment are not needed on disk: recovery rebuilds the indexes of every segment past the recovery
 * point from the log itself.
 *
 * The active segment's files are preallocated to `segment.index.bytes` (sparse) and trimmed to
 * their used size when the segment rolls or the log closes, as Kafka does.
 */
import { fsyncPathInBackground, readFully, type FileSystem } from './file-system';

export abstract class IndexFile {
  /** In-memory entries; capacity grows by doubling up to maxEntries. Sealed indexes load lazily. */
  protected buf: Buffer | null = null;
  protected count = 0;
  /** Entries already written to the file. */
  private persisted = 0;
  readonly maxEntries: number;

  constructor(
    protected readonly fsys: FileSystem,
    public path: string,
    readonly baseOffset: number,
    maxIndexSize: number,
    readonly entrySize: number,
  ) {
    this.maxEntries = Math.max(1, Math.floor(maxIndexSize / entrySize));
  }

  /** Checks one entry read from a file; entries must grow strictly (and be after the base offset). */
  protected abstract isValidSuccessor(buf: Buffer, pos: number, prevPos: number | null): boolean;

  get entries(): number {
    this.ensureLoaded();
    return this.count;
  }

  get isFull(): boolean {
    return this.entries >= this.maxEntries;
  }

  get sizeInBytes(): number {
    return this.entries * this.entrySize;
  }

  /** A new, empty index (the file is created on first persist). */
  initEmpty(): void {
    this.buf = Buffer.allocUnsafe(this.entrySize * 64);
    this.count = 0;
    this.persisted = 0;
  }

  /**
   * Loads entries from the file. Returns false when the file is missing or its entries are not a
   * strictly increasing run (torn or corrupt), in which case the caller rebuilds it from the log.
   * Trailing zero entries of a preallocated file that was never trimmed end the run and are fine.
   */
  load(): boolean {
    if (!this.fsys.existsSync(this.path)) return false;
    const size = this.fsys.statSync(this.path).size;
    const data = Buffer.allocUnsafe(size);
    const fd = this.fsys.openSync(this.path, 'r');
    try {
      if (readFully(this.fsys, fd, data, 0, size, 0) !== size) return false;
    } finally {
      this.fsys.closeSync(fd);
    }
    let n = 0;
    const whole = Math.floor(size / this.entrySize);
    while (n < whole && this.isValidSuccessor(data, n * this.entrySize, n === 0 ? null : (n - 1) * this.entrySize)) n++;
    // Anything after the valid run must be preallocation zeros; otherwise the file is corrupt.
    const tail = data.subarray(n * this.entrySize, whole * this.entrySize);
    if (tail.some((b) => b !== 0)) return false;
    this.buf = data;
    this.count = n;
    this.persisted = n;
    return true;
  }

  /** Sealed segments load on first use; a file that fails to load reads as empty until rebuilt. */
  protected ensureLoaded(): void {
    if (this.buf === null && !this.load()) this.initEmpty();
  }

  protected appendRaw(write: (buf: Buffer, pos: number) => void): void {
    this.ensureLoaded();
    const pos = this.count * this.entrySize;
    if (pos + this.entrySize > this.buf!.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.maxEntries * this.entrySize, Math.max(this.buf!.length * 2, 64 * this.entrySize)));
      this.buf!.copy(grown, 0, 0, pos);
      this.buf = grown;
    }
    write(this.buf!, pos);
    this.count++;
  }

  /** Binary search: index of the last entry whose key (read by `keyAt`) is <= target, or -1. */
  protected floorIndex(target: number, keyAt: (buf: Buffer, pos: number) => number): number {
    this.ensureLoaded();
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (keyAt(this.buf!, mid * this.entrySize) <= target) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  protected entryPos(i: number): number {
    return i * this.entrySize;
  }

  protected get data(): Buffer {
    this.ensureLoaded();
    return this.buf!;
  }

  truncateToEntries(n: number): void {
    this.ensureLoaded();
    this.count = Math.min(this.count, n);
    this.persisted = Math.min(this.persisted, this.count);
  }

  reset(): void {
    this.initEmpty();
  }

  /**
   * Writes the entries to the file. `preallocate` keeps the file at its maximum size (active
   * segment); otherwise it is trimmed to the entries. `sync` fsyncs it.
   */
  persist(options: { preallocate: boolean; sync: boolean }): void {
    this.ensureLoaded();
    const fd = this.fsys.openSync(this.path, this.fsys.existsSync(this.path) ? 'r+' : 'w+');
    try {
      const used = this.count * this.entrySize;
      const from = this.persisted * this.entrySize;
      if (used > from) this.fsys.writeSync(fd, this.buf!, from, used - from, from);
      // Cut first so that entries dropped by a truncation can never reappear as stale bytes
      // inside the preallocated area.
      this.fsys.ftruncateSync(fd, used);
      if (options.preallocate) this.fsys.ftruncateSync(fd, this.maxEntries * this.entrySize);
      if (options.sync) this.fsys.fsyncSync(fd);
      this.persisted = this.count;
    } finally {
      this.fsys.closeSync(fd);
    }
  }

  /** fsyncs the file on the thread pool (a sealed segment's index, after persist without sync). */
  fsyncInBackground(done: (err: Error | null) => void): void {
    fsyncPathInBackground(this.fsys, this.path, done);
  }

  /** Forget the file's contents: a rebuilt index rewrites it from entry 0. */
  markUnpersisted(): void {
    this.persisted = 0;
  }

  renameTo(path: string): void {
    if (this.fsys.existsSync(this.path)) this.fsys.renameSync(this.path, path);
    this.path = path;
  }

  deleteFile(): void {
    if (this.fsys.existsSync(this.path)) this.fsys.unlinkSync(this.path);
  }

  /** Drops the in-memory copy of a sealed index; it reloads on the next lookup. */
  unload(): void {
    if (this.persisted === this.count) this.buf = null;
  }
}
