/**
 * A tarn broker: wires the log manager, metadata store, replica manager, topic administration and
 * the request handlers behind the Kafka listeners, plus the admin HTTP server.
 *
 * Start-up: metadata → logs (recovery) → partitions → listeners. Shutdown (SIGTERM): stop accepting,
 * answer the requests already received, then flush logs and write checkpoints.
 */
import { ErrorCode } from '@tarn/protocol';
import { LogManager } from '@tarn/storage';
import { AdminApi } from './admin/admin-api';
import { AdminServer } from './admin/admin-server';
import { BrokerConfig, type Listener } from './config/broker-config';
import { EventBus } from './events/event-bus';
import { publishMetadataEvents } from './events/metadata-events';
import { GroupCoordinator } from './group/group-coordinator';
import { offsetsTopicConfigs } from './group/offsets-topic';
import { allHandlers } from './handlers';
import { createLogger, type Logger } from './logger';
import type { BrokerEndpoint } from './metadata/cluster-metadata';
import { Controller } from './controller/controller';
import { EmbeddedMetadataStore } from './metadata/embedded-metadata-store';
import { EtcdMetadataStore } from './metadata/etcd-metadata-store';
import type { MetadataStore } from './metadata/metadata-store';
import { TopicAdmin } from './metadata/topic-admin';
import { GROUP_METADATA_TOPIC_NAME, TRANSACTION_STATE_TOPIC_NAME } from './metadata/topic-name';
import { SocketServer } from './network/socket-server';
import { BufferPool } from './network/buffer-pool';
import { ProducerIdManager } from './metadata/producer-id-manager';
import { ReplicaManager } from './replica/replica-manager';
import { RequestDispatcher } from './handlers/dispatcher';

import { TopicIds } from './metadata/topic-ids';
import { noFaults, type FaultInjection } from './faults';
import { CredentialStore } from './security/credential-store';
import { interBrokerClientSecurity } from './security/inter-broker';
import { Transactions } from './transaction/transactions';
import { FetchSessionCache } from './fetch-session/fetch-session-cache';
import { transactionTopicConfigs } from './transaction/transaction-topic';
import { Authorization } from './security/authorization';
import { Insights } from './insights/insights';
import type { AdminServices } from './services';
import { TARN_VERSION } from './version';

export { TARN_VERSION };

export class Broker {
  readonly config: BrokerConfig;
  readonly logger: Logger;
  readonly metadata: MetadataStore;
  readonly topicIds: TopicIds;
  readonly logManager: LogManager;
  readonly replicaManager: ReplicaManager;
  readonly controller: Controller;
  readonly topicAdmin: TopicAdmin;
  readonly producerIds: ProducerIdManager;
  readonly groupCoordinator: GroupCoordinator;
  readonly transactions: Transactions;
  readonly fetchSessions: FetchSessionCache;
  readonly insights: Insights;
  readonly authorization: Authorization;
  readonly dispatcher: RequestDispatcher;
  readonly socketServer: SocketServer;
  readonly adminServer: AdminServer;
  readonly events = new EventBus();
  readonly adminApi: AdminApi;
  startedAtMs = 0;
  /** Faults tests inject through the real code paths (see faults.ts). */
  readonly faults: FaultInjection = noFaults();
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';

  constructor(props: Readonly<Record<string, string>>, options: { logger?: Logger } = {}) {
    this.config = new BrokerConfig(props);
    this.logger = options.logger ?? createLogger(this.config.logLevel, this.config.nodeId);
    const store = this.config.metadataStore;
    this.metadata =
      store.type === 'etcd'
        ? new EtcdMetadataStore({
            endpoints: store.endpoints,
            prefix: store.prefix,
            leaseTtlSeconds: store.leaseTtlSeconds,
            clusterIdOverride: this.config.clusterId,
            logger: this.logger,
          })
        : new EmbeddedMetadataStore(this.config.logDirs[0]!, this.config.clusterId);
    this.logManager = new LogManager({
      logDirs: this.config.logDirs,
      brokerConfig: this.config.props,
      topicOverrides: (topic) => this.metadata.topic(topic)?.configs ?? {},
      logger: { info: (m, c) => this.logger.info(c ?? {}, m), warn: (m, c) => this.logger.warn(c ?? {}, m) },
    });
    this.logManager.onEvent((e) => {
      // appends are far too frequent for the ring; the live tail and throughput meters read them directly
      if (e.type !== 'appended') this.events.publish(e);
    });
    publishMetadataEvents(this.metadata, this.events);
    this.topicIds = new TopicIds(this.metadata);
    this.authorization = new Authorization(this.config.authorizer.enabled, this.config.authorizer.config, this.metadata, this.logger);
    this.replicaManager = new ReplicaManager(
      this.config.nodeId,
      this.logManager,
      this.metadata,
      this.logger,
      this.faults,
      {
        ...this.config.replication,
        fetcher: { ...this.config.replication.fetcher, security: interBrokerClientSecurity(this.config.interBroker) },
      },
      this.config.interBroker.listenerName,
    );
    this.controller = new Controller(
      this.config.nodeId,
      this.metadata,
      {
        uncleanLeaderElection: (topic) => this.logManager.logConfigFor(topic).uncleanLeaderElectionEnable,
        autoLeaderRebalance: this.config.controller.autoLeaderRebalance,
        leaderImbalanceCheckIntervalMs: this.config.controller.leaderImbalanceCheckIntervalMs,
      },
      this.logger,
    );
    this.topicAdmin = new TopicAdmin(
      this.metadata,
      // before this broker has registered (start-up), it is the one broker it knows
      () => {
        const ids = this.liveBrokers().map((b) => b.nodeId);
        return ids.length > 0 ? ids : [this.config.nodeId];
      },
      this.config.topics,
      this.logger,
    );
    this.producerIds = new ProducerIdManager(this.metadata);
    this.groupCoordinator = new GroupCoordinator({
      nodeId: this.config.nodeId,
      config: this.config.group,
      metadata: this.metadata,
      topicAdmin: this.topicAdmin,
      replicaManager: this.replicaManager,
      events: this.events,
      logger: this.logger,
    });
    this.fetchSessions = new FetchSessionCache(this.config.fetchSessionCacheSlots);
    this.transactions = new Transactions({
      nodeId: this.config.nodeId,
      config: this.config.transaction,
      metadata: this.metadata,
      topicAdmin: this.topicAdmin,
      replicaManager: this.replicaManager,
      producerIds: this.producerIds,
      // a marker on __consumer_offsets settles the producer's pending offset commits there
      completion: this.groupCoordinator,
      logger: this.logger,
      interBrokerListener: this.config.interBroker.listenerName,
      interBrokerSecurity: interBrokerClientSecurity(this.config.interBroker),
    });
    // KIP-890: a transactional offset commit, too, must be for a partition in the producer's transaction
    this.groupCoordinator.txnOffsetCommits.verifier = async (p) => {
      if (!this.config.transaction.partitionVerification || p.producerId < 0) return ErrorCode.NONE;
      const offsetsPartition = { topic: GROUP_METADATA_TOPIC_NAME, partition: p.offsetsPartition };
      return (await this.transactions.verify(p.transactionalId, p.producerId, p.producerEpoch, [offsetsPartition]))[0]!.error;
    };
    this.insights = new Insights({
      coordinator: this.groupCoordinator,
      replicaManager: this.replicaManager,
      logManager: this.logManager,
      events: this.events,
      config: this.config.group,
    });
    const services = this.services();
    // request frames and fetch answers' record bytes, reused rather than allocated per request
    const buffers = new BufferPool();
    this.dispatcher = new RequestDispatcher(services, allHandlers, this.logger, buffers);
    this.socketServer = new SocketServer(
      { listeners: this.config.listeners, security: this.config.listenerSecurity, ...this.config.network },
      this.dispatcher,
      this.logger,
      buffers,
    );
    this.adminServer = new AdminServer(
      this.config.adminListener.host,
      this.config.adminListener.port,
      this.logger,
      this.config.adminListener.tls,
    );
    this.adminApi = new AdminApi(services, this.adminServer);
    this.adminServer.route((req, res) => {
      if (req.url !== '/healthz') return false;
      const healthy = this.state === 'running';
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: healthy ? 'ok' : this.state,
          nodeId: this.config.nodeId,
          clusterId: this.metadata.clusterId,
          version: TARN_VERSION,
        }),
      );
      return true;
    });
  }

  async start(): Promise<void> {
    const t0 = performance.now();
    await this.metadata.start();
    this.authorization.start();
    const created = await new CredentialStore(this.metadata).bootstrap(this.config.scramBootstrapUsers);
    if (created.length > 0) this.logger.info({ users: created }, 'created the bootstrap SCRAM users');
    this.logManager.startup();
    if (this.metadata instanceof EmbeddedMetadataStore) await this.adoptStrayLogs();
    this.replicaManager.start();
    this.insights.start(); // before the coordinator, whose loaded groups it picks up from the event bus
    this.groupCoordinator.startup(); // replays the __consumer_offsets partitions it leads
    this.transactions.startup(); // replays the __transaction_state partitions it leads
    this.logManager.startBackgroundTasks();
    await this.socketServer.start();
    this.adminApi.start();
    await this.adminServer.start();
    this.adminApi.attachWebSocket();
    // Announce this broker (its listeners are bound now) and join the controller election.
    const advertised = this.boundListeners();
    const endpoint = advertised[0]!;
    await this.metadata.registerBroker({
      nodeId: this.config.nodeId,
      host: endpoint.host,
      port: endpoint.port,
      listeners: advertised,
      rack: this.config.rack,
      adminUrl: `${this.adminServer.scheme}://${this.config.adminListener.host}:${this.adminServer.boundPort}`,
      state: 'running',
      registeredAtMs: Date.now(),
    });
    await this.metadata.startControllerElection(this.config.nodeId);
    // A single node has no other broker to fail over to: the controller's work is a cluster's.
    if (!(this.metadata instanceof EmbeddedMetadataStore)) this.controller.start();
    this.startedAtMs = Date.now();
    this.state = 'running';
    this.logger.info(
      {
        clusterId: this.metadata.clusterId,
        listeners: this.boundListeners(),
        admin: `${this.adminServer.scheme}://${this.config.adminListener.host}:${this.adminServer.boundPort}`,
        logDirs: this.config.logDirs,
        startupMs: Math.round(performance.now() - t0),
      },
      'tarn broker started',
    );
  }

  /** Partition directories found on disk that metadata does not know: a log dir written by Kafka. */
  private async adoptStrayLogs(): Promise<void> {
    for (const { topic, partitions: found } of this.replicaManager.strayLogs()) {
      // Kafka's internal topics are compacted; adopt them with their configs. A partition of
      // __transaction_state that never held a record may be missing from the copy: its configured
      // count, not the highest directory found, decides where transactional ids live.
      let configs: Record<string, string> = {};
      let partitions = found;
      if (topic === GROUP_METADATA_TOPIC_NAME) configs = offsetsTopicConfigs(this.config.group.offsetsTopicSegmentBytes);
      else if (topic === TRANSACTION_STATE_TOPIC_NAME) {
        configs = transactionTopicConfigs(this.config.transaction);
        partitions = Math.max(found, this.config.transaction.stateLogNumPartitions);
      }
      const created = await this.topicAdmin.createTopic(
        { name: topic, numPartitions: partitions, replicationFactor: 1, configs },
        { internal: true, validateOnly: true },
      );
      const single = created.partitions.map((p) => ({
        ...p,
        replicas: [this.config.nodeId],
        isr: [this.config.nodeId],
        leader: this.config.nodeId,
      }));
      await this.metadata.createTopic({ ...created, partitions: single });
      if (Object.keys(configs).length > 0) this.logManager.updateTopicConfig(topic, created.configs); // opened before its configs were known
      this.logger.warn({ topic, partitions }, 'adopted a topic found in the log directory but unknown to metadata');
    }
  }

  /** The ports handed to the request handlers and the admin API (services.ts). */
  private services(): AdminServices {
    return {
      config: this.config,
      logger: this.logger,
      metadata: this.metadata,
      topicIds: this.topicIds,
      topicAdmin: this.topicAdmin,
      replicaManager: this.replicaManager,
      groupCoordinator: this.groupCoordinator,
      transactions: this.transactions,
      fetchSessions: this.fetchSessions,
      controller: this.controller,
      producerIds: this.producerIds,
      logManager: this.logManager,
      faults: this.faults,
      authorization: this.authorization,
      events: this.events,
      insights: this.insights,
      apiVersions: () => this.dispatcher.supportedVersions(),
      liveBrokers: (listenerName) => this.liveBrokers(listenerName),
      controllerId: () => this.controllerId,
      boundListeners: () => this.boundListeners(),
      startedAtMs: () => this.startedAtMs,
      observeRequests: (observer) => this.dispatcher.observe(observer),
    };
  }

  /** Listeners with their bound ports (a configured port of 0 picks a free one). */
  boundListeners(): Listener[] {
    const bound = this.socketServer.boundListeners();
    return this.config.advertisedListeners.map((a) => {
      const b = bound.find((l) => l.name === a.name);
      return a.port === 0 && b !== undefined ? { ...a, port: b.port } : a;
    });
  }

  /**
   * The brokers clients are told about, with the address of the listener the client came in on
   * (Kafka's rule: a broker without that listener is left out); without a listener name, every
   * registered broker at its first listener.
   */
  liveBrokers(listenerName?: string): BrokerEndpoint[] {
    return this.metadata.brokers().flatMap((b) => {
      if (listenerName === undefined || b.listeners === undefined) return [{ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack }];
      const l = b.listeners.find((x) => x.name === listenerName);
      return l === undefined ? [] : [{ nodeId: b.nodeId, host: l.host, port: l.port, rack: b.rack }];
    });
  }

  get controllerId(): number {
    return this.metadata.controllerId;
  }

  get isRunning(): boolean {
    return this.state === 'running';
  }

  /**
   * Kafka's controlled shutdown: announce that this broker is leaving so the controller moves its
   * leaderships to other ISR members first, and wait (up to controlled.shutdown.timeout.ms) until it
   * leads nothing that has another replica to go to.
   */
  private async controlledShutdown(): Promise<void> {
    const others = this.metadata.brokers().filter((b) => b.nodeId !== this.config.nodeId);
    if (others.length === 0 || !this.config.controller.controlledShutdownEnable || this.faults.skipControlledShutdown) return;
    try {
      await this.metadata.setBrokerState('shutting-down');
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'controlled shutdown could not be announced');
      return;
    }
    const deadline = Date.now() + this.config.controller.controlledShutdownTimeoutMs;
    const stillLeading = () =>
      this.metadata
        .topics()
        .flatMap((t) => t.partitions)
        .filter(
          (p) => p.leader === this.config.nodeId && p.replicas.some((r) => r !== this.config.nodeId && others.some((o) => o.nodeId === r)),
        ).length;
    while (stillLeading() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    this.logger.info({ remainingLeaderships: stillLeading() }, 'controlled shutdown: leaderships moved');
  }

  async shutdown(): Promise<void> {
    if (this.state === 'stopping' || this.state === 'stopped') return;
    this.state = 'stopping';
    this.logger.info('shutting down');
    await this.controlledShutdown();
    this.controller.stop();
    // answers parked JoinGroup/SyncGroup requests (NOT_COORDINATOR) so the connections can drain
    // instead of waiting out a rebalance timeout
    this.transactions.shutdown();
    this.groupCoordinator.shutdown();
    this.insights.stop();
    this.authorization.stop();
    await this.socketServer.shutdown();
    this.replicaManager.stop();
    await this.logManager.shutdown();
    await this.metadata.close();
    this.adminApi.stop();
    await this.adminServer.shutdown();
    this.state = 'stopped';
    this.logger.info('shut down completed');
  }
}
