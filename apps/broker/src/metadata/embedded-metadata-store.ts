/**
 * Single-node metadata: the whole image in memory, persisted as one JSON file in the first log dir
 * (`tarn-metadata.json`, written to `.tmp`, fsynced and renamed on every change). A change is
 * answered, and announced to listeners, only once the file holding it is on disk. The writes
 * happen off the event loop and changes made while one is in flight share the next write: with
 * thousands of topics the file is megabytes, and an fsync can last a journal commit.
 */
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import { randomClusterId, type BrokerRegistration, type PartitionState, type TopicMetadata } from './cluster-metadata';
import type { MetadataChange, MetadataStore } from './metadata-store';
import {
  SecurityImage,
  type ScramCredentialChange,
  type SecuritySnapshot,
  type StoredAcl,
  type StoredScramCredential,
} from './security-image';

export const EMBEDDED_METADATA_FILE = 'tarn-metadata.json';

interface Image {
  version: 1;
  clusterId: string;
  nextProducerId: number;
  topics: TopicMetadata[];
  /** SCRAM credentials and ACLs (absent in files written before tarn had them). */
  security?: SecuritySnapshot;
}

export class EmbeddedMetadataStore implements MetadataStore {
  private image!: Image;
  private readonly byName = new Map<string, TopicMetadata>();
  private readonly security = new SecurityImage();
  private readonly listeners = new Set<(c: MetadataChange) => void>();
  private readonly brokerListeners = new Set<() => void>();
  private registration: BrokerRegistration | null = null;
  private controller = -1;
  private readonly path: string;
  private writing = false;
  private waiting: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];

  constructor(
    private readonly dir: string,
    private readonly clusterIdOverride?: string,
  ) {
    this.path = join(dir, EMBEDDED_METADATA_FILE);
  }

  get clusterId(): string {
    return this.image.clusterId;
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    if (existsSync(this.path)) {
      this.image = JSON.parse(readFileSync(this.path, 'utf8')) as Image;
      if (this.image.version !== 1) throw new Error(`${this.path}: unsupported metadata version ${String(this.image.version)}`);
    } else {
      this.image = { version: 1, clusterId: this.clusterIdOverride ?? randomClusterId(), nextProducerId: 0, topics: [] };
      await this.persist();
    }
    for (const t of this.image.topics) this.byName.set(t.name, t);
    this.security.load(this.image.security);
  }

  async close(): Promise<void> {}

  /** Resolves once a write that includes every change made so far is on disk. */
  private persist(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.writing) void this.writeNext();
    });
  }

  private async writeNext(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const waiters = this.waiting.splice(0);
      this.image.topics = [...this.byName.values()];
      this.image.security = this.security.snapshot();
      const data = JSON.stringify(this.image, null, 1);
      const tmp = `${this.path}.tmp`;
      try {
        const file = await open(tmp, 'w');
        try {
          await file.writeFile(data);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(tmp, this.path);
        for (const w of waiters) w.resolve();
      } catch (err) {
        const failure = new KafkaError(ErrorCode.KAFKA_STORAGE_ERROR, `cannot write ${this.path}: ${(err as Error).message}`, {
          cause: err,
        });
        for (const w of waiters) w.reject(failure);
      }
    }
    this.writing = false;
  }

  private emit(change: MetadataChange): void {
    for (const l of this.listeners) l(change);
  }

  topic(name: string): TopicMetadata | undefined {
    return this.byName.get(name);
  }

  topics(): TopicMetadata[] {
    return [...this.byName.values()];
  }

  private mustGet(name: string): TopicMetadata {
    const t = this.byName.get(name);
    if (t === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${name}' does not exist`);
    return t;
  }

  async createTopic(topic: TopicMetadata): Promise<void> {
    if (this.byName.has(topic.name)) throw new KafkaError(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${topic.name}' already exists.`);
    this.byName.set(topic.name, structuredClone(topic));
    await this.persist();
    this.emit({ type: 'topic-created', topic: topic.name });
  }

  async deleteTopic(name: string): Promise<void> {
    const t = this.mustGet(name);
    this.byName.delete(name);
    await this.persist();
    this.emit({ type: 'topic-deleted', topic: name, topicId: t.topicId });
  }

  async setTopicConfigs(name: string, configs: Record<string, string>): Promise<void> {
    this.mustGet(name).configs = { ...configs };
    await this.persist();
    this.emit({ type: 'topic-configs-changed', topic: name });
  }

  async addPartitions(name: string, partitions: PartitionState[]): Promise<void> {
    const t = this.mustGet(name);
    const from = t.partitions.length;
    t.partitions.push(...structuredClone(partitions));
    await this.persist();
    this.emit({ type: 'partitions-added', topic: name, from });
  }

  async updatePartition(name: string, state: PartitionState, expectedPartitionEpoch: number): Promise<boolean> {
    const t = this.mustGet(name);
    const previous = t.partitions[state.partition];
    if (previous === undefined || previous.partitionEpoch !== expectedPartitionEpoch) return false;
    const current = { ...structuredClone(state), partitionEpoch: expectedPartitionEpoch + 1 };
    t.partitions[state.partition] = current;
    await this.persist();
    this.emit({ type: 'partition-changed', topic: name, partition: state.partition, previous, current });
    return true;
  }

  async allocateProducerIds(count: number): Promise<number> {
    const first = this.image.nextProducerId;
    this.image.nextProducerId += count;
    await this.persist();
    return first;
  }

  // ------------------------------------------------------------ users and ACLs

  scramCredential(user: string, mechanism: string): StoredScramCredential | undefined {
    return this.security.scramCredential(user, mechanism);
  }

  scramUsers(): ReturnType<SecurityImage['scramUsers']> {
    return this.security.scramUsers();
  }

  async alterScramCredentials(changes: readonly ScramCredentialChange[]): Promise<void> {
    for (const c of changes) this.security.setCredential(c.user, c.mechanism, c.credential);
    await this.persist();
    this.security.changed();
  }

  acls(): StoredAcl[] {
    return this.security.acls();
  }

  async alterAcls(add: readonly StoredAcl[], removeIds: readonly string[]): Promise<void> {
    for (const id of removeIds) this.security.deleteAcl(id);
    for (const acl of add) this.security.putAcl(acl);
    await this.persist();
    this.security.changed();
  }

  onSecurityChange(listener: () => void): () => void {
    return this.security.onChange(listener);
  }

  onChange(listener: (change: MetadataChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // A single node: its own registration is the whole cluster, and it is the controller.
  async registerBroker(registration: BrokerRegistration): Promise<void> {
    this.registration = registration;
    for (const l of this.brokerListeners) l();
  }

  async setBrokerState(state: BrokerRegistration['state']): Promise<void> {
    if (this.registration !== null) this.registration = { ...this.registration, state };
    for (const l of this.brokerListeners) l();
  }

  brokers(): BrokerRegistration[] {
    return this.registration === null ? [] : [this.registration];
  }

  onBrokersChange(listener: () => void): () => void {
    this.brokerListeners.add(listener);
    return () => this.brokerListeners.delete(listener);
  }

  async startControllerElection(nodeId: number): Promise<void> {
    this.controller = nodeId;
  }

  get controllerId(): number {
    return this.controller;
  }

  onControllerChange(): () => void {
    return () => {};
  }

  get isReachable(): boolean {
    return true;
  }
}
