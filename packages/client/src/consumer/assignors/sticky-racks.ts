/**
 * Kafka's AbstractStickyAssignor.RackInfo (KIP-881): which member is on which rack and which racks
 * hold each partition's replicas, used only when some partitions are on a subset of the racks the
 * members are on (useRackAwareAssignment). `numConsumersByPartition` orders unassigned partitions so
 * the ones fewest members can read locally are placed first.
 */
import { tpKey, useRackAwareAssignment } from './types';
import type { GroupSubscription, PartitionRacks, PartitionsPerTopic, TopicPartition } from './types';

export class RackInfo {
  readonly consumerRacks = new Map<string, string>();
  readonly partitionRacks = new Map<string, Set<string>>();
  private readonly numConsumersByPartition = new Map<string, number>();

  constructor(partitionsPerTopic: PartitionsPerTopic, subscriptions: GroupSubscription, racks: PartitionRacks | undefined) {
    const consumersByRack = new Map<string, string[]>();
    for (const [memberId, s] of subscriptions) {
      if (s.rackId !== null && s.rackId !== '') consumersByRack.set(s.rackId, [...(consumersByRack.get(s.rackId) ?? []), memberId]);
    }
    if (consumersByRack.size === 0) return;
    const partitionRacks = new Map<string, Set<string>>();
    const allPartitionRacks = new Set<string>();
    for (const [topic, n] of partitionsPerTopic) {
      for (let p = 0; p < n; p++) {
        const set = new Set(racks?.get(topic)?.[p] ?? []);
        partitionRacks.set(tpKey({ topic, partition: p }), set);
        for (const r of set) allPartitionRacks.add(r);
      }
    }
    if (useRackAwareAssignment(new Set(consumersByRack.keys()), allPartitionRacks, partitionRacks.values())) {
      for (const [rack, members] of consumersByRack) for (const m of members) this.consumerRacks.set(m, rack);
      for (const [k, v] of partitionRacks) this.partitionRacks.set(k, v);
    }
    // Kafka computes this from the partition racks whether or not rack-aware assignment is on.
    for (const [k, set] of partitionRacks) {
      let n = 0;
      for (const r of set) n += consumersByRack.get(r)?.length ?? 0;
      this.numConsumersByPartition.set(k, n);
    }
  }

  get enabled(): boolean {
    return this.consumerRacks.size > 0;
  }

  racksMismatch(consumer: string, tp: TopicPartition): boolean {
    const rack = this.consumerRacks.get(consumer);
    if (rack === undefined) return false;
    const replicaRacks = this.partitionRacks.get(tpKey(tp));
    return replicaRacks === undefined || !replicaRacks.has(rack);
  }

  /** Stable sort by how many members could read the partition on their rack (fewest first). */
  sortPartitionsByRackConsumers(partitions: TopicPartition[]): TopicPartition[] {
    if (this.numConsumersByPartition.size === 0) return partitions;
    const count = (tp: TopicPartition): number => this.numConsumersByPartition.get(tpKey(tp)) ?? 0;
    return [...partitions].sort((a, b) => count(a) - count(b));
  }

  /** The index, from `first` round the list, of the next member on a rack holding the partition; -1 if none. */
  nextRackConsumer(tp: TopicPartition, consumers: readonly string[], first: number): number {
    const racks = this.partitionRacks.get(tpKey(tp));
    if (racks === undefined || racks.size === 0) return -1;
    for (let i = 0; i < consumers.length; i++) {
      const index = (first + i) % consumers.length;
      const rack = this.consumerRacks.get(consumers[index]!);
      if (rack !== undefined && racks.has(rack)) return index;
    }
    return -1;
  }
}
