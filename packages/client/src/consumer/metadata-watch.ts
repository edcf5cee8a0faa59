/**
 * What a group member watches in metadata between rebalances (Kafka's ConsumerCoordinator): a
 * pattern subscription is matched against every topic (a new match means rejoin), and the leader
 * compares the partition counts it assigned from with the current ones (a topic that grew means
 * rejoin, so the new partitions get consumers).
 */
import type { Cluster } from '../cluster/cluster';
import { ErrorCode } from '../errors';
import type { ConsumerConfig } from './consumer-config';
import type { SubscriptionState } from './subscription-state';

/** Why the member must rejoin, or null. */
export async function metadataRejoinReason(
  cluster: Cluster,
  config: ConsumerConfig,
  subscriptions: SubscriptionState,
  assignedPartitionCounts: ReadonlyMap<string, number> | null,
): Promise<string | null> {
  if (subscriptions.type === 'AUTO_PATTERN') {
    const all = await cluster.refreshMetadata(null);
    const names = all.filter((t) => !(t.isInternal && config.excludeInternalTopics)).map((t) => t.name);
    if (subscriptions.matchPattern(names)) return 'pattern subscription matched new topics';
  }
  if (assignedPartitionCounts === null || assignedPartitionCounts.size === 0) return null;
  const now = await cluster.refreshMetadata([...assignedPartitionCounts.keys()]).catch(() => null);
  for (const t of now ?? []) {
    if (t.errorCode === ErrorCode.NONE && t.partitions.length !== assignedPartitionCounts.get(t.name))
      return `the partition count of ${t.name} changed`;
  }
  return null;
}
