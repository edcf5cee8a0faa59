/**
 * What the group coordinator publishes on the broker's event bus (all carry `group`). Offsets are
 * JS numbers here: events travel to the console as JSON, and no real log comes near 2^53.
 */
import type { PartitionsByTopic } from '../group/consumer-protocol';
import type { GroupState } from '../group/group-state';

export interface RebalanceMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  /** Decoded ConsumerProtocolAssignment for protocol type "consumer", else null. */
  assignment: PartitionsByTopic | null;
}

export interface MemberChange {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  reason: string;
  timeMs: number;
}

export interface AssignmentDiff {
  added: PartitionsByTopic;
  removed: PartitionsByTopic;
}

/** One completed rebalance: a new generation (with members, or Empty). */
export type RebalanceRecord = {
  generation: number;
  protocolType: string | null;
  protocol: string | null;
  leader: string | null;
  startedAtMs: number;
  completedAtMs: number;
  durationMs: number;
  /** What started it: join, leave, session-timeout, metadata-change, static-member-replacement, … */
  cause: string;
  reason: string;
  joined: MemberChange[];
  left: MemberChange[];
  members: RebalanceMember[];
  /** Per member id, what its assignment gained and lost against the previous generation. */
  diff: Record<string, AssignmentDiff>;
};

export type GroupCoordinatorEvent =
  | {
      type: 'group-member-joined';
      group: string;
      memberId: string;
      groupInstanceId: string | null;
      clientId: string;
      clientHost: string;
      reason: string;
    }
  | { type: 'group-member-left'; group: string; memberId: string; groupInstanceId: string | null; clientId: string; reason: string }
  | { type: 'group-rebalance-started'; group: string; generation: number; cause: string; reason: string }
  | ({ type: 'group-rebalance-completed'; group: string } & RebalanceRecord)
  | { type: 'group-state-changed'; group: string; from: GroupState; to: GroupState; generation: number }
  | {
      type: 'group-offsets-committed';
      group: string;
      memberId: string;
      generation: number;
      offsets: Array<{ topic: string; partition: number; offset: number; metadata: string; commitTimestamp: number }>;
    }
  /** The coordinator loaded a group from __consumer_offsets (becoming leader of its partition). */
  | { type: 'group-loaded'; group: string; offsets: number }
  | { type: 'group-deleted'; group: string; reason: 'deleted' | 'expired' };
