/**
 * The client's picture of the cluster from Metadata responses (Kafka's MetadataCache on the client
 * side): brokers by id, the controller, the cluster id, and per topic its partitions with leader,
 * leader epoch, replicas and ISR. A refresh for some topics replaces those topics and the broker
 * list; other topics keep their entries (and their age, for `metadata.max.age.ms`).
 */
import { ErrorCode, type MetadataResponse } from '@tarn/protocol';

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
  private readonly lastSeenEpochs = new Map<string, { topicId: string; epochs: Map<number, number> }>();
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
      // a deleted topic may come back with epochs from 0 (and, before Metadata v10, no id to tell)
      if (t.errorCode === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION) this.lastSeenEpochs.delete(name);
      const seen = this.seenEpochs(name, t.topicId);
      const cached = this.topics.get(name);
      const partitions = t.partitions
        .map((p): PartitionMetadata => {
          const fresh: PartitionMetadata = {
            topic: name,
            partition: p.partitionIndex,
            leader: p.leaderId,
            leaderEpoch: p.leaderEpoch,
            replicas: p.replicaNodes,
            isr: p.isrNodes,
            offlineReplicas: p.offlineReplicas,
            errorCode: p.errorCode,
          };
          const last = seen.epochs.get(p.partitionIndex) ?? -1;
          if (p.leaderEpoch < 0 || p.leaderEpoch >= last) {
            if (p.leaderEpoch >= 0) seen.epochs.set(p.partitionIndex, p.leaderEpoch);
            return fresh;
          }
          // Kafka's Metadata: an answer from a broker that has not caught up (an older leader epoch)
          // does not replace what is known; with nothing cached, no leader until the next refresh
          const known = cached?.partitions[p.partitionIndex];
          if (known?.partition === p.partitionIndex && known.leaderEpoch === last) return known;
          return { ...fresh, leader: -1, leaderEpoch: last, errorCode: ErrorCode.LEADER_NOT_AVAILABLE };
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

  /**
   * The newest leader epoch seen per partition of a topic (Kafka's lastSeenLeaderEpochs): kept when
   * the entry is invalidated, forgotten when the topic id changes (the topic was created again).
   * A zero id (Metadata before v10) is no id.
   */
  private seenEpochs(topic: string, topicId: string): { topicId: string; epochs: Map<number, number> } {
    let seen = this.lastSeenEpochs.get(topic);
    const changed = seen !== undefined && seen.topicId !== topicId && seen.topicId !== ZERO_UUID && topicId !== ZERO_UUID;
    if (seen === undefined || changed) this.lastSeenEpochs.set(topic, (seen = { topicId, epochs: new Map() }));
    else if (seen.topicId === ZERO_UUID) seen.topicId = topicId;
    return seen;
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
