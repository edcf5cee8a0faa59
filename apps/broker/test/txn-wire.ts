// Raw requests the transaction tests make with the broker's own client (KafkaClientConnection):
// reading a whole partition straight from its leader, batch by batch with control batches
// included; what a read_committed fetch is told (high watermark, last stable offset, aborted
// transactions); Metadata for the leaders and ISRs of any topic, internal ones included; and the
// transactional requests a producer makes, one by one, for tests that must stop between them.
import {
  ApiKey,
  ErrorCode,
  FetchRequestTypes,
  MetadataRequestTypes,
  ProduceRequestTypes,
  buildRecordBatch,
  decodeRecordBatch,
  type RecordBatch,
} from '@tarn/protocol';
import { KafkaClientConnection } from '../src/client/kafka-client';

export function open(port: number, requestTimeoutMs = 5000): Promise<KafkaClientConnection> {
  return KafkaClientConnection.open('127.0.0.1', port, 'txn-tests', { connectTimeoutMs: 3000, requestTimeoutMs });
}

/** Opens a connection, runs `fn`, closes it. */
export async function withConnection<T>(port: number, fn: (c: KafkaClientConnection) => Promise<T>, requestTimeoutMs = 5000): Promise<T> {
  const c = await open(port, requestTimeoutMs);
  try {
    return await fn(c);
  } finally {
    c.close();
  }
}

export interface FetchedPartition {
  errorCode: number;
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  abortedTransactions: Array<{ producerId: number; firstOffset: number }>;
  batches: RecordBatch[];
}

/** The whole batches in `records` (a fetch may end with part of one). */
function wholeBatches(records: Buffer | null): RecordBatch[] {
  const out: RecordBatch[] = [];
  if (records === null) return out;
  for (let pos = 0; pos + 12 <= records.length;) {
    const size = records.readInt32BE(pos + 8) + 12;
    if (pos + size > records.length) break;
    out.push(decodeRecordBatch(records, pos));
    pos += size;
  }
  return out;
}

/** One Fetch (v11) of a partition from `offset`: isolation 0 read_uncommitted, 1 read_committed. */
export async function fetchOnce(
  c: KafkaClientConnection,
  topic: string,
  partition: number,
  offset: number,
  isolationLevel: 0 | 1,
): Promise<FetchedPartition> {
  const res = await c.request(ApiKey.Fetch, 11, {
    ...FetchRequestTypes.defaultFetchRequest(),
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 8 << 20,
    isolationLevel,
    topics: [
      {
        ...FetchRequestTypes.defaultFetchTopic(),
        topic,
        partitions: [{ ...FetchRequestTypes.defaultFetchPartition(), partition, fetchOffset: BigInt(offset), partitionMaxBytes: 8 << 20 }],
      },
    ],
  });
  const p = res.responses[0]!.partitions[0]!;
  return {
    errorCode: p.errorCode,
    highWatermark: Number(p.highWatermark),
    lastStableOffset: Number(p.lastStableOffset),
    logStartOffset: Number(p.logStartOffset),
    abortedTransactions: (p.abortedTransactions ?? []).map((a) => ({
      producerId: Number(a.producerId),
      firstOffset: Number(a.firstOffset),
    })),
    batches: wholeBatches(p.records),
  };
}

/** Every batch of the partition up to its high watermark, read_uncommitted, control batches included. */
export async function readPartition(c: KafkaClientConnection, topic: string, partition: number): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  for (let offset = 0; ;) {
    const f = await fetchOnce(c, topic, partition, offset, 0);
    if (f.errorCode !== ErrorCode.NONE) throw new Error(`fetch ${topic}-${partition} at ${offset}: error ${f.errorCode}`);
    const fresh = f.batches.filter((b) => b.header.baseOffset + b.header.lastOffsetDelta >= offset);
    if (fresh.length === 0) return out;
    out.push(...fresh);
    const last = fresh[fresh.length - 1]!.header;
    offset = last.baseOffset + last.lastOffsetDelta + 1;
  }
}

export interface PartitionMetadata {
  topic: string;
  partition: number;
  leader: number;
  leaderEpoch: number;
  isr: number[];
  replicas: number[];
}

/** Leaders and ISRs of `topics` as one broker sees them (null when it does not answer). */
export async function partitionMetadata(port: number, topics: readonly string[]): Promise<PartitionMetadata[] | null> {
  try {
    return await withConnection(port, async (c) => {
      const md = await c.request(ApiKey.Metadata, 9, {
        ...MetadataRequestTypes.defaultMetadataRequest(),
        topics: topics.map((name) => ({ ...MetadataRequestTypes.defaultMetadataRequestTopic(), name })),
        allowAutoTopicCreation: false,
      });
      return md.topics.flatMap((t) =>
        t.errorCode !== ErrorCode.NONE
          ? []
          : t.partitions.map((p) => ({
              topic: t.name!,
              partition: p.partitionIndex,
              leader: p.leaderId,
              leaderEpoch: p.leaderEpoch,
              isr: p.isrNodes,
              replicas: p.replicaNodes,
            })),
      );
    });
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- a transactional producer, by hand

export interface ProducerIdAndEpoch {
  producerId: bigint;
  producerEpoch: number;
}

/** InitProducerId (v4), retried while the coordinator answers with an error a client retries. */
export async function initTransactionalId(c: KafkaClientConnection, transactionalId: string, timeoutMs: number, deadlineMs = 30_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const r = await c.request(ApiKey.InitProducerId, 4, {
      transactionalId,
      transactionTimeoutMs: timeoutMs,
      producerId: -1n,
      producerEpoch: -1,
    });
    if (r.errorCode === ErrorCode.NONE) return { producerId: r.producerId, producerEpoch: r.producerEpoch };
    const retriable: number[] = [
      ErrorCode.CONCURRENT_TRANSACTIONS,
      ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
      ErrorCode.COORDINATOR_NOT_AVAILABLE,
      ErrorCode.NOT_COORDINATOR,
    ];
    if (!retriable.includes(r.errorCode) || Date.now() > deadline)
      throw new Error(`InitProducerId ${transactionalId}: error ${r.errorCode}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** AddPartitionsToTxn (v3): the error of each partition. */
export async function addPartitions(
  c: KafkaClientConnection,
  transactionalId: string,
  p: ProducerIdAndEpoch,
  topic: string,
  partitions: number[],
): Promise<number[]> {
  const r = await c.request(ApiKey.AddPartitionsToTxn, 3, {
    transactions: [],
    v3AndBelowTransactionalId: transactionalId,
    v3AndBelowProducerId: p.producerId,
    v3AndBelowProducerEpoch: p.producerEpoch,
    v3AndBelowTopics: [{ name: topic, partitions }],
  });
  return r.resultsByTopicV3AndBelow.flatMap((t) => t.resultsByPartition.map((x) => x.partitionErrorCode));
}

/** A transactional Produce (v9, acks=all) of `values` to one partition; its error code. */
export async function produceTransactional(
  c: KafkaClientConnection,
  transactionalId: string,
  p: ProducerIdAndEpoch,
  topic: string,
  partition: number,
  baseSequence: number,
  values: string[],
): Promise<number> {
  const res = await c.request(ApiKey.Produce, 9, {
    ...ProduceRequestTypes.defaultProduceRequest(),
    transactionalId,
    acks: -1,
    timeoutMs: 5000,
    topicData: [
      {
        ...ProduceRequestTypes.defaultTopicProduceData(),
        name: topic,
        partitionData: [
          {
            ...ProduceRequestTypes.defaultPartitionProduceData(),
            index: partition,
            records: buildRecordBatch(
              values.map((value) => ({ key: value, value })),
              { isTransactional: true, producerId: Number(p.producerId), producerEpoch: p.producerEpoch, baseSequence },
            ),
          },
        ],
      },
    ],
  });
  return res.responses[0]!.partitionResponses[0]!.errorCode;
}

/** AddOffsetsToTxn (v3) then TxnOffsetCommit (v3, no group membership) to the group's coordinator. */
export async function sendOffsets(
  coordinator: KafkaClientConnection,
  groupCoordinator: KafkaClientConnection,
  transactionalId: string,
  p: ProducerIdAndEpoch,
  groupId: string,
  topic: string,
  offsets: Array<{ partition: number; offset: number }>,
): Promise<{ add: number; commit: number[] }> {
  const add = await coordinator.request(ApiKey.AddOffsetsToTxn, 3, {
    transactionalId,
    producerId: p.producerId,
    producerEpoch: p.producerEpoch,
    groupId,
  });
  if (add.errorCode !== ErrorCode.NONE) return { add: add.errorCode, commit: [] };
  const commit = await groupCoordinator.request(ApiKey.TxnOffsetCommit, 3, {
    transactionalId,
    groupId,
    producerId: p.producerId,
    producerEpoch: p.producerEpoch,
    generationId: -1,
    memberId: '',
    groupInstanceId: null,
    topics: [
      {
        name: topic,
        partitions: offsets.map((o) => ({
          partitionIndex: o.partition,
          committedOffset: BigInt(o.offset),
          committedLeaderEpoch: -1,
          committedMetadata: null,
        })),
      },
    ],
  });
  return { add: add.errorCode, commit: commit.topics.flatMap((t) => t.partitions.map((x) => x.errorCode)) };
}

export async function endTxn(c: KafkaClientConnection, transactionalId: string, p: ProducerIdAndEpoch, commit: boolean): Promise<number> {
  const r = await c.request(ApiKey.EndTxn, 3, {
    transactionalId,
    producerId: p.producerId,
    producerEpoch: p.producerEpoch,
    committed: commit,
  });
  return r.errorCode;
}

/** DescribeTransactions: the id's state name, or null when the coordinator cannot say (an error). */
export async function transactionState(c: KafkaClientConnection, transactionalId: string): Promise<string | null> {
  const r = await c.request(ApiKey.DescribeTransactions, 0, { transactionalIds: [transactionalId] });
  const s = r.transactionStates[0]!;
  return s.errorCode === ErrorCode.NONE ? s.transactionState : null;
}

/** FindCoordinator (v3): the node id coordinating `key` (keyType 0 a group, 1 a transactional id), or -1. */
export async function findCoordinator(c: KafkaClientConnection, key: string, keyType: 0 | 1): Promise<number> {
  const r = await c.request(ApiKey.FindCoordinator, 3, { key, keyType, coordinatorKeys: [] });
  return r.errorCode === ErrorCode.NONE ? r.nodeId : -1;
}

/** OffsetFetch (v7, require_stable): the group's committed offset of each partition (-1: none). */
export async function committedOffsets(c: KafkaClientConnection, groupId: string, topic: string, partitions: number[]) {
  const r = await c.request(ApiKey.OffsetFetch, 7, {
    groupId,
    topics: [{ name: topic, partitionIndexes: partitions }],
    groups: [],
    requireStable: true,
  });
  if (r.errorCode !== ErrorCode.NONE) return { errorCode: r.errorCode, offsets: [] as number[] };
  const ps = r.topics[0]?.partitions ?? [];
  const bad = ps.find((p) => p.errorCode !== ErrorCode.NONE);
  const offsets = partitions.map((i) => Number(ps.find((p) => p.partitionIndex === i)?.committedOffset ?? -1n));
  return { errorCode: bad?.errorCode ?? ErrorCode.NONE, offsets };
}

/** CreateTopics (v5), every partition on `replicas` (a manual assignment); throws with the broker's message. */
export async function createTopicOn(port: number, topic: string, partitions: number, replicas: number[]): Promise<void> {
  const res = await withConnection(port, (c) =>
    c.request(ApiKey.CreateTopics, 5, {
      topics: [
        {
          name: topic,
          numPartitions: -1,
          replicationFactor: -1,
          assignments: Array.from({ length: partitions }, (_, partitionIndex) => ({ partitionIndex, brokerIds: replicas })),
          configs: [],
        },
      ],
      timeoutMs: 30_000,
      validateOnly: false,
    }),
  );
  const t = res.topics[0]!;
  if (t.errorCode !== ErrorCode.NONE) throw new Error(`CreateTopics ${topic}: error ${t.errorCode} ${t.errorMessage}`);
}
