/**
 * Rebuilding producer state when a log opens or is truncated (Kafka 3.x's
 * UnifiedLog.rebuildProducerState): load the latest valid snapshot at or below the log end, then
 * replay every batch with a producer id from there to the log end, as a follower would (no checks).
 *
 * Kafka's upgrade shortcut is kept: a log with no snapshot at all after a clean shutdown was written
 * before producer state was kept, so instead of scanning it, empty snapshots are taken at the start
 * of its last two segments and at its end. Replays also take snapshots at those two segment starts,
 * so a truncation near the end need not replay much again.
 */
import { readBatchHeader, KafkaError } from '@tarn/protocol';
import { EntryScanner } from './file-records';
import type { FileSystem } from './file-system';
import type { LogSegment } from './log-segment';
import type { CompletedTxn } from './ongoing-transactions';
import { producerBatchOf, type ProducerAppendInfo } from './producer-append-info';
import type { ProducerStateManager } from './producer-state-manager';

export interface RebuildProducerStateArgs {
  psm: ProducerStateManager;
  fsys: FileSystem;
  segments: readonly LogSegment[];
  logStartOffset: number;
  /** The log end offset: the state is rebuilt up to here (exclusive). */
  lastOffset: number;
  reloadFromCleanShutdown: boolean;
  /** Snapshot the state at `lastOffset` (default): not when it is inside a segment (a tail recovery's start). */
  snapshotAtEnd?: boolean;
  nowMs: number;
  warn: (message: string, context?: Record<string, unknown>) => void;
}

export function rebuildProducerState(args: RebuildProducerStateArgs): void {
  const { psm, segments, lastOffset } = args;
  const offsetsToSnapshot = new Set<number>();
  const nextToLast = segments.at(-2);
  const last = segments.at(-1);
  if (nextToLast !== undefined) offsetsToSnapshot.add(nextToLast.baseOffset);
  if (last !== undefined) offsetsToSnapshot.add(last.baseOffset);
  offsetsToSnapshot.add(lastOffset);

  if (psm.latestSnapshotOffset === null && args.reloadFromCleanShutdown) {
    for (const offset of [...offsetsToSnapshot].sort((a, b) => a - b)) {
      psm.updateMapEndOffset(offset);
      psm.takeSnapshot();
    }
    return;
  }

  // No producers and nothing past the state's end: truncating cannot bring any back, skip the scan.
  const isEmptyBeforeTruncation = psm.isEmpty && psm.mapEndOffset >= lastOffset;
  psm.truncateAndReload(args.logStartOffset, lastOffset, args.nowMs);
  if (lastOffset > psm.mapEndOffset && !isEmptyBeforeTruncation) {
    const from = psm.mapEndOffset;
    segments.forEach((seg, i) => {
      const next = segments[i + 1]?.baseOffset ?? Number.POSITIVE_INFINITY;
      if (next <= from || seg.baseOffset >= lastOffset) return;
      const startOffset = Math.max(seg.baseOffset, psm.mapEndOffset, args.logStartOffset);
      psm.updateMapEndOffset(startOffset);
      if (offsetsToSnapshot.has(seg.baseOffset)) psm.takeSnapshot();
      const first = seg.translateOffset(startOffset);
      if (first === null) return;
      const end = next > lastOffset ? (seg.translateOffset(lastOffset)?.position ?? seg.size) : seg.size;
      loadProducersFromSegment(args, seg, first.position, end);
    });
  }
  psm.updateMapEndOffset(lastOffset);
  if (args.snapshotAtEnd !== false) psm.takeSnapshot();
}

/**
 * Replays the batches in seg[start, end) into the state (Kafka's loadProducersFromRecords): the
 * transactions they start are ongoing, those their markers end are completed (and wait for the
 * high watermark). The transaction index is not touched: it is the segment's, rebuilt only by
 * segment recovery.
 */
function loadProducersFromSegment(args: RebuildProducerStateArgs, seg: LogSegment, start: number, end: number): void {
  const loaded = new Map<number, ProducerAppendInfo>();
  const completedTxns: CompletedTxn[] = [];
  for (const { header, bytes } of new EntryScanner(args.fsys, seg.fd, start, end, false)) {
    if (header.magic !== 2) continue;
    const h = readBatchHeader(bytes, 0);
    if (h.producerId < 0) continue;
    let info = loaded.get(h.producerId);
    if (info === undefined) {
      info = args.psm.prepareUpdate(h.producerId, 'replication');
      loaded.set(h.producerId, info);
    }
    try {
      const completed = info.append(producerBatchOf(h, bytes));
      if (completed !== null) completedTxns.push(completed);
    } catch (err) {
      // Kafka fails the load here; one odd batch should not keep the partition offline.
      if (!(err instanceof KafkaError)) throw err;
      args.warn('skipping a batch while rebuilding producer state', { segment: seg.baseOffset, offset: h.baseOffset, error: err.message });
    }
  }
  for (const info of loaded.values()) args.psm.update(info);
  for (const txn of completedTxns) args.psm.completeTxn(txn);
}
