// Shared by the assignor suites: Kafka test-style builders and the validity/balance checks of
// Kafka's AbstractStickyAssignorTest (verifyValidityAndBalance, isFullyBalanced).
import { strict as assert } from 'node:assert';
import { subscription } from '../src/consumer/assignors/index';
import type { GroupAssignment, Subscription, TopicPartition } from '../src/consumer/assignors/index';

export const tp = (topic: string, partition: number): TopicPartition => ({ topic, partition });
export const ppt = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));
export const subs = (o: Record<string, Subscription>): Map<string, Subscription> => new Map(Object.entries(o));
export const generationId = 1;
/** Kafka's buildSubscriptionV2Above: owned partitions and generation in the protocol. */
export const v2 = (topics: string[], owned: readonly TopicPartition[], generation = generationId): Subscription =>
  subscription(topics, { ownedPartitions: owned, generationId: generation });

export function assertValidAndBalanced(assignment: GroupAssignment, s: Map<string, Subscription>, partitions: Map<string, number>): void {
  const seen = new Set<string>();
  for (const [member, list] of assignment) {
    for (const p of list) {
      assert.ok(s.get(member)!.topics.includes(p.topic), `${member} got ${p.topic} it is not subscribed to`);
      const k = `${p.topic}-${p.partition}`;
      assert.ok(!seen.has(k), `${k} assigned twice`);
      seen.add(k);
    }
  }
  let total = 0;
  for (const [t, n] of partitions) if ([...s.values()].some((x) => x.topics.includes(t))) total += n;
  assert.equal(seen.size, total, 'every subscribed partition is assigned');
}

export const fullyBalanced = (a: GroupAssignment): boolean => {
  const sizes = [...a.values()].map((l) => l.length);
  return Math.max(...sizes) - Math.min(...sizes) <= 1;
};
