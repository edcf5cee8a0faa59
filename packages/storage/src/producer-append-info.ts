/**
 * Validates one append's batches of one producer against that producer's state and collects what
 * they change (Kafka 3.x's ProducerAppendInfo). `toEntry()` holds only this append's batches plus the
 * producer's epochs and transaction after it; ProducerStateManager applies it once the bytes are in
 * the log.
 *
 * The rules, by origin (KIP-98, with KIP-360's relaxation for producers the partition does not know):
 *  - every origin but replication: an epoch older than the producer's → INVALID_PRODUCER_EPOCH;
 *  - client appends only, sequence checks:
 *      a new epoch must start at sequence 0, unless the producer is unknown (no epoch yet);
 *      within an epoch the first sequence must follow the last one (Int32 max wraps to 0);
 *      a producer unknown here (expired, or its data deleted) may start at any sequence;
 *    (duplicates are found before this, by ProducerStateManager, and never get here);
 *  - coordinator appends (transaction markers): a marker from an older coordinator epoch →
 *    TRANSACTION_COORDINATOR_FENCED;
 *  - any origin: a non-transactional batch while the producer's transaction is open → INVALID_TXN_STATE.
 * Replication checks nothing else: the leader already did, and a follower must copy what it has.
 *
 * Transactions: the first transactional data batch of a producer with none open starts one
 * (`startedTransactions`); a marker ends the open one and `append` returns it as a CompletedTxn.
 * A marker with no transaction open on this partition (the coordinator writes markers to every
 * partition of a transaction, and retries them) changes only the producer's epochs and completes
 * nothing, as in Kafka.
 */
import { ErrorCode, KafkaError, NO_PRODUCER_EPOCH, NO_SEQUENCE, isControl, isTransactional, type RecordBatchHeader } from '@tarn/protocol';
import { lastSequenceOf } from './batch-metadata';
import { readEndTransactionMarker, type EndTransactionMarker } from './end-transaction-marker';
import type { AppendOrigin } from './log-validator';
import type { CompletedTxn, TxnMetadata } from './ongoing-transactions';
import type { ProducerStateEntry } from './producer-state-entry';

/** What producer state needs of one batch, with the offsets it has (or is about to get) in the log. */
export interface ProducerBatch {
  producerEpoch: number;
  baseSequence: number;
  firstOffset: number;
  lastOffset: number;
  maxTimestamp: number;
  isTransactional: boolean;
  isControl: boolean;
  /** For a control batch: its marker, or null when the cleaner emptied it. */
  marker: EndTransactionMarker | null;
}

const INT32_MAX = 0x7fffffff;
const NO_TXNS: readonly TxnMetadata[] = Object.freeze([]);

/** A stored batch (whole bytes, header already read) as producer state sees it: replay and recovery. */
export function producerBatchOf(header: RecordBatchHeader, bytes: Buffer): ProducerBatch {
  const control = isControl(header.attributes);
  return {
    producerEpoch: header.producerEpoch,
    baseSequence: header.baseSequence,
    firstOffset: header.baseOffset,
    lastOffset: header.baseOffset + header.lastOffsetDelta,
    maxTimestamp: header.maxTimestamp,
    isTransactional: isTransactional(header.attributes),
    isControl: control,
    marker: control ? readEndTransactionMarker(bytes) : null,
  };
}

function inSequence(lastSeq: number, nextSeq: number): boolean {
  return nextSeq === lastSeq + 1 || (nextSeq === 0 && lastSeq === INT32_MAX);
}

export class ProducerAppendInfo {
  private readonly updatedEntry: ProducerStateEntry;
  /** Transactions this append starts; allocated only by transactional producers. */
  private started: TxnMetadata[] | null = null;

  constructor(
    private readonly topicPartition: string,
    readonly producerId: number,
    /** The producer's state before this append (an empty entry for an unknown producer). */
    private readonly currentEntry: ProducerStateEntry,
    private readonly origin: AppendOrigin,
    private readonly warn: (message: string, context?: Record<string, unknown>) => void = () => {},
  ) {
    this.updatedEntry = currentEntry.withoutBatches();
  }

  /** Applies one batch; a marker returns the transaction it ends, if one was open. */
  append(batch: ProducerBatch): CompletedTxn | null {
    if (batch.isControl) {
      // An empty control batch means the whole transaction was cleaned away: nothing to apply.
      return batch.marker !== null ? this.appendEndTxnMarker(batch.marker, batch.producerEpoch, batch.firstOffset) : null;
    }
    const lastSeq = lastSequenceOf(batch.baseSequence, batch.lastOffset - batch.firstOffset);
    this.appendDataBatch(
      batch.producerEpoch,
      batch.baseSequence,
      lastSeq,
      batch.maxTimestamp,
      batch.firstOffset,
      batch.lastOffset,
      batch.isTransactional,
    );
    return null;
  }

  appendDataBatch(
    epoch: number,
    firstSeq: number,
    lastSeq: number,
    lastTimestamp: number,
    firstOffset: number,
    lastOffset: number,
    isTransactional: boolean,
  ): void {
    this.checkProducerEpoch(epoch, firstOffset);
    if (this.origin === 'client') this.checkSequence(epoch, firstSeq, firstOffset);
    this.updatedEntry.addBatch(epoch, lastSeq, lastOffset, lastOffset - firstOffset, lastTimestamp);
    const txnFirstOffset = this.updatedEntry.currentTxnFirstOffset;
    if (txnFirstOffset !== null && !isTransactional) {
      throw new KafkaError(
        ErrorCode.INVALID_TXN_STATE,
        `Expected transactional write from producer ${this.producerId} at offset ${firstOffset} in partition ${this.topicPartition}`,
      );
    }
    if (txnFirstOffset === null && isTransactional) {
      this.updatedEntry.currentTxnFirstOffset = firstOffset;
      (this.started ??= []).push({ producerId: this.producerId, firstOffset, lastOffset: null });
    }
  }

  appendEndTxnMarker(marker: EndTransactionMarker, producerEpoch: number, offset: number): CompletedTxn | null {
    this.checkProducerEpoch(producerEpoch, offset);
    this.checkCoordinatorEpoch(marker, offset);
    const txnFirstOffset = this.updatedEntry.currentTxnFirstOffset;
    const completed =
      txnFirstOffset === null
        ? null
        : { producerId: this.producerId, firstOffset: txnFirstOffset, lastOffset: offset, isAborted: marker.controlType === 'ABORT' };
    this.updatedEntry.maybeUpdateProducerEpoch(producerEpoch);
    this.updatedEntry.currentTxnFirstOffset = null;
    this.updatedEntry.coordinatorEpoch = marker.coordinatorEpoch;
    this.updatedEntry.lastTimestamp = marker.timestamp;
    return completed;
  }

  /** The transactions this append started, in offset order. */
  get startedTransactions(): readonly TxnMetadata[] {
    return this.started ?? NO_TXNS;
  }

  /** This append's changes: the producer's new epochs and transaction, and only this append's batches. */
  toEntry(): ProducerStateEntry {
    return this.updatedEntry;
  }

  private checkProducerEpoch(producerEpoch: number, offset: number): void {
    const current = this.updatedEntry.producerEpoch;
    if (producerEpoch >= current) return;
    const message =
      `Epoch of producer ${this.producerId} at offset ${offset} in ${this.topicPartition} is ${producerEpoch}, ` +
      `which is smaller than the last seen epoch ${current}`;
    if (this.origin === 'replication') this.warn(message);
    else throw new KafkaError(ErrorCode.INVALID_PRODUCER_EPOCH, message);
  }

  private checkSequence(producerEpoch: number, appendFirstSeq: number, offset: number): void {
    if (producerEpoch !== this.updatedEntry.producerEpoch) {
      if (appendFirstSeq !== 0 && this.updatedEntry.producerEpoch !== NO_PRODUCER_EPOCH) {
        throw new KafkaError(
          ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
          `Invalid sequence number for new epoch of producer ${this.producerId} at offset ${offset} in partition ${this.topicPartition}: ` +
            `${producerEpoch} (request epoch), ${appendFirstSeq} (seq. number), ${this.updatedEntry.producerEpoch} (current producer epoch)`,
        );
      }
      return;
    }
    let currentLastSeq: number;
    if (!this.updatedEntry.isEmpty) currentLastSeq = this.updatedEntry.lastSeq;
    else if (producerEpoch === this.currentEntry.producerEpoch) currentLastSeq = this.currentEntry.lastSeq;
    else currentLastSeq = NO_SEQUENCE;
    // With no epoch known (every batch of the producer deleted by retention or DeleteRecords, or
    // expired) any sequence is accepted.
    if (this.currentEntry.producerEpoch !== NO_PRODUCER_EPOCH && !inSequence(currentLastSeq, appendFirstSeq)) {
      throw new KafkaError(
        ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        `Out of order sequence number for producer ${this.producerId} at offset ${offset} in partition ${this.topicPartition}: ` +
          `${appendFirstSeq} (incoming seq. number), ${currentLastSeq} (current end sequence number)`,
      );
    }
  }

  private checkCoordinatorEpoch(marker: EndTransactionMarker, offset: number): void {
    if (this.updatedEntry.coordinatorEpoch <= marker.coordinatorEpoch) return;
    if (this.origin === 'replication') {
      this.warn(
        `Detected invalid coordinator epoch for producerId ${this.producerId} at offset ${offset} in partition ${this.topicPartition}: ` +
          `${marker.coordinatorEpoch} is older than previously known coordinator epoch ${this.updatedEntry.coordinatorEpoch}`,
      );
      return;
    }
    throw new KafkaError(
      ErrorCode.TRANSACTION_COORDINATOR_FENCED,
      `Invalid coordinator epoch for producerId ${this.producerId} at offset ${offset} in partition ${this.topicPartition}: ` +
        `${marker.coordinatorEpoch} (zombie), ${this.updatedEntry.coordinatorEpoch} (current)`,
    );
  }
}
