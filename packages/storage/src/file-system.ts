/**
 * The file operations the log uses. Production passes node:fs; recovery tests wrap it to tear
 * writes, fail fsync or run out of space at a chosen call (DESIGN.md decision 9).
 */
import * as fs from 'node:fs';

export type FileSystem = Pick<
  typeof fs,
  | 'openSync'
  | 'closeSync'
  | 'readSync'
  | 'writeSync'
  | 'writevSync'
  | 'writev'
  | 'fsyncSync'
  | 'fsync'
  | 'ftruncateSync'
  | 'fstatSync'
  | 'statSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'rmSync'
  | 'readdirSync'
  | 'mkdirSync'
  | 'existsSync'
  | 'readFileSync'
  | 'utimesSync'
>;

export const nodeFileSystem: FileSystem = fs;

/** Background writes of a path still waiting on the disk, and the newest content queued behind them. */
const inBackground = new Map<string, { queued: Buffer | null; superseded: boolean }>();

/** Writes a small file atomically: `<path>.tmp`, fsync, rename, fsync the directory. */
export function writeFileAtomically(fsys: FileSystem, path: string, data: string | Buffer): void {
  // whatever a background write of this path still holds is older than this: drop it
  const pending = inBackground.get(path);
  if (pending !== undefined) {
    pending.queued = null;
    pending.superseded = true;
  }
  writeTmpAndRename(fsys, path, data);
}

/**
 * The same atomic replacement without the event loop ever waiting on the disk: the bytes go to
 * `<path>.tmp` now, its fsync runs on the thread pool, then the rename and the directory's fsync.
 * Kafka writes these files (checkpoints, roll-time snapshots) from background threads; an fsync on
 * the event loop can stall every partition while the filesystem commits a journal full of log data.
 * Writes of one path are serialized and coalesced (only the newest queued content is written), and
 * a synchronous write of the path supersedes them. `done` is told when the file is durable.
 */
export function writeFileAtomicallyInBackground(
  fsys: FileSystem,
  path: string,
  data: string | Buffer,
  done: (err: Error | null) => void = () => {},
): void {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const pending = inBackground.get(path);
  if (pending !== undefined) {
    pending.queued = buf;
    return;
  }
  const state = { queued: null as Buffer | null, superseded: false };
  inBackground.set(path, state);
  const tmp = `${path}.tmp`;
  const finish = (err: Error | null) => {
    inBackground.delete(path);
    if (state.queued !== null) writeFileAtomicallyInBackground(fsys, path, state.queued, done);
    else done(err);
  };
  let fd: number;
  try {
    fd = fsys.openSync(tmp, 'w');
    let written = 0;
    while (written < buf.length) written += fsys.writeSync(fd, buf, written, buf.length - written, written);
  } catch (err) {
    finish(err as Error);
    return;
  }
  fsys.fsync(fd, (fsyncErr) => {
    fsys.closeSync(fd);
    if (fsyncErr !== null || state.superseded) return finish(fsyncErr);
    try {
      fsys.renameSync(tmp, path);
    } catch (err) {
      return finish(err as Error);
    }
    fsyncPathInBackground(fsys, dirOf(path), finish);
  });
}

/**
 * Writes `path` in place now and fsyncs it on the thread pool: Kafka's roll-time producer snapshot
 * (written, then flushed by a background task). A crash before the fsync can leave the file torn,
 * so it suits only files whose reader detects that (producer snapshots carry a CRC).
 */
export function writeFileFsyncInBackground(fsys: FileSystem, path: string, data: Buffer, done: (err: Error | null) => void): void {
  let fd: number;
  try {
    fd = fsys.openSync(path, 'w');
    let written = 0;
    while (written < data.length) written += fsys.writeSync(fd, data, written, data.length - written, written);
  } catch (err) {
    return done(err as Error);
  }
  fsys.fsync(fd, (err) => {
    fsys.closeSync(fd);
    done(err);
  });
}

function dirOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/'))) || '.';
}

/** Opens `path` (a file or a directory), fsyncs it on the thread pool, closes it, then calls `done`. */
export function fsyncPathInBackground(fsys: FileSystem, path: string, done: (err: Error | null) => void): void {
  let fd: number;
  try {
    fd = fsys.openSync(path, 'r');
  } catch (err) {
    return done(err as Error);
  }
  fsys.fsync(fd, (err) => {
    fsys.closeSync(fd);
    done(err);
  });
}

function writeTmpAndRename(fsys: FileSystem, path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp`;
  const fd = fsys.openSync(tmp, 'w');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < buf.length) written += fsys.writeSync(fd, buf, written, buf.length - written, written);
    fsys.fsyncSync(fd);
  } finally {
    fsys.closeSync(fd);
  }
  fsys.renameSync(tmp, path);
  fsyncDirectory(fsys, dirOf(path));
}

/** Makes renames and creations in a directory durable. */
export function fsyncDirectory(fsys: FileSystem, dir: string): void {
  const fd = fsys.openSync(dir, 'r');
  try {
    fsys.fsyncSync(fd);
  } finally {
    fsys.closeSync(fd);
  }
}

/** Reads exactly `length` bytes at `position` (fewer only at end of file). */
export function readFully(fsys: FileSystem, fd: number, buf: Buffer, offset: number, length: number, position: number): number {
  let total = 0;
  while (total < length) {
    const n = fsys.readSync(fd, buf, offset + total, length - total, position + total);
    if (n === 0) break;
    total += n;
  }
  return total;
}

/** Writes all of `bufs` at `position` with writev; writev may write less than asked, so it continues. */
export function writevFullySync(fsys: FileSystem, fd: number, bufs: readonly Buffer[], position: number): void {
  const total = bufs.reduce((n, b) => n + b.length, 0);
  for (let written = 0; written < total;) written += fsys.writevSync(fd, remainingAfter(bufs, written), position + written);
}

/** The same on the thread pool; `done` gets the first error, or null once everything is written. */
export function writevFully(
  fsys: FileSystem,
  fd: number,
  bufs: readonly Buffer[],
  position: number,
  done: (err: Error | null) => void,
): void {
  const total = bufs.reduce((n, b) => n + b.length, 0);
  const writeFrom = (written: number): void => {
    if (written >= total) {
      done(null);
      return;
    }
    fsys.writev(fd, remainingAfter(bufs, written), position + written, (err, n) => {
      if (err !== null) done(err);
      else writeFrom(written + n);
    });
  };
  writeFrom(0);
}

/** The buffers left to write once `written` bytes of `bufs` are on disk. */
function remainingAfter(bufs: readonly Buffer[], written: number): Buffer[] {
  if (written === 0) return bufs as Buffer[];
  const rest: Buffer[] = [];
  let skip = written;
  for (const b of bufs) {
    if (skip >= b.length) skip -= b.length;
    else {
      rest.push(skip > 0 ? b.subarray(skip) : b);
      skip = 0;
    }
  }
  return rest;
}
