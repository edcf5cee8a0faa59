/**
 * Kafka's StickyAssignor ("sticky", eager): balanced, and keeping as many partitions where they
 * were as it can. Under the eager protocol a member owns nothing when it joins, so its previous
 * assignment and generation travel in userData (Kafka's StickyAssignor user data, v1 with
 * generation, read back as v0 without).
 */
import { Reader, Writer } from '@tarn/protocol';
import { stickyAssign } from './abstract-sticky';
import { JavaHashMap } from './java-hash';
import { DEFAULT_GENERATION } from './sticky-owned';
import type { MemberData } from './sticky-owned';
import type {
  GroupAssignment,
  GroupSubscription,
  PartitionAssignor,
  PartitionRacks,
  PartitionsPerTopic,
  Subscription,
  TopicPartition,
} from './types';

export class StickyAssignor implements PartitionAssignor {
  readonly name: string = 'sticky';
  readonly supportedProtocols: readonly ('EAGER' | 'COOPERATIVE')[] = ['EAGER'];
  private memberAssignment: readonly TopicPartition[] | null = null;
  private generation = DEFAULT_GENERATION;

  subscriptionUserData(): Buffer | null {
    if (this.memberAssignment === null) return null;
    return encodeStickyUserData({ partitions: this.memberAssignment, generation: this.generation });
  }

  onAssignment(partitions: readonly TopicPartition[], generationId: number): void {
    this.memberAssignment = [...partitions];
    this.generation = generationId;
  }

  assign(partitionsPerTopic: PartitionsPerTopic, subscriptions: GroupSubscription, partitionRacks?: PartitionRacks): GroupAssignment {
    return stickyAssign(partitionsPerTopic, subscriptions, stickyMemberData, partitionRacks).assignment;
  }
}

/** Always from userData: the eager protocol revoked everything before joining. */
export function stickyMemberData(s: Subscription): MemberData {
  if (s.userData === null || s.userData.length === 0) return { partitions: [], generation: null };
  return decodeStickyUserData(s.userData);
}

/** STICKY_ASSIGNOR_USER_DATA_V1: [topic string, partitions [int32]] then int32 generation. */
export function encodeStickyUserData(data: MemberData): Buffer {
  // CollectionUtils.groupPartitionsByTopic: a HashMap, so topics come out in Java's order.
  const byTopic = JavaHashMap.ofStrings<number[]>();
  for (const tp of data.partitions) {
    const list = byTopic.get(tp.topic) ?? [];
    if (list.length === 0) byTopic.set(tp.topic, list);
    list.push(tp.partition);
  }
  const w = new Writer(64);
  w.int32(byTopic.size);
  for (const [topic, partitions] of byTopic) {
    w.string(topic);
    w.int32(partitions.length);
    for (const p of partitions) w.int32(p);
  }
  if (data.generation !== null) w.int32(data.generation);
  return w.toBuffer();
}

export function decodeStickyUserData(buf: Buffer): MemberData {
  try {
    const r = new Reader(buf);
    const partitions: TopicPartition[] = [];
    const topics = r.arrayLength();
    for (let i = 0; i < topics; i++) {
      const topic = r.string();
      const n = r.arrayLength();
      for (let j = 0; j < n; j++) partitions.push({ topic, partition: r.int32() });
    }
    // v0 ends here; v1 carries the generation.
    const generation = r.remaining >= 4 ? r.int32() : null;
    return { partitions, generation };
  } catch {
    // Kafka ignores a previous assignment it cannot parse.
    return { partitions: [], generation: DEFAULT_GENERATION };
  }
}
