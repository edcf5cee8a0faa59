/**
 * The transaction coordinator's cache of transactional ids (Kafka's TransactionStateManager): for
 * every `__transaction_state` partition this broker leads, the state of each id on it, rebuilt only by
 * replaying the partition when the broker becomes its leader. The partition's leader epoch is the
 * coordinator epoch that transaction markers carry (a marker from an older coordinator is fenced).
 *
 * Every change is written to the partition with acks=all before it takes effect (appendTransactionToLog);
 * while a partition loads, its ids answer COORDINATOR_LOAD_IN_PROGRESS; elsewhere NOT_COORDINATOR.
 */
import { buildRecordBatch, ErrorCode } from '@tarn/protocol';
import type { Logger } from '../logger';
import { decodeTransactionLogKey, decodeTransactionLogValue, transactionLogKey, transactionLogValue } from './transaction-log';
import { TransactionMetadata, type TxnTransitMetadata } from './transaction-metadata';
import { TransactionState } from './transaction-state';
import type { TransactionTopic } from './transaction-topic';

const YIELD_EVERY = 5000;

interface TxnPartition {
  coordinatorEpoch: number;
  txns: Map<string, TransactionMetadata>;
}

/** An id's state on this coordinator; with an error (and no metadata) when this broker cannot say. */
export interface TxnStateLookup {
  error: number;
  coordinatorEpoch: number;
  metadata: TransactionMetadata | undefined;
}

const unavailable = (error: number): TxnStateLookup => ({ error, coordinatorEpoch: -1, metadata: undefined });

export class TransactionStateManager {
  private readonly loading = new Set<number>();
  private readonly owned = new Map<number, TxnPartition>();

  constructor(
    readonly topic: TransactionTopic,
    private readonly logger: Logger,
    private readonly requestTimeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  partitionFor(transactionalId: string): number {
    return this.topic.partitionFor(transactionalId);
  }

  isLoading(partition: number): boolean {
    return this.loading.has(partition);
  }

  isLoadingAny(): boolean {
    return this.loading.size > 0;
  }

  ownedPartitions(): Array<{ partition: number; coordinatorEpoch: number }> {
    return [...this.owned].map(([partition, p]) => ({ partition, coordinatorEpoch: p.coordinatorEpoch }));
  }

  /** The id's state, or why this broker cannot say (NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS). */
  getTransactionState(transactionalId: string): TxnStateLookup {
    const partition = this.partitionFor(transactionalId);
    if (this.loading.has(partition)) return unavailable(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
    const p = this.owned.get(partition);
    if (p === undefined) return unavailable(ErrorCode.NOT_COORDINATOR);
    return { error: ErrorCode.NONE, coordinatorEpoch: p.coordinatorEpoch, metadata: p.txns.get(transactionalId) };
  }

  /** Adds a new id's metadata unless one exists; returns the one in the cache. */
  putIfNotExists(metadata: TransactionMetadata): TransactionMetadata {
    const p = this.owned.get(this.partitionFor(metadata.transactionalId));
    if (p === undefined) return metadata;
    const existing = p.txns.get(metadata.transactionalId);
    if (existing !== undefined) return existing;
    p.txns.set(metadata.transactionalId, metadata);
    return metadata;
  }

  /** Every id this broker coordinates, with its partition's coordinator epoch. */
  *allTransactions(): Generator<{ coordinatorEpoch: number; metadata: TransactionMetadata }> {
    for (const p of this.owned.values()) for (const metadata of p.txns.values()) yield { coordinatorEpoch: p.coordinatorEpoch, metadata };
  }

  /**
   * Writes `transit` for the id and, once the ISR has it, makes it the id's state. Resolves with the
   * error the client gets: NOT_COORDINATOR when the partition moved meanwhile (the new coordinator
   * replays the record), COORDINATOR_NOT_AVAILABLE when the write could not complete.
   */
  async appendTransactionToLog(transactionalId: string, coordinatorEpoch: number, transit: TxnTransitMetadata): Promise<number> {
    const partition = this.partitionFor(transactionalId);
    const now = this.now();
    const value = transit.state === TransactionState.Dead ? null : transactionLogValue(transit);
    const batch = buildRecordBatch([{ key: transactionLogKey(transactionalId), value, timestamp: now }], { now });
    let error: number;
    try {
      const result = await this.topic.append(partition, batch, this.requestTimeoutMs);
      error = appendError(result.error);
      if (error !== ErrorCode.NONE)
        this.logger.warn(
          { transactionalId, partition, error: result.error, message: result.errorMessage },
          'failed to write transaction state',
        );
    } catch (err) {
      this.logger.error({ err, transactionalId, partition }, 'failed to write transaction state');
      error = ErrorCode.UNKNOWN_SERVER_ERROR;
    }
    const p = this.owned.get(partition);
    const metadata = p?.txns.get(transactionalId);
    if (p === undefined || p.coordinatorEpoch !== coordinatorEpoch || metadata === undefined) {
      // the partition moved, or was reloaded under a new epoch: the cache is no longer ours to change
      return error === ErrorCode.NONE ? ErrorCode.NOT_COORDINATOR : error;
    }
    if (error !== ErrorCode.NONE) {
      if (metadata.pendingState === transit.state) metadata.abortPendingTransition();
      return error;
    }
    metadata.completeTransitionTo(transit);
    if (transit.state === TransactionState.Dead) p.txns.delete(transactionalId);
    return ErrorCode.NONE;
  }

  /**
   * Replays a partition this broker now leads (Kafka's loadTransactionsForTxnTopicPartition); `onLoaded`
   * gets the ids whose transaction was being completed (PrepareCommit/PrepareAbort: their markers must
   * be written again).
   */
  async loadPartition(
    partition: number,
    coordinatorEpoch: number,
    onLoaded: (pending: Array<{ coordinatorEpoch: number; metadata: TransactionMetadata }>) => void,
  ): Promise<void> {
    const replica = this.topic.partition(partition);
    if (replica === undefined) return;
    this.owned.delete(partition);
    this.loading.add(partition);
    const t0 = performance.now();
    try {
      const latest = new Map<string, TxnTransitMetadata | null>();
      let n = 0;
      // to the log end, as Kafka loads: a new leader's high watermark may not yet cover records the
      // previous leader had acknowledged (a PrepareCommit among them), and this log is now the truth
      for (const r of replica.records(replica.logStartOffset)) {
        if (r.batch !== null && (r.batch.attributes & 0x20) !== 0) continue; // control records: none expected here
        if (++n % YIELD_EVERY === 0) {
          await new Promise((resolve) => setImmediate(resolve));
          if (!this.loading.has(partition)) return; // unloaded meanwhile
        }
        const id = r.key === null ? null : decodeTransactionLogKey(r.key);
        if (id === null) continue;
        try {
          latest.set(id, r.value === null ? null : decodeTransactionLogValue(r.value));
        } catch (err) {
          this.logger.warn({ partition, offset: r.offset, err: String(err) }, 'skipping an undecodable __transaction_state record');
        }
      }
      if (!this.loading.has(partition)) return;
      const txns = new Map<string, TransactionMetadata>();
      for (const [id, t] of latest)
        if (t !== null && t.state !== TransactionState.Dead) txns.set(id, TransactionMetadata.fromTransit(id, t));
      this.owned.set(partition, { coordinatorEpoch, txns });
      // loaded before the half-ended transactions are completed (as Kafka removes the partition from
      // its loading set first): their marker writers check at once that this broker coordinates them
      this.loading.delete(partition);
      this.logger.info(
        { partition, coordinatorEpoch, transactionalIds: txns.size, records: n, ms: Math.round(performance.now() - t0) },
        'loaded transaction state',
      );
      const pending = [...txns.values()].filter(
        (m) => m.state === TransactionState.PrepareCommit || m.state === TransactionState.PrepareAbort,
      );
      onLoaded(pending.map((metadata) => ({ coordinatorEpoch, metadata })));
    } finally {
      this.loading.delete(partition);
    }
  }

  unloadPartition(partition: number): void {
    this.loading.delete(partition);
    this.owned.delete(partition);
  }
}

/** Kafka's appendTransactionToLog error mapping: what a client may retry, and where. */
function appendError(error: number): number {
  switch (error) {
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case ErrorCode.NOT_ENOUGH_REPLICAS:
    case ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case ErrorCode.REQUEST_TIMED_OUT:
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    case ErrorCode.NOT_LEADER_OR_FOLLOWER:
    case ErrorCode.KAFKA_STORAGE_ERROR:
      return ErrorCode.NOT_COORDINATOR;
    case ErrorCode.MESSAGE_TOO_LARGE:
    case ErrorCode.RECORD_LIST_TOO_LARGE:
      return ErrorCode.UNKNOWN_SERVER_ERROR;
    default:
      return error;
  }
}
