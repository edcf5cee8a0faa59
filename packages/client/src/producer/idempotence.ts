/**
 * The idempotent producer's state (Kafka's TransactionManager, its idempotence half): the producer id
 * and epoch from InitProducerId, stamped on every batch with a per-partition sequence, and what a
 * sequence error means.
 *
 * - OUT_OF_ORDER_SEQUENCE_NUMBER on a batch that is not the oldest unacknowledged one of its
 *   partition: an earlier batch failed and will be resent first, so this one is simply retried.
 * - OUT_OF_ORDER_SEQUENCE_NUMBER on the oldest, UNKNOWN_PRODUCER_ID, or a sent batch given up on
 *   (expired, out of retries — its sequence would leave a gap): the sequences are no longer in step
 *   with the broker, so once no request is in flight the producer bumps its epoch itself (KIP-360, as
 *   the Java client's idempotent producer does; a new producer id from InitProducerId once the epoch
 *   is exhausted) and numbers the unacknowledged batches again from 0 under the new epoch. For a
 *   transactional producer these errors abort the transaction instead.
 * - INVALID_PRODUCER_EPOCH / PRODUCER_FENCED: another producer took over; fatal.
 */
import { ApiKey, ErrorCode, NO_SEQUENCE } from '@tarn/protocol';
import type { Cluster } from '../cluster/cluster';
import { backoffMs } from '../config/client-config';
import { KafkaError } from '../errors';
import type { ProducerBatch } from './producer-batch';
import type { ProducerSettings } from './producer-config';
import { ProducerFencedError } from './producer-errors';
import type { PartitionQueue, RecordAccumulator } from './record-accumulator';

export type ErrorVerdict = 'retry' | 'default';

/** What a transaction manager adds on top (see transaction-manager.ts). */
export interface TransactionHooks {
  /** Whether the sender may drain this partition now (it is part of the transaction). */
  isPartitionAdded(topic: string, partition: number): boolean;
  /** Sends AddPartitionsToTxn for partitions sent to for the first time; `wake` when done. */
  addPendingPartitions(wake: () => void): void;
  /** A batch failed for good inside the transaction: it must be aborted. */
  onAbortableError(err: Error): void;
}

const RETRIABLE_INIT = new Set<number>([
  ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  ErrorCode.NOT_COORDINATOR,
  ErrorCode.COORDINATOR_NOT_AVAILABLE,
  ErrorCode.CONCURRENT_TRANSACTIONS,
]);

export class ProducerIdempotence {
  producerId = -1;
  producerEpoch = -1;
  /** Set once a fatal error happened: every later send fails with it. */
  fatalError: Error | null = null;
  txn: TransactionHooks | null = null;
  private bumpNeeded = false;
  private initializing = false;
  private initFailures = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly settings: ProducerSettings,
    private readonly accumulator: RecordAccumulator,
  ) {}

  get enabled(): boolean {
    return this.settings.idempotence;
  }

  get hasProducerId(): boolean {
    return this.producerId >= 0;
  }

  /** Whether the sender may drain; starts getting a producer id / bumping the epoch when needed. */
  readyToSend(requestsInFlight: number, wake: () => void): boolean {
    if (!this.enabled) return true;
    if (this.fatalError !== null || this.initializing) return false;
    if (this.bumpNeeded && this.settings.transactionalId === null) {
      if (requestsInFlight > 0) return false; // answers of the old epoch still to come
      this.startInit(true, wake);
      return false;
    }
    if (this.producerId < 0) {
      // a transactional producer gets its id from initTransactions() only
      if (this.settings.transactionalId === null) this.startInit(false, wake);
      return false;
    }
    this.txn?.addPendingPartitions(wake);
    return true;
  }

  mayDrain(q: PartitionQueue): boolean {
    return this.txn === null || this.txn.isPartitionAdded(q.topic, q.partition);
  }

  stamp(batch: ProducerBatch): void {
    if (!this.enabled) return;
    batch.producerId = this.producerId;
    batch.producerEpoch = this.producerEpoch;
  }

  onBatchAcknowledged(b: ProducerBatch): void {
    if (this.enabled) this.accumulator.queue(b.topic, b.partition).removeInFlight(b);
  }

  onBatchError(b: ProducerBatch, code: number): ErrorVerdict {
    if (!this.enabled) return 'default';
    if (code === ErrorCode.INVALID_PRODUCER_EPOCH || code === ErrorCode.PRODUCER_FENCED) {
      this.fatalError ??= new ProducerFencedError(
        `producer id ${this.producerId} epoch ${this.producerEpoch} was fenced (${b.topic}-${b.partition})`,
      );
      return 'default';
    }
    if (code !== ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER && code !== ErrorCode.UNKNOWN_PRODUCER_ID) return 'default';
    const q = this.accumulator.queue(b.topic, b.partition);
    if (code === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER && q.inFlight[0] !== undefined && q.inFlight[0] !== b) return 'retry';
    if (this.settings.transactionalId !== null) return 'default';
    this.bumpNeeded = true;
    return 'retry';
  }

  /**
   * A batch failed for good. If it was sent, its sequence leaves a hole. When the broker refused it
   * outright (`rejected`: it was never appended, so no later batch of the partition was either) and
   * no later batch is in flight, the later batches simply take their sequences one batch earlier
   * (Java's adjustSequencesDueToFailedBatch); otherwise the epoch must be bumped — at once for an
   * idempotent producer, when the transaction is aborted for a transactional one.
   */
  onBatchDropped(b: ProducerBatch, rejected = false): void {
    if (!this.enabled) return;
    const q = this.accumulator.queue(b.topic, b.partition);
    q.removeInFlight(b);
    if (b.baseSequence === NO_SEQUENCE || this.fatalError !== null) return;
    if (rejected && q.inFlight.every((x) => x.baseSequence < b.baseSequence)) {
      for (const later of q.batches) if (later.hasSequence && later.baseSequence > b.baseSequence) later.baseSequence -= b.recordCount;
      q.nextSequence = q.nextSequence >= b.recordCount ? q.nextSequence - b.recordCount : 0;
      return;
    }
    this.bumpNeeded = true;
  }

  /** Whether the epoch must be bumped before the next transaction (a transactional producer's sequences broke). */
  get epochBumpRequired(): boolean {
    return this.bumpNeeded;
  }

  /** Bumps a transactional producer's epoch through its coordinator (KIP-360, InitProducerId with the current id and epoch). */
  async bumpTransactionalEpoch(coordinator: number): Promise<void> {
    await this.initProducerId(true, coordinator);
    this.accumulator.resetSequences();
    this.bumpNeeded = false;
  }

  /** Gets a producer id (or a new epoch): for an idempotent producer from any broker, in the background. */
  private startInit(bump: boolean, wake: () => void): void {
    if (bump && this.producerId >= 0 && this.producerEpoch < 32767) {
      // an idempotent producer bumps its own epoch (Java's bumpIdempotentProducerEpoch): the broker
      // takes a higher epoch starting at sequence 0 as a fresh start for the same producer id
      this.producerEpoch++;
      this.accumulator.resetSequences();
      this.bumpNeeded = false;
      wake();
      return;
    }
    this.initializing = true;
    this.initProducerId(bump, null)
      .then(
        () => {
          this.initFailures = 0;
          if (bump) this.accumulator.resetSequences();
          this.bumpNeeded = false;
        },
        (err: unknown) => {
          if (err instanceof KafkaError && (err.retriable || RETRIABLE_INIT.has(err.code)))
            return new Promise((r) => setTimeout(r, backoffMs(this.initFailures++, 100, 1000)));
          this.fatalError = err instanceof Error ? err : new Error(String(err));
          return undefined;
        },
      )
      .finally(() => {
        this.initializing = false;
        wake();
      });
  }

  /**
   * InitProducerId: to the transaction coordinator when `coordinator` is given, else any broker.
   * With `bump`, asks for the current id's next epoch where the broker supports it (v3+, KIP-360).
   */
  async initProducerId(bump: boolean, coordinator: number | null): Promise<void> {
    const node = coordinator ?? this.cluster.leastLoadedNode();
    const conn = await this.cluster.connection(node);
    const version = conn.versionFor(ApiKey.InitProducerId);
    const keep = bump && version >= 3 && this.producerId >= 0;
    const r = await conn.request(ApiKey.InitProducerId, version, {
      transactionalId: this.settings.transactionalId,
      transactionTimeoutMs: this.settings.transactionTimeoutMs,
      producerId: BigInt(keep ? this.producerId : -1),
      producerEpoch: keep ? this.producerEpoch : -1,
    });
    if (r.errorCode !== ErrorCode.NONE) {
      if (r.errorCode === ErrorCode.PRODUCER_FENCED || r.errorCode === ErrorCode.INVALID_PRODUCER_EPOCH)
        throw new ProducerFencedError(`InitProducerId for ${this.settings.transactionalId ?? 'an idempotent producer'} was fenced`);
      throw new KafkaError(r.errorCode, 'InitProducerId');
    }
    this.producerId = Number(r.producerId);
    this.producerEpoch = r.producerEpoch;
  }
}
