// What the transactional offset commit tests share: TxnOffsetCommit and OffsetFetch (require_stable)
// as raw requests, and the transaction coordinator's part played by hand — a COMMIT or ABORT marker
// appended to __consumer_offsets (a control batch as WriteTxnMarkers writes it), then the group
// coordinator's completion hook, in that order.
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, OffsetFetchRequestTypes, TxnOffsetCommitRequestTypes, buildRecordBatch } from '@tarn/protocol';
import { buildEndTxnMarkerBatch } from '@tarn/storage';
import type { Broker } from '../src/index';
import { offsetCommitKey, offsetCommitValue } from '../src/group/coordinator-record';
import type { TestConnection } from './helpers';

export interface TxnCommitOptions {
  transactionalId?: string;
  groupId: string;
  producerId: number;
  producerEpoch?: number;
  generationId?: number;
  memberId?: string;
  groupInstanceId?: string | null;
}

/** TxnOffsetCommit; answers "topic/partition" → error code. */
export async function txnCommit(
  c: TestConnection,
  version: number,
  o: TxnCommitOptions,
  offsets: Record<string, Array<{ partition: number; offset: number; metadata?: string; leaderEpoch?: number }>>,
): Promise<Record<string, number>> {
  const res = await c.request(ApiKey.TxnOffsetCommit, version, {
    ...TxnOffsetCommitRequestTypes.defaultTxnOffsetCommitRequest(),
    transactionalId: o.transactionalId ?? `txn-${o.producerId}`,
    groupId: o.groupId,
    producerId: BigInt(o.producerId),
    producerEpoch: o.producerEpoch ?? 0,
    generationId: o.generationId ?? -1,
    memberId: o.memberId ?? '',
    groupInstanceId: o.groupInstanceId ?? null,
    topics: Object.entries(offsets).map(([name, partitions]) => ({
      ...TxnOffsetCommitRequestTypes.defaultTxnOffsetCommitRequestTopic(),
      name,
      partitions: partitions.map((p) => ({
        ...TxnOffsetCommitRequestTypes.defaultTxnOffsetCommitRequestPartition(),
        partitionIndex: p.partition,
        committedOffset: BigInt(p.offset),
        committedLeaderEpoch: p.leaderEpoch ?? -1,
        committedMetadata: p.metadata ?? null,
      })),
    })),
  });
  return Object.fromEntries(res.topics.flatMap((t) => t.partitions.map((p) => [`${t.name}/${p.partitionIndex}`, p.errorCode])));
}

/** OffsetFetch of one group at `version` (batched at v8+): "topic/partition" → [offset, metadata, error]. */
export async function fetchTxn(
  c: TestConnection,
  version: number,
  groupId: string,
  topics: Record<string, number[]> | null,
  requireStable = true,
): Promise<Record<string, [number, string, number]>> {
  const requested = topics === null ? null : Object.entries(topics).map(([name, partitionIndexes]) => ({ name, partitionIndexes }));
  const base = { ...OffsetFetchRequestTypes.defaultOffsetFetchRequest(), requireStable: version >= 7 && requireStable };
  const res = await c.request(
    ApiKey.OffsetFetch,
    version,
    version >= 8
      ? {
          ...base,
          groups: [
            {
              ...OffsetFetchRequestTypes.defaultOffsetFetchRequestGroup(),
              groupId,
              topics: requested?.map((t) => ({ ...OffsetFetchRequestTypes.defaultOffsetFetchRequestTopics(), ...t })) ?? null,
            },
          ],
        }
      : {
          ...base,
          groupId,
          topics: requested?.map((t) => ({ ...OffsetFetchRequestTypes.defaultOffsetFetchRequestTopic(), ...t })) ?? null,
        },
  );
  const groupTopics = version >= 8 ? res.groups[0]!.topics : res.topics;
  assert.equal(version >= 8 ? res.groups[0]!.errorCode : res.errorCode, ErrorCode.NONE);
  return Object.fromEntries(
    groupTopics.flatMap((t) =>
      t.partitions.map((p) => [`${t.name}/${p.partitionIndex}`, [Number(p.committedOffset), p.metadata ?? '', p.errorCode]]),
    ),
  );
}

/** A COMMIT or ABORT control batch of the producer, as the transaction coordinator writes it. */
export function markerBatch(producerId: number, producerEpoch: number, result: 'COMMIT' | 'ABORT', coordinatorEpoch = 0): Buffer {
  return buildEndTxnMarkerBatch({ producerId, producerEpoch, coordinatorEpoch, controlType: result, timestamp: Date.now() });
}

/** Offset commit records as one batch, transactional when a producer is given (a tombstone for a null offset). */
export function offsetsBatch(
  records: Array<{ group: string; topic: string; partition: number; offset: number | null; metadata?: string }>,
  producer: { producerId: number; producerEpoch: number } | null = null,
): Buffer {
  const now = Date.now();
  return buildRecordBatch(
    records.map((r) => ({
      key: offsetCommitKey(r.group, r.topic, r.partition),
      value:
        r.offset === null
          ? null
          : offsetCommitValue({
              offset: BigInt(r.offset),
              leaderEpoch: -1,
              metadata: r.metadata ?? '',
              commitTimestamp: now,
              expireTimestamp: null,
            }),
    })),
    producer === null ? { now } : { now, ...producer, baseSequence: 0, isTransactional: true },
  );
}

/** Appends to a __consumer_offsets partition as the coordinators do (origin 'coordinator', acks=all). */
export async function appendToOffsetsTopic(broker: Broker, partition: number, records: Buffer): Promise<void> {
  const [r] = await broker.replicaManager.appendRecords(-1, 5000, [{ topic: '__consumer_offsets', partition, records }], 'coordinator');
  assert.equal(r!.error, ErrorCode.NONE, r!.errorMessage ?? undefined);
}

/** Ends a producer's transaction on these offsets partitions: the marker first, then the completion hook. */
export async function endTxn(
  broker: Broker,
  producerId: number,
  result: 'COMMIT' | 'ABORT',
  partitions: number[] = [0],
  producerEpoch = 0,
): Promise<void> {
  for (const p of partitions) await appendToOffsetsTopic(broker, p, markerBatch(producerId, producerEpoch, result));
  broker.groupCoordinator.onTxnCompletion(producerId, partitions, result);
}
