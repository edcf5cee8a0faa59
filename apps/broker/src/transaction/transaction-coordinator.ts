/**
 * The transaction coordinator (Kafka's TransactionCoordinator, KIP-98): the leader of a
 * transactional id's `__transaction_state` partition. It hands out producer ids and epochs to
 * transactional producers (fencing older instances), records which partitions each transaction
 * writes to, and ends transactions: PrepareCommit/PrepareAbort written, the client answered, markers
 * written to every partition, then CompleteCommit/CompleteAbort. Transactions open longer than their
 * timeout are aborted (with an epoch bump that fences their producer); ids idle longer than
 * transactional.id.expiration.ms are removed. A new coordinator replays the partition and finishes
 * any transaction it finds half-ended.
 *
 * Error codes and their order follow Kafka's; the handlers map them to older versions' codes.
 */
import { ErrorCode, NO_PRODUCER_EPOCH, NO_PRODUCER_ID } from '@tarn/protocol';
import type { TransactionConfig } from '../config/broker-config';
import type { Logger } from '../logger';
import type { MetadataChange, MetadataStore } from '../metadata/metadata-store';
import type { ProducerIdManager } from '../metadata/producer-id-manager';
import { TRANSACTION_STATE_TOPIC_NAME } from '../metadata/topic-name';
import { TransactionMetadata, type TopicPartition, type TxnTransitMetadata } from './transaction-metadata';
import { TransactionState, isTransactionComplete, parseTransactionState } from './transaction-state';
import type { TransactionStateManager } from './transaction-state-manager';
import type { TxnMarkerWriter } from './txn-marker-writer';
import type { TxnResult } from './txn-markers';

export interface InitProducerIdResult {
  error: number;
  producerId: number;
  producerEpoch: number;
}

export interface TxnCoordinatorDeps {
  nodeId: number;
  config: TransactionConfig;
  metadata: MetadataStore;
  stateManager: TransactionStateManager;
  producerIds: ProducerIdManager;
  markers: TxnMarkerWriter;
  logger: Logger;
  now?: () => number;
}

const S = TransactionState;
const COMPLETE_RETRY_MS = 200;

export class TransactionCoordinator {
  readonly stateManager: TransactionStateManager;
  private readonly now: () => number;
  private unsubscribe: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];
  private active = false;

  constructor(private readonly deps: TxnCoordinatorDeps) {
    this.stateManager = deps.stateManager;
    this.now = deps.now ?? Date.now;
  }

  // ---------------------------------------------------------------- lifecycle

  startup(): void {
    this.active = true;
    this.unsubscribe = this.deps.metadata.onChange((c) => this.onMetadataChange(c));
    this.electForLedPartitions();
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.deps.config.abortTimedOutIntervalMs, () => this.abortTimedOutTransactions());
    every(this.deps.config.removeExpiredIntervalMs, () => void this.removeExpiredTransactionalIds());
  }

  shutdown(): void {
    this.active = false;
    this.unsubscribe?.();
    for (const t of this.timers.splice(0)) clearInterval(t);
    this.deps.markers.stop();
    for (const { partition } of this.stateManager.ownedPartitions()) this.stateManager.unloadPartition(partition);
  }

  private electForLedPartitions(): void {
    const topic = this.deps.metadata.topic(TRANSACTION_STATE_TOPIC_NAME);
    for (const p of topic?.partitions ?? []) if (p.leader === this.deps.nodeId) this.onElection(p.partition, p.leaderEpoch);
  }

  private onMetadataChange(c: MetadataChange): void {
    if (c.topic !== TRANSACTION_STATE_TOPIC_NAME) return;
    if (c.type === 'topic-created' || c.type === 'partitions-added') this.electForLedPartitions();
    else if (c.type === 'topic-deleted')
      for (const { partition } of this.stateManager.ownedPartitions()) this.stateManager.unloadPartition(partition);
    else if (c.type === 'partition-changed') {
      const was = c.previous.leader === this.deps.nodeId;
      const is = c.current.leader === this.deps.nodeId;
      if (is && (!was || c.previous.leaderEpoch !== c.current.leaderEpoch)) this.onElection(c.partition, c.current.leaderEpoch);
      else if (was && !is) this.stateManager.unloadPartition(c.partition);
    }
  }

  /** The partition's leader epoch is the coordinator epoch its markers carry. */
  private onElection(partition: number, coordinatorEpoch: number): void {
    this.stateManager
      .loadPartition(partition, coordinatorEpoch, (pending) => {
        for (const { coordinatorEpoch: epoch, metadata } of pending) {
          if (metadata.pendingTransitionInProgress) continue;
          const result: TxnResult = metadata.state === S.PrepareCommit ? 'COMMIT' : 'ABORT';
          this.deps.logger.info(
            { transactionalId: metadata.transactionalId, producerId: metadata.producerId, result },
            'completing a transaction found half-ended in the log',
          );
          void this.completeTransaction(metadata.transactionalId, epoch, metadata, result, metadata.prepareComplete(this.now()));
        }
      })
      .catch((err: unknown) => this.deps.logger.error({ err, partition }, 'failed to load a __transaction_state partition'));
  }

  // ---------------------------------------------------------------- InitProducerId

  /** `expected`: the producer's current id and epoch (InitProducerId v3+, KIP-360), or null. */
  async handleInitProducerId(
    transactionalId: string,
    transactionTimeoutMs: number,
    expected: { producerId: number; producerEpoch: number } | null,
  ): Promise<InitProducerIdResult> {
    const fail = (error: number): InitProducerIdResult => ({ error, producerId: NO_PRODUCER_ID, producerEpoch: NO_PRODUCER_EPOCH });
    if (transactionalId === '') return fail(ErrorCode.INVALID_REQUEST);
    if (transactionTimeoutMs <= 0 || transactionTimeoutMs > this.deps.config.maxTimeoutMs)
      return fail(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    let lookup = this.stateManager.getTransactionState(transactionalId);
    if (lookup.error !== ErrorCode.NONE) return fail(lookup.error);
    if (lookup.metadata === undefined) {
      const producerId = await this.deps.producerIds.generateProducerId();
      lookup = this.stateManager.getTransactionState(transactionalId);
      if (lookup.error !== ErrorCode.NONE) return fail(lookup.error);
      const now = this.now();
      this.stateManager.putIfNotExists(
        new TransactionMetadata(
          transactionalId,
          producerId,
          NO_PRODUCER_ID,
          NO_PRODUCER_ID,
          NO_PRODUCER_EPOCH,
          NO_PRODUCER_EPOCH,
          transactionTimeoutMs,
          S.Empty,
          [],
          -1,
          now,
        ),
      );
      lookup = this.stateManager.getTransactionState(transactionalId);
      if (lookup.error !== ErrorCode.NONE) return fail(lookup.error);
    }
    const { coordinatorEpoch } = lookup;
    let txn = lookup.metadata!;
    // a producer id for the rotation is fetched before deciding, so the decision takes no turn of the event loop
    const rotationId = txn.isProducerEpochExhausted ? await this.deps.producerIds.generateProducerId() : null;
    const again = this.stateManager.getTransactionState(transactionalId);
    if (again.error !== ErrorCode.NONE) return fail(again.error);
    if (again.metadata === undefined || again.coordinatorEpoch !== coordinatorEpoch) return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    txn = again.metadata;

    const prepared = this.prepareInitProducerIdTransit(txn, transactionTimeoutMs, expected, rotationId);
    if ('error' in prepared) return fail(prepared.error);
    const transit = prepared.transit;
    if (transit.state === S.PrepareEpochFence) {
      // abort the open transaction under the bumped epoch; the client retries and gets an epoch bumped again
      const error = await this.endTransaction(transactionalId, transit.producerId, transit.producerEpoch, 'ABORT', false);
      if (txn.pendingState === S.PrepareEpochFence) txn.abortPendingTransition(); // the abort never began
      return fail(error === ErrorCode.NONE ? ErrorCode.CONCURRENT_TRANSACTIONS : error);
    }
    const error = await this.stateManager.appendTransactionToLog(transactionalId, coordinatorEpoch, transit);
    if (error !== ErrorCode.NONE) return fail(error);
    return { error: ErrorCode.NONE, producerId: transit.producerId, producerEpoch: transit.producerEpoch };
  }

  private prepareInitProducerIdTransit(
    txn: TransactionMetadata,
    timeoutMs: number,
    expected: { producerId: number; producerEpoch: number } | null,
    rotationId: number | null,
  ): { error: number } | { transit: TxnTransitMetadata } {
    // fenced unless the metadata was just created, the id matches, or the id is the previous one and
    // the expected epoch is exhausted (a retry of a rotation whose answer was lost)
    const validProducerId = (e: { producerId: number; producerEpoch: number }) =>
      txn.producerEpoch === NO_PRODUCER_EPOCH ||
      e.producerId === txn.producerId ||
      (e.producerId === txn.previousProducerId && e.producerEpoch >= 32766);
    if (txn.pendingTransitionInProgress) return { error: ErrorCode.CONCURRENT_TRANSACTIONS };
    if (expected !== null && !validProducerId(expected)) return { error: ErrorCode.PRODUCER_FENCED };
    switch (txn.state) {
      case S.PrepareAbort:
      case S.PrepareCommit:
        return { error: ErrorCode.CONCURRENT_TRANSACTIONS };
      case S.CompleteAbort:
      case S.CompleteCommit:
      case S.Empty: {
        if (rotationId !== null && txn.isProducerEpochExhausted && (expected === null || expected.producerEpoch === txn.producerEpoch))
          return { transit: txn.prepareProducerIdRotation(rotationId, timeoutMs, this.now(), expected !== null) };
        const r = txn.prepareIncrementProducerEpoch(timeoutMs, expected?.producerEpoch ?? null, this.now());
        return 'error' in r ? { error: ErrorCode.PRODUCER_FENCED } : r;
      }
      case S.Ongoing:
        return { transit: txn.prepareFenceProducerEpoch() };
      default:
        this.deps.logger.error({ transactionalId: txn.transactionalId, state: txn.state }, 'InitProducerId found an illegal state');
        return { error: ErrorCode.CONCURRENT_TRANSACTIONS };
    }
  }

  // ---------------------------------------------------------------- AddPartitionsToTxn

  /** Adds partitions to the producer's transaction (beginning it); one error for all of them. */
  async handleAddPartitions(
    transactionalId: string,
    producerId: number,
    producerEpoch: number,
    partitions: readonly TopicPartition[],
  ): Promise<number> {
    if (transactionalId === '') return ErrorCode.INVALID_REQUEST;
    const lookup = this.stateManager.getTransactionState(transactionalId);
    if (lookup.error !== ErrorCode.NONE) return lookup.error;
    const txn = lookup.metadata;
    if (txn === undefined || txn.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (txn.producerEpoch !== producerEpoch) return ErrorCode.PRODUCER_FENCED;
    if (txn.pendingTransitionInProgress) return ErrorCode.CONCURRENT_TRANSACTIONS;
    if (txn.state === S.PrepareCommit || txn.state === S.PrepareAbort) return ErrorCode.CONCURRENT_TRANSACTIONS;
    if (txn.state === S.Ongoing && partitions.every((tp) => txn.hasPartition(tp))) return ErrorCode.NONE;
    const transit = txn.prepareAddPartitions(partitions, this.now());
    return this.stateManager.appendTransactionToLog(transactionalId, lookup.coordinatorEpoch, transit);
  }

  /**
   * KIP-890 part 1: whether each partition is in the producer's ongoing transaction (AddPartitionsToTxn
   * v4 with verify_only, from a partition leader before a producer's first transactional write there).
   */
  verifyPartitions(
    transactionalId: string,
    producerId: number,
    producerEpoch: number,
    partitions: readonly TopicPartition[],
  ): Array<{ tp: TopicPartition; error: number }> {
    const all = (error: number) => partitions.map((tp) => ({ tp, error }));
    const lookup = this.stateManager.getTransactionState(transactionalId);
    if (lookup.error !== ErrorCode.NONE) return all(lookup.error);
    const txn = lookup.metadata;
    if (txn === undefined || txn.producerId !== producerId) return all(ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    if (txn.producerEpoch !== producerEpoch) return all(ErrorCode.PRODUCER_FENCED);
    if (txn.state === S.PrepareCommit || txn.state === S.PrepareAbort) return all(ErrorCode.CONCURRENT_TRANSACTIONS);
    return partitions.map((tp) => ({
      tp,
      error: txn.state === S.Ongoing && txn.hasPartition(tp) ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE,
    }));
  }

  // ---------------------------------------------------------------- EndTxn

  /**
   * Ends the transaction: once PrepareCommit/PrepareAbort is written the answer is NONE, and the
   * markers and the Complete state follow in the background. `isFromClient` false: the coordinator's
   * own abort (a fence or a timeout), whose epoch is one above the producer's.
   */
  async endTransaction(
    transactionalId: string,
    producerId: number,
    producerEpoch: number,
    result: TxnResult,
    isFromClient: boolean,
  ): Promise<number> {
    if (transactionalId === '') return ErrorCode.INVALID_REQUEST;
    const lookup = this.stateManager.getTransactionState(transactionalId);
    if (lookup.error !== ErrorCode.NONE) return lookup.error;
    const txn = lookup.metadata;
    if (txn === undefined || txn.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if ((isFromClient && producerEpoch !== txn.producerEpoch) || producerEpoch < txn.producerEpoch) return ErrorCode.PRODUCER_FENCED;
    if (txn.pendingTransitionInProgress && txn.pendingState !== S.PrepareEpochFence) return ErrorCode.CONCURRENT_TRANSACTIONS;
    const invalid = () => {
      this.deps.logger.debug({ transactionalId, state: txn.state, result }, 'EndTxn in a state that does not allow it');
      return ErrorCode.INVALID_TXN_STATE;
    };
    let transit: TxnTransitMetadata;
    let isEpochFence = false;
    switch (txn.state) {
      case S.Ongoing: {
        const next = result === 'COMMIT' ? S.PrepareCommit : S.PrepareAbort;
        if (next === S.PrepareAbort && txn.pendingState === S.PrepareEpochFence) {
          // the fence: the abort is written under the bumped epoch
          isEpochFence = true;
          txn.pendingState = null;
          txn.producerEpoch = producerEpoch;
          txn.lastProducerEpoch = NO_PRODUCER_EPOCH;
        } else if (txn.pendingState === S.PrepareEpochFence) return ErrorCode.CONCURRENT_TRANSACTIONS;
        transit = txn.prepareAbortOrCommit(next, this.now());
        break;
      }
      case S.CompleteCommit:
        return result === 'COMMIT' ? ErrorCode.NONE : invalid();
      case S.CompleteAbort:
        return result === 'ABORT' ? ErrorCode.NONE : invalid();
      case S.PrepareCommit:
        return result === 'COMMIT' ? ErrorCode.CONCURRENT_TRANSACTIONS : invalid();
      case S.PrepareAbort:
        return result === 'ABORT' ? ErrorCode.CONCURRENT_TRANSACTIONS : invalid();
      default:
        return invalid();
    }
    const { coordinatorEpoch } = lookup;
    const error = await this.stateManager.appendTransactionToLog(transactionalId, coordinatorEpoch, transit);
    if (error !== ErrorCode.NONE) {
      if (isEpochFence && this.stateManager.getTransactionState(transactionalId).coordinatorEpoch === coordinatorEpoch)
        txn.hasFailedEpochFence = true;
      return error;
    }
    // written: the transaction will end whatever happens; check nothing moved meanwhile, then answer
    const after = this.stateManager.getTransactionState(transactionalId);
    if (after.error !== ErrorCode.NONE) return after.error;
    if (after.coordinatorEpoch !== coordinatorEpoch || after.metadata !== txn) return ErrorCode.NOT_COORDINATOR;
    if (txn.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (txn.producerEpoch !== producerEpoch) return ErrorCode.PRODUCER_FENCED;
    if (txn.pendingTransitionInProgress) return ErrorCode.CONCURRENT_TRANSACTIONS;
    const expectedState = result === 'COMMIT' ? S.PrepareCommit : S.PrepareAbort;
    if ((txn.state as TransactionState) !== expectedState) return invalid();
    void this.completeTransaction(transactionalId, coordinatorEpoch, txn, result, txn.prepareComplete(this.now()));
    return ErrorCode.NONE;
  }

  /** Markers to every partition, then the Complete state (retried while this broker coordinates the id). */
  private async completeTransaction(
    transactionalId: string,
    coordinatorEpoch: number,
    txn: TransactionMetadata,
    result: TxnResult,
    complete: TxnTransitMetadata,
  ): Promise<void> {
    const current = () => {
      const l = this.stateManager.getTransactionState(transactionalId);
      return this.active && l.error === ErrorCode.NONE && l.coordinatorEpoch === coordinatorEpoch && l.metadata === txn;
    };
    const marker = {
      producerId: txn.producerId,
      producerEpoch: txn.producerEpoch,
      coordinatorEpoch,
      result,
      partitions: [...txn.partitions.values()],
    };
    try {
      if (!(await this.deps.markers.write(transactionalId, marker, current))) {
        if (current()) txn.abortPendingTransition(); // fenced: stays Prepare*, finished by the next load
        return;
      }
      let transit = complete;
      for (;;) {
        const error = await this.stateManager.appendTransactionToLog(transactionalId, coordinatorEpoch, transit);
        if (error === ErrorCode.NONE || !current()) return;
        this.deps.logger.warn({ transactionalId, error }, 'failed to write the end of a transaction; retrying');
        await new Promise((r) => setTimeout(r, COMPLETE_RETRY_MS));
        if (!current() || txn.pendingTransitionInProgress) return;
        transit = txn.prepareComplete(this.now());
      }
    } catch (err) {
      this.deps.logger.error({ err, transactionalId }, 'failed to complete a transaction');
      if (current()) txn.abortPendingTransition();
    }
  }

  // ---------------------------------------------------------------- describe

  /** DescribeTransactions: the id's state here, TRANSACTIONAL_ID_NOT_FOUND, or why this broker cannot say. */
  describe(transactionalId: string): { error: number; metadata: TransactionMetadata | undefined } {
    const lookup = this.stateManager.getTransactionState(transactionalId);
    if (lookup.error !== ErrorCode.NONE) return { error: lookup.error, metadata: undefined };
    if (lookup.metadata === undefined) return { error: ErrorCode.TRANSACTIONAL_ID_NOT_FOUND, metadata: undefined };
    return { error: ErrorCode.NONE, metadata: lookup.metadata };
  }

  /**
   * ListTransactions: the ids this broker coordinates, filtered by state name, producer id and (v1)
   * running longer than `durationFilterMs` (-1: no filter). State names Kafka does not know are
   * returned as unknown; while a partition loads the answer is COORDINATOR_LOAD_IN_PROGRESS.
   */
  list(
    stateFilters: readonly string[],
    producerIdFilters: readonly number[],
    durationFilterMs: number,
  ): { error: number; unknownStateFilters: string[]; transactions: TransactionMetadata[] } {
    const states = new Set<TransactionState>();
    const unknownStateFilters: string[] = [];
    for (const name of stateFilters) {
      const state = parseTransactionState(name);
      if (state === undefined) unknownStateFilters.push(name);
      else states.add(state);
    }
    if (this.stateManager.ownedPartitions().length === 0 && this.stateManager.isLoadingAny())
      return { error: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, unknownStateFilters, transactions: [] };
    const producerIds = new Set(producerIdFilters);
    const now = this.now();
    const transactions: TransactionMetadata[] = [];
    for (const { metadata: txn } of this.stateManager.allTransactions()) {
      if (stateFilters.length > 0 && !states.has(txn.state)) continue;
      if (producerIds.size > 0 && !producerIds.has(txn.producerId)) continue;
      if (durationFilterMs >= 0 && (txn.state !== S.Ongoing || now - txn.txnStartTimestamp <= durationFilterMs)) continue;
      transactions.push(txn);
    }
    return { error: ErrorCode.NONE, unknownStateFilters, transactions };
  }

  // ---------------------------------------------------------------- background

  /** transaction.timeout.ms passed: the coordinator fences the producer and aborts (Kafka's abortTimedOutTransactions). */
  abortTimedOutTransactions(): number {
    const now = this.now();
    let aborted = 0;
    for (const { metadata: txn } of this.stateManager.allTransactions()) {
      if (txn.state !== S.Ongoing || txn.pendingTransitionInProgress || txn.txnStartTimestamp + txn.txnTimeoutMs >= now) continue;
      const fence = txn.prepareFenceProducerEpoch();
      this.deps.logger.info(
        { transactionalId: txn.transactionalId, producerId: txn.producerId, timeoutMs: txn.txnTimeoutMs },
        'aborting a transaction that timed out',
      );
      aborted++;
      void this.endTransaction(txn.transactionalId, fence.producerId, fence.producerEpoch, 'ABORT', false).then((error) => {
        if (error !== ErrorCode.NONE && error !== ErrorCode.CONCURRENT_TRANSACTIONS)
          this.deps.logger.warn({ transactionalId: txn.transactionalId, error }, 'could not abort a timed-out transaction');
        if (error !== ErrorCode.NONE && txn.pendingState === S.PrepareEpochFence) txn.abortPendingTransition();
      });
    }
    return aborted;
  }

  /** transactional.id.expiration.ms without a transaction: the id is removed (a tombstone). */
  async removeExpiredTransactionalIds(): Promise<number> {
    const now = this.now();
    let removed = 0;
    for (const { coordinatorEpoch, metadata: txn } of [...this.stateManager.allTransactions()]) {
      if (!isTransactionComplete(txn.state) || txn.pendingTransitionInProgress) continue;
      if (txn.txnLastUpdateTimestamp + this.deps.config.idExpirationMs > now) continue;
      const error = await this.stateManager.appendTransactionToLog(txn.transactionalId, coordinatorEpoch, txn.prepareDead());
      if (error === ErrorCode.NONE) removed++;
    }
    if (removed > 0) this.deps.logger.info({ removed }, 'removed expired transactional ids');
    return removed;
  }
}
