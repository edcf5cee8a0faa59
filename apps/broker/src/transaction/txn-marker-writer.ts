/**
 * The coordinator side of transaction markers (Kafka's TransactionMarkerChannelManager): after
 * PrepareCommit/PrepareAbort is written, every partition of the transaction gets its marker from its
 * current leader — appended here when this broker leads it, sent as WriteTxnMarkers otherwise — and
 * partitions are retried, following leadership, until each has its marker. Then the coordinator may
 * write CompleteCommit/CompleteAbort. A partition whose topic was deleted needs no marker. A fenced
 * producer epoch or coordinator epoch, or losing the coordinator role, abandons the send: whoever
 * coordinates now completes the transaction from its own log.
 */
import { ApiKey, ErrorCode, errorName } from '@tarn/protocol';
import type { BrokerClients } from '../client/broker-clients';
import type { Logger } from '../logger';
import type { MetadataStore } from '../metadata/metadata-store';
import { tpKey, type TopicPartition } from './transaction-metadata';
import type { TxnMarker } from './txn-markers';

const WRITE_TXN_MARKERS_VERSION = 1;
const MAX_BACKOFF_MS = 1000;

/** Errors after which the marker will never be accepted: the transaction is someone else's now. */
const ABANDON = new Set<number>([ErrorCode.INVALID_PRODUCER_EPOCH, ErrorCode.TRANSACTION_COORDINATOR_FENCED]);

export interface MarkerWriterDeps {
  nodeId: number;
  metadata: MetadataStore;
  clients: BrokerClients;
  appendLocally(marker: TxnMarker): Promise<Array<{ tp: TopicPartition; error: number }>>;
  logger: Logger;
}

export class TxnMarkerWriter {
  private stopped = false;

  constructor(private readonly deps: MarkerWriterDeps) {}

  stop(): void {
    this.stopped = true;
  }

  /**
   * Writes the marker to every partition; resolves true once all have it, false when abandoned
   * (`stillCoordinator` turned false, a fencing error, or the broker stopping).
   */
  async write(transactionalId: string, marker: TxnMarker, stillCoordinator: () => boolean): Promise<boolean> {
    let remaining = new Map(marker.partitions.map((tp) => [tpKey(tp), tp]));
    let backoffMs = 50;
    for (let attempt = 1; ; attempt++) {
      for (const [key, tp] of remaining) if (this.deps.metadata.topic(tp.topic) === undefined) remaining.delete(key); // deleted topic
      if (remaining.size === 0) return true;
      if (this.stopped || !stillCoordinator()) return false;
      const byLeader = new Map<number, TopicPartition[]>();
      for (const tp of remaining.values()) {
        const leader = this.deps.metadata.topic(tp.topic)?.partitions[tp.partition]?.leader ?? -1;
        byLeader.set(leader, [...(byLeader.get(leader) ?? []), tp]);
      }
      const results = await Promise.all([...byLeader].map(([leader, partitions]) => this.sendTo(leader, { ...marker, partitions })));
      const next = new Map<string, TopicPartition>();
      for (const result of results.flat()) {
        if (result.error === ErrorCode.NONE) continue;
        if (ABANDON.has(result.error)) {
          this.deps.logger.warn(
            {
              transactionalId,
              producerId: marker.producerId,
              topic: result.tp.topic,
              partition: result.tp.partition,
              error: errorName(result.error),
            },
            'transaction marker refused: abandoning the send (the producer or the coordinator was fenced)',
          );
          return false;
        }
        next.set(tpKey(result.tp), result.tp);
      }
      remaining = next;
      if (remaining.size === 0) return true;
      if (attempt % 20 === 0)
        this.deps.logger.warn(
          {
            transactionalId,
            producerId: marker.producerId,
            pending: [...remaining.values()].map((tp) => `${tp.topic}-${tp.partition}`),
            attempt,
          },
          'transaction markers still not written; retrying',
        );
      await new Promise((r) => setTimeout(r, backoffMs));
      backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  private async sendTo(leader: number, marker: TxnMarker): Promise<Array<{ tp: TopicPartition; error: number }>> {
    const failAll = (error: number) => marker.partitions.map((tp) => ({ tp, error }));
    if (leader < 0) return failAll(ErrorCode.LEADER_NOT_AVAILABLE);
    try {
      if (leader === this.deps.nodeId) return await this.deps.appendLocally(marker);
      const byTopic = new Map<string, number[]>();
      for (const tp of marker.partitions) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
      const res = await this.deps.clients.request(leader, ApiKey.WriteTxnMarkers, WRITE_TXN_MARKERS_VERSION, {
        markers: [
          {
            producerId: BigInt(marker.producerId),
            producerEpoch: marker.producerEpoch,
            transactionResult: marker.result === 'COMMIT',
            coordinatorEpoch: marker.coordinatorEpoch,
            topics: [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })),
          },
        ],
      });
      const answered = (res.markers[0]?.topics ?? []).flatMap((t) =>
        t.partitions.map((p) => ({ tp: { topic: t.name, partition: p.partitionIndex }, error: p.errorCode })),
      );
      const seen = new Set(answered.map((a) => tpKey(a.tp)));
      // a partition the answer leaves out is retried
      return [
        ...answered,
        ...marker.partitions.filter((tp) => !seen.has(tpKey(tp))).map((tp) => ({ tp, error: ErrorCode.UNKNOWN_SERVER_ERROR })),
      ];
    } catch (err) {
      this.deps.logger.debug({ leader, err: (err as Error).message }, 'sending transaction markers failed; retrying');
      return failAll(ErrorCode.NETWORK_EXCEPTION);
    }
  }
}
