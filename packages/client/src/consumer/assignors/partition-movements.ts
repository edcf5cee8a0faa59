/**
 * Kafka's AbstractStickyAssignor.PartitionMovements: which partitions moved between which members
 * during a general-path rebalance, so that a partition about to move back along a pair that just
 * moved one of the same topic the other way is swapped for that one (stickiness). The per-pair sets
 * iterate in Java's HashSet order because "the first one" is what Kafka picks.
 */
import { JavaHashMap, javaStringHash, topicPartitionHash } from './java-hash';
import { tpKey } from './types';
import type { TopicPartition } from './types';

interface ConsumerPair {
  readonly src: string;
  readonly dst: string;
}

const pairId = (p: ConsumerPair): string => `${p.src}\u0000${p.dst}`;
const pairHash = (p: ConsumerPair): number => (Math.imul(31, (31 + javaStringHash(p.src)) | 0) + javaStringHash(p.dst)) | 0;
const tpHash = (tp: TopicPartition): number => topicPartitionHash(tp.topic, tp.partition);

type PartitionSet = JavaHashMap<TopicPartition, true>;

export class PartitionMovements {
  private readonly byTopic = new Map<string, JavaHashMap<ConsumerPair, PartitionSet>>();
  private readonly movements = new Map<string, ConsumerPair>();

  private removeMovementRecord(tp: TopicPartition): ConsumerPair {
    const pair = this.movements.get(tpKey(tp))!;
    this.movements.delete(tpKey(tp));
    const forTopic = this.byTopic.get(tp.topic)!;
    const set = forTopic.get(pair)!;
    set.delete(tp);
    if (set.size === 0) forTopic.delete(pair);
    if (forTopic.size === 0) this.byTopic.delete(tp.topic);
    return pair;
  }

  private addMovementRecord(tp: TopicPartition, pair: ConsumerPair): void {
    this.movements.set(tpKey(tp), pair);
    let forTopic = this.byTopic.get(tp.topic);
    if (forTopic === undefined) {
      forTopic = new JavaHashMap<ConsumerPair, PartitionSet>(pairId, pairHash);
      this.byTopic.set(tp.topic, forTopic);
    }
    let set = forTopic.get(pair);
    if (set === undefined) {
      set = new JavaHashMap<TopicPartition, true>(tpKey, tpHash);
      forTopic.set(pair, set);
    }
    set.set(tp, true);
  }

  movePartition(tp: TopicPartition, oldConsumer: string, newConsumer: string): void {
    if (this.movements.has(tpKey(tp))) {
      const existing = this.removeMovementRecord(tp);
      if (existing.src !== newConsumer) this.addMovementRecord(tp, { src: existing.src, dst: newConsumer });
    } else {
      this.addMovementRecord(tp, { src: oldConsumer, dst: newConsumer });
    }
  }

  actualPartitionToBeMoved(tp: TopicPartition, oldConsumer: string, newConsumer: string): TopicPartition {
    const forTopic = this.byTopic.get(tp.topic);
    if (forTopic === undefined) return tp;
    const moved = this.movements.get(tpKey(tp));
    if (moved !== undefined) oldConsumer = moved.src;
    const reverse = forTopic.get({ src: newConsumer, dst: oldConsumer });
    if (reverse === undefined) return tp;
    return reverse.keys()[0]!;
  }
}
