/**
 * Transactions across the cluster, for the console — what `kafka-transactions.sh list`, `describe`,
 * `describe-producers` and `find-hanging` show, gathered the way that tool does: each broker is asked
 * (ListTransactions + DescribeTransactions for the ids it coordinates, DescribeProducers for the
 * partitions it leads; this broker answers from its own state), then the two sides are matched.
 *
 * A partition's open transaction is *hanging* (KIP-664) when its coordinator does not list that
 * partition in an ongoing transaction of the same producer — a marker that never arrived — or when
 * it has been open longer than transaction.max.timeout.ms (no coordinator would let it live that long).
 * Aborting: an ongoing transaction through its coordinator, by fencing its producer (InitProducerId
 * for its id aborts the open transaction, as a new instance of the producer would); a hanging one by
 * writing the ABORT marker to the partition directly (WriteTxnMarkers, as `kafka-transactions.sh
 * abort` does).
 */
import { ApiKey, ErrorCode, errorName, KafkaError, ListOffsetsRequestTypes } from '@tarn/protocol';
import type { BrokerClients } from '../client/broker-clients';
import type { MetadataStore } from '../metadata/metadata-store';
import type { ReplicaManager } from '../replica/replica-manager';
import type { TransactionCoordinator } from './transaction-coordinator';
import { tpKey, type TopicPartition } from './transaction-metadata';
import { transactionStateName } from './transaction-state';
import type { TxnMarker } from './txn-markers';

export interface CoordinatedTransaction {
  transactionalId: string;
  coordinator: number;
  producerId: number;
  producerEpoch: number;
  state: string;
  startedAtMs: number | null;
  timeoutMs: number;
  partitions: TopicPartition[];
}

export interface OpenPartitionTransaction {
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  firstOffset: number;
  lastTimestamp: number;
  /** The transactional id whose ongoing transaction includes this partition, when one does. */
  transactionalId: string | null;
  hanging: boolean;
}

export interface UnstablePartition extends TopicPartition {
  leader: number;
  lastStableOffset: number;
  highWatermark: number;
  open: OpenPartitionTransaction[];
}

export interface TransactionsOverview {
  transactions: CoordinatedTransaction[];
  partitions: UnstablePartition[];
  maxTimeoutMs: number;
  /** Brokers that did not answer: their transactions and partitions are missing above. */
  unreachable: number[];
}

export interface OverviewDeps {
  nodeId: number;
  metadata: MetadataStore;
  replicaManager: ReplicaManager;
  coordinator: TransactionCoordinator;
  clients: BrokerClients;
  maxTimeoutMs: number;
  appendMarkers(marker: TxnMarker): Promise<Array<{ tp: TopicPartition; error: number }>>;
}

const ALL_STATES: string[] = [];

export class TransactionsOverviewService {
  constructor(private readonly deps: OverviewDeps) {}

  async overview(now: number = Date.now()): Promise<TransactionsOverview> {
    const brokers = this.deps.metadata.brokers().map((b) => b.nodeId);
    const unreachable: number[] = [];
    const transactions: CoordinatedTransaction[] = [];
    const partitions: UnstablePartition[] = [];
    await Promise.all(
      brokers.map(async (nodeId) => {
        try {
          transactions.push(...(await this.coordinatedBy(nodeId)));
          partitions.push(...(await this.unstableOn(nodeId)));
        } catch {
          unreachable.push(nodeId);
        }
      }),
    );
    const ongoing = new Map<string, CoordinatedTransaction>();
    for (const t of transactions)
      if (t.state === 'Ongoing' || t.state.startsWith('Prepare'))
        for (const tp of t.partitions) ongoing.set(`${tpKey(tp)}\u0000${t.producerId}`, t);
    for (const p of partitions) {
      for (const o of p.open) {
        const owner = ongoing.get(`${tpKey(p)}\u0000${o.producerId}`);
        o.transactionalId = owner?.transactionalId ?? null;
        o.hanging = owner === undefined || now - o.lastTimestamp > this.deps.maxTimeoutMs;
      }
    }
    transactions.sort((a, b) => a.transactionalId.localeCompare(b.transactionalId));
    partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return { transactions, partitions, maxTimeoutMs: this.deps.maxTimeoutMs, unreachable: unreachable.sort() };
  }

  private async coordinatedBy(nodeId: number): Promise<CoordinatedTransaction[]> {
    if (nodeId === this.deps.nodeId) {
      const { transactions } = this.deps.coordinator.list(ALL_STATES, [], -1);
      return transactions.map((t) => ({
        transactionalId: t.transactionalId,
        coordinator: nodeId,
        producerId: t.producerId,
        producerEpoch: t.producerEpoch,
        state: transactionStateName(t.state),
        startedAtMs: t.txnStartTimestamp >= 0 ? t.txnStartTimestamp : null,
        timeoutMs: t.txnTimeoutMs,
        partitions: [...t.partitions.values()],
      }));
    }
    const listed = await this.deps.clients.request(nodeId, ApiKey.ListTransactions, 0, {
      stateFilters: [],
      producerIdFilters: [],
      durationFilter: -1n,
    });
    if (listed.errorCode !== ErrorCode.NONE) throw new KafkaError(listed.errorCode, 'ListTransactions');
    if (listed.transactionStates.length === 0) return [];
    const described = await this.deps.clients.request(nodeId, ApiKey.DescribeTransactions, 0, {
      transactionalIds: listed.transactionStates.map((t) => t.transactionalId),
    });
    return described.transactionStates
      .filter((t) => t.errorCode === ErrorCode.NONE)
      .map((t) => ({
        transactionalId: t.transactionalId,
        coordinator: nodeId,
        producerId: Number(t.producerId),
        producerEpoch: t.producerEpoch,
        state: t.transactionState,
        startedAtMs: t.transactionStartTimeMs >= 0n ? Number(t.transactionStartTimeMs) : null,
        timeoutMs: t.transactionTimeoutMs,
        partitions: t.topics.flatMap((x) => x.partitions.map((partition) => ({ topic: x.topic, partition }))),
      }));
  }

  /** The partitions `nodeId` leads that have an open transaction. */
  private async unstableOn(nodeId: number): Promise<UnstablePartition[]> {
    const led: TopicPartition[] = [];
    for (const t of this.deps.metadata.topics())
      for (const p of t.partitions) if (p.leader === nodeId) led.push({ topic: t.name, partition: p.partition });
    if (led.length === 0) return [];
    if (nodeId === this.deps.nodeId) {
      const out: UnstablePartition[] = [];
      for (const tp of led) {
        const p = this.deps.replicaManager.getPartition(tp.topic, tp.partition);
        if (p === undefined || !p.isLeader) continue;
        const open = p.activeProducers().filter((a) => a.currentTxnStartOffset >= 0);
        if (open.length === 0) continue;
        out.push({
          ...tp,
          leader: nodeId,
          lastStableOffset: p.lastStableOffset,
          highWatermark: p.highWatermark,
          open: open.map((a) => ({
            producerId: a.producerId,
            producerEpoch: a.producerEpoch,
            coordinatorEpoch: a.coordinatorEpoch,
            firstOffset: a.currentTxnStartOffset,
            lastTimestamp: a.lastTimestamp,
            transactionalId: null,
            hanging: false,
          })),
        });
      }
      return out;
    }
    const byTopic = new Map<string, number[]>();
    for (const tp of led) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
    const res = await this.deps.clients.request(nodeId, ApiKey.DescribeProducers, 0, {
      topics: [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })),
    });
    const unstable: UnstablePartition[] = [];
    for (const t of res.topics)
      for (const p of t.partitions) {
        const open = p.activeProducers.filter((a) => a.currentTxnStartOffset >= 0n);
        if (p.errorCode !== ErrorCode.NONE || open.length === 0) continue;
        unstable.push({
          topic: t.name,
          partition: p.partitionIndex,
          leader: nodeId,
          lastStableOffset: -1,
          highWatermark: -1,
          open: open.map((a) => ({
            producerId: Number(a.producerId),
            producerEpoch: a.producerEpoch,
            coordinatorEpoch: a.coordinatorEpoch,
            firstOffset: Number(a.currentTxnStartOffset),
            lastTimestamp: Number(a.lastTimestamp),
            transactionalId: null,
            hanging: false,
          })),
        });
      }
    if (unstable.length > 0) await this.fillOffsets(nodeId, unstable);
    return unstable;
  }

  /** LSO and high watermark of remote partitions: ListOffsets latest, read_committed and read_uncommitted. */
  private async fillOffsets(nodeId: number, partitions: UnstablePartition[]): Promise<void> {
    const byTopic = new Map<string, UnstablePartition[]>();
    for (const p of partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
    for (const isolationLevel of [0, 1]) {
      const res = await this.deps.clients.request(nodeId, ApiKey.ListOffsets, 5, {
        ...ListOffsetsRequestTypes.defaultListOffsetsRequest(),
        replicaId: -1,
        isolationLevel,
        topics: [...byTopic].map(([name, ps]) => ({
          name,
          partitions: ps.map((p) => ({
            ...ListOffsetsRequestTypes.defaultListOffsetsPartition(),
            partitionIndex: p.partition,
            timestamp: -1n,
          })),
        })),
      });
      for (const t of res.topics)
        for (const r of t.partitions) {
          const p = byTopic.get(t.name)?.find((x) => x.partition === r.partitionIndex);
          if (p === undefined || r.errorCode !== ErrorCode.NONE) continue;
          if (isolationLevel === 0) p.highWatermark = Number(r.offset);
          else p.lastStableOffset = Number(r.offset);
        }
    }
  }

  /**
   * Fences the id's producer and aborts its open transaction, through the id's coordinator. The fence
   * is an InitProducerId, which also sets the id's transaction timeout: its current one is kept
   * unless `timeoutMs` is given.
   */
  async abortOngoing(transactionalId: string, coordinatorId: number, timeoutMs?: number): Promise<void> {
    timeoutMs ??= await this.currentTimeoutMs(transactionalId, coordinatorId);
    for (let attempt = 0; attempt < 100; attempt++) {
      let error: number;
      if (coordinatorId === this.deps.nodeId) {
        error = (await this.deps.coordinator.handleInitProducerId(transactionalId, timeoutMs, null)).error;
      } else {
        const r = await this.deps.clients.request(coordinatorId, ApiKey.InitProducerId, 4, {
          transactionalId,
          transactionTimeoutMs: timeoutMs,
          producerId: -1n,
          producerEpoch: -1,
        });
        error = r.errorCode;
      }
      if (error === ErrorCode.NONE) return;
      if (error !== ErrorCode.CONCURRENT_TRANSACTIONS && error !== ErrorCode.COORDINATOR_LOAD_IN_PROGRESS)
        throw new KafkaError(error, `The coordinator refused to fence ${transactionalId}: ${errorName(error)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new KafkaError(ErrorCode.CONCURRENT_TRANSACTIONS, `The transaction of ${transactionalId} is still completing; try again.`);
  }

  private async currentTimeoutMs(transactionalId: string, coordinatorId: number): Promise<number> {
    let error: number;
    let timeoutMs = 0;
    if (coordinatorId === this.deps.nodeId) {
      const d = this.deps.coordinator.describe(transactionalId);
      error = d.error;
      timeoutMs = d.metadata?.txnTimeoutMs ?? 0;
    } else {
      const res = await this.deps.clients.request(coordinatorId, ApiKey.DescribeTransactions, 0, { transactionalIds: [transactionalId] });
      error = res.transactionStates[0]?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
      timeoutMs = res.transactionStates[0]?.transactionTimeoutMs ?? 0;
    }
    if (error !== ErrorCode.NONE) throw new KafkaError(error, `Cannot describe ${transactionalId}: ${errorName(error)}`);
    return timeoutMs;
  }

  /** Writes an ABORT marker for the producer's open transaction on one partition (a hanging transaction). */
  async abortHanging(tp: TopicPartition, producerId: number, producerEpoch: number, coordinatorEpoch: number): Promise<void> {
    const leader = this.deps.metadata.topic(tp.topic)?.partitions[tp.partition]?.leader ?? -1;
    const marker: TxnMarker = {
      producerId,
      producerEpoch,
      coordinatorEpoch: Math.max(coordinatorEpoch, 0),
      result: 'ABORT',
      partitions: [tp],
    };
    let error: number;
    if (leader === this.deps.nodeId) {
      error = (await this.deps.appendMarkers(marker))[0]?.error ?? ErrorCode.UNKNOWN_SERVER_ERROR;
    } else if (leader < 0) {
      error = ErrorCode.LEADER_NOT_AVAILABLE;
    } else {
      const res = await this.deps.clients.request(leader, ApiKey.WriteTxnMarkers, 1, {
        markers: [
          {
            producerId: BigInt(producerId),
            producerEpoch,
            transactionResult: false,
            coordinatorEpoch: marker.coordinatorEpoch,
            topics: [{ name: tp.topic, partitionIndexes: [tp.partition] }],
          },
        ],
      });
      error = res.markers[0]?.topics[0]?.partitions[0]?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
    }
    if (error !== ErrorCode.NONE)
      throw new KafkaError(error, `The ABORT marker for ${tp.topic}-${tp.partition} was refused: ${errorName(error)}`);
  }
}
