/**
 * The state of one producer id on one partition (Kafka's ProducerStateEntry): its epoch, the metadata
 * of its last NUM_BATCHES_TO_RETAIN batches (oldest first), the epoch of the last transaction
 * coordinator that wrote a marker for it, and the first offset of its open transaction.
 *
 * Five batches because a producer keeps at most max.in.flight.requests.per.connection = 5 batches
 * in flight per partition with idempotence on: any retry it can send is one of those five.
 */
import { NO_PRODUCER_EPOCH, NO_SEQUENCE, NO_TIMESTAMP } from '@tarn/protocol';
import { firstOffsetOf, firstSeqOf, type BatchMetadata } from './batch-metadata';

export const NUM_BATCHES_TO_RETAIN = 5;

export class ProducerStateEntry {
  private batches: BatchMetadata[];

  constructor(
    readonly producerId: number,
    public producerEpoch: number,
    public coordinatorEpoch: number,
    public lastTimestamp: number,
    public currentTxnFirstOffset: number | null,
    batches: readonly BatchMetadata[] = [],
  ) {
    this.batches = batches.map((b) => ({ ...b }));
  }

  static empty(producerId: number): ProducerStateEntry {
    return new ProducerStateEntry(producerId, NO_PRODUCER_EPOCH, -1, NO_TIMESTAMP, null);
  }

  get batchMetadata(): readonly BatchMetadata[] {
    return this.batches;
  }

  get isEmpty(): boolean {
    return this.batches.length === 0;
  }

  get firstSeq(): number {
    const first = this.batches[0];
    return first === undefined ? NO_SEQUENCE : firstSeqOf(first);
  }

  get lastSeq(): number {
    return this.batches.at(-1)?.lastSeq ?? NO_SEQUENCE;
  }

  get firstDataOffset(): number {
    const first = this.batches[0];
    return first === undefined ? -1 : firstOffsetOf(first);
  }

  get lastDataOffset(): number {
    return this.batches.at(-1)?.lastOffset ?? -1;
  }

  get lastOffsetDelta(): number {
    return this.batches.at(-1)?.offsetDelta ?? 0;
  }

  addBatch(producerEpoch: number, lastSeq: number, lastOffset: number, offsetDelta: number, timestamp: number): void {
    this.maybeUpdateProducerEpoch(producerEpoch);
    this.addBatchMetadata({ lastSeq, lastOffset, offsetDelta, timestamp });
    this.lastTimestamp = timestamp;
  }

  /** A new epoch forgets the batches of the old one: their sequences mean nothing any more. */
  maybeUpdateProducerEpoch(producerEpoch: number): boolean {
    if (this.producerEpoch === producerEpoch) return false;
    this.batches = [];
    this.producerEpoch = producerEpoch;
    return true;
  }

  private addBatchMetadata(batch: BatchMetadata): void {
    if (this.batches.length === NUM_BATCHES_TO_RETAIN) this.batches.shift();
    this.batches.push(batch);
  }

  /** Applies what one append did (`next` holds only that append's batches), as Kafka's update does. */
  update(next: ProducerStateEntry): void {
    this.maybeUpdateProducerEpoch(next.producerEpoch);
    for (const b of next.batches) this.addBatchMetadata({ ...b });
    this.coordinatorEpoch = next.coordinatorEpoch;
    this.currentTxnFirstOffset = next.currentTxnFirstOffset;
    this.lastTimestamp = next.lastTimestamp;
  }

  /** The cached batch with exactly this sequence range in the current epoch, if any. */
  findDuplicateBatch(producerEpoch: number, firstSeq: number, lastSeq: number): BatchMetadata | null {
    if (producerEpoch !== this.producerEpoch) return null;
    return this.batches.find((b) => firstSeqOf(b) === firstSeq && b.lastSeq === lastSeq) ?? null;
  }

  /** Forgets batches whose data is gone from the log (below the log start offset). */
  removeBatchesOlderThan(offset: number): void {
    this.batches = this.batches.filter((b) => b.lastOffset >= offset);
  }

  clone(): ProducerStateEntry {
    return new ProducerStateEntry(
      this.producerId,
      this.producerEpoch,
      this.coordinatorEpoch,
      this.lastTimestamp,
      this.currentTxnFirstOffset,
      this.batches,
    );
  }

  /** Same epochs, timestamp and transaction, no batches: where an append's own changes are collected. */
  withoutBatches(): ProducerStateEntry {
    return new ProducerStateEntry(
      this.producerId,
      this.producerEpoch,
      this.coordinatorEpoch,
      this.lastTimestamp,
      this.currentTxnFirstOffset,
    );
  }
}
