/**
 * The group coordinator's side of transactions (Kafka's GroupCoordinator.handleTxnCommitOffsets and
 * scheduleHandleTxnCompletion; KIP-98, KIP-447, KIP-890): TxnOffsetCommit writes a producer's
 * offset commits as a transactional batch to the group's `__consumer_offsets` partition, where they
 * wait in the group (PendingTxnOffsetCommits) until the transaction coordinator has written the
 * producer's COMMIT or ABORT marker there and calls onTxnCompletion.
 */
import { ErrorCode } from '@tarn/protocol';
import { GroupMetadata } from './group-metadata';
import { maybeConvertOffsetCommitError, type Commit, type GroupMetadataManager } from './group-metadata-manager';
import { tpKey } from './offset-and-metadata';
import { validateOffsetCommit } from './validate-offset-commit';

export interface TxnOffsetCommitParams {
  groupId: string;
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  /** v3+ (KIP-447); '' / null / -1 before */
  memberId: string;
  groupInstanceId: string | null;
  generationId: number;
  apiVersion: number;
  commits: readonly Commit[];
}

/**
 * KIP-890's check before a transactional offset commit is written: is the group's
 * `__consumer_offsets` partition part of the producer's ongoing transaction (AddOffsetsToTxn)?
 * Resolves with NONE or the error to answer (Kafka's
 * ReplicaManager.maybeStartTransactionVerificationForPartition, which the transaction coordinator
 * answers; v4+ clients understand TRANSACTION_ABORTABLE). Without a verifier commits are written
 * unverified, as Kafka does with transaction.partition.verification.enable=false.
 */
export type TxnOffsetCommitVerifier = (p: {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  offsetsPartition: number;
  apiVersion: number;
}) => Promise<number>;

export interface TxnOffsetCommitsDeps {
  manager: GroupMetadataManager;
  /** GroupCoordinator.validateGroupStatus for TxnOffsetCommit */
  validateGroupStatus(groupId: string): number | null;
  /** announces offsets that became committed ('group-offsets-committed') */
  publishCommitted(group: string, memberId: string, generation: number, commits: readonly Commit[]): void;
  now(): number;
}

export class TxnOffsetCommits {
  /** Set by the transaction coordinator once it can verify (see TxnOffsetCommitVerifier). */
  verifier: TxnOffsetCommitVerifier | null = null;

  constructor(private readonly deps: TxnOffsetCommitsDeps) {}

  /**
   * Errors by tpKey for every commit. An unknown group is created Empty. The commits are answered
   * once written and stay pending until onTxnCompletion. Unlike OffsetCommit, a rebalancing group
   * accepts them, and so does a group with members when the commit names no member (clients before
   * v3 name none).
   */
  async handleTxnCommitOffsets(p: TxnOffsetCommitParams): Promise<Map<string, number>> {
    const { manager } = this.deps;
    const all = (code: number) => new Map(p.commits.map((c) => [tpKey(c.tp.topic, c.tp.partition), code]));
    const status = this.deps.validateGroupStatus(p.groupId);
    if (status !== null) return all(status);
    const group = manager.getGroup(p.groupId) ?? manager.addGroup(new GroupMetadata(p.groupId, 'Empty', this.deps.now()));
    if (this.verifier !== null) {
      const verified = await this.verifier({
        transactionalId: p.transactionalId,
        producerId: p.producerId,
        producerEpoch: p.producerEpoch,
        offsetsPartition: manager.partitionFor(p.groupId),
        apiVersion: p.apiVersion,
      });
      if (verified !== ErrorCode.NONE) return all(maybeConvertOffsetCommitError(verified));
    }
    const error = validateOffsetCommit(group, p.generationId, p.memberId, p.groupInstanceId, true);
    if (error !== null) return all(error);
    if (p.producerId === -1) {
      // Kafka writes a commit without a producer id as an ordinary one
      const errors = await manager.storeOffsets(group, p.commits);
      const stored = p.commits.filter((c) => errors.get(tpKey(c.tp.topic, c.tp.partition)) === ErrorCode.NONE);
      this.deps.publishCommitted(p.groupId, p.memberId, p.generationId, stored);
      return errors;
    }
    return manager.storeOffsets(group, p.commits, { producerId: p.producerId, producerEpoch: p.producerEpoch });
  }

  /** See GroupCoordinator.onTxnCompletion. */
  onTxnCompletion(producerId: number, offsetsPartitions: readonly number[], result: 'COMMIT' | 'ABORT'): void {
    const completed = this.deps.manager.handleTxnCompletion(producerId, new Set(offsetsPartitions), result === 'COMMIT');
    for (const [group, records] of completed) {
      const commits = records.map((r) => ({ tp: r.tp, om: r.offsetAndMetadata }));
      this.deps.publishCommitted(group.groupId, '', group.generationId, commits);
    }
  }
}
