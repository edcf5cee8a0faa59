/**
 * What `poll` returns, shaped as Kafka's ConsumerRecord / ConsumerRecords: topic, partition,
 * offset, timestamp and its type, key, value, headers, leader epoch.
 */
import type { RecordHeader } from '@tarn/protocol';
import type { TopicPartition } from './assignors/types';

export type TimestampTypeName = 'CreateTime' | 'LogAppendTime';

export interface ConsumerRecord<K = Buffer | null, V = Buffer | null> {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: TimestampTypeName;
  key: K;
  value: V;
  headers: RecordHeader[];
  /** The partition leader epoch of the batch (-1 when unknown). */
  leaderEpoch: number;
  serializedKeySize: number;
  serializedValueSize: number;
}

export class ConsumerRecords<K = Buffer | null, V = Buffer | null> implements Iterable<ConsumerRecord<K, V>> {
  constructor(private readonly list: ConsumerRecord<K, V>[]) {}

  static empty<K, V>(): ConsumerRecords<K, V> {
    return new ConsumerRecords<K, V>([]);
  }

  get count(): number {
    return this.list.length;
  }

  isEmpty(): boolean {
    return this.list.length === 0;
  }

  /** The partitions that have records in this batch. */
  partitions(): TopicPartition[] {
    const seen = new Map<string, TopicPartition>();
    for (const r of this.list) seen.set(`${r.topic}\u0000${r.partition}`, { topic: r.topic, partition: r.partition });
    return [...seen.values()];
  }

  records(tp?: TopicPartition): ConsumerRecord<K, V>[] {
    if (tp === undefined) return this.list;
    return this.list.filter((r) => r.topic === tp.topic && r.partition === tp.partition);
  }

  [Symbol.iterator](): Iterator<ConsumerRecord<K, V>> {
    return this.list[Symbol.iterator]();
  }
}
