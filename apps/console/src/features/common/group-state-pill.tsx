'use client';
import { StatusPill, type Tone } from '@tarn/ui';

const TONES: Record<string, Tone> = {
  Stable: 'success',
  PreparingRebalance: 'warning',
  CompletingRebalance: 'warning',
  Empty: 'neutral',
  Dead: 'danger',
};
const MEANING: Record<string, string> = {
  Stable: 'Every member has its assignment and is consuming',
  PreparingRebalance: 'Waiting for members to (re)join before a new generation',
  CompletingRebalance: 'The leader is computing the assignment',
  Empty: 'No active members; committed offsets are kept',
  Dead: 'The group has no members and no offsets',
};

/** A group's state as Kafka names it, with a tone and what it means. */
export function GroupStatePill({ state }: { state: string }) {
  return (
    <StatusPill
      tone={TONES[state] ?? 'neutral'}
      pulse={state === 'PreparingRebalance' || state === 'CompletingRebalance'}
      title={MEANING[state]}
    >
      {state}
    </StatusPill>
  );
}
