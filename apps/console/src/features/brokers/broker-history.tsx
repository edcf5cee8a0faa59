'use client';
import { Card, EmptyState, Timeline, type TimelineItem } from '@tarn/ui';
import type { EventMessage } from '../../lib/types';
import { STATE_TONE } from './broker-state-tone';

/** A broker or controller change as a history entry; null for the events that only refresh the table. */
export function historyItem(e: EventMessage): TimelineItem | null {
  const ev = e.data.event;
  const base = { id: e.id, timeMs: e.data.timeMs };
  if (ev.type === 'broker-changed') {
    return {
      ...base,
      tone: STATE_TONE[ev.state],
      title:
        ev.state === 'offline'
          ? `Broker ${ev.nodeId} went offline`
          : ev.state === 'shutting-down'
            ? `Broker ${ev.nodeId} is shutting down`
            : `Broker ${ev.nodeId} is running`,
      detail: `was ${ev.previousState}`,
    };
  }
  if (ev.type === 'controller-changed') {
    return {
      ...base,
      tone: ev.controllerId < 0 ? 'danger' : 'info',
      title: ev.controllerId < 0 ? 'No active controller' : `Broker ${ev.controllerId} is the controller`,
      detail: `was ${ev.previousControllerId < 0 ? 'none' : `broker ${ev.previousControllerId}`}`,
    };
  }
  return null;
}

/** Brokers joining, leaving and shutting down, and controller changes, newest first. */
export function BrokerHistory({ items }: { items: TimelineItem[] }) {
  return (
    <Card title="History" description="Brokers joining, leaving and shutting down; controller changes (newest first)">
      {items.length === 0 ? (
        <EmptyState icon="⇆" title="No broker changes yet">
          Brokers starting, stopping or losing their registration show here as they happen.
        </EmptyState>
      ) : (
        <Timeline items={items} label="Broker history" localTime />
      )}
    </Card>
  );
}
