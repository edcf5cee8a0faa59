// The transactional part of Produce (Kafka's KafkaApis.handleProduceRequest and ReplicaManager's
// verification, KIP-890 part 1): a request carrying transactional batches needs Write on its
// transactional id; before a producer's first transactional write to a partition, its leader asks
// the id's coordinator whether the partition is in the transaction — a write outside one (a late
// retry after the transaction ended, a zombie) is refused instead of opening a transaction that
// nothing would ever close. Once the partition holds the producer's open transaction, no more
// questions are asked.
import { ErrorCode, PRODUCER_EPOCH_OFFSET, PRODUCER_ID_OFFSET, ATTRIBUTES_OFFSET, isTransactional, readInt64 } from '@tarn/protocol';
import type { Partition } from '../replica/partition';
import type { AppendEntry } from '../replica/replica-manager';
import { AclOperation, ResourceType, authorized } from './authorize';
import type { RequestContext } from './handler';

export interface RefusedEntry {
  topic: string;
  partition: number;
  error: number;
  message: string;
}

function isTransactionalBatch(records: Buffer): boolean {
  return records.length > ATTRIBUTES_OFFSET + 2 && isTransactional(records.readInt16BE(ATTRIBUTES_OFFSET));
}

/** Whether the request carries any transactional batch, and so needs Write on its transactional id. */
export function hasTransactionalRecords(entries: readonly AppendEntry[]): boolean {
  return entries.some((e) => isTransactionalBatch(e.records));
}

export function transactionalIdAuthorized(ctx: RequestContext, transactionalId: string | null): boolean {
  return transactionalId !== null && authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId);
}

/** Splits the entries into those that may be appended and those the coordinator says are not in the transaction. */
export async function verifyTransactionalWrites(
  ctx: RequestContext,
  transactionalId: string,
  entries: AppendEntry[],
): Promise<{ entries: AppendEntry[]; refused: RefusedEntry[] }> {
  const { services } = ctx;
  if (!services.config.transaction.partitionVerification) return { entries, refused: [] };
  const toVerify: AppendEntry[] = [];
  const guards: Array<{ partition: Partition; guard: object }> = [];
  let producerId = -1;
  let producerEpoch = -1;
  for (const e of entries) {
    if (!isTransactionalBatch(e.records)) continue;
    producerId = readInt64(e.records, PRODUCER_ID_OFFSET);
    producerEpoch = e.records.readInt16BE(PRODUCER_EPOCH_OFFSET);
    const partition = services.replicaManager.getPartition(e.topic, e.partition);
    // not led here: the append answers NOT_LEADER_OR_FOLLOWER on its own
    if (partition === undefined || !partition.isLeader || partition.hasOngoingTransaction(producerId, producerEpoch)) continue;
    toVerify.push(e);
    guards.push({ partition, guard: partition.startVerification(producerId) });
  }
  if (toVerify.length === 0) return { entries, refused: [] };
  const results = await services.transactions.verify(
    transactionalId,
    producerId,
    producerEpoch,
    toVerify.map((e) => ({ topic: e.topic, partition: e.partition })),
  );
  const errors = new Map(results.filter((r) => r.error !== ErrorCode.NONE).map((r) => [`${r.tp.topic}\u0000${r.tp.partition}`, r.error]));
  // a marker for the producer landed while the coordinator was asked: the transaction it verified has ended
  for (const [i, { partition, guard }] of guards.entries()) {
    const e = toVerify[i]!;
    if (!partition.isVerificationValid(producerId, guard)) errors.set(`${e.topic}\u0000${e.partition}`, ErrorCode.INVALID_TXN_STATE);
  }
  if (errors.size === 0) return { entries, refused: [] };
  const refused: RefusedEntry[] = [];
  const kept = entries.filter((e) => {
    const error = errors.get(`${e.topic}\u0000${e.partition}`);
    if (error === undefined) return true;
    refused.push({
      topic: e.topic,
      partition: e.partition,
      error,
      message: `Partition ${e.topic}-${e.partition} is not in an ongoing transaction of transactional id ${transactionalId}`,
    });
    return false;
  });
  return { entries: kept, refused };
}
