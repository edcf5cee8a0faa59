/**
 * Transactions (KIP-98, Kafka's TransactionManager, its transactional half). States:
 * UNINITIALIZED → initTransactions() → READY → beginTransaction() → IN_TRANSACTION → commit/abort →
 * READY; a send failing inside a transaction moves it to ABORTABLE_ERROR (only abort is allowed),
 * fencing to FATAL_ERROR (only close).
 *
 * The coordinator is found with FindCoordinator key type 1 (TRANSACTION). A partition is added with
 * AddPartitionsToTxn (v0-3, the client versions) before its first batch of the transaction is
 * drained; the sender holds that partition's batches until then. sendOffsetsToTransaction is
 * AddOffsetsToTxn to the transaction coordinator, then TxnOffsetCommit to the group coordinator.
 * commitTransaction flushes first, then EndTxn; abortTransaction fails the batches not yet sent and
 * waits for the ones in flight, then EndTxn(abort) if the transaction touched anything.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiKey, ErrorCode, type ApiKeyNumber, type ApiRequestMap, type ApiResponseMap } from '@tarn/protocol';
import type { Cluster } from '../cluster/cluster';
import { backoffMs } from '../config/client-config';
import { KafkaError } from '../errors';
import type { ProducerIdempotence, TransactionHooks } from './idempotence';
import type { ProducerSettings } from './producer-config';
import { ProducerFencedError, ProducerStateError, TransactionAbortableError } from './producer-errors';
import type { RecordAccumulator } from './record-accumulator';
import type { Sender } from './sender';

type State = 'UNINITIALIZED' | 'INITIALIZING' | 'READY' | 'IN_TRANSACTION' | 'COMMITTING' | 'ABORTING' | 'ABORTABLE_ERROR' | 'FATAL_ERROR';

/** Offsets to commit: `{ topic: { partition: offset } }` or a list. */
export type TopicPartitionOffsets =
  | Record<string, Record<number, number | bigint>>
  | ReadonlyArray<{ topic: string; partition: number; offset: number | bigint; metadata?: string | null; leaderEpoch?: number }>;

/** A consumer's group metadata (Kafka's ConsumerGroupMetadata); a bare group id works with coordinators that do not check generations. */
export interface ConsumerGroupMetadata {
  groupId: string;
  generationId?: number;
  memberId?: string;
  groupInstanceId?: string | null;
}

const RETRIABLE = new Set<number>([
  ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  ErrorCode.NOT_COORDINATOR,
  ErrorCode.COORDINATOR_NOT_AVAILABLE,
  ErrorCode.CONCURRENT_TRANSACTIONS,
  ErrorCode.NETWORK_EXCEPTION,
  ErrorCode.REQUEST_TIMED_OUT,
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
]);
const FENCED = new Set<number>([ErrorCode.PRODUCER_FENCED, ErrorCode.INVALID_PRODUCER_EPOCH]);
/** Errors after which this producer can do nothing more (Java's fatal errors); fencing is one of them. */
const FATAL = new Set<number>([...FENCED, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, ErrorCode.CLUSTER_AUTHORIZATION_FAILED]);

export class TransactionManager implements TransactionHooks {
  private state: State = 'UNINITIALIZED';
  private lastError: Error | null = null;
  private readonly added = new Set<string>();
  private readonly pending = new Set<string>();
  private adding = false;
  /** Whether anything (a partition, offsets) joined the transaction, so EndTxn is needed. */
  private started = false;
  private readonly transactionalId: string;

  constructor(
    private readonly cluster: Cluster,
    private readonly settings: ProducerSettings,
    private readonly idempotence: ProducerIdempotence,
    private readonly accumulator: RecordAccumulator,
    private readonly sender: Sender,
    private readonly flush: () => Promise<void>,
  ) {
    this.transactionalId = settings.transactionalId!;
    idempotence.txn = this;
  }

  get currentState(): State {
    return this.state;
  }

  private fail(err: unknown): never {
    if (err instanceof ProducerFencedError || (err instanceof KafkaError && FATAL.has(err.code))) {
      this.state = 'FATAL_ERROR';
      const fenced = err instanceof KafkaError && FENCED.has(err.code) && !(err instanceof ProducerFencedError);
      const fatal = fenced ? new ProducerFencedError((err as Error).message, { cause: err }) : (err as Error);
      this.lastError = fatal;
      this.idempotence.fatalError ??= fatal;
      throw fatal;
    }
    throw err;
  }

  private require(...states: State[]): void {
    if (this.idempotence.fatalError !== null) {
      this.state = 'FATAL_ERROR';
      this.lastError = this.idempotence.fatalError;
    }
    if (this.state === 'FATAL_ERROR') throw this.lastError ?? new ProducerStateError('the producer hit a fatal error');
    if (!states.includes(this.state))
      throw new ProducerStateError(`cannot do this in transaction state ${this.state} (needs ${states.join(' or ')})`);
  }

  /** A request to the transaction coordinator, retried (re-finding the coordinator) on retriable errors. */
  private async coordinatorRequest<K extends ApiKeyNumber>(
    apiKey: K,
    body: (version: number) => ApiRequestMap[K],
    errorOf: (r: ApiResponseMap[K]) => number,
    maxVersion = 99,
  ): Promise<ApiResponseMap[K]> {
    const deadline = Date.now() + this.settings.maxBlockMs;
    for (let attempt = 0; ; attempt++) {
      let code: number;
      let error: unknown;
      try {
        const node = await this.cluster.findCoordinator('TRANSACTION', this.transactionalId);
        const conn = await this.cluster.connection(node);
        const version = Math.min(conn.versionFor(apiKey), maxVersion);
        const r = await conn.request(apiKey, version, body(version));
        code = errorOf(r);
        if (code === ErrorCode.NONE) return r;
        error = new KafkaError(code, `${apiKey === ApiKey.EndTxn ? 'EndTxn' : 'transaction request'} for ${this.transactionalId}`);
      } catch (err) {
        code = err instanceof KafkaError ? err.code : ErrorCode.UNKNOWN_SERVER_ERROR;
        error = err;
      }
      if (code === ErrorCode.NOT_COORDINATOR || code === ErrorCode.COORDINATOR_NOT_AVAILABLE || code === ErrorCode.NETWORK_EXCEPTION) {
        this.cluster.invalidateCoordinator('TRANSACTION', this.transactionalId);
      }
      if (!RETRIABLE.has(code) || Date.now() >= deadline) this.fail(error);
      await sleep(backoffMs(attempt, this.settings.retryBackoffMs, this.settings.retryBackoffMaxMs));
    }
  }

  async initTransactions(): Promise<void> {
    this.require('UNINITIALIZED');
    this.state = 'INITIALIZING';
    try {
      const r = await this.coordinatorRequest(
        ApiKey.InitProducerId,
        () => ({
          transactionalId: this.transactionalId,
          transactionTimeoutMs: this.settings.transactionTimeoutMs,
          producerId: -1n,
          producerEpoch: -1,
        }),
        (x) => x.errorCode,
      );
      this.idempotence.producerId = Number(r.producerId);
      this.idempotence.producerEpoch = r.producerEpoch;
      this.state = 'READY';
      this.sender.wakeup();
    } catch (err) {
      if (this.state === 'INITIALIZING') this.state = 'UNINITIALIZED';
      throw err;
    }
  }

  beginTransaction(): void {
    this.require('READY');
    this.state = 'IN_TRANSACTION';
    this.started = false;
  }

  checkCanSend(): void {
    if (this.idempotence.fatalError !== null) throw this.idempotence.fatalError;
    if (this.state === 'ABORTABLE_ERROR')
      throw new TransactionAbortableError('the transaction failed and must be aborted', { cause: this.lastError });
    this.require('IN_TRANSACTION');
  }

  maybeAddPartition(topic: string, partition: number): void {
    const key = `${topic}\u0000${partition}`;
    if (!this.added.has(key)) this.pending.add(key);
  }

  isPartitionAdded(topic: string, partition: number): boolean {
    return this.added.has(`${topic}\u0000${partition}`);
  }

  onAbortableError(err: Error): void {
    if (this.state === 'IN_TRANSACTION' || this.state === 'COMMITTING') {
      this.state = 'ABORTABLE_ERROR';
      this.lastError = err;
    }
  }

  addPendingPartitions(wake: () => void): void {
    if (this.adding || this.pending.size === 0 || this.state === 'FATAL_ERROR') return;
    const keys = [...this.pending];
    this.pending.clear();
    const byTopic = new Map<string, number[]>();
    for (const k of keys) {
      const [topic, p] = k.split('\u0000') as [string, string];
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), Number(p)]);
    }
    const topics = [...byTopic].map(([name, partitions]) => ({ name, partitions }));
    this.adding = true;
    this.coordinatorRequest(
      ApiKey.AddPartitionsToTxn,
      () => ({
        transactions: [],
        v3AndBelowTransactionalId: this.transactionalId,
        v3AndBelowProducerId: BigInt(this.idempotence.producerId),
        v3AndBelowProducerEpoch: this.idempotence.producerEpoch,
        v3AndBelowTopics: topics,
      }),
      (r) =>
        r.resultsByTopicV3AndBelow.flatMap((t) => t.resultsByPartition).find((p) => p.partitionErrorCode !== ErrorCode.NONE)
          ?.partitionErrorCode ?? ErrorCode.NONE,
      3, // v4+ is the brokers' batched form
    )
      .then(
        () => {
          for (const k of keys) this.added.add(k);
          this.started = true;
        },
        (err: Error) => {
          // the records waiting for these partitions can never go into this transaction
          this.onAbortableError(err);
          for (const k of keys) {
            const [topic, p] = k.split('\u0000') as [string, string];
            const q = this.accumulator.queue(topic, Number(p));
            for (const b of q.batches.splice(0)) this.sender.finish(b, err);
          }
        },
      )
      .finally(() => {
        this.adding = false;
        wake();
      });
  }

  async sendOffsetsToTransaction(offsets: TopicPartitionOffsets, group: ConsumerGroupMetadata | string): Promise<void> {
    this.checkCanSend();
    const meta = typeof group === 'string' ? { groupId: group } : group;
    const pid = BigInt(this.idempotence.producerId);
    const epoch = this.idempotence.producerEpoch;
    await this.coordinatorRequest(
      ApiKey.AddOffsetsToTxn,
      () => ({ transactionalId: this.transactionalId, producerId: pid, producerEpoch: epoch, groupId: meta.groupId }),
      (r) => r.errorCode,
    );
    this.started = true;
    const topics = offsetTopics(offsets);
    const deadline = Date.now() + this.settings.maxBlockMs;
    for (let attempt = 0; ; attempt++) {
      let code: number = ErrorCode.NONE;
      try {
        const node = await this.cluster.findCoordinator('GROUP', meta.groupId);
        const r = await this.cluster.request(node, ApiKey.TxnOffsetCommit, {
          transactionalId: this.transactionalId,
          groupId: meta.groupId,
          producerId: pid,
          producerEpoch: epoch,
          generationId: meta.generationId ?? -1,
          memberId: meta.memberId ?? '',
          groupInstanceId: meta.groupInstanceId ?? null,
          topics,
        });
        code = r.topics.flatMap((t) => t.partitions).find((p) => p.errorCode !== ErrorCode.NONE)?.errorCode ?? ErrorCode.NONE;
      } catch (err) {
        code = err instanceof KafkaError ? err.code : ErrorCode.UNKNOWN_SERVER_ERROR;
        if (!(err instanceof KafkaError)) throw err;
      }
      if (code === ErrorCode.NONE) return;
      if (code === ErrorCode.NOT_COORDINATOR || code === ErrorCode.COORDINATOR_NOT_AVAILABLE)
        this.cluster.invalidateCoordinator('GROUP', meta.groupId);
      const err = new KafkaError(code, `TxnOffsetCommit for group ${meta.groupId}`);
      if (FATAL.has(code)) this.fail(err);
      if (!RETRIABLE.has(code) || Date.now() >= deadline) {
        this.onAbortableError(err);
        throw err;
      }
      await sleep(backoffMs(attempt, this.settings.retryBackoffMs, this.settings.retryBackoffMaxMs));
    }
  }

  async commitTransaction(): Promise<void> {
    if (this.state === 'ABORTABLE_ERROR')
      throw new TransactionAbortableError('cannot commit: the transaction failed and must be aborted', { cause: this.lastError });
    this.require('IN_TRANSACTION');
    this.state = 'COMMITTING';
    await this.flush();
    if (this.state !== 'COMMITTING') {
      // a batch failed while flushing
      throw new TransactionAbortableError('cannot commit: a send of the transaction failed; abort it', { cause: this.lastError });
    }
    await this.endTxn(true);
  }

  async abortTransaction(): Promise<void> {
    this.require('IN_TRANSACTION', 'ABORTABLE_ERROR');
    this.state = 'ABORTING';
    const err = new TransactionAbortableError('the transaction was aborted before this record was sent');
    for (const b of this.accumulator.drainAll()) this.sender.finish(b, err);
    this.pending.clear();
    await this.sender.whenIdle();
    await this.endTxn(false);
  }

  private async endTxn(committed: boolean): Promise<void> {
    if (this.started) {
      await this.coordinatorRequest(
        ApiKey.EndTxn,
        () => ({
          transactionalId: this.transactionalId,
          producerId: BigInt(this.idempotence.producerId),
          producerEpoch: this.idempotence.producerEpoch,
          committed,
        }),
        (r) => r.errorCode,
      );
    }
    if (!committed && this.idempotence.epochBumpRequired) {
      // a batch of the aborted transaction left a sequence gap: start the next one under a new epoch
      const coordinator = await this.cluster.findCoordinator('TRANSACTION', this.transactionalId);
      await this.idempotence.bumpTransactionalEpoch(coordinator).catch((err: unknown) => this.fail(err));
    }
    this.added.clear();
    this.started = false;
    this.lastError = null;
    this.state = 'READY';
  }
}

function offsetTopics(offsets: TopicPartitionOffsets) {
  const list = Array.isArray(offsets)
    ? (offsets as ReadonlyArray<{
        topic: string;
        partition: number;
        offset: number | bigint;
        metadata?: string | null;
        leaderEpoch?: number;
      }>)
    : Object.entries(offsets as Record<string, Record<number, number | bigint>>).flatMap(([topic, parts]) =>
        Object.entries(parts).map(([p, offset]) => ({ topic, partition: Number(p), offset, metadata: null, leaderEpoch: -1 })),
      );
  const byTopic = new Map<string, typeof list>();
  for (const o of list) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o]);
  return [...byTopic].map(([name, parts]) => ({
    name,
    partitions: parts.map((o) => ({
      partitionIndex: o.partition,
      committedOffset: BigInt(o.offset),
      committedLeaderEpoch: o.leaderEpoch ?? -1,
      committedMetadata: o.metadata ?? null,
    })),
  }));
}
