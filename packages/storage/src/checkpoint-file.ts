/**
 * Kafka's text checkpoint files: a version line, a count line, then one entry per line
 * (`recovery-point-offset-checkpoint`: "<topic> <partition> <offset>"; `leader-epoch-checkpoint`:
 * "<epoch> <startOffset>"). Written to `<file>.tmp`, fsynced and renamed, so a crash leaves either
 * the old file or the new one.
 */
import { writeFileAtomically, type FileSystem } from './file-system';

export const CHECKPOINT_VERSION = 0;

export class MalformedCheckpointError extends Error {}

/** Reads the entry lines of a checkpoint; null when the file does not exist. */
export function readCheckpointLines(fsys: FileSystem, path: string): string[][] | null {
  if (!fsys.existsSync(path)) return null;
  const text = fsys.readFileSync(path, 'utf8');
  if (text === '') return []; // Kafka leaves some checkpoints empty (cleaner-offset-checkpoint)
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const version = Number(lines[0]);
  if (version !== CHECKPOINT_VERSION) throw new MalformedCheckpointError(`${path}: unsupported version '${lines[0]}'`);
  const count = Number(lines[1]);
  if (!Number.isInteger(count) || count < 0 || lines.length !== count + 2) {
    throw new MalformedCheckpointError(`${path}: expected ${lines[1]} entries, found ${lines.length - 2}`);
  }
  return lines.slice(2).map((line) => line.split(' '));
}

/** How a checkpoint reaches the disk: now (shutdown, epoch changes) or in the background (periodic checkpoints). */
export type FileWriter = (fsys: FileSystem, path: string, data: string) => void;

export function writeCheckpointLines(
  fsys: FileSystem,
  path: string,
  entries: readonly string[],
  write: FileWriter = writeFileAtomically,
): void {
  write(fsys, path, [String(CHECKPOINT_VERSION), String(entries.length), ...entries, ''].join('\n'));
}

function parseInteger(s: string | undefined, path: string): number {
  const n = Number(s);
  if (s === undefined || s === '' || !Number.isSafeInteger(n)) throw new MalformedCheckpointError(`${path}: bad number '${s}'`);
  return n;
}

/** `<topic> <partition> <offset>` per line, keyed by "topic-partition". */
export function readOffsetCheckpoint(fsys: FileSystem, path: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const parts of readCheckpointLines(fsys, path) ?? []) {
    if (parts.length !== 3) throw new MalformedCheckpointError(`${path}: malformed line '${parts.join(' ')}'`);
    out.set(`${parts[0]}-${parseInteger(parts[1], path)}`, parseInteger(parts[2], path));
  }
  return out;
}

export function writeOffsetCheckpoint(
  fsys: FileSystem,
  path: string,
  entries: Iterable<{ topic: string; partition: number; offset: number }>,
  write: FileWriter = writeFileAtomically,
): void {
  const lines: string[] = [];
  for (const e of entries) lines.push(`${e.topic} ${e.partition} ${e.offset}`);
  writeCheckpointLines(fsys, path, lines, write);
}

export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export function readLeaderEpochCheckpoint(fsys: FileSystem, path: string): EpochEntry[] {
  return (readCheckpointLines(fsys, path) ?? []).map((parts) => {
    if (parts.length !== 2) throw new MalformedCheckpointError(`${path}: malformed line '${parts.join(' ')}'`);
    return { epoch: parseInteger(parts[0], path), startOffset: parseInteger(parts[1], path) };
  });
}

export function writeLeaderEpochCheckpoint(fsys: FileSystem, path: string, entries: readonly EpochEntry[]): void {
  writeCheckpointLines(
    fsys,
    path,
    entries.map((e) => `${e.epoch} ${e.startOffset}`),
  );
}
