/**
 * Turns metadata changes — whoever made them — into events on this broker's bus, so every broker's
 * console sees topic, partition (leader, ISR), broker and controller changes across the cluster.
 */
import type { BrokerRegistration } from '../metadata/cluster-metadata';
import type { MetadataStore } from '../metadata/metadata-store';
import type { EventBus } from './event-bus';

type BrokerState = BrokerRegistration['state'] | 'offline';

export function publishMetadataEvents(metadata: MetadataStore, events: EventBus): () => void {
  const offTopics = metadata.onChange((c) => {
    const topic = metadata.topic(c.topic);
    if (c.type === 'topic-created') events.publish({ type: 'topic-created', topic: c.topic, partitions: topic?.partitions.length ?? 0 });
    else if (c.type === 'topic-deleted') events.publish({ type: 'topic-deleted', topic: c.topic });
    else if (c.type === 'topic-configs-changed')
      events.publish({ type: 'topic-configs-changed', topic: c.topic, configs: topic?.configs ?? {} });
    else if (c.type === 'partitions-added')
      events.publish({ type: 'partitions-added', topic: c.topic, from: c.from, to: topic?.partitions.length ?? c.from });
    else if (c.type === 'partition-changed') {
      const { previous: a, current: b } = c;
      const reason = b.reason ?? 'metadata change';
      if (a.leader !== b.leader || a.leaderEpoch !== b.leaderEpoch) {
        events.publish({
          type: 'leader-changed',
          topic: c.topic,
          partition: c.partition,
          leader: b.leader,
          previousLeader: a.leader,
          leaderEpoch: b.leaderEpoch,
          reason,
        });
      }
      if (a.isr.length !== b.isr.length || a.isr.some((r) => !b.isr.includes(r))) {
        events.publish({ type: 'isr-changed', topic: c.topic, partition: c.partition, isr: b.isr, previousIsr: a.isr, reason });
      }
    }
  });

  // registrations come and go (a dead broker's lease expires): diff them against what we saw last
  let known = new Map<number, BrokerState>(metadata.brokers().map((b) => [b.nodeId, b.state]));
  const offBrokers = metadata.onBrokersChange(() => {
    const now = new Map<number, BrokerState>(metadata.brokers().map((b) => [b.nodeId, b.state]));
    for (const id of new Set([...known.keys(), ...now.keys()])) {
      const previousState = known.get(id) ?? 'offline';
      const state = now.get(id) ?? 'offline';
      if (state !== previousState) events.publish({ type: 'broker-changed', nodeId: id, state, previousState });
    }
    known = now;
  });

  let controllerId = metadata.controllerId;
  const offController = metadata.onControllerChange((id) => {
    if (id === controllerId) return;
    events.publish({ type: 'controller-changed', controllerId: id, previousControllerId: controllerId });
    controllerId = id;
  });

  return () => {
    offTopics();
    offBrokers();
    offController();
  };
}
