/**
 * `__consumer_offsets`: created on first need (FindCoordinator, or a console action) as an internal,
 * compacted topic with offsets.topic.num.partitions partitions and offsets.topic.replication.factor
 * replicas, segment.bytes = offsets.topic.segment.bytes and compression.type=producer — the configs
 * Kafka gives it. Once it exists its own partition count decides where groups live, whatever the
 * broker config says now (a log dir written by Kafka keeps its layout).
 */
import type { Logger } from '../logger';
import { InternalTopicCreation } from '../metadata/internal-topic';
import type { MetadataStore } from '../metadata/metadata-store';
import type { TopicAdmin } from '../metadata/topic-admin';
import { GROUP_METADATA_TOPIC_NAME } from '../metadata/topic-name';
import type { Partition } from '../replica/partition';
import type { AppendResult, ReplicaManager } from '../replica/replica-manager';
import type { GroupConfig } from '../config/broker-config';
import type { OffsetsTopicAccess } from './group-metadata-manager';

export function offsetsTopicConfigs(segmentBytes: number): Record<string, string> {
  return { 'cleanup.policy': 'compact', 'segment.bytes': String(segmentBytes), 'compression.type': 'producer' };
}

export class OffsetsTopic implements OffsetsTopicAccess {
  private readonly creation: InternalTopicCreation;

  constructor(
    private readonly config: GroupConfig,
    private readonly metadata: MetadataStore,
    topicAdmin: TopicAdmin,
    private readonly replicaManager: ReplicaManager,
    logger: Logger,
  ) {
    this.creation = new InternalTopicCreation(metadata, topicAdmin, logger);
  }

  get exists(): boolean {
    return this.metadata.topic(GROUP_METADATA_TOPIC_NAME) !== undefined;
  }

  numPartitions(): number {
    return this.metadata.topic(GROUP_METADATA_TOPIC_NAME)?.partitions.length ?? this.config.offsetsTopicNumPartitions;
  }

  partition(index: number): Partition | undefined {
    return this.replicaManager.getPartition(GROUP_METADATA_TOPIC_NAME, index);
  }

  async append(index: number, records: Buffer, acks: number, timeoutMs: number): Promise<AppendResult> {
    const [result] = await this.replicaManager.appendRecords(
      acks,
      timeoutMs,
      [{ topic: GROUP_METADATA_TOPIC_NAME, partition: index, records }],
      'coordinator',
    );
    return result!;
  }

  /** Creates the topic unless it exists; concurrent callers share one creation. */
  ensure(): Promise<void> {
    return this.creation.ensure(() => ({
      name: GROUP_METADATA_TOPIC_NAME,
      numPartitions: this.config.offsetsTopicNumPartitions,
      replicationFactor: this.config.offsetsTopicReplicationFactor,
      configs: offsetsTopicConfigs(this.config.offsetsTopicSegmentBytes),
    }));
  }
}
