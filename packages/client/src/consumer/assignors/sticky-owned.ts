/**
 * The first step of Kafka's AbstractStickyAssignor: which previously owned partitions count
 * (`allSubscriptionsEqual`). A partition claimed by two members of the same generation is taken
 * from both; claimed in different generations, the higher generation keeps it.
 */
import { JavaHashMap } from './java-hash';
import { tpKey } from './types';
import type { GroupSubscription, PartitionsPerTopic, Subscription, TopicPartition } from './types';

export const DEFAULT_GENERATION = -1;

/** What a sticky assignor reads out of a subscription (owned partitions and their generation). */
export interface MemberData {
  readonly partitions: readonly TopicPartition[];
  readonly generation: number | null;
}

export interface OwnedPartitions {
  allSubscriptionsEqual: boolean;
  /** Subscriptions in Java's `HashMap` iteration order (the order Kafka's leader walks them in). */
  subscriptions: JavaHashMap<string, Subscription>;
  /** consumer → previously owned, still subscribed partitions (iteration in Java's order). */
  consumerToOwnedPartitions: JavaHashMap<string, TopicPartition[]>;
  partitionsWithMultiplePreviousOwners: Set<string>;
  maxGeneration: number;
}

/** The JoinGroup member list as Kafka's ConsumerCoordinator holds it: `new HashMap<>()`, put in order. */
export function javaSubscriptions(subscriptions: GroupSubscription): JavaHashMap<string, Subscription> {
  const m = JavaHashMap.ofStrings<Subscription>();
  for (const [id, sub] of subscriptions) m.set(id, sub);
  return m;
}

export function collectOwnedPartitions(
  partitionsPerTopic: PartitionsPerTopic,
  groupSubscription: GroupSubscription,
  memberData: (s: Subscription) => MemberData,
): OwnedPartitions {
  const subscriptions = javaSubscriptions(groupSubscription);
  const consumerToOwnedPartitions = JavaHashMap.ofStrings<TopicPartition[]>();
  const multiple = new Set<string>();
  const previousOwner = new Map<string, string>();
  let equal = true;
  let subscribedTopics = new Set<string>();
  let maxGeneration = DEFAULT_GENERATION;

  for (const [consumer, sub] of subscriptions) {
    if (subscribedTopics.size === 0) {
      subscribedTopics = new Set(sub.topics);
    } else if (equal && !(sub.topics.length === subscribedTopics.size && sub.topics.every((t) => subscribedTopics.has(t)))) {
      equal = false;
    }
    const data = memberData(sub);
    const generation = data.generation ?? DEFAULT_GENERATION;
    maxGeneration = Math.max(maxGeneration, generation);
    const owned: TopicPartition[] = [];
    consumerToOwnedPartitions.set(consumer, owned);
    for (const tp of data.partitions) {
      if (!partitionsPerTopic.has(tp.topic)) continue;
      const key = tpKey(tp);
      const other = previousOwner.get(key);
      if (other === undefined) {
        owned.push(tp);
        previousOwner.set(key, consumer);
        continue;
      }
      // Kafka compares against the other member's protocol-level generation here, not its userData.
      const otherGeneration = subscriptions.get(other)!.generationId ?? DEFAULT_GENERATION;
      if (generation === otherGeneration) {
        multiple.add(key);
        removeFrom(consumerToOwnedPartitions.get(other)!, tp);
        previousOwner.set(key, consumer);
      } else if (generation > otherGeneration) {
        owned.push(tp);
        removeFrom(consumerToOwnedPartitions.get(other)!, tp);
        previousOwner.set(key, consumer);
      }
    }
  }
  return {
    allSubscriptionsEqual: equal,
    subscriptions,
    consumerToOwnedPartitions,
    partitionsWithMultiplePreviousOwners: multiple,
    maxGeneration,
  };
}

export function removeFrom(list: TopicPartition[], tp: TopicPartition): boolean {
  const i = list.findIndex((x) => x.topic === tp.topic && x.partition === tp.partition);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}
