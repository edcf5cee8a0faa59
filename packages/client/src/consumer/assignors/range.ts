/**
 * Kafka's RangeAssignor ("range"): per topic, partitions in numeric order split into contiguous
 * ranges over the topic's subscribers in MemberInfo order; the first `count % members` get one more.
 * (Kafka 3.5's rack-aware variant applies only when members and partitions both carry racks; this
 * client does not pass partition racks, so it is the classic algorithm, as for a Java member
 * without client.rack.)
 */
import { compareMembers, partitionsOf } from './types';
import type { GroupAssignment, GroupSubscription, PartitionAssignor, PartitionsPerTopic, TopicPartition } from './types';

export class RangeAssignor implements PartitionAssignor {
  readonly name = 'range';
  readonly supportedProtocols = ['EAGER'] as const;

  subscriptionUserData(): Buffer | null {
    return null;
  }

  onAssignment(): void {}

  assign(partitionsPerTopic: PartitionsPerTopic, subscriptions: GroupSubscription): GroupAssignment {
    const consumersPerTopic = new Map<string, { memberId: string; groupInstanceId: string | null }[]>();
    const assignment: GroupAssignment = new Map();
    for (const [memberId, sub] of subscriptions) {
      assignment.set(memberId, []);
      for (const topic of new Set(sub.topics)) {
        const list = consumersPerTopic.get(topic) ?? [];
        list.push({ memberId, groupInstanceId: sub.groupInstanceId });
        consumersPerTopic.set(topic, list);
      }
    }
    for (const [topic, consumers] of consumersPerTopic) {
      const count = partitionsPerTopic.get(topic);
      if (count === undefined) continue;
      consumers.sort(compareMembers);
      const perConsumer = Math.floor(count / consumers.length);
      const withExtra = count % consumers.length;
      const partitions: TopicPartition[] = partitionsOf(topic, count);
      consumers.forEach((c, i) => {
        const start = perConsumer * i + Math.min(i, withExtra);
        const length = perConsumer + (i + 1 > withExtra ? 0 : 1);
        assignment.get(c.memberId)!.push(...partitions.slice(start, start + length));
      });
    }
    return assignment;
  }
}
