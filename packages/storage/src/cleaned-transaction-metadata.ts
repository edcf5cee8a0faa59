/**
 * What the log cleaner knows of transactions while it walks a log in offset order (Kafka's
 * CleanedTransactionMetadata): which producers are inside an aborted transaction (from the
 * `.txnindex` entries of the range, fed in as the walk reaches each segment) and which inside a
 * committed one (seen from their data batches), so that
 *  - data batches of aborted transactions are recognised (the offset map skips them, so they never
 *    shadow a committed value; cleaning drops them);
 *  - a marker outlives the data of its transaction: a COMMIT is removable when the walk saw no batch
 *    of its transaction; an ABORT whose data the walk is removing now stays (a consumer that read
 *    some of that data before the clean needs the marker to end the transaction), and its entry is
 *    copied into the cleaned segment's `.txnindex`; once no data is left, it is removable and no
 *    longer indexed. Removable markers still wait for their delete horizon (see log-cleaner.ts).
 */
import type { RecordBatchHeader } from '@tarn/protocol';
import type { EndTransactionMarker } from './end-transaction-marker';
import type { AbortedTxn, TransactionIndex } from './transaction-index';

interface AbortedTransactionMetadata {
  abortedTxn: AbortedTxn;
  /** Last offset of a batch of this transaction seen by the walk; null when none. */
  lastObservedBatchOffset: number | null;
}

export class CleanedTransactionMetadata {
  private readonly ongoingCommittedTxns = new Set<number>();
  private readonly ongoingAbortedTxns = new Map<number, AbortedTransactionMetadata>();
  /** Aborted transactions the walk has not reached yet, by first offset. */
  private pending: AbortedTxn[] = [];
  /** Markers of aborted transactions already queued (a transaction spanning segments is reported by each). */
  private readonly queued = new Set<number>();
  /** Where retained aborts go: the `.txnindex` of the segment being written. */
  cleanedIndex: TransactionIndex | null = null;

  addAbortedTransactions(txns: readonly AbortedTxn[]): void {
    let added = false;
    for (const txn of txns) {
      if (this.queued.has(txn.lastOffset)) continue;
      this.queued.add(txn.lastOffset);
      this.pending.push(txn);
      added = true;
    }
    if (added) this.pending.sort((a, b) => a.firstOffset - b.firstOffset);
  }

  private consumeAbortedTxnsUpTo(offset: number): void {
    let n = 0;
    while (n < this.pending.length && this.pending[n]!.firstOffset <= offset) {
      const txn = this.pending[n++]!;
      if (!this.ongoingAbortedTxns.has(txn.producerId)) {
        this.ongoingAbortedTxns.set(txn.producerId, { abortedTxn: txn, lastObservedBatchOffset: null });
      }
    }
    if (n > 0) this.pending = this.pending.slice(n);
  }

  /**
   * A control batch read by the walk (`marker` null for one the cleaner already emptied). Returns
   * whether the batch may be removed (once its delete horizon has passed).
   */
  onControlBatchRead(header: RecordBatchHeader, marker: EndTransactionMarker | null): boolean {
    this.consumeAbortedTxnsUpTo(header.baseOffset + header.lastOffsetDelta);
    if (marker === null) return true;
    const producerId = header.producerId;
    if (marker.controlType === 'ABORT') {
      const aborted = this.ongoingAbortedTxns.get(producerId);
      this.ongoingAbortedTxns.delete(producerId);
      // retain the marker until every batch of its transaction has been removed
      if (aborted !== undefined && aborted.lastObservedBatchOffset !== null) {
        this.cleanedIndex?.append(aborted.abortedTxn);
        return false;
      }
      return true;
    }
    // COMMIT: removable when no batch of its transaction was seen
    return !this.ongoingCommittedTxns.delete(producerId);
  }

  /** A data batch read by the walk; true when it belongs to an aborted transaction (and may go). */
  onBatchRead(header: RecordBatchHeader, isTransactional: boolean): boolean {
    const lastOffset = header.baseOffset + header.lastOffsetDelta;
    this.consumeAbortedTxnsUpTo(lastOffset);
    if (!isTransactional) return false;
    const aborted = this.ongoingAbortedTxns.get(header.producerId);
    if (aborted !== undefined) {
      aborted.lastObservedBatchOffset = lastOffset;
      return true;
    }
    this.ongoingCommittedTxns.add(header.producerId);
    return false;
  }
}
