/**
 * `__transaction_state`: created on first need (FindCoordinator for a transactional id, or
 * InitProducerId) as an internal, compacted topic with transaction.state.log.num.partitions partitions,
 * transaction.state.log.replication.factor replicas and min.insync.replicas =
 * transaction.state.log.min.isr — the configs Kafka gives it. Once it exists its own partition count
 * decides where transactional ids live (a log dir written by Kafka keeps its layout).
 */
import type { TransactionConfig } from '../config/broker-config';
import type { Logger } from '../logger';
import { InternalTopicCreation } from '../metadata/internal-topic';
import type { MetadataStore } from '../metadata/metadata-store';
import type { TopicAdmin } from '../metadata/topic-admin';
import { TRANSACTION_STATE_TOPIC_NAME } from '../metadata/topic-name';
import { kafkaAbs, javaStringHashCode } from '../group/partition-for-group';
import type { Partition } from '../replica/partition';
import type { AppendResult, ReplicaManager } from '../replica/replica-manager';

/** The configs Kafka gives `__transaction_state`. */
export function transactionTopicConfigs(config: TransactionConfig): Record<string, string> {
  return {
    'cleanup.policy': 'compact',
    'segment.bytes': String(config.stateLogSegmentBytes),
    'min.insync.replicas': String(config.stateLogMinIsr),
    'unclean.leader.election.enable': 'false',
    'compression.type': 'uncompressed',
  };
}

export class TransactionTopic {
  private readonly creation: InternalTopicCreation;

  constructor(
    private readonly config: TransactionConfig,
    private readonly metadata: MetadataStore,
    topicAdmin: TopicAdmin,
    private readonly replicaManager: ReplicaManager,
    logger: Logger,
  ) {
    this.creation = new InternalTopicCreation(metadata, topicAdmin, logger);
  }

  get exists(): boolean {
    return this.metadata.topic(TRANSACTION_STATE_TOPIC_NAME) !== undefined;
  }

  numPartitions(): number {
    return this.metadata.topic(TRANSACTION_STATE_TOPIC_NAME)?.partitions.length ?? this.config.stateLogNumPartitions;
  }

  /** Kafka's TransactionStateManager.partitionFor: `Utils.abs(transactionalId.hashCode) % partitions`. */
  partitionFor(transactionalId: string): number {
    return kafkaAbs(javaStringHashCode(transactionalId)) % this.numPartitions();
  }

  /** The broker leading the partition of a transactional id, or -1. */
  leaderFor(transactionalId: string): number {
    const p = this.metadata.topic(TRANSACTION_STATE_TOPIC_NAME)?.partitions[this.partitionFor(transactionalId)];
    return p?.leader ?? -1;
  }

  partition(index: number): Partition | undefined {
    return this.replicaManager.getPartition(TRANSACTION_STATE_TOPIC_NAME, index);
  }

  /** Kafka writes transaction state with acks=all (TransactionLog.EnforcedRequiredAcks). */
  async append(index: number, records: Buffer, timeoutMs: number): Promise<AppendResult> {
    const [result] = await this.replicaManager.appendRecords(
      -1,
      timeoutMs,
      [{ topic: TRANSACTION_STATE_TOPIC_NAME, partition: index, records }],
      'coordinator',
    );
    return result!;
  }

  /** Creates the topic unless it exists; concurrent callers share one creation. */
  ensure(): Promise<void> {
    return this.creation.ensure(() => ({
      name: TRANSACTION_STATE_TOPIC_NAME,
      numPartitions: this.config.stateLogNumPartitions,
      replicationFactor: this.config.stateLogReplicationFactor,
      configs: transactionTopicConfigs(this.config),
    }));
  }
}
