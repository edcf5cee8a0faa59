/**
 * The shapes every assignor works on, after Kafka's `ConsumerPartitionAssignor`: a member's
 * subscription as it arrives in JoinGroup (ConsumerProtocolSubscription), and the partitions each
 * member is given.
 */

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** A member's subscription (ConsumerProtocolSubscription v0–v3, plus its group.instance.id). */
export interface Subscription {
  readonly topics: readonly string[];
  /** Assignor-specific bytes (StickyAssignor's previous assignment, CooperativeSticky's generation). */
  readonly userData: Buffer | null;
  /** v1+: partitions the member owns now (the cooperative protocol keeps them across a rebalance). */
  readonly ownedPartitions: readonly TopicPartition[];
  /** v2+: the generation ownedPartitions belong to; null when not sent (Java's Optional.empty()). */
  readonly generationId: number | null;
  /** v3+: client.rack. */
  readonly rackId: string | null;
  /** From JoinGroup's member list (static membership), not from the subscription bytes. */
  readonly groupInstanceId: string | null;
}

/** memberId → subscription, in the order the members came in JoinGroup's response. */
export type GroupSubscription = ReadonlyMap<string, Subscription>;

/** topic → partition count, for the subscribed topics that exist. */
export type PartitionsPerTopic = ReadonlyMap<string, number>;

/** topic → for each partition (by index) the racks its replicas are on. */
export type PartitionRacks = ReadonlyMap<string, readonly (readonly string[])[]>;

/**
 * Kafka's AbstractPartitionAssignor.useRackAwareAssignment: only when some consumer rack is also a
 * replica rack, and not every partition has replicas on every rack (then racks change nothing).
 */
export function useRackAwareAssignment(
  consumerRacks: ReadonlySet<string>,
  partitionRacks: ReadonlySet<string>,
  racksPerPartition: Iterable<ReadonlySet<string>>,
): boolean {
  if (consumerRacks.size === 0 || ![...consumerRacks].some((r) => partitionRacks.has(r))) return false;
  for (const racks of racksPerPartition) {
    if (racks.size !== partitionRacks.size || [...racks].some((r) => !partitionRacks.has(r))) return true;
  }
  return false;
}

/** memberId → assigned partitions. */
export type GroupAssignment = Map<string, TopicPartition[]>;

/** EAGER revokes everything before a rebalance; COOPERATIVE keeps what does not move (KIP-429). */
export type RebalanceProtocol = 'EAGER' | 'COOPERATIVE';

/** Kafka's ConsumerPartitionAssignor: `name` is the protocol name members agree on in JoinGroup. */
export interface PartitionAssignor {
  readonly name: string;
  /** First is preferred; a group uses COOPERATIVE only when every assignor of every member supports it. */
  readonly supportedProtocols: readonly RebalanceProtocol[];
  /** userData to send in this member's subscription (null for none). */
  subscriptionUserData(topics: readonly string[]): Buffer | null;
  /**
   * Called on the group leader only. `partitionRacks` (topic → per partition the racks of its
   * replicas) enables Kafka's rack-aware assignment where the assignor has it (KIP-881).
   */
  assign(partitionsPerTopic: PartitionsPerTopic, subscriptions: GroupSubscription, partitionRacks?: PartitionRacks): GroupAssignment;
  /** Called on every member with what it was given and the generation it was given in. */
  onAssignment(partitions: readonly TopicPartition[], generationId: number): void;
}

export function tpKey(tp: TopicPartition): string {
  return `${tp.topic}\u0000${tp.partition}`;
}

export function compareTopicThenPartition(a: TopicPartition, b: TopicPartition): number {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `AbstractPartitionAssignor.partitions(topic, n)`. */
export function partitionsOf(topic: string, count: number): TopicPartition[] {
  const out: TopicPartition[] = [];
  for (let i = 0; i < count; i++) out.push({ topic, partition: i });
  return out;
}

/**
 * Kafka's `MemberInfo` order (Range and RoundRobin): static members (group.instance.id) first, by
 * instance id, so a rolling bounce keeps the assignment; then dynamic members by member id.
 */
export function compareMembers(
  a: { memberId: string; groupInstanceId: string | null },
  b: { memberId: string; groupInstanceId: string | null },
): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null) return compareStrings(a.groupInstanceId, b.groupInstanceId);
  if (a.groupInstanceId !== null) return -1;
  if (b.groupInstanceId !== null) return 1;
  return compareStrings(a.memberId, b.memberId);
}

/** A dynamic-member subscription with nothing owned — the common case, and handy in tests. */
export function subscription(topics: readonly string[], extra: Partial<Subscription> = {}): Subscription {
  return { topics, userData: null, ownedPartitions: [], generationId: null, rackId: null, groupInstanceId: null, ...extra };
}
