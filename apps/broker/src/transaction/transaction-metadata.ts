/**
 * One transactional id's state on its coordinator (Kafka's TransactionMetadata). A change is
 * prepared first (`prepare…` returns the TxnTransitMetadata to write to `__transaction_state` and
 * marks the state pending, so concurrent requests answer CONCURRENT_TRANSACTIONS), then applied with
 * `completeTransitionTo` once the record is written, or dropped with `abortPendingTransition` when the
 * write failed. Only replaying the log or a completed write changes the state.
 */
import { NO_PRODUCER_EPOCH } from '@tarn/protocol';
import { TransactionState, VALID_PREVIOUS_STATES, transactionStateName } from './transaction-state';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export const tpKey = (tp: TopicPartition): string => `${tp.topic}\u0000${tp.partition}`;

/** What one write to `__transaction_state` says about the transactional id. */
export interface TxnTransitMetadata {
  producerId: number;
  previousProducerId: number;
  nextProducerId: number;
  producerEpoch: number;
  lastProducerEpoch: number;
  txnTimeoutMs: number;
  state: TransactionState;
  partitions: TopicPartition[];
  txnStartTimestamp: number;
  txnLastUpdateTimestamp: number;
}

const MAX_EPOCH = 32767;

export class TransactionMetadata {
  /** The state being written, while a write is in flight. */
  pendingState: TransactionState | null = null;
  /**
   * An epoch fence whose abort could not be written: the epoch was bumped already, and the next
   * fence must not bump it again (Kafka's hasFailedEpochFence), or retries would use up epochs.
   */
  hasFailedEpochFence = false;
  readonly partitions = new Map<string, TopicPartition>();

  constructor(
    readonly transactionalId: string,
    public producerId: number,
    public previousProducerId: number,
    public nextProducerId: number,
    public producerEpoch: number,
    public lastProducerEpoch: number,
    public txnTimeoutMs: number,
    public state: TransactionState,
    partitions: readonly TopicPartition[],
    public txnStartTimestamp: number,
    public txnLastUpdateTimestamp: number,
  ) {
    for (const tp of partitions) this.partitions.set(tpKey(tp), tp);
  }

  static fromTransit(transactionalId: string, t: TxnTransitMetadata): TransactionMetadata {
    return new TransactionMetadata(
      transactionalId,
      t.producerId,
      t.previousProducerId,
      t.nextProducerId,
      t.producerEpoch,
      t.lastProducerEpoch,
      t.txnTimeoutMs,
      t.state,
      t.partitions,
      t.txnStartTimestamp,
      t.txnLastUpdateTimestamp,
    );
  }

  get pendingTransitionInProgress(): boolean {
    return this.pendingState !== null;
  }

  /** An epoch one below the maximum cannot be bumped twice (a fence and a retry): a new producer id is due. */
  get isProducerEpochExhausted(): boolean {
    return this.producerEpoch >= MAX_EPOCH - 1;
  }

  hasPartition(tp: TopicPartition): boolean {
    return this.partitions.has(tpKey(tp));
  }

  /** Fences a producer whose transaction must be aborted (InitProducerId from a new instance, or a timeout). */
  prepareFenceProducerEpoch(): TxnTransitMetadata {
    if (this.producerEpoch === MAX_EPOCH)
      throw new Error(`Cannot fence producer with epoch equal to Short.MaxValue since this would overflow`);
    const bumped = this.hasFailedEpochFence ? this.producerEpoch : this.producerEpoch + 1;
    return this.prepareTransitionTo(
      TransactionState.PrepareEpochFence,
      this.producerId,
      bumped,
      NO_PRODUCER_EPOCH,
      this.txnTimeoutMs,
      [...this.partitions.values()],
      this.txnStartTimestamp,
      this.txnLastUpdateTimestamp,
    );
  }

  /**
   * InitProducerId on an ended transaction: the epoch goes up by one. With the producer's current id
   * and epoch (KIP-360), a retry of the bump that already happened gets the same epoch back, and a
   * stale epoch is fenced.
   */
  prepareIncrementProducerEpoch(
    newTxnTimeoutMs: number,
    expectedProducerEpoch: number | null,
    now: number,
  ): { error: 'PRODUCER_FENCED' } | { transit: TxnTransitMetadata } {
    const bumped = this.producerEpoch + 1;
    let epoch: number;
    let lastEpoch: number;
    if (expectedProducerEpoch === null) [epoch, lastEpoch] = [bumped, NO_PRODUCER_EPOCH];
    else if (this.producerEpoch === NO_PRODUCER_EPOCH || expectedProducerEpoch === this.producerEpoch)
      [epoch, lastEpoch] = [bumped, this.producerEpoch];
    else if (expectedProducerEpoch === this.lastProducerEpoch) [epoch, lastEpoch] = [this.producerEpoch, this.lastProducerEpoch];
    else return { error: 'PRODUCER_FENCED' };
    return {
      transit: this.prepareTransitionTo(TransactionState.Empty, this.producerId, epoch, lastEpoch, newTxnTimeoutMs, [], -1, now),
    };
  }

  /** A new producer id, epoch 0: the old one's epochs are used up. */
  prepareProducerIdRotation(newProducerId: number, newTxnTimeoutMs: number, now: number, recordLastEpoch: boolean): TxnTransitMetadata {
    const transit = this.prepareTransitionTo(
      TransactionState.Empty,
      newProducerId,
      0,
      recordLastEpoch ? this.producerEpoch : NO_PRODUCER_EPOCH,
      newTxnTimeoutMs,
      [],
      -1,
      now,
    );
    transit.previousProducerId = this.producerId;
    return transit;
  }

  prepareAddPartitions(added: readonly TopicPartition[], now: number): TxnTransitMetadata {
    const start =
      this.state === TransactionState.Empty ||
      this.state === TransactionState.CompleteAbort ||
      this.state === TransactionState.CompleteCommit
        ? now
        : this.txnStartTimestamp;
    const partitions = new Map(this.partitions);
    for (const tp of added) partitions.set(tpKey(tp), tp);
    return this.prepareTransitionTo(
      TransactionState.Ongoing,
      this.producerId,
      this.producerEpoch,
      this.lastProducerEpoch,
      this.txnTimeoutMs,
      [...partitions.values()],
      start,
      now,
    );
  }

  prepareAbortOrCommit(newState: TransactionState, now: number): TxnTransitMetadata {
    return this.prepareTransitionTo(
      newState,
      this.producerId,
      this.producerEpoch,
      this.lastProducerEpoch,
      this.txnTimeoutMs,
      [...this.partitions.values()],
      this.txnStartTimestamp,
      now,
    );
  }

  /** After every marker is written: CompleteCommit or CompleteAbort, with no partitions. */
  prepareComplete(now: number): TxnTransitMetadata {
    // the Prepare* state is written: a fence that had failed before has now succeeded
    this.hasFailedEpochFence = false;
    const newState = this.state === TransactionState.PrepareCommit ? TransactionState.CompleteCommit : TransactionState.CompleteAbort;
    return this.prepareTransitionTo(
      newState,
      this.producerId,
      this.producerEpoch,
      this.lastProducerEpoch,
      this.txnTimeoutMs,
      [],
      this.txnStartTimestamp,
      now,
    );
  }

  /** transactional.id.expiration.ms passed with no transaction: the id goes (a tombstone). */
  prepareDead(): TxnTransitMetadata {
    return this.prepareTransitionTo(
      TransactionState.Dead,
      this.producerId,
      this.producerEpoch,
      this.lastProducerEpoch,
      this.txnTimeoutMs,
      [],
      this.txnStartTimestamp,
      this.txnLastUpdateTimestamp,
    );
  }

  /** The state as it stands, for a write that changes nothing (Kafka's prepareNoTransit). */
  prepareNoTransit(): TxnTransitMetadata {
    return this.snapshot();
  }

  private snapshot(): TxnTransitMetadata {
    return {
      producerId: this.producerId,
      previousProducerId: this.previousProducerId,
      nextProducerId: this.nextProducerId,
      producerEpoch: this.producerEpoch,
      lastProducerEpoch: this.lastProducerEpoch,
      txnTimeoutMs: this.txnTimeoutMs,
      state: this.state,
      partitions: [...this.partitions.values()],
      txnStartTimestamp: this.txnStartTimestamp,
      txnLastUpdateTimestamp: this.txnLastUpdateTimestamp,
    };
  }

  private prepareTransitionTo(
    state: TransactionState,
    producerId: number,
    producerEpoch: number,
    lastProducerEpoch: number,
    txnTimeoutMs: number,
    partitions: TopicPartition[],
    txnStartTimestamp: number,
    txnLastUpdateTimestamp: number,
  ): TxnTransitMetadata {
    if (this.pendingState !== null)
      throw new Error(`Preparing transaction state transition to ${transactionStateName(state)} while it already has a pending state`);
    if (producerId < 0) throw new Error(`Illegal new producer id ${producerId}`);
    if (producerEpoch < 0) throw new Error(`Illegal new producer epoch ${producerEpoch}`);
    if (!VALID_PREVIOUS_STATES[state].includes(this.state))
      throw new Error(
        `Preparing transaction state transition to ${transactionStateName(state)} failed since the target state is not a valid previous state of the current state ${transactionStateName(this.state)}`,
      );
    this.pendingState = state;
    return {
      producerId,
      previousProducerId: this.previousProducerId,
      nextProducerId: this.nextProducerId,
      producerEpoch,
      lastProducerEpoch,
      txnTimeoutMs,
      state,
      partitions,
      txnStartTimestamp,
      txnLastUpdateTimestamp,
    };
  }

  /** The write of `transit` succeeded: it becomes the state. */
  completeTransitionTo(transit: TxnTransitMetadata): void {
    const expected = this.pendingState;
    if (expected === null || expected !== transit.state)
      throw new Error(
        `Completing transaction state transition to ${transactionStateName(transit.state)} while its pending state is ${expected}`,
      );
    this.producerId = transit.producerId;
    this.previousProducerId = transit.previousProducerId;
    this.nextProducerId = transit.nextProducerId;
    this.producerEpoch = transit.producerEpoch;
    this.lastProducerEpoch = transit.lastProducerEpoch;
    this.txnTimeoutMs = transit.txnTimeoutMs;
    this.state = transit.state;
    this.partitions.clear();
    for (const tp of transit.partitions) this.partitions.set(tpKey(tp), tp);
    this.txnStartTimestamp = transit.txnStartTimestamp;
    this.txnLastUpdateTimestamp = transit.txnLastUpdateTimestamp;
    this.pendingState = null;
  }

  abortPendingTransition(): void {
    this.pendingState = null;
  }
}
