/**
 * Producing from the console: one record to a chosen partition, or to the partition Kafka's default
 * partitioner picks (murmur2 of the key; round robin without one), acknowledged by the full ISR
 * (acks=all). JSON values are checked before anything is written.
 */
import { ErrorCode, KafkaError, buildRecordBatch, partitionForKey } from '@tarn/protocol';
import type { AdminServices } from '../services';

export interface ProduceInput {
  topic: string;
  partition: number | null;
  key: string | null;
  value: string | null;
  format: 'text' | 'json';
  headers: Array<{ key: string; value: string }>;
}

export class ProduceService {
  private roundRobin = 0;

  constructor(private readonly services: AdminServices) {}

  async produce(input: ProduceInput): Promise<{ partition: number; offset: number; timestamp: number }> {
    const topic = this.services.metadata.topic(input.topic);
    if (topic === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${input.topic}' does not exist.`);
    if (input.format === 'json' && input.value !== null) {
      try {
        JSON.parse(input.value);
      } catch (err) {
        throw new KafkaError(ErrorCode.INVALID_RECORD, `The value is not valid JSON: ${(err as Error).message}`);
      }
    }
    const n = topic.partitions.length;
    let partition: number;
    if (input.partition !== null) {
      if (input.partition < 0 || input.partition >= n)
        throw new KafkaError(
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          `Topic '${input.topic}' has no partition ${input.partition} (it has ${n}).`,
        );
      partition = input.partition;
    } else if (input.key !== null) {
      partition = partitionForKey(Buffer.from(input.key, 'utf8'), n);
    } else {
      partition = this.roundRobin++ % n;
    }
    const timestamp = Date.now();
    const records = buildRecordBatch([{ key: input.key, value: input.value, headers: input.headers, timestamp }]);
    const [result] = await this.services.replicaManager.appendRecords(-1, 10_000, [{ topic: input.topic, partition, records }]);
    if (result === undefined || result.error !== ErrorCode.NONE || result.info === null) {
      throw new KafkaError(result?.error ?? ErrorCode.UNKNOWN_SERVER_ERROR, result?.errorMessage ?? 'produce failed');
    }
    return { partition, offset: result.info.firstOffset, timestamp };
  }
}
