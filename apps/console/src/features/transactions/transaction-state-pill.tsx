'use client';
import { StatusPill, type Tone } from '@tarn/ui';

const TONES: Record<string, Tone> = {
  Empty: 'neutral',
  Ongoing: 'info',
  PrepareCommit: 'warning',
  PrepareAbort: 'warning',
  CompleteCommit: 'success',
  CompleteAbort: 'neutral',
};
const MEANING: Record<string, string> = {
  Empty: 'The producer is initialized and has no transaction open',
  Ongoing: 'Open: the producer is writing; read_committed consumers wait at the partitions it wrote to',
  PrepareCommit: 'Committing: the coordinator is writing COMMIT markers to the partitions',
  PrepareAbort: 'Aborting: the coordinator is writing ABORT markers to the partitions',
  CompleteCommit: 'The last transaction committed',
  CompleteAbort: 'The last transaction was aborted',
};

/** A transaction's state as Kafka names it, with a tone and what it means. */
export function TransactionStatePill({ state }: { state: string }) {
  return (
    <StatusPill tone={TONES[state] ?? 'neutral'} pulse={state === 'Ongoing' || state.startsWith('Prepare')} title={MEANING[state]}>
      {state}
    </StatusPill>
  );
}
