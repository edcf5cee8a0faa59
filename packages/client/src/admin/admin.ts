/**
 * The admin client, named as Kafka's Java AdminClient. `Admin.connect({ 'bootstrap.servers': … })`
 * or `new Admin(cluster)` to share a producer's or consumer's Cluster. Every call takes
 * `{ timeoutMs }` (default `default.api.timeout.ms`) and retries Kafka's retriable errors within
 * it; calls over several items (topics, groups, partitions) answer per item: `{ value, error }`.
 */
import { Cluster } from '../cluster/cluster';
import type { ClientConfig } from '../config/client-config';
import type { ClientProperties } from '../config/properties';
import * as acls from './acls';
import { AdminContext, type AdminCallOptions } from './admin-context';
import * as info from './cluster-info';
import * as configs from './config-resources';
import * as offsets from './group-offsets';
import * as groups from './groups';
import * as partitions from './partition-offsets';
import * as partitionAdmin from './partition-admin';
import { resetOffsetsPlan, executeResetPlan, type ResetOffsetsSpec, type ResetPlanEntry } from './reset-offsets';
import * as users from './scram-users';
import * as topics from './topics';
import * as txns from './transactions';

export class Admin {
  private readonly ctx: AdminContext;

  constructor(
    readonly cluster: Cluster,
    /** Whether close() closes the cluster (true when Admin.connect made it). */
    private readonly ownsCluster = false,
  ) {
    this.ctx = new AdminContext(cluster);
  }

  static async connect(config: ClientProperties | ClientConfig): Promise<Admin> {
    return new Admin(await Cluster.connect(config), true);
  }

  close(): void {
    if (this.ownsCluster) this.cluster.close();
  }

  // topics
  createTopics(newTopics: readonly topics.NewTopic[], options?: topics.CreateTopicsOptions) {
    return topics.createTopics(this.ctx, newTopics, options);
  }
  deleteTopics(names: readonly string[], options?: AdminCallOptions) {
    return topics.deleteTopics(this.ctx, names, options);
  }
  listTopics(options?: AdminCallOptions & { listInternal?: boolean }) {
    return topics.listTopics(this.ctx, options);
  }
  describeTopics(names: readonly string[], options?: AdminCallOptions) {
    return topics.describeTopics(this.ctx, names, options);
  }
  createPartitions(increases: Record<string, topics.NewPartitions>, options?: topics.CreateTopicsOptions) {
    return topics.createPartitions(this.ctx, increases, options);
  }

  // configs
  describeConfigs(
    resources: readonly configs.ConfigResource[],
    options?: AdminCallOptions & { includeSynonyms?: boolean; includeDocumentation?: boolean; configNames?: string[] },
  ) {
    return configs.describeConfigs(this.ctx, resources, options);
  }
  incrementalAlterConfigs(
    changes: readonly { resource: configs.ConfigResource; ops: readonly configs.AlterConfigOp[] }[],
    options?: AdminCallOptions & { validateOnly?: boolean },
  ) {
    return configs.incrementalAlterConfigs(this.ctx, changes, options);
  }

  // cluster
  describeCluster(options?: AdminCallOptions) {
    return info.describeCluster(this.ctx, options);
  }
  describeLogDirs(brokerIds?: readonly number[], options?: AdminCallOptions) {
    return info.describeLogDirs(this.ctx, brokerIds, options);
  }

  // consumer groups
  listConsumerGroups(options?: AdminCallOptions & { states?: string[] }) {
    return groups.listConsumerGroups(this.ctx, options);
  }
  describeConsumerGroups(groupIds: readonly string[], options?: AdminCallOptions) {
    return groups.describeConsumerGroups(this.ctx, groupIds, options);
  }
  deleteConsumerGroups(groupIds: readonly string[], options?: AdminCallOptions) {
    return groups.deleteConsumerGroups(this.ctx, groupIds, options);
  }
  listConsumerGroupOffsets(
    groupId: string,
    options?: AdminCallOptions & { partitions?: groups.TopicPartitionRef[]; requireStable?: boolean },
  ) {
    return offsets.listConsumerGroupOffsets(this.ctx, groupId, options);
  }
  alterConsumerGroupOffsets(groupId: string, commits: readonly offsets.OffsetToCommit[], options?: AdminCallOptions) {
    return offsets.alterConsumerGroupOffsets(this.ctx, groupId, commits, options);
  }
  deleteConsumerGroupOffsets(groupId: string, tps: readonly groups.TopicPartitionRef[], options?: AdminCallOptions) {
    return offsets.deleteConsumerGroupOffsets(this.ctx, groupId, tps, options);
  }
  /** kafka-consumer-groups.sh --reset-offsets: the plan (group, topic, partition, new offset), not executed. */
  resetOffsetsPlan(spec: ResetOffsetsSpec, options?: AdminCallOptions): Promise<ResetPlanEntry[]> {
    return resetOffsetsPlan(this.ctx, spec, options);
  }
  /** Commits a plan; refused (INVALID_GROUP_STATE-like error) while the group has active members, as Kafka. */
  executeResetPlan(groupId: string, plan: readonly ResetPlanEntry[], options?: AdminCallOptions) {
    return executeResetPlan(this.ctx, groupId, plan, options);
  }

  // partitions
  listOffsets(
    requests: readonly (groups.TopicPartitionRef & { spec: partitions.OffsetSpec })[],
    options?: AdminCallOptions & { isolationLevel?: 'read_uncommitted' | 'read_committed' },
  ) {
    return partitions.listOffsets(this.ctx, requests, options);
  }
  deleteRecords(requests: readonly (groups.TopicPartitionRef & { beforeOffset: number })[], options?: AdminCallOptions) {
    return partitions.deleteRecords(this.ctx, requests, options);
  }

  describeProducers(tps: readonly groups.TopicPartitionRef[], options?: AdminCallOptions) {
    return partitionAdmin.describeProducers(this.ctx, tps, options);
  }
  /** kafka-leader-election.sh: null partitions = all whose preferred replica does not lead. */
  electLeaders(electionType: partitionAdmin.ElectionType, tps: readonly groups.TopicPartitionRef[] | null, options?: AdminCallOptions) {
    return partitionAdmin.electLeaders(this.ctx, electionType, tps, options);
  }
  listPartitionReassignments(tps?: readonly groups.TopicPartitionRef[], options?: AdminCallOptions) {
    return partitionAdmin.listPartitionReassignments(this.ctx, tps, options);
  }
  alterPartitionReassignments(
    reassignments: readonly (groups.TopicPartitionRef & { replicas: number[] | null })[],
    options?: AdminCallOptions,
  ) {
    return partitionAdmin.alterPartitionReassignments(this.ctx, reassignments, options);
  }

  // ACLs, users, transactions
  describeAcls(filter?: acls.AclBindingFilter, options?: AdminCallOptions) {
    return acls.describeAcls(this.ctx, filter, options);
  }
  createAcls(bindings: readonly acls.AclBinding[], options?: AdminCallOptions) {
    return acls.createAcls(this.ctx, bindings, options);
  }
  deleteAcls(filters: readonly acls.AclBindingFilter[], options?: AdminCallOptions) {
    return acls.deleteAcls(this.ctx, filters, options);
  }
  describeUserScramCredentials(userNames?: readonly string[], options?: AdminCallOptions) {
    return users.describeUserScramCredentials(this.ctx, userNames, options);
  }
  alterUserScramCredentials(alterations: readonly users.UserScramCredentialAlteration[], options?: AdminCallOptions) {
    return users.alterUserScramCredentials(this.ctx, alterations, options);
  }
  listTransactions(options?: AdminCallOptions & { states?: string[]; producerIds?: bigint[]; durationMs?: number }) {
    return txns.listTransactions(this.ctx, options);
  }
  describeTransactions(transactionalIds: readonly string[], options?: AdminCallOptions) {
    return txns.describeTransactions(this.ctx, transactionalIds, options);
  }
}
