/**
 * A classic group's rebalance timers, standing in for Kafka's rebalancePurgatory:
 *
 *   join  InitialDelayedJoin (an Empty group waits group.initial.rebalance.delay.ms, again while
 *         new members keep arriving, up to its rebalance timeout) or DelayedJoin (completes as
 *         soon as every member rejoined, else after the rebalance timeout)
 *   sync  DelayedSync: after a generation forms, members that send no SyncGroup within the
 *         rebalance timeout expire; it completes early once all of them did or the group moved on
 *
 * One timer per group (joinTimer, syncTimer on GroupMetadata) rather than operations in a
 * purgatory keyed by group. This only keeps time: what completion and expiration do (form the next
 * generation, drop the members that did not sync) is the rebalance's (group-rebalance.ts), passed
 * in as callbacks so neither file imports the other.
 */
import type { GroupConfig } from '../config/broker-config';
import type { GroupMetadata } from './group-metadata';

export interface RebalanceCompletion {
  /** DelayedJoin.onComplete: the join phase is over. */
  onCompleteJoin(group: GroupMetadata): void;
  /** DelayedSync.onExpiration: members of this generation are still to send SyncGroup. */
  onExpirePendingSync(group: GroupMetadata, generationId: number): void;
}

export class RebalancePurgatory {
  constructor(
    private readonly config: GroupConfig,
    private readonly completion: RebalanceCompletion,
  ) {}

  // ---------------------------------------------------------------- join

  private clearJoinTimer(group: GroupMetadata): void {
    if (group.joinTimer !== null) clearTimeout(group.joinTimer);
    group.joinTimer = null;
    group.joinKind = null;
  }

  scheduleInitialJoin(group: GroupMetadata, delayMs: number, remainingMs: number): void {
    this.clearJoinTimer(group);
    group.joinKind = 'initial';
    group.joinTimer = setTimeout(() => {
      this.clearJoinTimer(group);
      if (group.newMemberAdded && remainingMs !== 0) {
        group.newMemberAdded = false;
        const delay = Math.min(this.config.groupInitialRebalanceDelayMs, remainingMs);
        this.scheduleInitialJoin(group, delay, Math.max(remainingMs - delay, 0));
      } else this.completion.onCompleteJoin(group);
    }, delayMs);
  }

  scheduleDelayedJoin(group: GroupMetadata, timeoutMs: number): void {
    this.clearJoinTimer(group);
    if (group.hasAllMembersJoined) return this.completion.onCompleteJoin(group);
    group.joinKind = 'delayed';
    group.joinTimer = setTimeout(() => {
      this.clearJoinTimer(group);
      this.completion.onCompleteJoin(group);
    }, timeoutMs);
  }

  /** Kafka's rebalancePurgatory.checkAndComplete(GroupJoinKey): a DelayedJoin completes early. */
  checkJoin(group: GroupMetadata): void {
    if (group.joinKind === 'delayed' && group.hasAllMembersJoined) {
      this.clearJoinTimer(group);
      this.completion.onCompleteJoin(group);
    }
  }

  // ---------------------------------------------------------------- sync

  schedulePendingSync(group: GroupMetadata): void {
    if (group.syncTimer !== null) clearTimeout(group.syncTimer);
    group.syncTimer = null;
    if (group.hasReceivedSyncFromAllMembers) return;
    const generationId = group.generationId;
    group.syncTimer = setTimeout(() => {
      group.syncTimer = null;
      this.completion.onExpirePendingSync(group, generationId);
    }, group.rebalanceTimeoutMs);
  }

  removePendingSyncMember(group: GroupMetadata, memberId: string): void {
    group.removePendingSyncMember(memberId);
    this.maybeCompleteSyncExpiration(group);
  }

  removeSyncExpiration(group: GroupMetadata): void {
    group.clearPendingSyncMembers();
    this.maybeCompleteSyncExpiration(group);
  }

  /** Kafka's rebalancePurgatory.checkAndComplete(GroupSyncKey): nothing left to wait for. */
  private maybeCompleteSyncExpiration(group: GroupMetadata): void {
    if (group.syncTimer === null) return;
    const over = group.is('Dead') || group.is('Empty') || group.is('PreparingRebalance') || group.hasReceivedSyncFromAllMembers;
    if (over) {
      clearTimeout(group.syncTimer);
      group.syncTimer = null;
    }
  }

  /** Cancels the group's join and sync timers (the group leaves this coordinator). */
  clear(group: GroupMetadata): void {
    this.clearJoinTimer(group);
    if (group.syncTimer !== null) clearTimeout(group.syncTimer);
    group.syncTimer = null;
  }
}
