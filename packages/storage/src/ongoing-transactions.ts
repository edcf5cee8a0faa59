/**
 * The transactions of one partition that hold back its last stable offset (the `ongoingTxns` and
 * `unreplicatedTxns` of Kafka's ProducerStateManager):
 *  - ongoing: a producer appended transactional data and no COMMIT/ABORT marker followed yet;
 *  - unreplicated: the marker is in the log but not yet below the high watermark, so a new leader
 *    might not have it and the outcome is not final for consumers.
 * The first unstable offset is the lowest first offset over both; read_committed consumers read up
 * to min(first unstable offset, high watermark).
 *
 * Both lists are kept sorted by first offset. A partition rarely has more than a handful of
 * transactions open at once, and they arrive almost always in offset order, so a sorted array is
 * cheaper than a tree.
 */

/** A transaction as the partition sees it (Kafka's TxnMetadata); `lastOffset` is its marker's, once written. */
export interface TxnMetadata {
  producerId: number;
  firstOffset: number;
  lastOffset: number | null;
}

/** A transaction its marker just ended (Kafka's CompletedTxn): `lastOffset` is the marker's offset. */
export interface CompletedTxn {
  producerId: number;
  firstOffset: number;
  lastOffset: number;
  isAborted: boolean;
}

function insertSorted(list: TxnMetadata[], txn: TxnMetadata): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.firstOffset > txn.firstOffset) i--;
  list.splice(i, 0, txn);
}

export class OngoingTransactions {
  private readonly ongoing: TxnMetadata[] = [];
  private readonly unreplicated: TxnMetadata[] = [];

  /** Open transactions, oldest first. */
  get ongoingTxns(): readonly TxnMetadata[] {
    return this.ongoing;
  }

  get hasUnreplicated(): boolean {
    return this.unreplicated.length > 0;
  }

  start(producerId: number, firstOffset: number): void {
    insertSorted(this.ongoing, { producerId, firstOffset, lastOffset: null });
  }

  /** The first offset of the oldest transaction not yet decided (Kafka's firstUndecidedOffset). */
  get firstUndecidedOffset(): number | null {
    return this.ongoing[0]?.firstOffset ?? null;
  }

  /** The lowest first offset of a transaction undecided or not yet replicated (Kafka's firstUnstableOffset). */
  get firstUnstableOffset(): number | null {
    const undecided = this.ongoing[0]?.firstOffset;
    const unreplicated = this.unreplicated[0]?.firstOffset;
    if (undecided === undefined) return unreplicated ?? null;
    if (unreplicated === undefined) return undecided;
    return Math.min(undecided, unreplicated);
  }

  /**
   * The LSO recorded with an aborted transaction in the transaction index (Kafka's
   * lastStableOffset(completedTxn)): the first offset of the oldest transaction of another producer
   * still open, else the offset after the marker. Computed before `complete`.
   */
  lastStableOffset(txn: CompletedTxn): number {
    for (const open of this.ongoing) if (open.producerId !== txn.producerId) return open.firstOffset;
    return txn.lastOffset + 1;
  }

  /** The marker is written: the transaction waits for the high watermark. False when it was never started. */
  complete(txn: CompletedTxn): boolean {
    const i = this.ongoing.findIndex((t) => t.firstOffset === txn.firstOffset);
    if (i < 0) return false;
    const [metadata] = this.ongoing.splice(i, 1);
    metadata!.lastOffset = txn.lastOffset;
    insertSorted(this.unreplicated, metadata!);
    return true;
  }

  /** Completed transactions whose marker is below `offset` (the high watermark, or the log start) are stable. */
  removeUnreplicatedBelow(offset: number): void {
    if (this.unreplicated.length === 0) return;
    for (let i = this.unreplicated.length - 1; i >= 0; i--) {
      if (this.unreplicated[i]!.lastOffset! < offset) this.unreplicated.splice(i, 1);
    }
  }

  clear(): void {
    this.ongoing.length = 0;
    this.unreplicated.length = 0;
  }
}
