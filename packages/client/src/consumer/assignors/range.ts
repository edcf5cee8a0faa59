/**
 * Kafka's RangeAssignor ("range"): per topic, partitions in numeric order split into contiguous
 * ranges over the topic's subscribers in MemberInfo order; the first `count % members` get one more.
 * With client.rack on members and replica racks on partitions (KIP-881), Kafka 3.5's rack-aware
 * pass runs first — per topic, or partition by partition across co-partitioned topics (same
 * subscribers, same partition count) — and the plain ranges fill in the rest; ported as written.
 */
import { compareMembers, compareTopicThenPartition, useRackAwareAssignment } from './types';
import type { GroupAssignment, GroupSubscription, PartitionAssignor, PartitionRacks, PartitionsPerTopic } from './types';

interface Member {
  memberId: string;
  groupInstanceId: string | null;
  rackId: string | null;
}

/** Kafka's RangeAssignor.TopicAssignmentState. */
class TopicState {
  /** Sorted members with their rack (null = none). */
  readonly consumers: [string, string | null][];
  readonly unassigned: number[];
  private readonly assigned = new Map<string, number>();
  private readonly perConsumer: number;
  private remainingWithExtra: number;
  /** partition → replica racks; empty unless some subscriber has a rack. */
  readonly partitionRacks = new Map<number, Set<string>>();
  readonly needsRackAware: boolean;

  constructor(
    readonly topic: string,
    count: number,
    members: Member[],
    racks: readonly (readonly string[])[] | undefined,
  ) {
    const sorted = [...members].sort(compareMembers);
    this.consumers = sorted.map((m) => [m.memberId, m.rackId]);
    for (const [c] of this.consumers) this.assigned.set(c, 0);
    this.unassigned = Array.from({ length: count }, (_, i) => i);
    this.perConsumer = sorted.length === 0 ? 0 : Math.floor(count / sorted.length);
    this.remainingWithExtra = sorted.length === 0 ? 0 : count % sorted.length;
    const consumerRacks = new Set(sorted.map((m) => m.rackId).filter((r): r is string => r !== null));
    const allPartitionRacks = new Set<string>();
    if (consumerRacks.size > 0) {
      for (let p = 0; p < count; p++) {
        const set = new Set(racks?.[p] ?? []);
        this.partitionRacks.set(p, set);
        for (const r of set) allPartitionRacks.add(r);
      }
    }
    this.needsRackAware = useRackAwareAssignment(consumerRacks, allPartitionRacks, this.partitionRacks.values());
  }

  rackOf(consumer: string): string | null {
    return this.consumers.find(([c]) => c === consumer)?.[1] ?? null;
  }

  racksMatch(consumer: string, partition: number): boolean {
    const rack = this.rackOf(consumer);
    return rack === null || (this.partitionRacks.get(partition)?.has(rack) ?? false);
  }

  maxAssignable(consumer: string): number {
    return Math.max(0, this.perConsumer + (this.remainingWithExtra > 0 ? 1 : 0) - this.assigned.get(consumer)!);
  }

  onAssigned(consumer: string, partitions: number[]): void {
    const n = this.assigned.get(consumer)! + partitions.length;
    this.assigned.set(consumer, n);
    if (n > this.perConsumer) this.remainingWithExtra--;
    for (const p of partitions) this.unassigned.splice(this.unassigned.indexOf(p), 1);
  }
}

export class RangeAssignor implements PartitionAssignor {
  readonly name = 'range';
  readonly supportedProtocols = ['EAGER'] as const;

  subscriptionUserData(): Buffer | null {
    return null;
  }

  onAssignment(): void {}

  assign(partitionsPerTopic: PartitionsPerTopic, subscriptions: GroupSubscription, partitionRacks?: PartitionRacks): GroupAssignment {
    const consumersPerTopic = new Map<string, Member[]>();
    const assignment: GroupAssignment = new Map();
    for (const [memberId, sub] of subscriptions) {
      assignment.set(memberId, []);
      const rackId = sub.rackId === null || sub.rackId === '' ? null : sub.rackId;
      for (const topic of new Set(sub.topics)) {
        const list = consumersPerTopic.get(topic) ?? [];
        list.push({ memberId, groupInstanceId: sub.groupInstanceId, rackId });
        consumersPerTopic.set(topic, list);
      }
    }
    const states: TopicState[] = [];
    for (const [topic, count] of partitionsPerTopic) {
      if (count > 0) states.push(new TopicState(topic, count, consumersPerTopic.get(topic) ?? [], partitionRacks?.get(topic)));
    }
    const give = (consumer: string, partitions: number[], state: TopicState): void => {
      assignment.get(consumer)!.push(...partitions.map((partition) => ({ topic: state.topic, partition })));
      state.onAssigned(consumer, partitions);
    };
    const assignRanges = (state: TopicState, mayAssign: (c: string, p: number) => boolean): void => {
      for (const [consumer] of state.consumers) {
        if (state.unassigned.length === 0) break;
        const take = state.unassigned.filter((p) => mayAssign(consumer, p)).slice(0, state.maxAssignable(consumer));
        if (take.length > 0) give(consumer, take, state);
      }
    };

    const rackAware = states.some((s) => s.needsRackAware);
    if (rackAware) {
      // Topics with the same subscribers (racks included), then the same partition count, go together.
      const bySubscribers = new Map<string, TopicState[]>();
      for (const s of states) {
        const key = JSON.stringify(s.consumers);
        bySubscribers.set(key, [...(bySubscribers.get(key) ?? []), s]);
      }
      for (const group of bySubscribers.values()) {
        const byCount = new Map<number, TopicState[]>();
        for (const s of group) byCount.set(s.partitionRacks.size, [...(byCount.get(s.partitionRacks.size) ?? []), s]);
        for (const [count, together] of byCount) {
          if (together.length > 1) this.coPartitioned(together[0]!.consumers, count, together, give);
          else if (together[0]!.needsRackAware) assignRanges(together[0]!, (c, p) => together[0]!.racksMatch(c, p));
        }
      }
    }
    for (const s of states) assignRanges(s, () => true);
    if (rackAware) for (const list of assignment.values()) list.sort(compareTopicThenPartition);
    return assignment;
  }

  /** Partition p of every co-partitioned topic to the first consumer that matches racks for all of them. */
  private coPartitioned(
    consumers: [string, string | null][],
    count: number,
    states: TopicState[],
    give: (consumer: string, partitions: number[], state: TopicState) => void,
  ): void {
    const remaining = consumers.map(([c]) => c);
    for (let p = 0; p < count; p++) {
      const consumer = remaining.find((c) => states.every((t) => t.racksMatch(c, p) && t.maxAssignable(c) > 0));
      if (consumer === undefined) continue;
      for (const t of states) give(consumer, [p], t);
      if (states.every((t) => t.maxAssignable(consumer) <= 0)) {
        remaining.splice(remaining.indexOf(consumer), 1);
        if (remaining.length === 0) break;
      }
    }
  }
}
