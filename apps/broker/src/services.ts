/**
 * The broker's ports: what a request handler may use (BrokerServices) and what the admin API may
 * use besides (AdminServices). broker.ts builds both; nothing else imports the Broker class, so the
 * import graph shows every real dependency of the Kafka API and of the console's API.
 */
import type { LogManager } from '@tarn/storage';
import type { BrokerConfig, Listener } from './config/broker-config';
import type { Controller } from './controller/controller';
import type { EventBus } from './events/event-bus';
import type { GroupCoordinator } from './group/group-coordinator';
import type { Insights } from './insights/insights';
import type { Logger } from './logger';
import type { BrokerEndpoint } from './metadata/cluster-metadata';
import type { MetadataStore } from './metadata/metadata-store';
import type { ProducerIdManager } from './metadata/producer-id-manager';
import type { TopicAdmin } from './metadata/topic-admin';
import type { TopicIds } from './metadata/topic-ids';
import type { FaultInjection } from './faults';
import type { Authorization } from './security/authorization';
import type { ReplicaManager } from './replica/replica-manager';
import type { FetchSessionCache } from './fetch-session/fetch-session-cache';
import type { Transactions } from './transaction/transactions';

export interface ApiVersionRange {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

export interface RequestObserver {
  (apiKey: number, apiVersion: number, durationMs: number, error: number): void;
}

/** What Kafka's request handlers (KafkaApis) reach. */
export interface BrokerServices {
  readonly config: BrokerConfig;
  readonly logger: Logger;
  readonly metadata: MetadataStore;
  readonly topicIds: TopicIds;
  readonly topicAdmin: TopicAdmin;
  readonly replicaManager: ReplicaManager;
  /** Fetch sessions (KIP-227). */
  readonly fetchSessions: FetchSessionCache;
  readonly groupCoordinator: GroupCoordinator;
  readonly controller: Controller;
  readonly producerIds: ProducerIdManager;
  /** The transaction coordinator and the partition side of transactions (markers, KIP-890 verification). */
  readonly transactions: Transactions;
  /** DescribeLogDirs: every log of this broker, by directory. */
  readonly logManager: LogManager;
  readonly faults: FaultInjection;
  /** ACL checks (always allowed without authorizer.class.name) and the ACL APIs. */
  readonly authorization: Authorization;
  /** The API versions this broker advertises (ApiVersions). */
  apiVersions(): ApiVersionRange[];
  /** The brokers clients are told about, with the address of the listener they came in on (every registered broker without one). */
  liveBrokers(listenerName?: string): BrokerEndpoint[];
  controllerId(): number;
}

/** The console's API: the Kafka services plus the event bus, the insights and the admin HTTP server. */
export interface AdminServices extends BrokerServices {
  readonly events: EventBus;
  readonly insights: Insights;
  boundListeners(): Listener[];
  startedAtMs(): number;
  observeRequests(observer: RequestObserver): void;
}
