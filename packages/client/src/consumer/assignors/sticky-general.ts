/**
 * Kafka's GeneralAssignmentBuilder (AbstractStickyAssignor): the path taken when members subscribe
 * to different topics. Keep valid owned partitions, give each unassigned partition to the least
 * loaded eligible member, then move partitions (fewest potential consumers first) while that makes
 * the assignment more balanced, reverting if the balance score does not improve. Ported step for
 * step so the result equals the Java client's (rack-aware steps skipped: no partition racks).
 */
import { PartitionMovements } from './partition-movements';
import { DEFAULT_GENERATION } from './sticky-owned';
import type { MemberData, OwnedPartitions } from './sticky-owned';
import { compareStrings, tpKey } from './types';
import type { GroupAssignment, PartitionsPerTopic, Subscription, TopicPartition } from './types';
import type { StickyResult } from './sticky-constrained';
import type { RackInfo } from './sticky-racks';

/** Kafka's TreeSet<String> ordered by (assigned partition count, member id). */
class SortedConsumers {
  readonly items: string[] = [];
  constructor(private readonly assignment: GroupAssignment) {}
  private cmp(a: string, b: string): number {
    return this.assignment.get(a)!.length - this.assignment.get(b)!.length || compareStrings(a, b);
  }
  add(c: string): void {
    if (this.items.includes(c)) return;
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cmp(this.items[mid]!, c) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, c);
  }
  remove(c: string): void {
    const i = this.items.indexOf(c);
    if (i >= 0) this.items.splice(i, 1);
  }
  first(): string {
    return this.items[0]!;
  }
  last(): string {
    return this.items[this.items.length - 1]!;
  }
}

export function generalAssign(
  partitionsPerTopic: PartitionsPerTopic,
  owned: OwnedPartitions,
  memberData: (s: Subscription) => MemberData,
  racks: RackInfo,
): StickyResult {
  return new GeneralBuilder(partitionsPerTopic, owned, memberData, racks).build();
}

class GeneralBuilder {
  private readonly topic2Consumers = new Map<string, string[]>();
  private readonly consumer2Topics = new Map<string, string[]>();
  private readonly currentPartitionConsumer = new Map<string, string>();
  private readonly current: GroupAssignment = new Map();
  private readonly sorted: SortedConsumers;
  private readonly movements = new PartitionMovements();
  private sortedAllPartitions: TopicPartition[];
  private revocationRequired = false;
  private readonly total: number;

  constructor(
    private readonly partitionsPerTopic: PartitionsPerTopic,
    private readonly owned: OwnedPartitions,
    private readonly memberData: (s: Subscription) => MemberData,
    private readonly racks: RackInfo,
  ) {
    this.total = [...partitionsPerTopic.values()].reduce((a, b) => a + b, 0);
    for (const topic of partitionsPerTopic.keys()) this.topic2Consumers.set(topic, []);
    for (const [c, list] of owned.consumerToOwnedPartitions) this.current.set(c, list);
    for (const [consumerId, sub] of owned.subscriptions) {
      const topics: string[] = [];
      this.consumer2Topics.set(consumerId, topics);
      for (const topic of sub.topics) {
        if (!partitionsPerTopic.has(topic)) continue;
        topics.push(topic);
        this.topic2Consumers.get(topic)!.push(consumerId);
      }
      if (!this.current.has(consumerId)) this.current.set(consumerId, []);
    }
    for (const [c, list] of this.current) for (const tp of list) this.currentPartitionConsumer.set(tpKey(tp), c);
    const topics = [...this.topic2Consumers.keys()].sort(
      (a, b) => this.topic2Consumers.get(a)!.length - this.topic2Consumers.get(b)!.length || compareStrings(a, b),
    );
    this.sortedAllPartitions = [];
    for (const t of topics) for (let p = 0; p < partitionsPerTopic.get(t)!; p++) this.sortedAllPartitions.push({ topic: t, partition: p });
    this.sorted = new SortedConsumers(this.current);
  }

  build(): StickyResult {
    const prev = this.prepopulatePrevAssignment();
    const assigned = this.assignOwnedPartitions();
    const unassigned = this.sortedAllPartitions.filter((tp) => !assigned.has(tpKey(tp)));
    for (const c of this.current.keys()) this.sorted.add(c);
    this.balance(prev, unassigned);
    return { assignment: this.current, partitionsTransferringOwnership: null };
  }

  private prepopulatePrevAssignment(): Map<string, { consumer: string; generation: number }> {
    const prev = new Map<string, { consumer: string; generation: number }>();
    const update = (partitions: readonly TopicPartition[], consumer: string, generation: number): void => {
      for (const tp of partitions) {
        const p = prev.get(tpKey(tp));
        if (p === undefined || generation > p.generation) prev.set(tpKey(tp), { consumer, generation });
      }
    };
    for (const [consumer, sub] of this.owned.subscriptions) {
      const data = this.memberData(sub);
      if (data.generation !== null && data.generation < this.owned.maxGeneration) {
        update(data.partitions, consumer, data.generation);
      } else if (data.generation === null && this.owned.maxGeneration > DEFAULT_GENERATION) {
        update(data.partitions, consumer, DEFAULT_GENERATION);
      }
    }
    return prev;
  }

  private assignOwnedPartitions(): Set<string> {
    const assigned = new Set<string>();
    for (const [consumer, list] of this.current) {
      const sub = this.owned.subscriptions.get(consumer)!;
      for (let i = 0; i < list.length;) {
        const tp = list[i]!;
        if (!this.topic2Consumers.has(tp.topic)) {
          list.splice(i, 1);
          this.currentPartitionConsumer.delete(tpKey(tp));
        } else if (!sub.topics.includes(tp.topic) || this.racks.racksMismatch(consumer, tp)) {
          list.splice(i, 1);
          this.revocationRequired = true;
        } else {
          assigned.add(tpKey(tp));
          i++;
        }
      }
    }
    return assigned;
  }

  private maxAssignmentSize(topics: string[]): number {
    if (topics.length === this.partitionsPerTopic.size) return this.total;
    return topics.reduce((a, t) => a + this.partitionsPerTopic.get(t)!, 0);
  }

  private isBalanced(): boolean {
    const min = this.current.get(this.sorted.first())!.length;
    const max = this.current.get(this.sorted.last())!.length;
    if (min >= max - 1) return true;
    const owner = new Map<string, string>();
    for (const [c, list] of this.current) for (const tp of list) owner.set(tpKey(tp), c);
    for (const consumer of this.sorted.items) {
      const mine = this.current.get(consumer)!;
      const count = mine.length;
      const topics = this.consumer2Topics.get(consumer)!;
      if (count === this.maxAssignmentSize(topics)) continue;
      const mineKeys = new Set(mine.map(tpKey));
      for (const topic of topics) {
        for (let p = 0; p < this.partitionsPerTopic.get(topic)!; p++) {
          const key = tpKey({ topic, partition: p });
          if (mineKeys.has(key)) continue;
          const other = owner.get(key)!;
          if (count + 1 < this.current.get(other)!.length) return false;
        }
      }
    }
    return true;
  }

  private balanceScore(assignment: GroupAssignment): number {
    const sizes = [...assignment.values()].map((l) => l.length);
    let score = 0;
    for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
    return score;
  }

  /** Each partition to the least loaded eligible member (on a matching rack when `racks` is given); returns those left. */
  private maybeAssign(unassigned: TopicPartition[], racks: RackInfo | null): TopicPartition[] {
    const left: TopicPartition[] = [];
    for (const tp of unassigned) {
      if (this.topic2Consumers.get(tp.topic)!.length === 0) continue;
      let placed = false;
      for (const consumer of this.sorted.items) {
        if (!this.consumer2Topics.get(consumer)!.includes(tp.topic)) continue;
        if (racks !== null && racks.racksMismatch(consumer, tp)) continue;
        this.sorted.remove(consumer);
        this.current.get(consumer)!.push(tp);
        this.currentPartitionConsumer.set(tpKey(tp), consumer);
        this.sorted.add(consumer);
        placed = true;
        break;
      }
      if (!placed) left.push(tp);
    }
    return left;
  }

  private topicCanMove(topic: string): boolean {
    return this.topic2Consumers.get(topic)!.length >= 2;
  }

  private consumerCanMove(consumer: string): boolean {
    const mine = this.current.get(consumer)!;
    if (mine.length < this.maxAssignmentSize(this.consumer2Topics.get(consumer)!)) return true;
    return mine.some((tp) => this.topicCanMove(tp.topic));
  }

  private balance(prev: Map<string, { consumer: string; generation: number }>, unassigned: TopicPartition[]): void {
    const initializing = this.current.get(this.sorted.last())!.length === 0;
    // Rack-aware: first only members on a rack holding the partition, then anyone.
    this.maybeAssign(this.racks.enabled ? this.maybeAssign(unassigned, this.racks) : unassigned, null);

    const fixedTopics = new Set([...this.topic2Consumers.keys()].filter((t) => !this.topicCanMove(t)));
    this.sortedAllPartitions = this.sortedAllPartitions.filter((tp) => !fixedTopics.has(tp.topic));
    unassigned = unassigned.filter((tp) => !fixedTopics.has(tp.topic));

    const fixed = new Map<string, TopicPartition[]>();
    for (const consumer of this.consumer2Topics.keys()) {
      if (this.consumerCanMove(consumer)) continue;
      this.sorted.remove(consumer);
      fixed.set(consumer, this.current.get(consumer)!);
      this.current.delete(consumer);
    }

    const preBalance: GroupAssignment = new Map([...this.current].map(([c, l]) => [c, [...l]]));
    const preOwners = new Map(this.currentPartitionConsumer);
    if (!this.revocationRequired) this.performReassignments(unassigned, prev);
    const performed = this.performReassignments(this.sortedAllPartitions, prev);
    if (!initializing && performed && this.balanceScore(this.current) >= this.balanceScore(preBalance)) {
      this.current.clear();
      for (const [c, l] of preBalance) this.current.set(c, [...l]);
      this.currentPartitionConsumer.clear();
      for (const [k, v] of preOwners) this.currentPartitionConsumer.set(k, v);
    }
    for (const [consumer, list] of fixed) {
      this.current.set(consumer, list);
      this.sorted.add(consumer);
    }
  }

  private performReassignments(partitions: TopicPartition[], prev: Map<string, { consumer: string; generation: number }>): boolean {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of partitions) {
        if (this.isBalanced()) break;
        const consumer = this.currentPartitionConsumer.get(tpKey(tp))!;
        const p = prev.get(tpKey(tp));
        // (Java would fail on a previous owner that is fixed; such a partition just is not moved back.)
        const prevCount = p === undefined ? undefined : this.current.get(p.consumer)?.length;
        if (p !== undefined && prevCount !== undefined && this.current.get(consumer)!.length > prevCount + 1) {
          this.reassign(tp, p.consumer);
          performed = modified = true;
          continue;
        }
        for (const other of this.topic2Consumers.get(tp.topic)!) {
          if (this.current.get(consumer)!.length > this.current.get(other)!.length + 1) {
            const target = this.sorted.items.find((c) => this.consumer2Topics.get(c)!.includes(tp.topic))!;
            this.reassign(tp, target);
            performed = modified = true;
            break;
          }
        }
      }
    } while (modified);
    return performed;
  }

  private reassign(tp: TopicPartition, newConsumer: string): void {
    const consumer = this.currentPartitionConsumer.get(tpKey(tp))!;
    const moved = this.movements.actualPartitionToBeMoved(tp, consumer, newConsumer);
    const oldConsumer = this.currentPartitionConsumer.get(tpKey(moved))!;
    this.sorted.remove(oldConsumer);
    this.sorted.remove(newConsumer);
    this.movements.movePartition(moved, oldConsumer, newConsumer);
    const list = this.current.get(oldConsumer)!;
    list.splice(
      list.findIndex((x) => x.topic === moved.topic && x.partition === moved.partition),
      1,
    );
    this.current.get(newConsumer)!.push(moved);
    this.currentPartitionConsumer.set(tpKey(moved), newConsumer);
    this.sorted.add(newConsumer);
    this.sorted.add(oldConsumer);
  }
}
