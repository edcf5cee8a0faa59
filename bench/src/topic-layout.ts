// Where a topic's partitions live, as a client learns it from Metadata (v12): its topic id (Fetch
// v13+ names topics by id), and each partition's leader, leader epoch and ISR.
import { ApiKey, ErrorCode, MetadataRequestTypes, errorName } from '@tarn/protocol';
import type { PipelinedConnection } from './pipelined-connection';

export interface PartitionLayout {
  partition: number;
  leaderId: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
}

export interface TopicLayout {
  topic: string;
  topicId: string;
  partitions: PartitionLayout[];
  /** node id → port (every broker is on loopback here) */
  brokers: Map<number, number>;
}

export async function topicLayout(conn: PipelinedConnection, topic: string): Promise<TopicLayout> {
  const md = await conn.request(ApiKey.Metadata, 12, {
    ...MetadataRequestTypes.defaultMetadataRequest(),
    topics: [{ ...MetadataRequestTypes.defaultMetadataRequestTopic(), name: topic }],
    allowAutoTopicCreation: false,
  });
  const t = md.topics[0];
  if (t === undefined || t.errorCode !== ErrorCode.NONE)
    throw new Error(`Metadata ${topic}: ${errorName(t?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR)}`);
  return {
    topic,
    topicId: t.topicId,
    partitions: t.partitions
      .map((p) => ({
        partition: p.partitionIndex,
        leaderId: p.leaderId,
        leaderEpoch: p.leaderEpoch,
        replicas: p.replicaNodes,
        isr: p.isrNodes,
      }))
      .sort((a, b) => a.partition - b.partition),
    brokers: new Map(md.brokers.map((b) => [b.nodeId, b.port])),
  };
}

/** Polls Metadata until every partition has a leader and its full replica set in the ISR. */
export async function waitForFullIsr(
  conn: PipelinedConnection,
  topic: string,
  partitions: number,
  timeoutMs = 30_000,
): Promise<TopicLayout> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const layout = await topicLayout(conn, topic).catch(() => null);
    if (
      layout !== null &&
      layout.partitions.length === partitions &&
      layout.partitions.every((p) => p.leaderId >= 0 && p.isr.length === p.replicas.length)
    )
      return layout;
    if (performance.now() > deadline) throw new Error(`${topic}: partitions without a leader or a full ISR after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
