/**
 * Transactions on this broker, assembled: the coordinator of the transactional ids whose
 * `__transaction_state` partitions it leads, the marker writer it uses, and the partition-leader side
 * (appending markers; asking an id's coordinator whether a partition is in its transaction before a
 * producer's first transactional write there, KIP-890 part 1). Requests to other brokers go to their
 * inter-broker listener with the inter-broker security settings.
 */
import { ApiKey, ErrorCode } from '@tarn/protocol';
import { BrokerClients } from '../client/broker-clients';
import type { ClientSecurity } from '../client/kafka-client';
import type { TransactionConfig } from '../config/broker-config';
import type { Logger } from '../logger';
import type { MetadataStore } from '../metadata/metadata-store';
import type { ProducerIdManager } from '../metadata/producer-id-manager';
import type { TopicAdmin } from '../metadata/topic-admin';
import type { ReplicaManager } from '../replica/replica-manager';
import { TransactionCoordinator } from './transaction-coordinator';
import type { TopicPartition } from './transaction-metadata';
import { TransactionStateManager } from './transaction-state-manager';
import { TransactionTopic } from './transaction-topic';
import { TxnMarkerWriter } from './txn-marker-writer';
import { TransactionsOverviewService } from './transactions-overview';
import { appendTxnMarkers, type TxnCompletionListener, type TxnMarker } from './txn-markers';

export interface TransactionsDeps {
  nodeId: number;
  config: TransactionConfig;
  metadata: MetadataStore;
  topicAdmin: TopicAdmin;
  replicaManager: ReplicaManager;
  producerIds: ProducerIdManager;
  completion: TxnCompletionListener;
  logger: Logger;
  interBrokerListener: string;
  interBrokerSecurity: ClientSecurity | null;
}

/** AddPartitionsToTxn v4 is the first with verify_only (KIP-890). */
const VERIFY_VERSION = 4;

export class Transactions {
  readonly topic: TransactionTopic;
  readonly coordinator: TransactionCoordinator;
  /** The cluster's transactions and unstable partitions, and aborting them (the console). */
  readonly overview: TransactionsOverviewService;
  private readonly clients: BrokerClients;

  constructor(private readonly deps: TransactionsDeps) {
    this.topic = new TransactionTopic(deps.config, deps.metadata, deps.topicAdmin, deps.replicaManager, deps.logger);
    this.clients = new BrokerClients(
      (nodeId) => {
        const b = deps.metadata.brokers().find((r) => r.nodeId === nodeId);
        if (b === undefined) return null;
        return b.listeners?.find((l) => l.name === deps.interBrokerListener) ?? { host: b.host, port: b.port };
      },
      `tarn-broker-${deps.nodeId}`,
      deps.interBrokerSecurity,
      deps.config.requestTimeoutMs,
    );
    const markers = new TxnMarkerWriter({
      nodeId: deps.nodeId,
      metadata: deps.metadata,
      clients: this.clients,
      appendLocally: (marker) => this.appendMarkers(marker),
      logger: deps.logger,
    });
    this.coordinator = new TransactionCoordinator({
      nodeId: deps.nodeId,
      config: deps.config,
      metadata: deps.metadata,
      stateManager: new TransactionStateManager(this.topic, deps.logger, deps.config.requestTimeoutMs),
      producerIds: deps.producerIds,
      markers,
      logger: deps.logger,
    });
    this.overview = new TransactionsOverviewService({
      nodeId: deps.nodeId,
      metadata: deps.metadata,
      replicaManager: deps.replicaManager,
      coordinator: this.coordinator,
      clients: this.clients,
      maxTimeoutMs: deps.config.maxTimeoutMs,
      appendMarkers: (marker) => this.appendMarkers(marker),
    });
  }

  startup(): void {
    this.coordinator.startup();
  }

  shutdown(): void {
    this.coordinator.shutdown();
    this.clients.close();
  }

  /** WriteTxnMarkers on this broker: the marker appended to each partition it leads. */
  appendMarkers(marker: TxnMarker): Promise<Array<{ tp: TopicPartition; error: number }>> {
    return appendTxnMarkers(this.deps.replicaManager, this.deps.completion, marker, this.deps.config.requestTimeoutMs);
  }

  /**
   * Whether each partition was added to the producer's transaction, asked of the id's coordinator
   * (here, or another broker). Coordinator errors that mean "ask again" become NOT_ENOUGH_REPLICAS,
   * which producers retry, as Kafka's ReplicaManager maps them.
   */
  async verify(
    transactionalId: string,
    producerId: number,
    producerEpoch: number,
    partitions: readonly TopicPartition[],
  ): Promise<Array<{ tp: TopicPartition; error: number }>> {
    let results: Array<{ tp: TopicPartition; error: number }>;
    const coordinator = this.topic.exists ? this.topic.leaderFor(transactionalId) : -1;
    if (coordinator === this.deps.nodeId) {
      results = this.coordinator.verifyPartitions(transactionalId, producerId, producerEpoch, partitions);
    } else if (coordinator < 0) {
      results = partitions.map((tp) => ({ tp, error: ErrorCode.COORDINATOR_NOT_AVAILABLE }));
    } else {
      results = await this.verifyRemotely(coordinator, transactionalId, producerId, producerEpoch, partitions);
    }
    return results.map((r) => ({ tp: r.tp, error: retriable(r.error) }));
  }

  private async verifyRemotely(
    coordinator: number,
    transactionalId: string,
    producerId: number,
    producerEpoch: number,
    partitions: readonly TopicPartition[],
  ): Promise<Array<{ tp: TopicPartition; error: number }>> {
    const byTopic = new Map<string, number[]>();
    for (const tp of partitions) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
    try {
      const res = await this.clients.request(coordinator, ApiKey.AddPartitionsToTxn, VERIFY_VERSION, {
        transactions: [
          {
            transactionalId,
            producerId: BigInt(producerId),
            producerEpoch,
            verifyOnly: true,
            topics: [...byTopic].map(([name, ps]) => ({ name, partitions: ps })),
          },
        ],
        v3AndBelowTransactionalId: '',
        v3AndBelowProducerId: 0n,
        v3AndBelowProducerEpoch: 0,
        v3AndBelowTopics: [],
      });
      if (res.errorCode !== ErrorCode.NONE) return partitions.map((tp) => ({ tp, error: res.errorCode }));
      const answered = new Map<string, number>();
      for (const t of res.resultsByTransaction[0]?.topicResults ?? [])
        for (const p of t.resultsByPartition) answered.set(`${t.name}\u0000${p.partitionIndex}`, p.partitionErrorCode);
      return partitions.map((tp) => ({ tp, error: answered.get(`${tp.topic}\u0000${tp.partition}`) ?? ErrorCode.UNKNOWN_SERVER_ERROR }));
    } catch (err) {
      this.deps.logger.debug({ coordinator, err: (err as Error).message }, 'transaction verification failed');
      return partitions.map((tp) => ({ tp, error: ErrorCode.COORDINATOR_NOT_AVAILABLE }));
    }
  }
}

function retriable(error: number): number {
  switch (error) {
    case ErrorCode.CONCURRENT_TRANSACTIONS:
    case ErrorCode.COORDINATOR_LOAD_IN_PROGRESS:
    case ErrorCode.COORDINATOR_NOT_AVAILABLE:
    case ErrorCode.NOT_COORDINATOR:
    case ErrorCode.NETWORK_EXCEPTION:
    case ErrorCode.UNKNOWN_SERVER_ERROR:
      return ErrorCode.NOT_ENOUGH_REPLICAS;
    default:
      return error;
  }
}
