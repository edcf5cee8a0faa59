/**
 * The consumer's side of group membership (Kafka's ConsumerCoordinator): what it offers in
 * JoinGroup (every configured assignor, with its subscription), the leader's assignment, and the
 * rebalance protocol — COOPERATIVE (KIP-429) only when every configured assignor supports it, so a
 * member keeps the partitions that do not move and gives up only those that do, which the group
 * then hands over in a second rebalance; EAGER otherwise (revoke everything, then assign).
 * Rebalance listeners run at the points Kafka runs them.
 */
import type { JoinGroupResponseTypes } from '@tarn/protocol';
import type { Cluster } from '../cluster/cluster';
import { ErrorCode } from '../errors';
import type { PartitionAssignor, PartitionRacks, RebalanceProtocol, Subscription } from './assignors/types';
import { tpKey, type TopicPartition } from './assignors/types';
import type { ConsumerConfig } from './consumer-config';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from './consumer-protocol';
import type { MembershipCallbacks } from './group-member';
import type { SubscriptionState } from './subscription-state';

/** Kafka's ConsumerRebalanceListener. Revoked runs before partitions are given up, assigned after. */
export interface RebalanceListener {
  onPartitionsRevoked?(partitions: TopicPartition[]): void | Promise<void>;
  onPartitionsAssigned?(partitions: TopicPartition[]): void | Promise<void>;
  /** The member was fenced (session expired…): others may already own these, do not commit them. */
  onPartitionsLost?(partitions: TopicPartition[]): void | Promise<void>;
}

export class ConsumerCoordinator implements MembershipCallbacks {
  readonly protocol: RebalanceProtocol;
  listener: RebalanceListener | null = null;
  /** Set by the consumer: commit consumed positions (auto commit) before giving partitions up. */
  commitBeforeRevoke: (partitions: TopicPartition[]) => Promise<void> = async () => {};
  /** Called after a rebalance completes with this member's new assignment (for groupMetadata, tests). */
  onRebalanced: (generationId: number) => void = () => {};
  private requestRejoin: (reason: string) => void = () => {};
  /** On the leader: the partition counts it last assigned from (Kafka's assignmentSnapshot); null elsewhere. */
  assignedPartitionCounts: Map<string, number> | null = null;

  constructor(
    private readonly cluster: Cluster,
    private readonly config: ConsumerConfig,
    private readonly subscriptions: SubscriptionState,
  ) {
    const common = (['COOPERATIVE', 'EAGER'] as const).filter((p) => config.assignors.every((a) => a.supportedProtocols.includes(p)));
    this.protocol = common[0] ?? 'EAGER';
  }

  bindRejoin(fn: (reason: string) => void): void {
    this.requestRejoin = fn;
  }

  protocols(): { name: string; metadata: Buffer }[] {
    const topics = this.subscriptions.subscribedTopics();
    const owned = this.protocol === 'COOPERATIVE' ? this.subscriptions.assigned() : [];
    return this.config.assignors.map((a) => ({
      name: a.name,
      metadata: encodeSubscription({
        topics,
        userData: a.subscriptionUserData(topics),
        ownedPartitions: owned,
        generationId: this.currentGeneration >= 0 ? this.currentGeneration : null,
        rackId: this.config.clientRack,
      }),
    }));
  }

  private currentGeneration = -1;

  async onJoinPrepare(generationId: number, _memberId: string, lost: boolean): Promise<void> {
    this.assignedPartitionCounts = null;
    const owned = this.subscriptions.assigned();
    if (lost || generationId < 0) {
      this.currentGeneration = -1;
      if (owned.length > 0) {
        this.subscriptions.setAssignment([]);
        await this.listener?.onPartitionsLost?.(owned);
      }
      return;
    }
    if (this.protocol === 'EAGER') {
      await this.commitBeforeRevoke(owned);
      this.subscriptions.setAssignment([]);
      if (owned.length > 0) await this.listener?.onPartitionsRevoked?.(owned);
      return;
    }
    // Cooperative: keep everything except partitions of topics no longer subscribed.
    const topics = new Set(this.subscriptions.subscribedTopics());
    const gone = owned.filter((tp) => !topics.has(tp.topic));
    if (gone.length > 0) {
      await this.commitBeforeRevoke(gone);
      this.subscriptions.removePartitions(gone);
      await this.listener?.onPartitionsRevoked?.(gone);
    }
  }

  async performAssignment(
    _leaderId: string,
    protocol: string,
    members: JoinGroupResponseTypes.JoinGroupResponseMember[],
    skipAssignment: boolean,
  ): Promise<Map<string, Buffer>> {
    // KIP-814: a static leader rejoining keeps the group's assignment; it sends none.
    if (skipAssignment) return new Map();
    const assignor = this.config.assignors.find((a) => a.name === protocol);
    if (assignor === undefined) throw new Error(`the group chose assignor ${protocol}, which this consumer does not have`);
    const subscriptions = new Map<string, Subscription>();
    const allTopics = new Set<string>();
    for (const m of members) {
      // A member whose subscription does not parse gets nothing rather than stalling the whole group.
      let s: Subscription;
      try {
        s = decodeSubscription(m.metadata, m.groupInstanceId);
      } catch {
        s = { topics: [], userData: null, ownedPartitions: [], generationId: null, rackId: null, groupInstanceId: m.groupInstanceId };
      }
      subscriptions.set(m.memberId, s);
      for (const t of s.topics) allTopics.add(t);
    }
    const { counts: partitionsPerTopic, racks } = await this.partitionCounts([...allTopics]);
    this.assignedPartitionCounts = partitionsPerTopic;
    const assignment = assignor.assign(partitionsPerTopic, subscriptions, racks);
    const out = new Map<string, Buffer>();
    for (const m of members) out.set(m.memberId, encodeAssignment({ partitions: assignment.get(m.memberId) ?? [], userData: null }));
    return out;
  }

  /**
   * Partition counts of the topics that exist (Kafka leaves unknown topics out of the assignment),
   * and the racks of each partition's replicas, for rack-aware assignors.
   */
  private async partitionCounts(topics: string[]): Promise<{ counts: Map<string, number>; racks: PartitionRacks }> {
    const counts = new Map<string, number>();
    const racks = new Map<string, string[][]>();
    if (topics.length === 0) return { counts, racks };
    const metadata = await this.cluster.refreshMetadata(topics, { allowAutoTopicCreation: this.config.allowAutoCreateTopics });
    for (const t of metadata) {
      if (t.errorCode !== ErrorCode.NONE || t.partitions.length === 0) continue;
      counts.set(t.name, t.partitions.length);
      const perPartition: string[][] = [];
      for (const p of t.partitions) {
        const rackSet = new Set<string>();
        for (const id of p.replicas) {
          const rack = this.cluster.metadata.brokers.get(id)?.rack;
          if (rack !== null && rack !== undefined) rackSet.add(rack);
        }
        perPartition[p.partition] = [...rackSet];
      }
      racks.set(t.name, perPartition);
    }
    return { counts, racks };
  }

  async onJoinComplete(generationId: number, _memberId: string, protocol: string, assignmentBytes: Buffer): Promise<void> {
    this.currentGeneration = generationId;
    const assignor: PartitionAssignor | undefined = this.config.assignors.find((a) => a.name === protocol);
    const assigned = decodeAssignment(assignmentBytes).partitions;
    const owned = this.subscriptions.assigned();
    const assignedKeys = new Set(assigned.map(tpKey));
    const ownedKeys = new Set(owned.map(tpKey));
    const added = assigned.filter((tp) => !ownedKeys.has(tpKey(tp)));
    if (this.protocol === 'COOPERATIVE') {
      const revoked = owned.filter((tp) => !assignedKeys.has(tpKey(tp)));
      if (revoked.length > 0) {
        await this.commitBeforeRevoke(revoked);
        this.subscriptions.removePartitions(revoked);
        await this.listener?.onPartitionsRevoked?.(revoked);
        // The partitions given up go to their new owners in the next rebalance.
        this.requestRejoin('partitions revoked in a cooperative rebalance');
      }
    }
    this.subscriptions.setAssignment(assigned);
    assignor?.onAssignment(assigned, generationId);
    this.onRebalanced(generationId);
    await this.listener?.onPartitionsAssigned?.(this.protocol === 'COOPERATIVE' ? added : [...assigned]);
  }
}
