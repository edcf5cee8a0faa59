/**
 * Cluster metadata in etcd (DESIGN.md decision 8), the role ZooKeeper played for Kafka:
 *
 *   <prefix>/cluster-id                      the cluster's id (created once)
 *   <prefix>/producer-id-next                next free producer id (compare-and-swap)
 *   <prefix>/brokers/<id>                    a broker's registration, bound to its lease: it vanishes
 *                                            when the broker stops renewing (dies or is cut off)
 *   <prefix>/topics/<name>                   topic id, internal flag, config overrides
 *   <prefix>/partitions/<name>/<partition>   replicas, ISR, leader, leader epoch, partition epoch
 *   <prefix>/scram/<user>/<mechanism>        a user's SCRAM credential (salt, stored and server keys, iterations)
 *   <prefix>/acls/<id>                       one ACL binding
 *   <prefix>/controller                      the controller's node id, bound to its lease: created only
 *                                            when absent, so the first broker to create it wins
 *                                            (Kafka's /controller znode); when it goes, all try again
 *
 * Every write is a transaction guarded by what the writer last saw (create revision 0 for new keys,
 * the key's mod revision for updates), so concurrent writers cannot overwrite each other. All
 * brokers watch the prefix and keep an in-memory image from which reads are served; when etcd is
 * unreachable the image stays as it was (brokers keep serving) and writes fail until it is back.
 */
import { Etcd3, type IKeyValue, type Lease, type Watcher } from 'etcd3';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { Logger } from '../logger';
import { randomClusterId, type BrokerRegistration, type PartitionState, type TopicMetadata } from './cluster-metadata';
import type { MetadataChange, MetadataStore } from './metadata-store';
import { SecurityImage, type ScramCredentialChange, type StoredAcl, type StoredScramCredential } from './security-image';

interface TopicRecord {
  name: string;
  topicId: string;
  internal: boolean;
  configs: Record<string, string>;
}

export interface EtcdMetadataStoreOptions {
  endpoints: string[];
  prefix: string;
  /** Seconds a broker's registration survives without a renewal (`broker.session.timeout.ms` / 1000). */
  leaseTtlSeconds: number;
  clusterIdOverride?: string;
  logger: Logger;
}

export class EtcdMetadataStore implements MetadataStore {
  private readonly client: Etcd3;
  private readonly prefix: string;
  private id = '';
  private readonly topicsByName = new Map<string, TopicRecord>();
  private readonly partitions = new Map<string, PartitionState[]>();
  private readonly revisions = new Map<string, string>();
  private readonly brokerRegs = new Map<number, BrokerRegistration>();
  private readonly listeners = new Set<(c: MetadataChange) => void>();
  private readonly brokerListeners = new Set<() => void>();
  private readonly controllerListeners = new Set<(id: number) => void>();
  private watcher: Watcher | null = null;
  private readonly security = new SecurityImage();
  private lease: Lease | null = null;
  private registration: BrokerRegistration | null = null;
  private controller = -1;
  /** This broker's node id once it runs for controller. */
  private candidate: number | null = null;
  private closed = false;
  private reachable = true;

  constructor(private readonly options: EtcdMetadataStoreOptions) {
    this.client = new Etcd3({ hosts: options.endpoints, dialTimeout: 3000 });
    this.prefix = options.prefix.replace(/\/$/, '') + '/';
  }

  get clusterId(): string {
    return this.id;
  }

  get isReachable(): boolean {
    return this.reachable;
  }

  private key(...parts: Array<string | number>): string {
    return this.prefix + parts.join('/');
  }

  async start(): Promise<void> {
    const idKey = this.key('cluster-id');
    const proposed = this.options.clusterIdOverride ?? randomClusterId();
    await this.client.if(idKey, 'Create', '==', 0).then(this.client.put(idKey).value(proposed)).commit();
    this.id = (await this.client.get(idKey).string()) ?? proposed;
    const all = await this.client.getAll().prefix(this.prefix).exec();
    for (const kv of all.kvs) this.apply(kv, false);
    this.watcher = await this.client
      .watch()
      .prefix(this.prefix)
      .startRevision(String(Number(all.header.revision) + 1))
      .create();
    this.watcher.on('data', (res) => {
      const changes: MetadataChange[] = [];
      let brokersChanged = false;
      let securityChanged = false;
      for (const ev of res.events) {
        const kv = ev.kv!;
        const name = kv.key.toString();
        if (name.startsWith(this.key('brokers') + '/')) brokersChanged = true;
        if (name.startsWith(this.key('scram') + '/') || name.startsWith(this.key('acls') + '/')) securityChanged = true;
        changes.push(...(ev.type === 'Delete' ? this.remove(kv) : this.apply(kv, true)));
      }
      for (const c of changes) for (const l of this.listeners) l(c);
      if (brokersChanged) for (const l of this.brokerListeners) l();
      if (securityChanged) this.security.changed();
    });
    this.watcher.on('disconnected', () => this.setReachable(false, 'watch disconnected'));
    this.watcher.on('connected', () => this.setReachable(true, 'watch reconnected'));
    this.watcher.on('error', (err) => this.options.logger.warn({ err: err.message }, 'etcd watch error'));
  }

  private setReachable(reachable: boolean, why: string): void {
    if (this.reachable === reachable) return;
    this.reachable = reachable;
    if (reachable) this.options.logger.warn({ why }, 'etcd is reachable again; metadata changes resume');
    else
      this.options.logger.error({ why }, 'etcd is unreachable: serving current leaderships, no ISR changes or elections until it returns');
  }

  /** Folds one key into the image; returns the changes it means. */
  private apply(kv: IKeyValue, notify: boolean): MetadataChange[] {
    const name = kv.key.toString();
    const rel = name.slice(this.prefix.length).split('/');
    this.revisions.set(name, String(kv.mod_revision));
    const value = kv.value.toString();
    if (rel[0] === 'brokers' && rel.length === 2) {
      const reg = JSON.parse(value) as BrokerRegistration;
      this.brokerRegs.set(reg.nodeId, reg);
      return [];
    }
    if (rel[0] === 'controller' && rel.length === 1) {
      this.setController(Number(value));
      return [];
    }
    if (rel[0] === 'scram' && rel.length === 3) {
      this.security.setCredential(decodeURIComponent(rel[1]!), rel[2]!, JSON.parse(value) as StoredScramCredential);
      return [];
    }
    if (rel[0] === 'acls' && rel.length === 2) {
      this.security.putAcl(JSON.parse(value) as StoredAcl);
      return [];
    }
    if (rel[0] === 'topics' && rel.length === 2) {
      const t = JSON.parse(value) as TopicRecord;
      const existed = this.topicsByName.has(t.name);
      this.topicsByName.set(t.name, t);
      if (!this.partitions.has(t.name)) this.partitions.set(t.name, []);
      if (!notify) return [];
      return [existed ? { type: 'topic-configs-changed', topic: t.name } : { type: 'topic-created', topic: t.name }];
    }
    if (rel[0] === 'partitions' && rel.length === 3) {
      const topic = rel[1]!;
      const state = JSON.parse(value) as PartitionState;
      const list = this.partitions.get(topic) ?? [];
      const previous = list[state.partition];
      list[state.partition] = state;
      this.partitions.set(topic, list);
      if (!notify) return [];
      if (previous === undefined) return [{ type: 'partitions-added', topic, from: state.partition }];
      return [{ type: 'partition-changed', topic, partition: state.partition, previous, current: state }];
    }
    return [];
  }

  private remove(kv: IKeyValue): MetadataChange[] {
    const name = kv.key.toString();
    this.revisions.delete(name);
    const rel = name.slice(this.prefix.length).split('/');
    if (rel[0] === 'brokers' && rel.length === 2) {
      this.brokerRegs.delete(Number(rel[1]));
      return [];
    }
    if (rel[0] === 'controller' && rel.length === 1) {
      // the controller's lease ended: everyone runs again, one wins
      this.setController(-1);
      void this.tryBecomeController();
      return [];
    }
    if (rel[0] === 'scram' && rel.length === 3) {
      this.security.setCredential(decodeURIComponent(rel[1]!), rel[2]!, null);
      return [];
    }
    if (rel[0] === 'acls' && rel.length === 2) {
      this.security.deleteAcl(rel[1]!);
      return [];
    }
    if (rel[0] === 'topics' && rel.length === 2) {
      const t = this.topicsByName.get(rel[1]!);
      this.topicsByName.delete(rel[1]!);
      this.partitions.delete(rel[1]!);
      return t === undefined ? [] : [{ type: 'topic-deleted', topic: t.name, topicId: t.topicId }];
    }
    return [];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.watcher?.cancel().catch(() => {});
    await this.lease?.revoke().catch(() => {});
    this.client.close();
  }

  // ------------------------------------------------------------ topics and partitions

  topic(name: string): TopicMetadata | undefined {
    const t = this.topicsByName.get(name);
    if (t === undefined) return undefined;
    const partitions = (this.partitions.get(name) ?? []).filter((p): p is PartitionState => p !== undefined);
    return { ...t, partitions };
  }

  topics(): TopicMetadata[] {
    return [...this.topicsByName.keys()].map((n) => this.topic(n)!);
  }

  private unreachable(err: unknown): KafkaError {
    this.setReachable(false, String(err));
    return new KafkaError(ErrorCode.KAFKA_STORAGE_ERROR, `the metadata store (etcd) is unreachable: ${(err as Error).message}`);
  }

  private async commit(build: () => Promise<{ succeeded: boolean }>): Promise<boolean> {
    try {
      const r = await build();
      this.setReachable(true, 'write succeeded');
      return r.succeeded;
    } catch (err) {
      throw this.unreachable(err);
    }
  }

  async createTopic(topic: TopicMetadata): Promise<void> {
    const record: TopicRecord = { name: topic.name, topicId: topic.topicId, internal: topic.internal, configs: topic.configs };
    const ok = await this.commit(() =>
      this.client
        .if(this.key('topics', topic.name), 'Create', '==', 0)
        .then(
          this.client.put(this.key('topics', topic.name)).value(JSON.stringify(record)),
          ...topic.partitions.map((p) => this.client.put(this.key('partitions', topic.name, p.partition)).value(JSON.stringify(p))),
        )
        .commit(),
    );
    if (!ok) throw new KafkaError(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${topic.name}' already exists.`);
    await this.waitUntil(() => this.topic(topic.name)?.partitions.length === topic.partitions.length);
  }

  async deleteTopic(name: string): Promise<void> {
    if (!this.topicsByName.has(name)) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${name}' does not exist`);
    await this.commit(() =>
      this.client
        .if(this.key('topics', name), 'Create', '>', 0)
        .then(this.client.delete().key(this.key('topics', name)), this.client.delete().prefix(this.key('partitions', name) + '/'))
        .commit(),
    );
    await this.waitUntil(() => !this.topicsByName.has(name));
  }

  async setTopicConfigs(name: string, configs: Record<string, string>): Promise<void> {
    const t = this.topicsByName.get(name);
    if (t === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic '${name}' does not exist`);
    const k = this.key('topics', name);
    const ok = await this.commit(() =>
      this.client
        .if(k, 'Mod', '==', this.revisions.get(k) ?? '0')
        .then(this.client.put(k).value(JSON.stringify({ ...t, configs })))
        .commit(),
    );
    if (!ok) throw new KafkaError(ErrorCode.CONCURRENT_TRANSACTIONS, `Topic '${name}' was changed concurrently; retry`);
    await this.waitUntil(() => JSON.stringify(this.topicsByName.get(name)?.configs) === JSON.stringify(configs));
  }

  async addPartitions(name: string, partitions: PartitionState[]): Promise<void> {
    const ok = await this.commit(() =>
      this.client
        .if(this.key('partitions', name, partitions[0]!.partition), 'Create', '==', 0)
        .then(...partitions.map((p) => this.client.put(this.key('partitions', name, p.partition)).value(JSON.stringify(p))))
        .commit(),
    );
    if (!ok) throw new KafkaError(ErrorCode.INVALID_PARTITIONS, `Partitions of '${name}' were added concurrently; retry`);
    const last = partitions.at(-1)!.partition;
    await this.waitUntil(() => this.partitions.get(name)?.[last] !== undefined);
  }

  // ------------------------------------------------------------ users and ACLs

  scramCredential(user: string, mechanism: string): StoredScramCredential | undefined {
    return this.security.scramCredential(user, mechanism);
  }

  scramUsers(): ReturnType<SecurityImage['scramUsers']> {
    return this.security.scramUsers();
  }

  async alterScramCredentials(changes: readonly ScramCredentialChange[]): Promise<void> {
    if (changes.length === 0) return;
    const key = (c: ScramCredentialChange) => this.key('scram', encodeURIComponent(c.user), c.mechanism);
    await this.commit(() =>
      this.client
        .if(this.key('cluster-id'), 'Create', '>', 0)
        .then(
          ...changes.map((c) =>
            c.credential === null ? this.client.delete().key(key(c)) : this.client.put(key(c)).value(JSON.stringify(c.credential)),
          ),
        )
        .commit(),
    );
    await this.waitUntil(() =>
      changes.every((c) => JSON.stringify(this.security.scramCredential(c.user, c.mechanism) ?? null) === JSON.stringify(c.credential)),
    );
  }

  acls(): StoredAcl[] {
    return this.security.acls();
  }

  async alterAcls(add: readonly StoredAcl[], removeIds: readonly string[]): Promise<void> {
    if (add.length === 0 && removeIds.length === 0) return;
    await this.commit(() =>
      this.client
        .if(this.key('cluster-id'), 'Create', '>', 0)
        .then(
          ...removeIds.map((id) => this.client.delete().key(this.key('acls', id))),
          ...add.map((a) => this.client.put(this.key('acls', a.id)).value(JSON.stringify(a))),
        )
        .commit(),
    );
    const added = new Set(add.map((a) => a.id));
    await this.waitUntil(() => {
      const now = new Set(this.security.acls().map((a) => a.id));
      return add.every((a) => now.has(a.id)) && removeIds.every((id) => added.has(id) || !now.has(id));
    });
  }

  onSecurityChange(listener: () => void): () => void {
    return this.security.onChange(listener);
  }

  async updatePartition(name: string, state: PartitionState, expectedPartitionEpoch: number): Promise<boolean> {
    const k = this.key('partitions', name, state.partition);
    const current = this.partitions.get(name)?.[state.partition];
    if (current === undefined || current.partitionEpoch !== expectedPartitionEpoch) return false;
    const next = { ...state, partitionEpoch: expectedPartitionEpoch + 1 };
    const ok = await this.commit(() =>
      this.client
        .if(k, 'Mod', '==', this.revisions.get(k) ?? '0')
        .then(this.client.put(k).value(JSON.stringify(next)))
        .commit(),
    );
    if (ok) await this.waitUntil(() => (this.partitions.get(name)?.[state.partition]?.partitionEpoch ?? -1) >= next.partitionEpoch);
    return ok;
  }

  async allocateProducerIds(count: number): Promise<number> {
    const k = this.key('producer-id-next');
    for (;;) {
      const kv = await this.client
        .get(k)
        .exec()
        .catch((err: unknown) => {
          throw this.unreachable(err);
        });
      const current = kv.kvs[0];
      const first = current === undefined ? 0 : Number(current.value.toString());
      const guard =
        current === undefined ? this.client.if(k, 'Create', '==', 0) : this.client.if(k, 'Mod', '==', String(current.mod_revision));
      if (await this.commit(() => guard.then(this.client.put(k).value(String(first + count))).commit())) return first;
    }
  }

  onChange(listener: (change: MetadataChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits for the watch to bring our own write into the image (read-your-writes for callers). */
  private async waitUntil(pred: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline)
        throw new KafkaError(ErrorCode.REQUEST_TIMED_OUT, 'the metadata change did not come back from etcd in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  // ------------------------------------------------------------ brokers and the controller

  /** Registers this broker under a lease; the registration disappears when the lease expires. */
  async registerBroker(reg: BrokerRegistration): Promise<void> {
    this.registration = reg;
    await this.renewRegistration();
  }

  private async renewRegistration(): Promise<void> {
    if (this.registration === null || this.closed) return;
    const lease = this.client.lease(this.options.leaseTtlSeconds, { autoKeepAlive: true });
    this.lease = lease;
    lease.on('lost', (err) => {
      this.options.logger.error(
        { err: err.message },
        'lost the etcd lease: this broker is considered dead by the cluster until it re-registers',
      );
      this.setReachable(false, 'lease lost');
      // keep trying: a new lease and registration once etcd answers again
      const retry = () => {
        if (this.closed) return;
        this.renewRegistration().catch(() => setTimeout(retry, 1000));
      };
      setTimeout(retry, 500);
    });
    await lease.put(this.key('brokers', this.registration.nodeId)).value(JSON.stringify(this.registration));
    this.setReachable(true, 'registered');
    await this.tryBecomeController();
  }

  async setBrokerState(state: BrokerRegistration['state']): Promise<void> {
    if (this.registration === null || this.lease === null) return;
    this.registration = { ...this.registration, state };
    await this.lease.put(this.key('brokers', this.registration.nodeId)).value(JSON.stringify(this.registration));
  }

  brokers(): BrokerRegistration[] {
    return [...this.brokerRegs.values()].sort((a, b) => a.nodeId - b.nodeId);
  }

  onBrokersChange(listener: () => void): () => void {
    this.brokerListeners.add(listener);
    return () => this.brokerListeners.delete(listener);
  }

  /** Runs for controller: the controller key is created under this broker's lease if absent. */
  async startControllerElection(nodeId: number): Promise<void> {
    this.candidate = nodeId;
    await this.tryBecomeController();
  }

  private async tryBecomeController(): Promise<void> {
    if (this.candidate === null || this.lease === null || this.closed || this.controller >= 0) return;
    const key = this.key('controller');
    try {
      const leaseId = await this.lease.grant();
      await this.client
        .if(key, 'Create', '==', 0)
        .then(this.client.put(key).value(String(this.candidate)).lease(leaseId))
        .commit();
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message }, 'could not run for controller; will retry when the controller key changes');
    }
  }

  private setController(id: number): void {
    if (id === this.controller) return;
    this.controller = id;
    for (const l of this.controllerListeners) l(id);
  }

  get controllerId(): number {
    return this.controller;
  }

  onControllerChange(listener: (id: number) => void): () => void {
    this.controllerListeners.add(listener);
    return () => this.controllerListeners.delete(listener);
  }
}
