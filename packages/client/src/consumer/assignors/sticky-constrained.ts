/**
 * Kafka's ConstrainedAssignmentBuilder (AbstractStickyAssignor): the path taken when every member
 * subscribes to the same topics. Keep owned partitions up to the quota (minQuota, or maxQuota for
 * the first `total % members` members that own that many, in Java's HashMap order), then deal the
 * rest round-robin to the sorted unfilled members. Records which partitions change owner, for the
 * cooperative protocol. (Rack-aware steps are skipped: they apply only with partition racks.)
 */
import { compareStrings, tpKey } from './types';
import type { GroupAssignment, PartitionsPerTopic, TopicPartition } from './types';
import type { OwnedPartitions } from './sticky-owned';
import type { RackInfo } from './sticky-racks';

export interface StickyResult {
  assignment: GroupAssignment;
  /** partition → new owner, when it is taken from a member that owned it; null = compute from owned. */
  partitionsTransferringOwnership: Map<string, { tp: TopicPartition; consumer: string }> | null;
}

export function constrainedAssign(partitionsPerTopic: PartitionsPerTopic, owned: OwnedPartitions, racks: RackInfo): StickyResult {
  const current = owned.consumerToOwnedPartitions;
  const multiple = owned.partitionsWithMultiplePreviousOwners;
  const revoked = new Set<string>();
  const transferring = new Map<string, { tp: TopicPartition; consumer: string }>();
  let total = 0;
  for (const n of partitionsPerTopic.values()) total += n;
  const members = current.size;
  const minQuota = Math.floor(total / members);
  const maxQuota = Math.ceil(total / members);
  const expectedOverMin = total % members;
  let currentOverMin = 0;
  const assignment: GroupAssignment = new Map();
  for (const c of current.keys()) assignment.set(c, []);
  const assigned = new Set<string>();
  let underMin: string[] = [];
  let exactlyMin: string[] = [];

  for (const [consumer, list] of current) {
    // Java's List.sort is stable: by partition, then topic.
    // Rack-aware: owned partitions on another rack are not kept (Kafka reassigns them for locality).
    const ownedSorted = [...list]
      .filter((tp) => !racks.racksMismatch(consumer, tp))
      .sort((a, b) => a.partition - b.partition || compareStrings(a.topic, b.topic))
      .filter((tp) => !multiple.has(tpKey(tp)));
    const mine = assignment.get(consumer)!;
    const keep = (n: number): void => {
      for (const tp of ownedSorted.slice(0, n)) {
        mine.push(tp);
        assigned.add(tpKey(tp));
      }
      for (const tp of ownedSorted.slice(n)) revoked.add(tpKey(tp));
    };
    if (ownedSorted.length < minQuota) {
      keep(ownedSorted.length);
      underMin.push(consumer);
    } else if (ownedSorted.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin = [];
      keep(maxQuota);
    } else {
      keep(minQuota);
      if (currentOverMin < expectedOverMin) exactlyMin.push(consumer);
    }
  }

  let unassigned: TopicPartition[] = [];
  for (const topic of [...partitionsPerTopic.keys()].sort(compareStrings)) {
    const n = partitionsPerTopic.get(topic)!;
    for (let p = 0; p < n; p++) if (!assigned.has(tpKey({ topic, partition: p }))) unassigned.push({ topic, partition: p });
  }
  underMin = underMin.sort(compareStrings);
  exactlyMin = exactlyMin.sort(compareStrings);
  unassigned = racks.sortPartitionsByRackConsumers(unassigned);
  const give = (tp: TopicPartition, consumer: string): number => {
    const mine = assignment.get(consumer)!;
    mine.push(tp);
    const key = tpKey(tp);
    if (revoked.has(key) || multiple.has(key)) transferring.set(key, { tp, consumer });
    return mine.length;
  };

  // assignRackAwareRoundRobin: members on a rack holding the partition first, up to their quota.
  if (racks.enabled) {
    let nextUnfilled = 0;
    unassigned = unassigned.filter((tp) => {
      let consumer: string | null = null;
      let nextIndex = racks.nextRackConsumer(tp, underMin, nextUnfilled);
      if (nextIndex >= 0) {
        consumer = underMin[nextIndex]!;
        const count = assignment.get(consumer)!.length + 1;
        if (count >= minQuota) {
          underMin.splice(underMin.indexOf(consumer), 1);
          if (count < maxQuota) exactlyMin.push(consumer);
        } else {
          nextIndex++;
        }
        nextUnfilled = underMin.length === 0 ? 0 : nextIndex % underMin.length;
      } else if (exactlyMin.length > 0) {
        const first = racks.nextRackConsumer(tp, exactlyMin, 0);
        if (first >= 0) {
          consumer = exactlyMin[first]!;
          if (assignment.get(consumer)!.length + 1 === maxQuota) exactlyMin.splice(first, 1);
        }
      }
      if (consumer === null) return true;
      give(tp, consumer);
      return false;
    });
  }

  // assignRoundRobin, with Java's LinkedList iterator over underMin kept as an index.
  let it = 0;
  let iterList = underMin;
  for (const tp of unassigned) {
    let consumer: string;
    let fromIterator = true;
    if (it < iterList.length) {
      consumer = iterList[it++]!;
    } else if (underMin.length === 0 && exactlyMin.length === 0) {
      throw new Error('sticky assignor: no more unfilled consumers to be assigned');
    } else if (underMin.length === 0) {
      consumer = exactlyMin.shift()!;
      fromIterator = false;
    } else {
      iterList = underMin;
      it = 0;
      consumer = iterList[it++]!;
    }
    const count = give(tp, consumer);
    if (count === minQuota) {
      if (fromIterator) {
        iterList.splice(--it, 1);
      }
      exactlyMin.push(consumer);
    } else if (count === maxQuota) {
      currentOverMin++;
    }
  }

  if (underMin.length > 0) {
    if (currentOverMin !== expectedOverMin) {
      throw new Error('sticky assignor: expected members over minQuota not reached, and no more partitions');
    }
    for (const m of underMin) {
      if (assignment.get(m)!.length !== minQuota) throw new Error(`sticky assignor: consumer ${m} below minQuota`);
    }
  }
  return { assignment, partitionsTransferringOwnership: transferring };
}
