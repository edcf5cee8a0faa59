// Support for the producer suites: topics made with kafkajs's admin, and two independent readers of
// what the broker stored — kafkajs's consumer, and a raw Fetch (v11) from offset 0 decoded with
// @tarn/protocol, which shows every batch as written (duplicates, producer ids, sequences).
import { ApiKey, decodeRecordBatches, type Record as KafkaRecord, type RecordBatchHeader } from '@tarn/protocol';
import { Kafka, logLevel, type EachMessagePayload } from 'kafkajs';
import type { Cluster } from '../src/index';

export function kafkajs(bootstrap: string): Kafka {
  return new Kafka({ clientId: 'producer-test-kafkajs', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING, retry: { retries: 3 } });
}

export async function createTopic(
  bootstrap: string,
  topic: string,
  numPartitions: number,
  configs: Record<string, string> = {},
  replicationFactor = 1,
): Promise<void> {
  const admin = kafkajs(bootstrap).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic, numPartitions, replicationFactor, configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })) },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}

export interface StoredBatch {
  header: RecordBatchHeader;
  records: KafkaRecord[];
}

/** Every batch of a partition from offset 0 to the high watermark, as stored (read_uncommitted). */
export async function readPartition(cluster: Cluster, topic: string, partition: number): Promise<StoredBatch[]> {
  await cluster.refreshMetadata([topic]);
  const leader = await cluster.leaderFor(topic, partition);
  const out: StoredBatch[] = [];
  let offset = 0n;
  for (;;) {
    const r = await cluster.request(
      leader,
      ApiKey.Fetch,
      {
        clusterId: null,
        replicaId: -1,
        replicaState: { replicaId: -1, replicaEpoch: -1n },
        maxWaitMs: 0,
        minBytes: 0,
        maxBytes: 64 << 20,
        isolationLevel: 0,
        sessionId: 0,
        sessionEpoch: -1,
        topics: [
          {
            topic,
            topicId: 'AAAAAAAAAAAAAAAAAAAAAA',
            partitions: [
              {
                partition,
                currentLeaderEpoch: -1,
                fetchOffset: offset,
                lastFetchedEpoch: -1,
                logStartOffset: -1n,
                partitionMaxBytes: 32 << 20,
                replicaDirectoryId: 'AAAAAAAAAAAAAAAAAAAAAA',
              },
            ],
          },
        ],
        forgottenTopicsData: [],
        rackId: '',
      },
      { version: 11 },
    );
    const p = r.responses[0]!.partitions[0]!;
    if (p.errorCode !== 0) throw new Error(`fetch ${topic}-${partition}: error ${p.errorCode}`);
    const batches = p.records === null || p.records.length === 0 ? [] : [...decodeRecordBatches(p.records)];
    for (const b of batches) if (BigInt(b.header.baseOffset) >= offset) out.push(b);
    if (batches.length === 0) return out;
    const last = batches[batches.length - 1]!.header;
    offset = BigInt(last.baseOffset + last.lastOffsetDelta + 1);
    if (offset >= p.highWatermark) return out;
  }
}

export interface ConsumedMessage {
  partition: number;
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
  timestamp: number;
}

/** Reads `count` messages of a topic from the beginning with kafkajs (in a group of its own). */
export async function consumeWithKafkajs(
  bootstrap: string,
  topic: string,
  count: number,
  options: { readUncommitted?: boolean; timeoutMs?: number; settleMs?: number } = {},
): Promise<ConsumedMessage[]> {
  const consumer = kafkajs(bootstrap).consumer({
    groupId: `producer-test-${topic}-${Math.random().toString(36).slice(2)}`,
    readUncommitted: options.readUncommitted ?? false,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  const got: ConsumedMessage[] = [];
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let settle: NodeJS.Timeout | null = null;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`kafkajs read ${got.length} of ${count} messages of ${topic}`)),
        options.timeoutMs ?? 20_000,
      );
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      void consumer
        .run({
          eachMessage: async ({ partition, message }: EachMessagePayload) => {
            got.push({
              partition,
              offset: Number(message.offset),
              key: message.key,
              value: message.value,
              headers: message.headers ?? {},
              timestamp: Number(message.timestamp),
            });
            // wait a little past `count` so a duplicate would be seen too
            if (got.length >= count && settle === null) settle = setTimeout(done, options.settleMs ?? 300);
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return got;
}
