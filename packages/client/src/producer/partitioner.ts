/**
 * Partitioners: which partition a record goes to when the record does not name one (an explicit
 * partition always wins, as in Kafka's KafkaProducer.partition()).
 *
 * - `BuiltInPartitioner` is Kafka 3.3+'s default (no `partitioner.class`): a keyed record goes to
 *   `toPositive(murmur2(key)) % numPartitions` exactly as the Java client's
 *   BuiltInPartitioner.partitionForKey (librdkafka's `murmur2_random` picks the same partition); a
 *   record without a key (or every record with `partitioner.ignore.keys=true`) sticks to one partition
 *   until `batch.size` bytes went to it, then moves to another partition chosen at random among those
 *   with a leader (KIP-480 sticky partitioning, KIP-794's uniform switching).
 * - `RoundRobinPartitioner` is Kafka's org.apache.kafka.clients.producer.RoundRobinPartitioner: each
 *   record of a topic goes to the next available partition, keys ignored.
 */
import { partitionForKey } from '@tarn/protocol';
import { ConfigError } from '../errors';

/** What the producer knows of a topic's partitions when it places a record. */
export interface TopicPartitions {
  /** The partition count. */
  count: number;
  /** The partitions with a known leader (Kafka's availablePartitionsForTopic). */
  available: readonly number[];
}

export interface Partitioner {
  /** The partition for a record without an explicit one. */
  partition(topic: string, key: Buffer | null, value: Buffer | null, partitions: TopicPartitions): number;
  /** Told after a record of `bytes` (its estimated size in a batch) was appended to `partition`. */
  onAppend?(topic: string, partition: number, bytes: number): void;
}

/** Java's Utils.toPositive: clears the sign bit (not Math.abs, which differs for MIN_VALUE). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** Kafka's BuiltInPartitioner.partitionForKey: toPositive(murmur2(key)) % numPartitions. */
export { partitionForKey };

/** A random partition, among those with a leader when any, other than `previous` when there is a choice (KIP-480). */
function randomOf(partitions: TopicPartitions, previous: number): number {
  const pool = partitions.available.length > 0 ? partitions.available : Array.from({ length: partitions.count }, (_, i) => i);
  if (pool.length === 1) return pool[0]!;
  for (;;) {
    const p = pool[Math.floor(Math.random() * pool.length)]!;
    if (p !== previous) return p;
  }
}

interface StickyState {
  partition: number;
  producedBytes: number;
}

/** Kafka's built-in partitioner: murmur2 for keys, uniform sticky for the rest. */
export class BuiltInPartitioner implements Partitioner {
  private readonly sticky = new Map<string, StickyState>();
  /** The sticky partition given up last, per topic, so the next one differs. */
  private readonly previous = new Map<string, number>();

  /**
   * @param stickyBatchSize bytes after which the sticky partition changes (Kafka uses `batch.size`)
   * @param ignoreKeys `partitioner.ignore.keys`: place keyed records like unkeyed ones
   */
  constructor(
    private readonly stickyBatchSize: number,
    private readonly ignoreKeys = false,
  ) {}

  partition(topic: string, key: Buffer | null, _value: Buffer | null, partitions: TopicPartitions): number {
    if (key !== null && !this.ignoreKeys) return partitionForKey(key, partitions.count);
    let state = this.sticky.get(topic);
    // A partition count that shrank in metadata (a topic deleted and recreated) invalidates the choice.
    if (state === undefined || state.partition >= partitions.count) {
      state = { partition: randomOf(partitions, this.previous.get(topic) ?? -1), producedBytes: 0 };
      this.sticky.set(topic, state);
    }
    return state.partition;
  }

  onAppend(topic: string, partition: number, bytes: number): void {
    const state = this.sticky.get(topic);
    if (state === undefined || state.partition !== partition) return;
    state.producedBytes += bytes;
    if (state.producedBytes >= this.stickyBatchSize) {
      this.sticky.delete(topic); // the next record picks anew
      this.previous.set(topic, partition);
    }
  }
}

/** Kafka's RoundRobinPartitioner: cycles through the available partitions (all, when none has a leader). */
export class RoundRobinPartitioner implements Partitioner {
  private readonly counters = new Map<string, number>();

  partition(topic: string, _key: Buffer | null, _value: Buffer | null, partitions: TopicPartitions): number {
    const next = this.counters.get(topic) ?? 0;
    this.counters.set(topic, (next + 1) | 0);
    const n = toPositive(next);
    if (partitions.available.length > 0) return partitions.available[n % partitions.available.length]!;
    return n % partitions.count;
  }
}

/** The names `partitioner.class` accepts, Kafka's class names and short ones. */
const ROUND_ROBIN = new Set(['org.apache.kafka.clients.producer.RoundRobinPartitioner', 'RoundRobinPartitioner', 'round-robin']);
const DEFAULT = new Set([
  '',
  'default',
  'murmur2_random',
  'org.apache.kafka.clients.producer.internals.DefaultPartitioner',
  'DefaultPartitioner',
]);
const UNIFORM_STICKY = new Set(['org.apache.kafka.clients.producer.UniformStickyPartitioner', 'UniformStickyPartitioner']);

/**
 * The partitioner for a producer's configuration: `partitioner.class` is a Partitioner object, one of
 * Kafka's class names (RoundRobinPartitioner, UniformStickyPartitioner — which ignores keys — or
 * DefaultPartitioner), or absent for the built-in one.
 */
export function createPartitioner(partitionerClass: string | Partitioner | undefined, batchSize: number, ignoreKeys: boolean): Partitioner {
  if (partitionerClass !== undefined && typeof partitionerClass !== 'string') return partitionerClass;
  const name = partitionerClass ?? '';
  if (ROUND_ROBIN.has(name)) return new RoundRobinPartitioner();
  if (UNIFORM_STICKY.has(name)) return new BuiltInPartitioner(batchSize, true);
  if (DEFAULT.has(name)) return new BuiltInPartitioner(batchSize, ignoreKeys);
  throw new ConfigError('partitioner.class', `unknown partitioner '${name}'`);
}
