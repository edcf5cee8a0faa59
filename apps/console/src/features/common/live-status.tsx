'use client';
import { StatusPill } from '@tarn/ui';
import type { TRPCSubscriptionStatus } from '@trpc/tanstack-react-query';

/** How a live subscription is doing, in a pill: connecting, live, paused, reconnecting. */
export function LiveStatus({ status, paused = false }: { status: TRPCSubscriptionStatus; paused?: boolean }) {
  if (paused) return <StatusPill tone="neutral">Paused</StatusPill>;
  switch (status) {
    case 'pending':
      return (
        <StatusPill tone="success" pulse title="Receiving updates over WebSocket">
          Live
        </StatusPill>
      );
    case 'connecting':
      return (
        <StatusPill tone="warning" pulse>
          Connecting…
        </StatusPill>
      );
    case 'error':
      return <StatusPill tone="danger">Disconnected</StatusPill>;
    default:
      return <StatusPill tone="neutral">Idle</StatusPill>;
  }
}
