/**
 * SyncGroup on a group the coordinator has already validated (Kafka's GroupCoordinator:
 * handleSyncGroup, doSyncGroup). In CompletingRebalance every member's SyncGroup is parked until
 * the leader's arrives and its assignment is stored in __consumer_offsets; then each member gets
 * its share and the group is Stable. In Stable a member just gets its current assignment again.
 * A member that sends none at all is removed by the pending-sync expiration (group-rebalance.ts).
 */
import { ErrorCode } from '@tarn/protocol';
import { syncError, type GroupMetadata } from './group-metadata';
import type { GroupMetadataManager } from './group-metadata-manager';
import type { GroupRebalance } from './group-rebalance';
import type { SyncGroupResult } from './member-metadata';
import type { RebalanceHistory } from './rebalance-history';
import { validateCurrentMember } from './validate-current-member';

export interface SyncGroupParams {
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string | null;
  protocolName: string | null;
  assignments: ReadonlyMap<string, Buffer>;
}

export class GroupSync {
  constructor(
    private readonly manager: GroupMetadataManager,
    private readonly history: RebalanceHistory,
    private readonly rebalance: GroupRebalance,
    private readonly now: () => number,
  ) {}

  private validateSyncGroup(group: GroupMetadata, p: SyncGroupParams): number | null {
    if (group.is('Dead')) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const memberError = validateCurrentMember(group, p.memberId, p.groupInstanceId);
    if (memberError !== null) return memberError;
    if (p.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (p.protocolType !== null && group.protocolType !== p.protocolType) return ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
    if (p.protocolName !== null && group.protocolName !== p.protocolName) return ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
    return null;
  }

  sync(group: GroupMetadata, p: SyncGroupParams): Promise<SyncGroupResult> {
    return new Promise((resolve) => {
      const error = this.validateSyncGroup(group, p);
      if (error !== null) return resolve(syncError(error));
      switch (group.state) {
        case 'Empty':
          return resolve(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
        case 'PreparingRebalance':
          return resolve(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
        case 'CompletingRebalance': {
          group.get(p.memberId).awaitingSyncCallback = resolve;
          this.rebalance.rebalancePurgatory.removePendingSyncMember(group, p.memberId);
          if (!group.isLeader(p.memberId)) return;
          // members the leader left out get an empty assignment
          const assignment = new Map<string, Buffer>();
          for (const id of group.members.keys()) assignment.set(id, p.assignments.get(id) ?? Buffer.alloc(0));
          const generationId = group.generationId;
          void this.manager.storeGroup(group, assignment).then((storeError) => {
            if (!group.is('CompletingRebalance') || generationId !== group.generationId) return;
            if (storeError !== ErrorCode.NONE) {
              this.rebalance.resetAndPropagateAssignmentError(group, storeError);
              this.rebalance.maybePrepareRebalance(
                group,
                'store-error',
                `Error when storing group assignment during SyncGroup (member: ${p.memberId})`,
              );
              return;
            }
            for (const m of group.members.values()) m.assignment = assignment.get(m.memberId) ?? Buffer.alloc(0);
            this.rebalance.propagateAssignment(group, ErrorCode.NONE);
            group.transitionTo('Stable', this.now());
            this.history.rebalanceCompleted(group);
          });
          return;
        }
        case 'Stable': {
          this.rebalance.rebalancePurgatory.removePendingSyncMember(group, p.memberId);
          const member = group.get(p.memberId);
          resolve({
            protocolType: group.protocolType,
            protocolName: group.protocolName,
            assignment: member.assignment,
            error: ErrorCode.NONE,
          });
          this.rebalance.heartbeatPurgatory.completeAndScheduleNextHeartbeatExpiration(group, member);
          return;
        }
        case 'Dead':
          return resolve(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
      }
    });
  }
}
