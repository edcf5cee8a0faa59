/**
 * Kafka's RoundRobinAssignor ("roundrobin"): every partition of every subscribed topic (topics
 * sorted, partitions ascending) dealt in turn to the members in MemberInfo order, skipping a member
 * not subscribed to the partition's topic.
 */
import { compareMembers, compareStrings, partitionsOf } from './types';
import type { GroupAssignment, GroupSubscription, PartitionAssignor, PartitionsPerTopic } from './types';

export class RoundRobinAssignor implements PartitionAssignor {
  readonly name = 'roundrobin';
  readonly supportedProtocols = ['EAGER'] as const;

  subscriptionUserData(): Buffer | null {
    return null;
  }

  onAssignment(): void {}

  assign(partitionsPerTopic: PartitionsPerTopic, subscriptions: GroupSubscription): GroupAssignment {
    const assignment: GroupAssignment = new Map();
    const members: { memberId: string; groupInstanceId: string | null; topics: Set<string> }[] = [];
    const topics = new Set<string>();
    for (const [memberId, sub] of subscriptions) {
      assignment.set(memberId, []);
      members.push({ memberId, groupInstanceId: sub.groupInstanceId, topics: new Set(sub.topics) });
      for (const t of sub.topics) topics.add(t);
    }
    if (members.length === 0) return assignment;
    members.sort(compareMembers);
    let next = 0; // Kafka's CircularIterator position
    for (const topic of [...topics].sort(compareStrings)) {
      const count = partitionsPerTopic.get(topic);
      if (count === undefined) continue;
      for (const tp of partitionsOf(topic, count)) {
        while (!members[next]!.topics.has(topic)) next = (next + 1) % members.length;
        assignment.get(members[next]!.memberId)!.push(tp);
        next = (next + 1) % members.length;
      }
    }
    return assignment;
  }
}
