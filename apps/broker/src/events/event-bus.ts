/**
 * The broker's event bus: typed events from the log (segments rolled and deleted, cleaning,
 * truncation, recovery, appends), partitions (ISR and leader changes) and the group coordinator,
 * fanned out to subscribers — the console's live views among them.
 *
 * Every event gets an increasing id and the most recent ones are kept in a ring, so a subscriber
 * that reconnects can ask for everything after the last id it saw.
 */
import type { LogEvent } from '@tarn/storage';
import type { GroupCoordinatorEvent } from './group-coordinator-event';

export type PartitionEvent =
  | { type: 'isr-changed'; topic: string; partition: number; isr: number[]; previousIsr: number[]; reason: string }
  | {
      type: 'leader-changed';
      topic: string;
      partition: number;
      leader: number;
      previousLeader: number;
      leaderEpoch: number;
      reason: string;
    };

export type TopicEvent =
  | { type: 'topic-created'; topic: string; partitions: number }
  | { type: 'topic-deleted'; topic: string }
  | { type: 'topic-configs-changed'; topic: string; configs: Record<string, string> }
  | { type: 'partitions-added'; topic: string; from: number; to: number };

/** A broker's registration changed (offline: its registration is gone, e.g. its lease expired). */
export type ClusterEvent =
  | {
      type: 'broker-changed';
      nodeId: number;
      state: 'running' | 'shutting-down' | 'offline';
      previousState: 'running' | 'shutting-down' | 'offline';
    }
  | { type: 'controller-changed'; controllerId: number; previousControllerId: number };

export type BrokerEvent = LogEvent | PartitionEvent | TopicEvent | ClusterEvent | GroupCoordinatorEvent;

export interface StampedEvent {
  id: number;
  timeMs: number;
  event: BrokerEvent;
}

export type EventListener = (e: StampedEvent) => void;

const EPHEMERAL: ReadonlySet<string> = new Set(['group-offsets-committed', 'group-loaded']);

export class EventBus {
  private nextId = 1;
  private readonly ring: StampedEvent[] = [];
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly capacity = 10_000) {}

  publish(event: BrokerEvent): StampedEvent {
    const stamped = { id: this.nextId++, timeMs: Date.now(), event };
    // Frequent events (offset commits, groups loaded at fail-over) go to live subscribers only, so they cannot push the
    // history of rolls, deletions and ISR changes out of the ring.
    if (!EPHEMERAL.has(event.type)) {
      this.ring.push(stamped);
      if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    }
    for (const l of this.listeners) {
      try {
        l(stamped);
      } catch {
        // one subscriber's failure must not starve the others
      }
    }
    return stamped;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `id` still in the ring (all of them for id 0). */
  since(id: number): StampedEvent[] {
    const i = this.ring.findIndex((e) => e.id > id);
    return i < 0 ? [] : this.ring.slice(i);
  }

  get lastId(): number {
    return this.nextId - 1;
  }
}
