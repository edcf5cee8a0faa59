/**
 * The client's picture of the cluster from Metadata responses (Kafka's MetadataCache on the client
 * side): brokers by id, the controller, the cluster id, and per topic its partitions with leader,
 * leader epoch, replicas and ISR. A refresh for some topics replaces those topics and the broker
 * list; other topics keep their entries (and their age, for `metadata.max.age.ms`).
 */
import type { MetadataResponse } from '@tarn/protocol';

/** Kafka's Uuid.ZERO_UUID (Uuid.toString form): no topic id. */
export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

export interface BrokerNode {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface PartitionMetadata {
  topic: string;
  partition: number;
  /** The leader's broker id, -1 while there is none. */
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  /** NONE, or why the partition has no usable leader (LEADER_NOT_AVAILABLE…). */
  errorCode: number;
}

export interface TopicMetadata {
  name: string;
  topicId: string;
  isInternal: boolean;
  /** NONE, UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE (being created), TOPIC_AUTHORIZATION_FAILED… */
  errorCode: number;
  /** Sorted by partition number. */
  partitions: PartitionMetadata[];
  /** When this entry was fetched (Date.now()). */
  fetchedAt: number;
}

export class MetadataCache {
  readonly brokers = new Map<number, BrokerNode>();
  readonly topics = new Map<string, TopicMetadata>();
  clusterId: string | null = null;
  controllerId = -1;
  /** When the broker list was last refreshed (0: never). */
  brokersFetchedAt = 0;

  apply(response: MetadataResponse, now = Date.now()): TopicMetadata[] {
    this.brokers.clear();
    for (const b of response.brokers) this.brokers.set(b.nodeId, { nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack });
    this.clusterId = response.clusterId;
    this.controllerId = response.controllerId;
    this.brokersFetchedAt = now;
    const updated: TopicMetadata[] = [];
    for (const t of response.topics) {
      if (t.name === null) continue;
      const name = t.name;
      const previous = this.topics.get(name);
      const known = previous !== undefined && previous.topicId === t.topicId ? previous.partitions : [];
      const partitions = t.partitions
        .map((p): PartitionMetadata => {
          // Kafka's Metadata keeps what it knows when a broker that has not caught up answers with
          // an older leader epoch (fetching from the leader it names would only be fenced)
          const cached = known[p.partitionIndex];
          if (cached?.partition === p.partitionIndex && p.leaderEpoch >= 0 && cached.leaderEpoch > p.leaderEpoch) return cached;
          return {
            topic: name,
            partition: p.partitionIndex,
            leader: p.leaderId,
            leaderEpoch: p.leaderEpoch,
            replicas: p.replicaNodes,
            isr: p.isrNodes,
            offlineReplicas: p.offlineReplicas,
            errorCode: p.errorCode,
          };
        })
        .sort((a, b) => a.partition - b.partition);
      const entry: TopicMetadata = {
        name,
        topicId: t.topicId,
        isInternal: t.isInternal,
        errorCode: t.errorCode,
        partitions,
        fetchedAt: now,
      };
      this.topics.set(name, entry);
      updated.push(entry);
    }
    return updated;
  }

  /** Forget a topic's entry, so the next lookup asks a broker (after NOT_LEADER_OR_FOLLOWER, say). */
  invalidate(topic: string): void {
    this.topics.delete(topic);
  }

  isFresh(topic: string, maxAgeMs: number, now = Date.now()): boolean {
    const t = this.topics.get(topic);
    return t !== undefined && now - t.fetchedAt < maxAgeMs;
  }
}
