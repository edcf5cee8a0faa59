/**
 * Where cluster metadata lives (DESIGN.md decision 8): `embedded` for a single node, `etcd` for a
 * cluster. Reads come from an in-memory image that the store keeps current; every change is a
 * conditional write, and listeners hear about changes whoever made them.
 */
import type { BrokerRegistration, PartitionState, TopicMetadata } from './cluster-metadata';
import type { SecurityStore } from './security-image';

export type MetadataChange =
  | { type: 'topic-created'; topic: string }
  | { type: 'topic-deleted'; topic: string; topicId: string }
  | { type: 'topic-configs-changed'; topic: string }
  | { type: 'partitions-added'; topic: string; from: number }
  | { type: 'partition-changed'; topic: string; partition: number; previous: PartitionState; current: PartitionState };

export interface MetadataStore extends SecurityStore {
  readonly clusterId: string;
  start(): Promise<void>;
  close(): Promise<void>;
  topic(name: string): TopicMetadata | undefined;
  topics(): TopicMetadata[];
  /** Throws TOPIC_ALREADY_EXISTS. */
  createTopic(topic: TopicMetadata): Promise<void>;
  deleteTopic(name: string): Promise<void>;
  setTopicConfigs(name: string, configs: Record<string, string>): Promise<void>;
  addPartitions(name: string, partitions: PartitionState[]): Promise<void>;
  /** Replaces a partition's state if its partitionEpoch still equals `expectedPartitionEpoch`. */
  updatePartition(name: string, state: PartitionState, expectedPartitionEpoch: number): Promise<boolean>;
  /** Reserves `count` consecutive producer ids and returns the first. */
  allocateProducerIds(count: number): Promise<number>;
  onChange(listener: (change: MetadataChange) => void): () => void;

  /** Announces this broker; in a cluster the registration lives only as long as the broker renews it. */
  registerBroker(registration: BrokerRegistration): Promise<void>;
  setBrokerState(state: BrokerRegistration['state']): Promise<void>;
  /** Live (registered) brokers. */
  brokers(): BrokerRegistration[];
  onBrokersChange(listener: () => void): () => void;
  /** Joins the election for the controller role (the single node simply is the controller). */
  startControllerElection(nodeId: number): Promise<void>;
  readonly controllerId: number;
  onControllerChange(listener: (nodeId: number) => void): () => void;
  /** False while the store cannot be reached: no metadata changes are possible then. */
  readonly isReachable: boolean;
}
