/**
 * The sender (Kafka's Sender): turns ready batches into ProduceRequests, one per leader broker, with
 * at most `max.in.flight.requests.per.connection` requests outstanding per broker (pipelined on the
 * broker's one connection), and handles each partition's answer: complete the batch, retry it
 * (retriable errors, within `retries` and `delivery.timeout.ms`, after `retry.backoff.ms` growing to
 * `retry.backoff.max.ms`, refreshing metadata first when the error says the leader moved), or fail it.
 *
 * Idempotence (the ProducerIdempotence object) decides what sequence errors mean; the sender only
 * never drains while it asks for a producer id or an epoch bump.
 */
import { ApiKey, ErrorCode, type ProduceRequest, type ProduceResponse } from '@tarn/protocol';
import type { Cluster } from '../cluster/cluster';
import { backoffMs } from '../config/client-config';
import { KafkaError, TimeoutError } from '../errors';
import type { BufferMemory } from './buffer-memory';
import type { ProducerBatch } from './producer-batch';
import type { ProducerSettings } from './producer-config';
import type { PartitionQueue, RecordAccumulator } from './record-accumulator';
import type { ProducerIdempotence } from './idempotence';

/** Errors after which the partition's leader is looked up again (Kafka's InvalidMetadataException family). */
const METADATA_ERRORS = new Set<number>([
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
  ErrorCode.KAFKA_STORAGE_ERROR,
  ErrorCode.NETWORK_EXCEPTION,
  ErrorCode.REQUEST_TIMED_OUT,
]);

/** Partition errors meaning the broker appended nothing of the batch (so its sequence can be reused). */
const REJECTED_BEFORE_APPEND = new Set<number>([
  ErrorCode.MESSAGE_TOO_LARGE,
  ErrorCode.RECORD_LIST_TOO_LARGE,
  ErrorCode.CORRUPT_MESSAGE,
  ErrorCode.INVALID_RECORD,
  ErrorCode.INVALID_TIMESTAMP,
  ErrorCode.TOPIC_AUTHORIZATION_FAILED,
  ErrorCode.INVALID_TOPIC_EXCEPTION,
  ErrorCode.UNSUPPORTED_COMPRESSION_TYPE,
  ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT,
  ErrorCode.INVALID_REQUIRED_ACKS,
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
]);

export class Sender {
  private readonly inFlight = new Map<number, number>();
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private readonly staleTopics = new Set<string>();
  private refreshing: Promise<unknown> | null = null;
  private requestsInFlight = 0;
  private idleWaiters: Array<() => void> = [];
  closed = false;

  constructor(
    private readonly cluster: Cluster,
    private readonly accumulator: RecordAccumulator,
    private readonly memory: BufferMemory,
    private readonly settings: ProducerSettings,
    private readonly idempotence: ProducerIdempotence,
  ) {}

  /** Runs the send loop soon (after this event-loop turn's sends have been appended). */
  wakeup(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.run();
    });
  }

  get pendingRequests(): number {
    return this.requestsInFlight;
  }

  /** Resolves when nothing is queued and no request is in flight. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.requestsInFlight === 0 && !this.accumulator.hasUndrained();
  }

  private checkIdle(): void {
    if (this.idleWaiters.length > 0 && this.isIdle()) for (const w of this.idleWaiters.splice(0)) w();
  }

  private schedule(delayMs: number): void {
    if (delayMs === Infinity || this.closed) return;
    const at = Date.now() + delayMs;
    if (this.timer !== null && this.timerAt <= at) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.run();
    }, delayMs);
  }

  stop(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private run(): void {
    if (this.closed && !this.accumulator.closing) return;
    const now = Date.now();
    for (const b of this.accumulator.expire(now, this.settings.deliveryTimeoutMs)) {
      const err = new TimeoutError(
        `expiring ${b.recordCount} record(s) for ${b.topic}-${b.partition}: ${now - b.createdMs} ms passed since batch creation (delivery.timeout.ms)`,
      );
      this.idempotence.onBatchDropped(b);
      this.idempotence.txn?.onAbortableError(err); // a transaction missing a record must not commit
      this.finish(b, err);
    }
    // a fatal error (fenced, no producer id to be had): nothing queued can ever be sent
    const fatal = this.idempotence.fatalError;
    if (fatal !== null) {
      for (const b of this.accumulator.drainAll()) this.finish(b, fatal);
      this.checkIdle();
      return;
    }
    // a producer id to get, an epoch to bump, partitions to add to the transaction: the sender waits
    if (!this.idempotence.readyToSend(this.requestsInFlight, () => this.wakeup())) {
      this.checkIdle();
      return;
    }
    // one request per broker per pass, as many passes as brokers have room (max.in.flight) and
    // batches are ready: a partition with several full batches pipelines them
    let nextCheckMs = Infinity;
    for (let sent = true; sent;) {
      sent = false;
      const check = this.accumulator.ready(now);
      nextCheckMs = check.nextCheckMs;
      for (const [node, queues] of this.readyByLeader(check.ready)) {
        if ((this.inFlight.get(node) ?? 0) >= this.settings.maxInFlight) continue;
        const batches: ProducerBatch[] = [];
        let size = 0;
        for (const q of queues) {
          const head = q.batches[0]!;
          if (batches.length > 0 && size + head.sizeBytes > this.settings.maxRequestSize) break;
          const batch = this.accumulator.take(q);
          this.idempotence.stamp(batch);
          size += batch.sizeBytes;
          batches.push(batch);
        }
        if (batches.length > 0) {
          this.sendProduce(node, batches);
          sent = true;
        }
      }
    }
    this.refreshStaleMetadata();
    this.schedule(
      this.staleTopics.size > 0 ? Math.max(nextCheckMs === Infinity ? 0 : nextCheckMs, this.settings.retryBackoffMs) : nextCheckMs,
    );
    this.checkIdle();
  }

  /** Ready partitions grouped by their leader; those without a known leader mark their topic for a metadata refresh. */
  private readyByLeader(ready: PartitionQueue[]): Map<number, PartitionQueue[]> {
    const byNode = new Map<number, PartitionQueue[]>();
    for (const q of ready) {
      if (!this.idempotence.mayDrain(q)) continue;
      const leader = this.leaderOf(q.topic, q.partition);
      if (leader < 0) {
        this.staleTopics.add(q.topic);
        continue;
      }
      let list = byNode.get(leader);
      if (list === undefined) byNode.set(leader, (list = []));
      list.push(q);
    }
    return byNode;
  }

  private leaderOf(topic: string, partition: number): number {
    const t = this.cluster.metadata.topics.get(topic);
    const p = t?.partitions[partition];
    return p !== undefined && p.partition === partition && p.errorCode !== ErrorCode.LEADER_NOT_AVAILABLE ? p.leader : -1;
  }

  private refreshStaleMetadata(): void {
    if (this.staleTopics.size === 0 || this.refreshing !== null) return;
    const topics = [...this.staleTopics];
    this.staleTopics.clear();
    this.refreshing = this.cluster
      .refreshMetadata(topics)
      .catch(() => {
        for (const t of topics) this.staleTopics.add(t); // asked again on the next run
      })
      .finally(() => {
        this.refreshing = null;
        this.wakeup();
      });
  }

  private sendProduce(node: number, batches: ProducerBatch[]): void {
    const byTopic = new Map<string, ProducerBatch[]>();
    for (const b of batches) {
      let list = byTopic.get(b.topic);
      if (list === undefined) byTopic.set(b.topic, (list = []));
      list.push(b);
    }
    const transactional = this.settings.transactionalId !== null;
    const request: ProduceRequest = {
      transactionalId: this.settings.transactionalId,
      acks: this.settings.acks,
      timeoutMs: this.settings.requestTimeoutMs,
      topicData: [...byTopic].map(([name, list]) => ({
        name,
        partitionData: list.map((b) => ({ index: b.partition, records: b.encode(this.settings.compression, transactional) })),
      })),
    };
    for (const b of batches) b.attempts++;
    this.inFlight.set(node, (this.inFlight.get(node) ?? 0) + 1);
    this.requestsInFlight++;
    const done = (): void => {
      this.inFlight.set(node, (this.inFlight.get(node) ?? 1) - 1);
      this.requestsInFlight--;
      this.wakeup();
      this.checkIdle();
    };
    this.cluster
      .connection(node)
      .then(async (conn) => {
        const version = conn.versionFor(ApiKey.Produce);
        if (this.settings.acks === 0) {
          await conn.send(ApiKey.Produce, version, request);
          for (const b of batches) this.succeed(b, -1, -1);
          return;
        }
        this.handleResponse(batches, await conn.request(ApiKey.Produce, version, request));
      })
      .catch((err: unknown) => {
        // the whole request failed (connection lost, no answer in request.timeout.ms): each batch decides
        const error = err instanceof Error ? err : new Error(String(err));
        for (const b of batches) this.failed(b, error instanceof KafkaError ? error.code : ErrorCode.NETWORK_EXCEPTION, error);
      })
      .finally(done);
  }

  private handleResponse(batches: ProducerBatch[], response: ProduceResponse): void {
    for (const b of batches) {
      const topic = response.responses.find((t) => t.name === b.topic);
      const p = topic?.partitionResponses.find((x) => x.index === b.partition);
      if (p === undefined) {
        this.failed(
          b,
          ErrorCode.UNKNOWN_SERVER_ERROR,
          new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, `no answer for ${b.topic}-${b.partition}`),
        );
        continue;
      }
      if (p.errorCode === ErrorCode.NONE) this.succeed(b, Number(p.baseOffset), Number(p.logAppendTimeMs));
      else if (p.errorCode === ErrorCode.DUPLICATE_SEQUENCE_NUMBER)
        this.succeed(b, -1, -1); // written before; Java treats it as success
      else
        this.failed(b, p.errorCode, new KafkaError(p.errorCode, `${b.topic}-${b.partition}${p.errorMessage ? `: ${p.errorMessage}` : ''}`));
    }
  }

  private succeed(b: ProducerBatch, baseOffset: number, logAppendTime: number): void {
    this.unmute(b);
    this.idempotence.onBatchAcknowledged(b);
    this.release(b);
    b.complete(null, baseOffset, logAppendTime);
  }

  private failed(b: ProducerBatch, code: number, error: Error): void {
    this.unmute(b);
    if (METADATA_ERRORS.has(code)) this.staleTopics.add(b.topic);
    const now = Date.now();
    const verdict = this.idempotence.onBatchError(b, code);
    const withinTimeout = now - b.createdMs < this.settings.deliveryTimeoutMs;
    const retriable = verdict === 'retry' || (verdict === 'default' && new KafkaError(code).retriable);
    if (retriable && !this.closedForGood() && b.attempts <= this.settings.retries && withinTimeout) {
      b.retryAtMs = now + backoffMs(b.attempts - 1, this.settings.retryBackoffMs, this.settings.retryBackoffMaxMs);
      this.accumulator.queue(b.topic, b.partition).reenqueue(b);
      return;
    }
    if (retriable && !withinTimeout) {
      error = new TimeoutError(
        `expiring ${b.recordCount} record(s) for ${b.topic}-${b.partition}: delivery.timeout.ms (${this.settings.deliveryTimeoutMs} ms) passed, last error ${error.message}`,
        { cause: error },
      );
    }
    this.idempotence.onBatchDropped(b, REJECTED_BEFORE_APPEND.has(code));
    // a fenced producer's sends fail with the one fatal ProducerFencedError
    const fatal = code === ErrorCode.INVALID_PRODUCER_EPOCH || code === ErrorCode.PRODUCER_FENCED ? this.idempotence.fatalError : null;
    this.idempotence.txn?.onAbortableError(fatal ?? error);
    this.finish(b, fatal ?? error);
  }

  private closedForGood(): boolean {
    return this.closed && !this.accumulator.closing;
  }

  private unmute(b: ProducerBatch): void {
    this.accumulator.queue(b.topic, b.partition).muted = false;
  }

  private release(b: ProducerBatch): void {
    if (b.reservedBytes > 0) this.memory.release(b.reservedBytes);
    b.reservedBytes = 0;
  }

  /** Fails a batch for good. */
  finish(b: ProducerBatch, err: Error): void {
    this.accumulator.queue(b.topic, b.partition).removeInFlight(b);
    this.release(b);
    b.complete(err);
  }
}
