/**
 * tarn's Kafka producer (Kafka's KafkaProducer): `send` places a record on a partition, appends it to
 * that partition's batch in the accumulator and returns a promise of its RecordMetadata (or calls the
 * callback); the sender ships batches in the background. `await producer.send(r)` is the synchronous
 * form, `send(r, cb)` plus `flush()` the asynchronous one. Idempotence is on by default; with
 * `transactional.id` set, the transaction API (transaction-manager.ts) is available.
 *
 * `send` blocks (asynchronously) only where Kafka's does, bounded by `max.block.ms`: waiting for the
 * topic's metadata the first time, and waiting for buffer.memory when it is full.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { EncodedHeader } from '@tarn/protocol';
import { Cluster } from '../cluster/cluster';
import type { ClientProperties } from '../config/properties';
import { ConfigError, ErrorCode, KafkaError, TimeoutError } from '../errors';
import { BufferMemory } from './buffer-memory';
import { ProducerIdempotence } from './idempotence';
import { createPartitioner, type Partitioner, type TopicPartitions } from './partitioner';
import { BATCH_OVERHEAD, appendRecord, type AppendRecord, type Completion, type RecordMetadata } from './producer-batch';
import { parseProducerConfig, type ProducerProperties, type ProducerSettings } from './producer-config';
import { ProducerStateError } from './producer-errors';
import { RecordAccumulator } from './record-accumulator';
import { Sender } from './sender';
import { BufferSerializer, RecordSerializationError, type Serializer } from './serializers';
import { TransactionManager, type ConsumerGroupMetadata, type TopicPartitionOffsets } from './transaction-manager';

export type RecordHeaders = Record<string, string | Buffer | null> | ReadonlyArray<{ key: string; value: string | Buffer | null }>;

export interface ProducerRecord<K, V> {
  topic: string;
  key?: K;
  value: V;
  /** An explicit partition: used as given, the partitioner is not asked. */
  partition?: number;
  /** CreateTime in ms; default now. */
  timestamp?: number;
  headers?: RecordHeaders;
}

export type SendCallback = (err: Error | null, metadata: RecordMetadata | null) => void;

type Bytes = Buffer | Uint8Array | string | null | undefined;

/** The record serialized and placed: what appending needs. */
interface Prepared {
  record: AppendRecord;
  partition: number;
  /** An upper bound of its size in a batch (buffer.memory, max.request.size). */
  size: number;
}

export class Producer<K = Bytes, V = Bytes> {
  private readonly accumulator: RecordAccumulator;
  private readonly memory: BufferMemory;
  private readonly sender: Sender;
  private readonly partitioner: Partitioner;
  private readonly idempotence: ProducerIdempotence;
  private readonly transactions: TransactionManager | null;
  private readonly keySerializer: Serializer<K>;
  private readonly valueSerializer: Serializer<V>;
  private closing: Promise<void> | null = null;
  /** Past close()'s flush: a send still waiting for metadata or memory can no longer be delivered. */
  private closed = false;
  /** Placement input per metadata entry (a refresh makes a new entry, so this never goes stale). */
  private readonly partitionsOf = new WeakMap<object, TopicPartitions>();
  private nextBackgroundRefresh = 0;
  /** Sends still waiting for metadata or memory: flush() covers them too. */
  private readonly blocked = new Set<Promise<void>>();

  private constructor(
    readonly cluster: Cluster,
    readonly settings: ProducerSettings,
    props: ProducerProperties<K, V>,
  ) {
    this.keySerializer = props['key.serializer'] ?? (BufferSerializer as Serializer<K>);
    this.valueSerializer = props['value.serializer'] ?? (BufferSerializer as Serializer<V>);
    this.memory = new BufferMemory(settings.bufferMemory);
    this.accumulator = new RecordAccumulator(
      settings.batchSize,
      settings.lingerMs,
      !settings.idempotence && settings.maxInFlight === 1,
      settings.idempotence,
    );
    this.idempotence = new ProducerIdempotence(cluster, settings, this.accumulator);
    this.sender = new Sender(cluster, this.accumulator, this.memory, settings, this.idempotence);
    this.partitioner = createPartitioner(settings.partitionerClass, settings.batchSize, settings.ignoreKeys);
    this.transactions =
      settings.transactionalId === null
        ? null
        : new TransactionManager(cluster, settings, this.idempotence, this.accumulator, this.sender, () => this.flush());
  }

  /**
   * A producer connected to the cluster. `properties` are Kafka's client properties
   * (`bootstrap.servers`, `client.id`, security…) and producer properties (`acks`, `linger.ms`…).
   */
  static async create<K = Bytes, V = Bytes>(
    properties: ProducerProperties<K, V> & { [property: string]: unknown },
  ): Promise<Producer<K, V>> {
    const settings = parseProducerConfig(properties as Record<string, unknown>);
    // the cluster gets the plain properties (serializers and partitioner objects are the producer's)
    const plain: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(properties))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') plain[k] = v;
    const cluster = await Cluster.connect(plain as ClientProperties);
    return new Producer<K, V>(cluster, settings, properties);
  }

  /** Sends a record; resolves with where it was written once acknowledged per `acks`. */
  send(record: ProducerRecord<K, V>): Promise<RecordMetadata>;
  /** Sends a record; `callback` gets the outcome (Kafka's send(record, callback)). */
  send(record: ProducerRecord<K, V>, callback: SendCallback): void;
  send(record: ProducerRecord<K, V>, callback?: SendCallback): Promise<RecordMetadata> | void {
    if (callback !== undefined) {
      this.dispatch(record, callback);
      return;
    }
    return new Promise<RecordMetadata>((resolve, reject) => {
      this.dispatch(record, (err, md) => (err !== null ? reject(err) : resolve(md!)), reject);
    });
  }

  /**
   * Appends at once when the topic's metadata is known and buffer.memory has room (the usual case:
   * no promise, no await); otherwise waits for them, remembered so flush() covers the send too.
   */
  private dispatch(
    record: ProducerRecord<K, V>,
    completion: Completion,
    fail: (err: Error) => void = (err) => process.nextTick(completion, err, null),
  ): void {
    let appended: boolean;
    try {
      appended = this.enqueueNow(record, completion);
    } catch (err) {
      fail(err as Error);
      return;
    }
    if (appended) return;
    const p = this.enqueue(record, completion);
    this.blocked.add(p);
    p.then(
      () => this.blocked.delete(p),
      (err: Error) => {
        this.blocked.delete(p);
        fail(err);
      },
    );
  }

  /** Sends records in order; resolves with every record's metadata (rejects with the first failure). */
  sendBatch(records: ReadonlyArray<ProducerRecord<K, V>>): Promise<RecordMetadata[]> {
    return Promise.all(records.map((r) => this.send(r)));
  }

  private prepare(record: ProducerRecord<K, V>, partitions: TopicPartitions): Prepared {
    const ts = record.timestamp;
    // Kafka refuses a negative timestamp at send (IllegalArgumentException); NaN would encode as garbage
    if (ts !== undefined && ts !== null && (!Number.isSafeInteger(ts) || ts < 0)) {
      throw new KafkaError(ErrorCode.INVALID_TIMESTAMP, `invalid timestamp ${ts}: a record's timestamp is a non-negative integer (ms)`);
    }
    const key = this.keySerializer.serialize(record.topic, record.key as K);
    const value = this.valueSerializer.serialize(record.topic, record.value);
    const prepared = appendRecord(key, value, encodeHeaders(record.headers));
    const partition = this.choosePartition(record, key, value, partitions);
    // Kafka's recordSizeUpperBound: the fields plus the most the record's varints can take
    const size = prepared.fieldsSize + MAX_RECORD_OVERHEAD;
    // ensureValidRecordSize: a batch of this record alone must fit in a request
    if (size + BATCH_OVERHEAD > this.settings.maxRequestSize) {
      throw new KafkaError(
        ErrorCode.MESSAGE_TOO_LARGE,
        `the record is ${size + BATCH_OVERHEAD} bytes when serialized in a batch, more than max.request.size (${this.settings.maxRequestSize})`,
      );
    }
    return { record: prepared, partition, size };
  }

  /** The fast path: appends and returns true, or returns false (nothing done) when it would have to wait. */
  private enqueueNow(record: ProducerRecord<K, V>, completion: Completion): boolean {
    this.checkOpen();
    this.transactions?.checkCanSend();
    // sends still waiting go first: a later one must not overtake them
    if (this.blocked.size > 0) return false;
    const now = Date.now();
    const partitions = this.knownPartitions(record.topic, now);
    if (partitions === null) return false;
    const prepared = this.prepare(record, partitions);
    if (!this.memory.tryReserve(prepared.size)) return false;
    this.append(record, prepared, completion, now);
    return true;
  }

  /** The slow path: waits (up to max.block.ms) for the topic's metadata and for buffer.memory. */
  private async enqueue(record: ProducerRecord<K, V>, completion: Completion): Promise<void> {
    const deadline = Date.now() + this.settings.maxBlockMs;
    const partitions = this.knownPartitions(record.topic, Date.now()) ?? (await this.waitOnMetadata(record.topic, deadline));
    const prepared = this.prepare(record, partitions);
    if (!this.memory.tryReserve(prepared.size)) await this.memory.reserve(prepared.size, Math.max(0, deadline - Date.now()));
    try {
      // a send made before close() is still delivered by close()'s flush
      if (this.closed) throw new ProducerStateError('the producer was closed before the record was sent');
      if (this.idempotence.fatalError !== null) throw this.idempotence.fatalError;
    } catch (err) {
      this.memory.release(prepared.size);
      throw err;
    }
    this.append(record, prepared, completion, Date.now());
  }

  private append(record: ProducerRecord<K, V>, p: Prepared, completion: Completion, now: number): void {
    this.transactions?.maybeAddPartition(record.topic, p.partition);
    const timestamp = record.timestamp ?? now;
    const batch = this.accumulator.append(record.topic, p.partition, p.record, timestamp, now, completion);
    batch.reservedBytes += p.size;
    this.partitioner.onAppend?.(record.topic, p.partition, p.size);
    this.sender.wakeup();
  }

  private checkOpen(): void {
    if (this.closing !== null) throw new ProducerStateError('cannot send after the producer is closed');
    if (this.idempotence.fatalError !== null) throw this.idempotence.fatalError;
  }

  private choosePartition(record: ProducerRecord<K, V>, key: Buffer | null, value: Buffer | null, partitions: TopicPartitions): number {
    if (record.partition === undefined || record.partition === null)
      return this.partitioner.partition(record.topic, key, value, partitions);
    if (!Number.isInteger(record.partition) || record.partition < 0 || record.partition >= partitions.count) {
      throw new KafkaError(
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        `partition ${record.partition} is not in topic ${record.topic} (${partitions.count} partitions)`,
      );
    }
    return record.partition;
  }

  /** The topic's partitions from cached metadata, or null when the producer must ask. */
  private knownPartitions(topic: string, now: number): TopicPartitions | null {
    const t = this.cluster.metadata.topics.get(topic);
    if (t === undefined || t.errorCode !== ErrorCode.NONE || t.partitions.length === 0) return null;
    let known = this.partitionsOf.get(t);
    if (known === undefined) {
      const available: number[] = [];
      for (const p of t.partitions) if (p.leader >= 0) available.push(p.partition);
      known = { count: t.partitions.length, available };
      this.partitionsOf.set(t, known);
    }
    // older than metadata.max.age.ms: asked again in the background (new partitions, moved leaders), used meanwhile
    if (now - t.fetchedAt >= this.cluster.config.metadataMaxAgeMs && now >= this.nextBackgroundRefresh) {
      this.nextBackgroundRefresh = now + this.settings.retryBackoffMs;
      this.cluster.refreshMetadata([topic]).catch(() => undefined);
    }
    return known;
  }

  /** Kafka's waitOnMetadata: asks (auto-creating the topic where the broker allows) until it has partitions or max.block.ms passes. */
  private async waitOnMetadata(topic: string, deadline: number): Promise<TopicPartitions> {
    if (typeof topic !== 'string' || topic.length === 0) throw new KafkaError(ErrorCode.INVALID_TOPIC_EXCEPTION, 'a record needs a topic');
    let lastError: unknown = null;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.cluster.refreshMetadata([topic], { allowAutoTopicCreation: true });
        const t = this.cluster.metadata.topics.get(topic);
        if (t !== undefined && t.errorCode !== ErrorCode.NONE && !new KafkaError(t.errorCode).retriable)
          throw new KafkaError(t.errorCode, `topic ${topic}`);
        const known = this.knownPartitions(topic, Date.now());
        if (known !== null) return known;
      } catch (err) {
        if (!(err instanceof KafkaError) || !err.retriable) throw err;
        lastError = err;
      }
      const wait = Math.min(this.settings.retryBackoffMs * 2 ** attempt, this.settings.retryBackoffMaxMs, deadline - Date.now());
      if (wait <= 0) break;
      await sleep(wait);
    }
    throw new TimeoutError(`topic ${topic} not present in metadata after max.block.ms (${this.settings.maxBlockMs} ms)`, {
      cause: lastError,
    });
  }

  /** Sends everything appended so far at once (linger.ms waived) and resolves when all of it is completed. */
  async flush(): Promise<void> {
    if (this.blocked.size > 0) await Promise.allSettled([...this.blocked]);
    const pending = [...this.accumulator.allQueues()].flatMap((q) => [...q.batches, ...q.inFlight]);
    this.accumulator.flushes++;
    this.sender.wakeup();
    try {
      await Promise.all(pending.map((b) => b.whenDone()));
      await this.sender.whenIdle();
    } finally {
      this.accumulator.flushes--;
    }
  }

  /** A few of Kafka's producer metrics, under their names. */
  metrics(): { 'buffer-total-bytes': number; 'buffer-available-bytes': number; 'waiting-threads': number; 'requests-in-flight': number } {
    return {
      'buffer-total-bytes': this.memory.limit,
      'buffer-available-bytes': this.memory.limit - this.memory.usedBytes,
      'waiting-threads': this.memory.waiting,
      'requests-in-flight': this.sender.pendingRequests,
    };
  }

  /** The partitions of a topic, as metadata says (Kafka's partitionsFor). */
  partitionsFor(topic: string): Promise<Array<{ topic: string; partition: number; leader: number }>> {
    return this.cluster.partitionsFor(topic).then((ps) => ps.map((p) => ({ topic, partition: p.partition, leader: p.leader })));
  }

  /**
   * Flushes, then closes the connections. After `timeoutMs` (default: no limit) records still not
   * delivered fail, as with Kafka's close(Duration).
   */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    this.closing ??= (async () => {
      this.accumulator.closing = true;
      this.sender.wakeup();
      const flushed = this.idempotence.fatalError === null ? this.flush() : Promise.resolve();
      const timeoutMs = options.timeoutMs;
      if (timeoutMs === undefined) await flushed.catch(() => undefined);
      else await Promise.race([flushed.catch(() => undefined), sleep(timeoutMs)]);
      this.closed = true;
      const err = new ProducerStateError('the producer was closed before the record was sent');
      this.memory.failWaiters(err);
      for (const b of this.accumulator.drainAll()) this.sender.finish(b, err);
      this.sender.stop();
      this.cluster.close();
    })();
    return this.closing;
  }

  // ---- transactions (transactional.id)

  private txn(): TransactionManager {
    if (this.transactions === null) throw new ConfigError('transactional.id', 'transactions need a transactional.id');
    return this.transactions;
  }

  /** Registers the transactional.id with its coordinator, fencing older producers of it and finishing their transactions. */
  async initTransactions(): Promise<void> {
    return this.txn().initTransactions();
  }

  beginTransaction(): void {
    this.txn().beginTransaction();
  }

  /** Commits a consumer group's offsets as part of the transaction (consume-transform-produce). */
  async sendOffsetsToTransaction(offsets: TopicPartitionOffsets, groupMetadata: ConsumerGroupMetadata | string): Promise<void> {
    return this.txn().sendOffsetsToTransaction(offsets, groupMetadata);
  }

  async commitTransaction(): Promise<void> {
    return this.txn().commitTransaction();
  }

  async abortTransaction(): Promise<void> {
    return this.txn().abortTransaction();
  }
}

/** The most a record's length, attributes, timestamp delta and offset delta take (varints at their longest). */
const MAX_RECORD_OVERHEAD = 5 + 1 + 10 + 5;

const NO_HEADERS: EncodedHeader[] = [];

/** Headers as records carry them (UTF-8 keys, byte values), from a list or an object. */
function encodeHeaders(headers: RecordHeaders | undefined): EncodedHeader[] {
  if (headers === undefined) return NO_HEADERS;
  const list = Array.isArray(headers)
    ? (headers as ReadonlyArray<{ key: string; value: string | Buffer | null }>)
    : Object.entries(headers).map(([key, value]) => ({ key, value }));
  return list.map((h) => {
    if (typeof h?.key !== 'string') throw new RecordSerializationError(`a header key must be a string, got ${typeof h?.key}`);
    const key = Buffer.from(h.key, 'utf8');
    const v: unknown = h.value;
    if (v === null || v === undefined) return { key, value: null };
    if (typeof v === 'string') return { key, value: Buffer.from(v) };
    if (Buffer.isBuffer(v)) return { key, value: v };
    if (v instanceof Uint8Array) return { key, value: Buffer.from(v.buffer, v.byteOffset, v.byteLength) };
    throw new RecordSerializationError(`header ${h.key}: a value must be a string, Buffer or null, got ${typeof v}`);
  });
}
