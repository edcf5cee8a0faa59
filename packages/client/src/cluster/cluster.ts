/**
 * A client's view of a Kafka cluster, shared by producer, consumer and admin: one connection per
 * broker (opened on first use, re-opened after a failure with `reconnect.backoff.ms` doubling up to
 * `reconnect.backoff.max.ms`), version negotiation per broker, the metadata cache, and coordinator
 * lookups. Bootstrap servers are reached as nodes -1, -2, … (as Kafka's Java client names them)
 * until metadata names the real brokers; a bootstrap connection to an address that metadata then
 * lists is kept under the broker's id.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiKey, ErrorCode, type ApiKeyNumber, type ApiRequestMap, type ApiResponseMap, type MetadataRequest } from '@tarn/protocol';
import { backoffMs, clientConfig, type BrokerAddress, type ClientConfig } from '../config/client-config';
import type { ClientProperties } from '../config/properties';
import { ConnectionError, KafkaError } from '../errors';
import { BrokerConnection } from '../network/broker-connection';
import { MetadataCache, ZERO_UUID, type BrokerNode, type PartitionMetadata, type TopicMetadata } from './metadata';

/** A request body, or a function of the negotiated version that builds it (fields differ by version). */
export type RequestBody<K extends ApiKeyNumber> = ApiRequestMap[K] | ((version: number) => ApiRequestMap[K]);

/** FindCoordinator's key types. */
export const CoordinatorType = { GROUP: 0, TRANSACTION: 1 } as const;
export type CoordinatorKeyType = keyof typeof CoordinatorType;

interface NodeState {
  address: BrokerAddress;
  conn: BrokerConnection | null;
  opening: Promise<BrokerConnection> | null;
  failures: number;
  /** No new connection attempt before this (reconnect backoff). */
  nextAttemptAt: number;
}

export class Cluster {
  readonly metadata = new MetadataCache();
  private readonly nodes = new Map<number, NodeState>();
  private readonly coordinators = new Map<string, number>();
  private readonly refreshes = new Map<string, Promise<TopicMetadata[]>>();
  private closed = false;
  /** Closes connections idle for connections.max.idle.ms, as Kafka's Selector does. */
  private readonly idleReaper: NodeJS.Timeout;

  private constructor(readonly config: ClientConfig) {
    config.bootstrapServers.forEach((address, i) => this.nodes.set(-1 - i, newNode(address)));
    const idle = config.connectionsMaxIdleMs;
    this.idleReaper = setInterval(() => this.closeIdleConnections(), Math.max(10, Math.min(idle / 2, 30_000)));
    this.idleReaper.unref();
  }

  /** A cluster handle with one bootstrap server reached and the broker list known. */
  static async connect(config: ClientProperties | ClientConfig): Promise<Cluster> {
    const cluster = new Cluster(isClientConfig(config) ? config : clientConfig(config));
    try {
      await cluster.refreshMetadata([]);
    } catch (err) {
      cluster.close();
      throw err;
    }
    return cluster;
  }

  // ---- connections and requests

  /** The open connection to a broker, connecting (after any reconnect backoff) when there is none. */
  async connection(brokerId: number): Promise<BrokerConnection> {
    if (this.closed) throw new ConnectionError('the client is closed', `node ${brokerId}`);
    let node = this.nodes.get(brokerId);
    const b = brokerId >= 0 ? this.metadata.brokers.get(brokerId) : undefined;
    // a broker that re-registered at another address is reached there from now on
    if (node !== undefined && b !== undefined && (b.host !== node.address.host || b.port !== node.address.port)) {
      node.conn?.close();
      node = undefined;
    }
    if (node === undefined) {
      if (b === undefined) throw new KafkaError(ErrorCode.BROKER_NOT_AVAILABLE, `broker ${brokerId} is not in the cluster metadata`);
      node = newNode({ host: b.host, port: b.port });
      this.nodes.set(brokerId, node);
    }
    if (node.conn?.isOpen) return node.conn;
    node.opening ??= this.open(node);
    return node.opening;
  }

  private async open(node: NodeState): Promise<BrokerConnection> {
    try {
      const wait = node.nextAttemptAt - Date.now();
      if (wait > 0) await sleep(wait);
      const c = this.config;
      const conn = await BrokerConnection.open({
        host: node.address.host,
        port: node.address.port,
        clientId: c.clientId,
        security: c.security,
        connectTimeoutMs: c.connectionSetupTimeoutMs,
        requestTimeoutMs: c.requestTimeoutMs,
        maxResponseBytes: c.receiveMessageMaxBytes,
        onClose: (_err, closed) => {
          if (node.conn === closed) node.conn = null;
        },
      });
      if (this.closed) {
        conn.close();
        throw new ConnectionError('the client is closed', conn.address);
      }
      node.conn = conn;
      node.failures = 0;
      return conn;
    } catch (err) {
      node.nextAttemptAt = Date.now() + backoffMs(node.failures++, this.config.reconnectBackoffMs, this.config.reconnectBackoffMaxMs);
      throw err;
    } finally {
      node.opening = null;
    }
  }

  /** The version of `apiKey` a request to this broker will use (highest both sides support). */
  async versionFor(brokerId: number, apiKey: ApiKeyNumber): Promise<number> {
    return (await this.connection(brokerId)).versionFor(apiKey);
  }

  /** Sends a request to a broker at the negotiated version (or `options.version`) and returns the decoded answer. */
  async request<K extends ApiKeyNumber>(
    brokerId: number,
    apiKey: K,
    body: RequestBody<K>,
    options: { version?: number } = {},
  ): Promise<ApiResponseMap[K]> {
    const conn = await this.connection(brokerId);
    const version = options.version ?? conn.versionFor(apiKey);
    return conn.request(apiKey, version, typeof body === 'function' ? body(version) : body);
  }

  /** A request to whichever broker is least loaded (metadata, ListGroups to one, DescribeCluster…). */
  async requestAny<K extends ApiKeyNumber>(apiKey: K, body: RequestBody<K>): Promise<ApiResponseMap[K]> {
    return this.request(this.leastLoadedNode(), apiKey, body);
  }

  /**
   * The node to ask when any will do: an open connection with the fewest requests in flight, else a
   * known broker (or bootstrap server) not in reconnect backoff, else the one whose backoff ends first.
   */
  leastLoadedNode(exclude: ReadonlySet<number> = new Set()): number {
    const now = Date.now();
    let best: number | null = null;
    let bestLoad = Infinity;
    for (const [id, n] of this.nodes) {
      if (exclude.has(id) || !n.conn?.isOpen) continue;
      if (id < 0 && this.metadata.brokers.size > 0) continue;
      if (n.conn.inFlight < bestLoad) [best, bestLoad] = [id, n.conn.inFlight];
    }
    if (best !== null) return best;
    const candidates = this.metadata.brokers.size > 0 ? [...this.metadata.brokers.keys()] : [...this.nodes.keys()].filter((id) => id < 0);
    const usable = candidates.filter((id) => !exclude.has(id));
    const ready = usable.filter((id) => (this.nodes.get(id)?.nextAttemptAt ?? 0) <= now);
    const pool = ready.length > 0 ? ready : usable.length > 0 ? usable : candidates;
    if (pool.length === 0) throw new ConnectionError('no broker known', 'cluster');
    if (ready.length === 0 && usable.length > 0)
      return pool.reduce((a, b) => ((this.nodes.get(a)?.nextAttemptAt ?? 0) <= (this.nodes.get(b)?.nextAttemptAt ?? 0) ? a : b));
    return pool[Math.floor(Math.random() * pool.length)]!;
  }

  // ---- metadata

  /**
   * Asks a broker for metadata: `topics` null = every topic, [] = brokers only. Tries the brokers in
   * turn when one cannot be reached (so a bootstrap list of several servers works with some down).
   */
  refreshMetadata(topics: readonly string[] | null = null, options: { allowAutoTopicCreation?: boolean } = {}): Promise<TopicMetadata[]> {
    const key = `${options.allowAutoTopicCreation === true}|${topics === null ? '*' : [...topics].sort().join(',')}`;
    const running = this.refreshes.get(key);
    if (running !== undefined) return running;
    const p = this.fetchMetadata(topics, options.allowAutoTopicCreation ?? false).finally(() => this.refreshes.delete(key));
    this.refreshes.set(key, p);
    return p;
  }

  private async fetchMetadata(topics: readonly string[] | null, allowAutoTopicCreation: boolean): Promise<TopicMetadata[]> {
    const tried = new Set<number>();
    let lastError: unknown = null;
    const attempts = Math.max(this.nodes.size, this.metadata.brokers.size) + 1;
    for (let i = 0; i < attempts; i++) {
      const id = this.leastLoadedNode(tried);
      if (tried.has(id)) break; // every broker tried once
      tried.add(id);
      try {
        const response = await this.request(id, ApiKey.Metadata, (v) => metadataRequest(v, topics, allowAutoTopicCreation));
        const updated = this.metadata.apply(response);
        this.adoptBootstrapConnections();
        return updated;
      } catch (err) {
        if (!(err instanceof ConnectionError)) throw err;
        lastError = err;
      }
    }
    throw lastError ?? new ConnectionError('no broker to ask', 'cluster');
  }

  /** Bootstrap connections to an address metadata lists become that broker's connection. */
  private adoptBootstrapConnections(): void {
    for (const [id, node] of this.nodes) {
      if (id >= 0 || node.conn === null || !node.conn.isOpen) continue;
      for (const b of this.metadata.brokers.values()) {
        if (b.host !== node.address.host || b.port !== node.address.port) continue;
        const existing = this.nodes.get(b.nodeId);
        if (existing?.conn?.isOpen || existing?.opening) continue;
        this.nodes.set(b.nodeId, { ...newNode({ host: b.host, port: b.port }), conn: node.conn });
        node.conn = null;
      }
    }
  }

  /** Brokers as the last metadata listed them. */
  brokers(): BrokerNode[] {
    return [...this.metadata.brokers.values()].sort((a, b) => a.nodeId - b.nodeId);
  }

  get clusterId(): string | null {
    return this.metadata.clusterId;
  }

  get controllerId(): number {
    return this.metadata.controllerId;
  }

  /** A topic's metadata, from the cache when fresher than `metadata.max.age.ms`, else asked for. */
  async topicMetadata(topic: string, options: { allowAutoTopicCreation?: boolean } = {}): Promise<TopicMetadata> {
    if (!this.metadata.isFresh(topic, this.config.metadataMaxAgeMs)) await this.refreshMetadata([topic], options);
    const t = this.metadata.topics.get(topic);
    if (t === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, topic);
    return t;
  }

  /** A topic's partitions; UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE (being created)… as KafkaErrors. */
  async partitionsFor(topic: string, options: { allowAutoTopicCreation?: boolean } = {}): Promise<PartitionMetadata[]> {
    const t = await this.topicMetadata(topic, options);
    if (t.errorCode !== ErrorCode.NONE) {
      this.metadata.invalidate(topic);
      throw new KafkaError(t.errorCode, `topic ${topic}`);
    }
    return t.partitions;
  }

  /** The broker id of a partition's leader; LEADER_NOT_AVAILABLE while it has none (retriable). */
  async leaderFor(topic: string, partition: number): Promise<number> {
    const p = (await this.partitionsFor(topic)).find((x) => x.partition === partition);
    if (p === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `${topic}-${partition}`);
    if (p.leader < 0 || p.errorCode === ErrorCode.LEADER_NOT_AVAILABLE) {
      this.metadata.invalidate(topic);
      throw new KafkaError(ErrorCode.LEADER_NOT_AVAILABLE, `${topic}-${partition}`);
    }
    return p.leader;
  }

  /** Forget what is cached for a topic (after NOT_LEADER_OR_FOLLOWER, UNKNOWN_TOPIC_OR_PARTITION…). */
  invalidateTopic(topic: string): void {
    this.metadata.invalidate(topic);
  }

  // ---- coordinators

  /** The broker id coordinating a group or transactional id (cached until `invalidateCoordinator`). */
  async findCoordinator(keyType: CoordinatorKeyType, key: string): Promise<number> {
    const cacheKey = `${keyType}:${key}`;
    const cached = this.coordinators.get(cacheKey);
    if (cached !== undefined) return cached;
    const type = CoordinatorType[keyType];
    const r = await this.requestAny(ApiKey.FindCoordinator, (v) =>
      v >= 4 ? { key: '', keyType: type, coordinatorKeys: [key] } : { key, keyType: type, coordinatorKeys: [] },
    );
    const found = r.coordinators.length > 0 ? r.coordinators.find((c) => c.key === key) : r;
    if (found === undefined)
      throw new KafkaError(ErrorCode.COORDINATOR_NOT_AVAILABLE, `no coordinator answer for ${keyType.toLowerCase()} ${key}`);
    if (found.errorCode !== ErrorCode.NONE)
      throw new KafkaError(
        found.errorCode,
        `coordinator of ${keyType.toLowerCase()} ${key}${found.errorMessage ? `: ${found.errorMessage}` : ''}`,
      );
    // the coordinator may be a broker the cached metadata does not list yet
    if (!this.metadata.brokers.has(found.nodeId))
      this.metadata.brokers.set(found.nodeId, { nodeId: found.nodeId, host: found.host, port: found.port, rack: null });
    this.coordinators.set(cacheKey, found.nodeId);
    return found.nodeId;
  }

  /** Forget a coordinator (after NOT_COORDINATOR or COORDINATOR_NOT_AVAILABLE), so the next lookup asks again. */
  invalidateCoordinator(keyType: CoordinatorKeyType, key: string): void {
    this.coordinators.delete(`${keyType}:${key}`);
  }

  private closeIdleConnections(now = Date.now()): void {
    for (const node of this.nodes.values()) {
      const conn = node.conn;
      if (conn !== null && conn.isOpen && conn.inFlight === 0 && now - conn.lastUsed >= this.config.connectionsMaxIdleMs) {
        node.conn = null;
        conn.close();
      }
    }
  }

  /** Closes every connection; pending requests fail, later ones are refused. */
  close(): void {
    this.closed = true;
    clearInterval(this.idleReaper);
    for (const node of this.nodes.values()) node.conn?.close();
  }
}

function newNode(address: BrokerAddress): NodeState {
  return { address, conn: null, opening: null, failures: 0, nextAttemptAt: 0 };
}

function isClientConfig(c: ClientProperties | ClientConfig): c is ClientConfig {
  return Array.isArray((c as ClientConfig).bootstrapServers);
}

/** A Metadata request at version `v`: null topics = all (v1+; v0 asks for all with an empty list). */
function metadataRequest(v: number, topics: readonly string[] | null, allowAutoTopicCreation: boolean): MetadataRequest {
  if (v === 0 && topics !== null && topics.length === 0)
    throw new KafkaError(ErrorCode.UNSUPPORTED_VERSION, 'Metadata v0 cannot ask for brokers only');
  return {
    topics: topics === null ? (v === 0 ? [] : null) : topics.map((name) => ({ topicId: ZERO_UUID, name })),
    allowAutoTopicCreation: v >= 4 ? allowAutoTopicCreation : true,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  };
}
