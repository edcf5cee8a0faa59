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

/** Writes a small file atomically: `<path>.tmp`, fsync, rename, fsync the directory. */
export function writeFileAtomically(fsys: FileSystem, path: string, data: string | Buffer): void {
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
  fsyncDirectory(fsys, path.slice(0, Math.max(0, path.lastIndexOf('/'))) || '.');
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
