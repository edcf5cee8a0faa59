/**
 * Opening a partition directory (Kafka's LogLoader): resolve what an interrupted delete or clean
 * left behind, load the segments, rebuild indexes that are missing or damaged, and recover every
 * segment past the recovery point — a torn or corrupt tail is cut at the last complete batch and
 * any later segment is dropped.
 *
 * Leftover files: `*.deleted` were on their way out (delete them); `*.cleaned` belong to a clean
 * that never reached its swap (delete them); `*.swap` belong to a clean that did: the swap segment
 * replaces the live segments in its offset range, then loses its suffix (its `.txnindex`, written
 * by the cleaner, with it).
 *
 * Recovering a segment also rebuilds its `.txnindex` (Kafka's LogLoader.recoverSegment): a
 * producer state of its own is built up to where the scan starts (the latest snapshot below, then
 * a replay), every scanned batch goes through it, the aborts it completes are indexed with their
 * LSO, and a snapshot is taken at the segment's end, so recovering the next segment starts there.
 * The state that recovered the last segment is the log's state at its end: it is handed to the
 * partition log, which would otherwise reload a snapshot (one batch per producer) and lose the
 * other four batches a retried append may be matched against.
 * A `.txnindex` that fails its sanity check makes its segment recovered like one with a damaged
 * index; a missing one is normal (most segments never had an abort), and, as in Kafka, not
 * noticed for a segment below the recovery point.
 */
import { join } from 'node:path';
import type { FileSystem } from './file-system';
import {
  CLEANED_FILE_SUFFIX,
  DELETED_FILE_SUFFIX,
  INDEX_FILE_SUFFIX,
  LOG_FILE_SUFFIX,
  SWAP_FILE_SUFFIX,
  TIME_INDEX_FILE_SUFFIX,
  TXN_INDEX_FILE_SUFFIX,
  filenamePrefixFromOffset,
} from './log-file-names';
import { LogSegment, type SegmentOptions } from './log-segment';
import { rebuildProducerState } from './producer-state-loader';
import type { ProducerStateManager } from './producer-state-manager';

const SEGMENT_FILE = /^(\d{20})(\.log|\.index|\.timeindex|\.txnindex)(\.deleted|\.cleaned|\.swap)?$/;

export interface LoadLogArgs {
  fsys: FileSystem;
  dir: string;
  /** A producer state of the partition (with nothing loaded yet), for segment recovery. */
  newProducerStateManager: () => ProducerStateManager;
  segmentOptions: SegmentOptions;
  recoveryPoint: number;
  logStartOffset: number;
  hadCleanShutdown: boolean;
  nowMs: number;
  warn: (message: string, context?: Record<string, unknown>) => void;
}

export interface LoadedLog {
  segments: LogSegment[];
  logEndOffset: number;
  recoveryPoint: number;
  logStartOffset: number;
  segmentsRecovered: number;
  /** Bytes whose batches were validated (CRC) during recovery. */
  scannedBytes: number;
  truncatedBytes: number;
  /** The producer state at the log end when recovery rebuilt it with the last segment, else null. */
  producerState: ProducerStateManager | null;
}

function removeIfExists(fsys: FileSystem, path: string): void {
  if (fsys.existsSync(path)) fsys.unlinkSync(path);
}

function segmentFiles(dir: string, baseOffset: number, suffix: string): string[] {
  const prefix = join(dir, filenamePrefixFromOffset(baseOffset));
  return [LOG_FILE_SUFFIX, INDEX_FILE_SUFFIX, TIME_INDEX_FILE_SUFFIX, TXN_INDEX_FILE_SUFFIX].map((k) => prefix + k + suffix);
}

export function loadLog(args: LoadLogArgs): LoadedLog {
  const { fsys, dir, segmentOptions, warn } = args;
  const liveLogs = new Set<number>();
  const swapLogs: number[] = [];
  const names = fsys.readdirSync(dir);
  for (const name of names) {
    // Temporary files, and anything on its way out (producer snapshots too, which go with their
    // segment), are debris of an interrupted operation.
    if (name.endsWith('.tmp') || name.endsWith(DELETED_FILE_SUFFIX)) {
      removeIfExists(fsys, join(dir, name));
      continue;
    }
    const m = SEGMENT_FILE.exec(name);
    if (m === null) continue;
    const base = Number(m[1]);
    const [kind, suffix] = [m[2], m[3]];
    if (suffix === DELETED_FILE_SUFFIX || suffix === CLEANED_FILE_SUFFIX) {
      removeIfExists(fsys, join(dir, name));
    } else if (suffix === SWAP_FILE_SUFFIX) {
      if (kind === LOG_FILE_SUFFIX) swapLogs.push(base);
    } else if (kind === LOG_FILE_SUFFIX) {
      liveLogs.add(base);
    }
  }

  // Finish interrupted swaps: the swap segment supersedes live segments in its range.
  for (const base of swapLogs.sort((a, b) => a - b)) {
    const swap = LogSegment.open(fsys, dir, base, segmentOptions, SWAP_FILE_SUFFIX);
    swap.recover();
    const next = swap.readNextOffset();
    swap.closeFd();
    for (const live of [...liveLogs]) {
      if (live >= base && live < next) {
        for (const f of segmentFiles(dir, live, '')) removeIfExists(fsys, f);
        liveLogs.delete(live);
      }
    }
    const from = segmentFiles(dir, base, SWAP_FILE_SUFFIX);
    const to = segmentFiles(dir, base, '');
    from.forEach((f, i) => {
      if (fsys.existsSync(f)) fsys.renameSync(f, to[i]!);
    });
    liveLogs.add(base);
    warn('completed an interrupted segment swap', { dir, baseOffset: base, nextOffset: next });
  }
  // Swap index files without a swap log are debris of the same kind.
  for (const name of fsys.readdirSync(dir)) if (name.endsWith(SWAP_FILE_SUFFIX)) removeIfExists(fsys, join(dir, name));
  // Index files without a log are orphans.
  for (const name of fsys.readdirSync(dir)) {
    const m = SEGMENT_FILE.exec(name);
    if (m !== null && m[3] === undefined && m[2] !== LOG_FILE_SUFFIX && !liveLogs.has(Number(m[1]))) {
      removeIfExists(fsys, join(dir, name));
    }
  }

  let segments = [...liveLogs].sort((a, b) => a - b).map((base) => LogSegment.open(fsys, dir, base, segmentOptions));
  let segmentsRecovered = 0;
  let scannedBytes = 0;
  let truncatedBytes = 0;

  // A sealed segment's indexes end with the time-index entry Kafka adds when a segment stops being
  // active; rebuilt ones get it too, so they match what Kafka wrote.
  const sealIndexes = (seg: LogSegment): void => {
    if (seg !== segments[segments.length - 1]) seg.onBecomeInactive();
  };
  // the segment recovered last, and the producer state that did it
  const recovered: { seg: LogSegment | null; psm: ProducerStateManager | null } = { seg: null, psm: null };
  const recoverSegment = (seg: LogSegment, trustBelowOffset?: number) => {
    const previous = recovered.psm;
    recovered.seg = seg;
    recovered.psm = null;
    const result = seg.recover({
      trustBelowOffset,
      producerStateAt: (offset) => {
        // Straight after the segment before, that segment's state is exactly what is needed (and
        // remembers more batches per producer than the snapshot taken at its end).
        if (previous !== null && previous.mapEndOffset === offset) {
          recovered.psm = previous;
          return previous;
        }
        const psm = args.newProducerStateManager();
        recovered.psm = psm;
        rebuildProducerState({
          psm,
          fsys,
          segments,
          logStartOffset: args.logStartOffset,
          lastOffset: offset,
          reloadFromCleanShutdown: false,
          snapshotAtEnd: offset === seg.baseOffset,
          nowMs: args.nowMs,
          warn,
        });
        return psm;
      },
      warn,
    });
    // the next segment's recovery starts from here; the last one's state is handed on instead
    const psm = recovered.psm as ProducerStateManager | null; // set by producerStateAt, which TS cannot see
    if (seg !== segments.at(-1)) psm?.takeSnapshot();
    return result;
  };
  for (const seg of segments) {
    const problem = seg.indexFilesProblem();
    if (problem !== null) {
      warn('rebuilding missing or damaged indexes', { dir, baseOffset: seg.baseOffset, problem });
      recoverSegment(seg);
      sealIndexes(seg);
    }
  }

  if (!args.hadCleanShutdown) {
    const rp = args.recoveryPoint;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const next = segments[i + 1];
      if (next !== undefined && next.baseOffset <= rp) continue; // entirely before the recovery point
      const result = recoverSegment(seg, rp > seg.baseOffset ? rp : undefined);
      segmentsRecovered++;
      scannedBytes += result.scannedBytes + result.truncatedBytes;
      if (result.truncatedBytes > 0) {
        truncatedBytes += result.truncatedBytes;
        warn('truncated a torn or corrupt log tail', {
          dir,
          baseOffset: seg.baseOffset,
          truncatedBytes: result.truncatedBytes,
          reason: result.reason,
        });
        for (const later of segments.slice(i + 1)) {
          truncatedBytes += later.size;
          later.deleteFiles();
        }
        segments = segments.slice(0, i + 1);
      }
      sealIndexes(seg);
    }
  }

  if (segments.length === 0) segments.push(LogSegment.create(fsys, dir, args.logStartOffset, segmentOptions, args.nowMs));
  const active = segments[segments.length - 1]!;
  active.persistIndexes(true, false);
  const logEndOffset = active.readNextOffset();
  return {
    segments,
    logEndOffset,
    recoveryPoint: args.hadCleanShutdown ? logEndOffset : Math.min(args.recoveryPoint, logEndOffset),
    logStartOffset: Math.max(args.logStartOffset, segments[0]!.baseOffset),
    segmentsRecovered,
    scannedBytes,
    truncatedBytes,
    producerState: recovered.seg === active ? recovered.psm : null,
  };
}
