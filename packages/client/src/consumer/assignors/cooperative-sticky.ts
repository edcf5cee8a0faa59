/**
 * Kafka's CooperativeStickyAssignor ("cooperative-sticky", KIP-429): the sticky assignment, minus
 * every partition that changes owner — those are first revoked by their owner, and the group
 * rebalances again to hand them over. Owned partitions travel in the subscription itself
 * (ConsumerProtocol v1+), the generation in v2+ or, for older members, as userData.
 */
import { Reader, Writer } from '@tarn/protocol';
import { stickyAssign } from './abstract-sticky';
import { DEFAULT_GENERATION } from './sticky-owned';
import type { MemberData } from './sticky-owned';
import { tpKey } from './types';
import type {
  GroupAssignment,
  GroupSubscription,
  PartitionAssignor,
  PartitionRacks,
  PartitionsPerTopic,
  Subscription,
  TopicPartition,
} from './types';

export class CooperativeStickyAssignor implements PartitionAssignor {
  readonly name = 'cooperative-sticky';
  readonly supportedProtocols = ['COOPERATIVE', 'EAGER'] as const;
  private generation = DEFAULT_GENERATION;

  subscriptionUserData(): Buffer | null {
    const w = new Writer(4);
    w.int32(this.generation);
    return w.toBuffer();
  }

  onAssignment(_partitions: readonly TopicPartition[], generationId: number): void {
    this.generation = generationId;
  }

  assign(partitionsPerTopic: PartitionsPerTopic, subscriptions: GroupSubscription, partitionRacks?: PartitionRacks): GroupAssignment {
    const { assignment, partitionsTransferringOwnership } = stickyAssign(
      partitionsPerTopic,
      subscriptions,
      cooperativeMemberData,
      partitionRacks,
    );
    const transferring = partitionsTransferringOwnership ?? computeTransferring(subscriptions, assignment);
    for (const { tp, consumer } of transferring.values()) {
      const list = assignment.get(consumer)!;
      const i = list.findIndex((x) => x.topic === tp.topic && x.partition === tp.partition);
      if (i >= 0) list.splice(i, 1);
    }
    return assignment;
  }
}

export function cooperativeMemberData(s: Subscription): MemberData {
  if (s.generationId !== null) return { partitions: s.ownedPartitions, generation: s.generationId };
  if (s.userData === null) return { partitions: s.ownedPartitions, generation: null };
  try {
    return { partitions: s.ownedPartitions, generation: new Reader(s.userData).int32() };
  } catch {
    return { partitions: s.ownedPartitions, generation: DEFAULT_GENERATION };
  }
}

/** Partitions assigned to a member that did not own them while another member gives them up. */
function computeTransferring(
  subscriptions: GroupSubscription,
  assignment: GroupAssignment,
): Map<string, { tp: TopicPartition; consumer: string }> {
  const added = new Map<string, { tp: TopicPartition; consumer: string }>();
  const revoked = new Set<string>();
  for (const [consumer, assigned] of assignment) {
    const owned = subscriptions.get(consumer)?.ownedPartitions ?? [];
    const ownedSet = new Set(owned.map(tpKey));
    for (const tp of assigned) if (!ownedSet.has(tpKey(tp))) added.set(tpKey(tp), { tp, consumer });
    const assignedSet = new Set(assigned.map(tpKey));
    for (const tp of owned) if (!assignedSet.has(tpKey(tp))) revoked.add(tpKey(tp));
  }
  for (const key of [...added.keys()]) if (!revoked.has(key)) added.delete(key);
  return added;
}
