/**
 * `.txnindex`: the aborted transactions whose ABORT marker lies in one segment (Kafka's
 * TransactionIndex), so that a read_committed fetch can tell its consumer which producers' records
 * to drop. Kafka's format byte for byte, 34-byte entries, no header:
 *
 *   offset  field             type
 *   0       version           int16   0
 *   2       producerId        int64
 *   10      firstOffset       int64   the transaction's first data offset (may lie in an earlier segment)
 *   18      lastOffset        int64   the ABORT marker's offset
 *   26      lastStableOffset  int64   the LSO right after the abort: no transaction still open
 *                                     then started below it
 *
 * Entries are in marker order (lastOffset strictly increasing). The file exists only once a
 * segment has an aborted transaction: most segments never do, so it is created on the first
 * append and removed when truncation or a rebuild leaves it empty. Appends go to the file at once
 * (into the page cache, as Kafka's channel write does); durability comes with the segment's flush.
 *
 * Entries are cached in memory once read: collectAbortedTxns is on the read_committed fetch path
 * and must not touch the disk. A segment without the file costs one existence check, once.
 */
import { readInt64, writeInt64 } from '@tarn/protocol';
import { fsyncPathInBackground, readFully, type FileSystem } from './file-system';

export const ABORTED_TXN_SIZE = 34;
export const ABORTED_TXN_VERSION = 0;

export interface AbortedTxn {
  readonly producerId: number;
  readonly firstOffset: number;
  readonly lastOffset: number;
  readonly lastStableOffset: number;
}

export function encodeAbortedTxn(txn: AbortedTxn, buf: Buffer = Buffer.allocUnsafe(ABORTED_TXN_SIZE), pos = 0): Buffer {
  buf.writeInt16BE(ABORTED_TXN_VERSION, pos);
  writeInt64(buf, txn.producerId, pos + 2);
  writeInt64(buf, txn.firstOffset, pos + 10);
  writeInt64(buf, txn.lastOffset, pos + 18);
  writeInt64(buf, txn.lastStableOffset, pos + 26);
  return buf;
}

function decodeAbortedTxn(buf: Buffer, pos: number): AbortedTxn {
  return {
    producerId: readInt64(buf, pos + 2),
    firstOffset: readInt64(buf, pos + 10),
    lastOffset: readInt64(buf, pos + 18),
    lastStableOffset: readInt64(buf, pos + 26),
  };
}

export class TransactionIndex {
  /** The file's entries, null until first needed. */
  private cached: AbortedTxn[] | null = null;
  /** Changed since the last fsync. */
  private unsynced = false;

  constructor(
    private readonly fsys: FileSystem,
    public path: string,
    /** The segment's base offset: no aborted transaction in it can end below. */
    readonly baseOffset: number,
  ) {}

  /** A new segment's index: nothing on disk (a stale file of an earlier segment at this offset goes). */
  initEmpty(): void {
    if (this.fsys.existsSync(this.path)) this.fsys.unlinkSync(this.path);
    this.cached = [];
    this.unsynced = false;
  }

  private get list(): AbortedTxn[] {
    this.cached ??= this.read().entries;
    return this.cached;
  }

  /** The file's whole entries up to the first invalid one, and why reading stopped early (null: it did not). */
  private read(): { entries: AbortedTxn[]; problem: string | null } {
    if (!this.fsys.existsSync(this.path)) return { entries: [], problem: null };
    const size = this.fsys.statSync(this.path).size;
    const data = Buffer.allocUnsafe(size);
    const fd = this.fsys.openSync(this.path, 'r');
    let n: number;
    try {
      n = readFully(this.fsys, fd, data, 0, size, 0);
    } finally {
      this.fsys.closeSync(fd);
    }
    const entries: AbortedTxn[] = [];
    for (let pos = 0; pos + ABORTED_TXN_SIZE <= n; pos += ABORTED_TXN_SIZE) {
      const version = data.readInt16BE(pos);
      if (version !== ABORTED_TXN_VERSION) return { entries, problem: `unexpected aborted transaction version ${version}` };
      const txn = decodeAbortedTxn(data, pos);
      if (txn.lastOffset < this.baseOffset) {
        return { entries, problem: `last offset ${txn.lastOffset} of an aborted transaction is below the start offset ${this.baseOffset}` };
      }
      const previous = entries.at(-1);
      if (txn.firstOffset > txn.lastOffset || (previous !== undefined && txn.lastOffset <= previous.lastOffset)) {
        return { entries, problem: `aborted transaction ending at ${txn.lastOffset} is out of order` };
      }
      entries.push(txn);
    }
    return { entries, problem: n % ABORTED_TXN_SIZE !== 0 ? `${n % ABORTED_TXN_SIZE} bytes of a partial entry at the end` : null };
  }

  /**
   * Kafka's sanityCheck at start-up (a missing file is fine: most segments have none). Null when the
   * file is usable, else why it is not; the loader then rebuilds the segment's indexes from its log.
   */
  sanityCheck(): string | null {
    const { entries, problem } = this.read();
    this.cached = problem === null ? entries : null;
    return problem;
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  allAbortedTxns(): readonly AbortedTxn[] {
    return this.list;
  }

  append(txn: AbortedTxn): void {
    const list = this.list;
    const last = list.at(-1);
    if (last !== undefined && last.lastOffset >= txn.lastOffset) {
      throw new Error(
        `The last offset of appended transactions must increase sequentially, but ${txn.lastOffset} is not greater than current last offset ${last.lastOffset} of index ${this.path}`,
      );
    }
    const fd = this.fsys.openSync(this.path, this.fsys.existsSync(this.path) ? 'r+' : 'w+');
    try {
      const end = list.length * ABORTED_TXN_SIZE;
      this.fsys.writeSync(fd, encodeAbortedTxn(txn), 0, ABORTED_TXN_SIZE, end);
      // a torn entry left by a crash would otherwise sit after the new one
      this.fsys.ftruncateSync(fd, end + ABORTED_TXN_SIZE);
    } finally {
      this.fsys.closeSync(fd);
    }
    list.push({ ...txn });
    this.unsynced = true;
  }

  /** Drops the entries of transactions whose marker is at or after `offset` (log truncation). */
  truncateTo(offset: number): void {
    const list = this.list;
    let keep = list.length;
    while (keep > 0 && list[keep - 1]!.lastOffset >= offset) keep--;
    if (keep === list.length) return;
    list.length = keep;
    if (keep === 0) this.deleteFile();
    else {
      const fd = this.fsys.openSync(this.path, 'r+');
      try {
        this.fsys.ftruncateSync(fd, keep * ABORTED_TXN_SIZE);
      } finally {
        this.fsys.closeSync(fd);
      }
      this.unsynced = true;
    }
  }

  /** Forgets every entry (a rebuild from the log follows). */
  reset(): void {
    this.cached = [];
    this.deleteFile();
  }

  /**
   * Kafka's collectAbortedTxns: adds to `out` the aborted transactions overlapping the fetch range
   * [fetchOffset, upperBoundOffset). Returns true when the search is complete: an entry whose LSO
   * reached the upper bound proves that every transaction aborted later started at or above it.
   */
  collectAbortedTxns(fetchOffset: number, upperBoundOffset: number, out: AbortedTxn[]): boolean {
    const list = this.list;
    for (let i = 0; i < list.length; i++) {
      const txn = list[i]!;
      if (txn.lastOffset >= fetchOffset && txn.firstOffset < upperBoundOffset) out.push(txn);
      if (txn.lastStableOffset >= upperBoundOffset) return true;
    }
    return false;
  }

  /** fsyncs the file if it changed since the last fsync. */
  flush(): void {
    if (!this.unsynced) return;
    if (this.fsys.existsSync(this.path)) {
      const fd = this.fsys.openSync(this.path, 'r');
      try {
        this.fsys.fsyncSync(fd);
      } finally {
        this.fsys.closeSync(fd);
      }
    }
    this.unsynced = false;
  }

  /** The same on the thread pool (a sealed segment's flush after a roll). */
  fsyncInBackground(done: (err: Error | null) => void): void {
    if (!this.unsynced || !this.fsys.existsSync(this.path)) {
      done(null);
      return;
    }
    this.unsynced = false;
    fsyncPathInBackground(this.fsys, this.path, (err) => {
      if (err !== null) this.unsynced = true;
      done(err);
    });
  }

  renameTo(path: string): void {
    if (this.fsys.existsSync(this.path)) this.fsys.renameSync(this.path, path);
    this.path = path;
  }

  deleteFile(): void {
    if (this.fsys.existsSync(this.path)) this.fsys.unlinkSync(this.path);
  }
}
