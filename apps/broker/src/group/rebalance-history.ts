/**
 * Every rebalance of every group, as the console shows it: who joined and left and why, what
 * started it, and each member's assignment decoded from the consumer protocol with its diff against
 * the previous generation. The last `capacity` rebalances of each group stay in a ring; each change
 * is also published on the broker's event bus as it happens.
 */
import { CONSUMER_PROTOCOL_TYPE, decodeAssignment, type PartitionsByTopic } from './consumer-protocol';
import type {
  AssignmentDiff,
  GroupCoordinatorEvent,
  MemberChange,
  RebalanceMember,
  RebalanceRecord,
} from '../events/group-coordinator-event';
import type { GroupMetadata } from './group-metadata';
import type { MemberMetadata } from './member-metadata';

export type LeaveReason = 'leave' | 'session-timeout' | 'rejoin-timeout' | 'sync-timeout';

interface Pending {
  startedAtMs: number | null;
  cause: string;
  reason: string;
  joined: MemberChange[];
  left: MemberChange[];
}

function diffPartitions(a: PartitionsByTopic, b: PartitionsByTopic): PartitionsByTopic {
  const out: PartitionsByTopic = {};
  for (const [topic, parts] of Object.entries(a)) {
    const other = new Set(b[topic] ?? []);
    const only = parts.filter((p) => !other.has(p));
    if (only.length > 0) out[topic] = only;
  }
  return out;
}

export class RebalanceHistory {
  private readonly rings = new Map<string, RebalanceRecord[]>();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly publish: (e: GroupCoordinatorEvent) => void,
    private readonly now: () => number,
    private readonly capacity = 50,
  ) {}

  /** Oldest first. */
  history(groupId: string): RebalanceRecord[] {
    return [...(this.rings.get(groupId) ?? [])];
  }

  forget(groupId: string): void {
    this.rings.delete(groupId);
    this.pending.delete(groupId);
  }

  private pendingFor(groupId: string): Pending {
    let p = this.pending.get(groupId);
    if (p === undefined) this.pending.set(groupId, (p = { startedAtMs: null, cause: '', reason: '', joined: [], left: [] }));
    return p;
  }

  private change(m: MemberMetadata, reason: string): MemberChange {
    return { memberId: m.memberId, groupInstanceId: m.groupInstanceId, clientId: m.clientId, reason, timeMs: this.now() };
  }

  memberJoined(group: GroupMetadata, m: MemberMetadata, clientReason: string): void {
    this.pendingFor(group.groupId).joined.push(this.change(m, 'join'));
    this.publish({
      type: 'group-member-joined',
      group: group.groupId,
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      reason: clientReason,
    });
  }

  /** A static member came back under a new member id: the old id is fenced. */
  memberReplaced(group: GroupMetadata, oldMemberId: string, m: MemberMetadata): void {
    const p = this.pendingFor(group.groupId);
    p.left.push({ ...this.change(m, 'static-member-replacement'), memberId: oldMemberId });
    p.joined.push(this.change(m, 'static-member-replacement'));
    this.publish({
      type: 'group-member-left',
      group: group.groupId,
      memberId: oldMemberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      reason: 'static-member-replacement',
    });
    this.publish({
      type: 'group-member-joined',
      group: group.groupId,
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      reason: 'static-member-replacement',
    });
  }

  memberLeft(group: GroupMetadata, m: MemberMetadata, reason: LeaveReason): void {
    this.pendingFor(group.groupId).left.push(this.change(m, reason));
    this.publish({
      type: 'group-member-left',
      group: group.groupId,
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      reason,
    });
  }

  rebalanceStarted(group: GroupMetadata, cause: string, reason: string): void {
    const p = this.pendingFor(group.groupId);
    if (p.startedAtMs === null) Object.assign(p, { startedAtMs: this.now(), cause, reason });
    this.publish({ type: 'group-rebalance-started', group: group.groupId, generation: group.generationId, cause, reason });
  }

  /** The group reached a new generation: Stable with its assignment, or Empty. */
  rebalanceCompleted(group: GroupMetadata): RebalanceRecord {
    const now = this.now();
    const p = this.pendingFor(group.groupId);
    this.pending.delete(group.groupId);
    const consumer = group.protocolType === CONSUMER_PROTOCOL_TYPE;
    const members: RebalanceMember[] = [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      assignment: consumer ? decodeAssignment(m.assignment) : null,
    }));
    const ring = this.rings.get(group.groupId) ?? [];
    const previous = new Map((ring.at(-1)?.members ?? []).map((m) => [m.memberId, m.assignment ?? {}]));
    const diff: Record<string, AssignmentDiff> = {};
    for (const m of members) {
      const before = previous.get(m.memberId) ?? {};
      const after = m.assignment ?? {};
      diff[m.memberId] = { added: diffPartitions(after, before), removed: diffPartitions(before, after) };
    }
    for (const [id, before] of previous) if (!members.some((m) => m.memberId === id)) diff[id] = { added: {}, removed: before };
    const startedAtMs = p.startedAtMs ?? now;
    const record: RebalanceRecord = {
      generation: group.generationId,
      protocolType: group.protocolType,
      protocol: group.protocolName,
      leader: group.leaderId,
      startedAtMs,
      completedAtMs: now,
      durationMs: now - startedAtMs,
      cause: p.cause,
      reason: p.reason,
      joined: p.joined,
      left: p.left,
      members,
      diff,
    };
    ring.push(record);
    if (ring.length > this.capacity) ring.splice(0, ring.length - this.capacity);
    this.rings.set(group.groupId, ring);
    this.publish({ type: 'group-rebalance-completed', group: group.groupId, ...record });
    return record;
  }
}
