/**
 * Kafka's AbstractStickyAssignor.assign: pick the constrained path when every member subscribes to
 * the same topics, the general path otherwise.
 */
import { generalAssign } from './sticky-general';
import { constrainedAssign } from './sticky-constrained';
import type { StickyResult } from './sticky-constrained';
import { collectOwnedPartitions } from './sticky-owned';
import type { MemberData } from './sticky-owned';
import { RackInfo } from './sticky-racks';
import type { GroupSubscription, PartitionRacks, PartitionsPerTopic, Subscription } from './types';

export function stickyAssign(
  partitionsPerTopic: PartitionsPerTopic,
  subscriptions: GroupSubscription,
  memberData: (s: Subscription) => MemberData,
  partitionRacks?: PartitionRacks,
): StickyResult {
  // Kafka's AbstractPartitionAssignor passes only topics some member subscribes to that have partitions.
  const subscribed = new Set([...subscriptions.values()].flatMap((s) => s.topics));
  const topics = new Map([...partitionsPerTopic].filter(([t, n]) => n > 0 && subscribed.has(t)));
  const racks = new RackInfo(topics, subscriptions, partitionRacks);
  const owned = collectOwnedPartitions(topics, subscriptions, memberData);
  if (owned.allSubscriptionsEqual) return constrainedAssign(topics, owned, racks);
  return generalAssign(topics, owned, memberData, racks);
}
