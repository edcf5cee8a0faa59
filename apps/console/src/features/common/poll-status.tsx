'use client';
import { StatusPill } from '@tarn/ui';

/** How a page that polls is doing: refreshing every few seconds, or its last refresh failed. */
export function PollStatus({ intervalMs, failed }: { intervalMs: number; failed: boolean }) {
  return failed ? (
    <StatusPill tone="danger" title="The last refresh failed; the page keeps trying">
      Not refreshing
    </StatusPill>
  ) : (
    <StatusPill tone="success" pulse title={`Refreshed every ${intervalMs / 1000} s`}>
      Live · every {intervalMs / 1000} s
    </StatusPill>
  );
}
