/**
 * Topic administration (what Kafka's controller does for CreateTopics, DeleteTopics,
 * CreatePartitions and the config APIs): validation with Kafka's errors and messages, replica
 * placement, and the metadata writes. validate-only requests run every check and write nothing.
 */
import type { TopicDefaults } from '../config/broker-config';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { TOPIC_CONFIG_BY_NAME, validateTopicConfig } from '@tarn/storage';
import type { Logger } from '../logger';
import { randomTopicId, type PartitionState, type TopicMetadata } from './cluster-metadata';
import type { MetadataStore } from './metadata-store';
import { hasCollisionChars, isInternalTopic, unifyCollisionChars, validateTopicName } from './topic-name';

export interface CreateTopicArgs {
  name: string;
  /** -1: the broker's num.partitions */
  numPartitions: number;
  /** -1: the broker's default.replication.factor */
  replicationFactor: number;
  /** Manual placement: partition index → broker ids (then numPartitions/replicationFactor must be -1). */
  assignments?: Array<{ partition: number; brokerIds: number[] }>;
  configs?: Record<string, string>;
}

export type ConfigOp = { name: string; op: 'set' | 'delete' | 'append' | 'subtract'; value: string | null };

export type TopicAdminDefaults = Pick<TopicDefaults, 'numPartitions' | 'replicationFactor' | 'deleteTopicEnable'>;

/**
 * At most this many partitions are created by one request, as Kafka's controller bounds the records
 * of one operation (MAX_RECORDS_PER_USER_OP, KAFKA-14996): a bit flip in num_partitions must not make
 * the broker build two billion partitions.
 */
export const MAX_PARTITIONS_PER_REQUEST = 10_000;

export function batchSizeError(partitions: number): KafkaError | null {
  if (partitions <= MAX_PARTITIONS_PER_REQUEST) return null;
  return new KafkaError(
    ErrorCode.POLICY_VIOLATION,
    `Unable to perform excessively large batch operation (${partitions} partitions; at most ${MAX_PARTITIONS_PER_REQUEST} per request).`,
  );
}

function checkBatchSize(partitions: number): void {
  const error = batchSizeError(partitions);
  if (error !== null) throw error;
}

export class TopicAdmin {
  constructor(
    private readonly store: MetadataStore,
    private readonly liveBrokers: () => number[],
    private readonly defaults: TopicAdminDefaults,
    private readonly logger: Logger,
  ) {}

  private unknownTopic(name: string): KafkaError {
    return new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${name}' does not exist.`);
  }

  /** Checks a topic config map; unknown names and bad values are INVALID_CONFIG. */
  validateConfigs(configs: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(configs)) {
      if (!TOPIC_CONFIG_BY_NAME.has(name)) throw new KafkaError(ErrorCode.INVALID_CONFIG, `Unknown topic config name: ${name}`);
      out[name] = validateTopicConfig(name, value);
    }
    return out;
  }

  /** Round-robin placement starting at a rotating broker (Kafka's rack-unaware assignment). */
  private placeReplicas(numPartitions: number, replicationFactor: number, firstPartition: number): number[][] {
    checkBatchSize(numPartitions);
    const brokers = [...this.liveBrokers()].sort((a, b) => a - b);
    if (replicationFactor > brokers.length) {
      throw new KafkaError(
        ErrorCode.INVALID_REPLICATION_FACTOR,
        `Replication factor: ${replicationFactor} larger than available brokers: ${brokers.length}.`,
      );
    }
    const start = Math.floor(Math.random() * brokers.length);
    return Array.from({ length: numPartitions }, (_, i) => {
      const p = firstPartition + i;
      return Array.from({ length: replicationFactor }, (_, r) => brokers[(start + p + r) % brokers.length]!);
    });
  }

  private stateFor(partition: number, replicas: number[]): PartitionState {
    return { partition, replicas, isr: [...replicas], leader: replicas[0]!, leaderEpoch: 0, partitionEpoch: 0 };
  }

  /** Builds (and unless validateOnly, creates) a topic. */
  async createTopic(args: CreateTopicArgs, options: { validateOnly?: boolean; internal?: boolean } = {}): Promise<TopicMetadata> {
    validateTopicName(args.name);
    if (isInternalTopic(args.name) && !options.internal) {
      throw new KafkaError(ErrorCode.INVALID_REQUEST, `Creation of internal topic ${args.name} is reserved to the broker`);
    }
    if (this.store.topic(args.name) !== undefined)
      throw new KafkaError(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${args.name}' already exists.`);
    if (hasCollisionChars(args.name)) {
      const unified = unifyCollisionChars(args.name);
      const clash = this.store.topics().find((t) => unifyCollisionChars(t.name) === unified);
      if (clash)
        throw new KafkaError(ErrorCode.INVALID_TOPIC_EXCEPTION, `Topic '${args.name}' collides with existing topic: ${clash.name}`);
      // as Kafka, a warning for users' topics; internal ones (__consumer_offsets) are named by design
      if (!options.internal)
        this.logger.warn({ topic: args.name }, "topic names with a period ('.') or underscore ('_') could collide; use one or the other");
    }
    const configs = this.validateConfigs(args.configs ?? {});
    let replicaSets: number[][];
    if (args.assignments !== undefined && args.assignments.length > 0) {
      if (args.numPartitions !== -1 || args.replicationFactor !== -1) {
        throw new KafkaError(
          ErrorCode.INVALID_REQUEST,
          'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.',
        );
      }
      checkBatchSize(args.assignments.length);
      replicaSets = this.validateAssignments(args.assignments, 0);
    } else {
      const numPartitions = args.numPartitions === -1 ? this.defaults.numPartitions : args.numPartitions;
      const rf = args.replicationFactor === -1 ? this.defaults.replicationFactor : args.replicationFactor;
      if (numPartitions <= 0) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, 'Number of partitions must be larger than 0.');
      if (rf <= 0) throw new KafkaError(ErrorCode.INVALID_REPLICATION_FACTOR, 'Replication factor must be larger than 0.');
      replicaSets = this.placeReplicas(numPartitions, rf, 0);
    }
    const topic: TopicMetadata = {
      name: args.name,
      topicId: randomTopicId(),
      internal: isInternalTopic(args.name),
      partitions: replicaSets.map((r, i) => this.stateFor(i, r)),
      configs,
    };
    if (!options.validateOnly) {
      await this.store.createTopic(topic);
      this.logger.info({ topic: topic.name, topicId: topic.topicId, partitions: topic.partitions.length, configs }, 'created topic');
    }
    return topic;
  }

  private validateAssignments(assignments: Array<{ partition: number; brokerIds: number[] }>, firstPartition: number): number[][] {
    const live = new Set(this.liveBrokers());
    const sorted = [...assignments].sort((a, b) => a.partition - b.partition);
    return sorted.map((a, i) => {
      if (a.partition !== firstPartition + i) {
        throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Partitions should be consecutive and start at ${firstPartition}`);
      }
      if (a.brokerIds.length === 0)
        throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Empty replica list for partition ${a.partition}`);
      if (new Set(a.brokerIds).size !== a.brokerIds.length) {
        throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Duplicate brokers in the replica list of partition ${a.partition}`);
      }
      for (const b of a.brokerIds) {
        if (!live.has(b))
          throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Unknown broker ${b} in the assignment of partition ${a.partition}`);
      }
      if (a.brokerIds.length !== sorted[0]!.brokerIds.length) {
        throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, 'All partitions should have the same number of replicas');
      }
      return a.brokerIds;
    });
  }

  async deleteTopic(name: string): Promise<void> {
    if (!this.defaults.deleteTopicEnable)
      throw new KafkaError(ErrorCode.TOPIC_DELETION_DISABLED, 'Topic deletion is disabled (delete.topic.enable=false).');
    const topic = this.store.topic(name);
    if (topic === undefined) throw this.unknownTopic(name);
    if (topic.internal) throw new KafkaError(ErrorCode.INVALID_TOPIC_EXCEPTION, `Internal topic ${name} cannot be deleted`);
    await this.store.deleteTopic(name);
    this.logger.info({ topic: name, topicId: topic.topicId }, 'deleted topic');
  }

  async createPartitions(name: string, count: number, assignments: number[][] | null, validateOnly: boolean): Promise<void> {
    const topic = this.store.topic(name);
    if (topic === undefined) throw this.unknownTopic(name);
    const current = topic.partitions.length;
    if (count < current)
      throw new KafkaError(
        ErrorCode.INVALID_PARTITIONS,
        `Topic currently has ${current} partitions, which is higher than the requested ${count}.`,
      );
    if (count === current) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partitions.`);
    const rf = topic.partitions[0]?.replicas.length ?? 1;
    let sets: number[][];
    if (assignments !== null) {
      checkBatchSize(assignments.length);
      if (assignments.length !== count - current) {
        throw new KafkaError(
          ErrorCode.INVALID_REPLICA_ASSIGNMENT,
          `Increasing the number of partitions by ${count - current} but ${assignments.length} assignments provided.`,
        );
      }
      sets = this.validateAssignments(
        assignments.map((brokerIds, i) => ({ partition: current + i, brokerIds })),
        current,
      );
      if (sets.some((s) => s.length !== rf))
        throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Inconsistent replication factor, expected ${rf}`);
    } else {
      sets = this.placeReplicas(count - current, rf, current);
    }
    if (validateOnly) return;
    await this.store.addPartitions(
      name,
      sets.map((r, i) => this.stateFor(current + i, r)),
    );
    this.logger.info({ topic: name, from: current, to: count }, 'added partitions');
  }

  /** AlterConfigs: the given set replaces every override of the topic. */
  async replaceConfigs(name: string, configs: Record<string, string>, validateOnly: boolean): Promise<void> {
    if (this.store.topic(name) === undefined) throw this.unknownTopic(name);
    const valid = this.validateConfigs(configs);
    if (!validateOnly) await this.store.setTopicConfigs(name, valid);
  }

  /** IncrementalAlterConfigs: SET, DELETE, APPEND and SUBTRACT on individual configs. */
  async incrementalAlterConfigs(name: string, ops: ConfigOp[], validateOnly: boolean): Promise<void> {
    const topic = this.store.topic(name);
    if (topic === undefined) throw this.unknownTopic(name);
    const next = { ...topic.configs };
    const seen = new Set<string>();
    for (const op of ops) {
      if (seen.has(op.name)) throw new KafkaError(ErrorCode.INVALID_REQUEST, `Error due to duplicate config keys: ${op.name}`);
      seen.add(op.name);
      const def = TOPIC_CONFIG_BY_NAME.get(op.name);
      if (def === undefined) throw new KafkaError(ErrorCode.INVALID_CONFIG, `Unknown topic config name: ${op.name}`);
      if (op.op === 'delete') {
        delete next[op.name];
        continue;
      }
      if (op.value === null) throw new KafkaError(ErrorCode.INVALID_CONFIG, `Null value not supported for : ${op.name}`);
      if (op.op === 'set') next[op.name] = op.value;
      else {
        if (def.type !== 'list')
          throw new KafkaError(ErrorCode.INVALID_CONFIG, `Config value append is not allowed for config key: ${op.name}`);
        const current = (next[op.name] ?? def.default)
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const items = op.value
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        next[op.name] = (
          op.op === 'append' ? [...current, ...items.filter((i) => !current.includes(i))] : current.filter((c) => !items.includes(c))
        ).join(',');
      }
    }
    const valid = this.validateConfigs(next);
    if (!validateOnly) await this.store.setTopicConfigs(name, valid);
  }
}
