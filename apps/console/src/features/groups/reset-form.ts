/**
 * The offset-reset form: what the user picked (scope and strategy, numbers still as typed) turned
 * into `groups.resetPlan` / `groups.resetApply` input, with a message per field for whatever cannot
 * be sent; and the checks on the broker's dry run that belong next to a field (an offset outside
 * what the partitions hold).
 */
import { formatNumber } from '@tarn/ui';
import { fromLocalInput } from '../../lib/local-time';
import type { ResetInput, ResetPlan } from '../../lib/types';

export const SCOPE_KINDS = ['group', 'topics', 'partitions'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export const STRATEGY_KINDS = ['earliest', 'latest', 'timestamp', 'offset', 'shift', 'duration'] as const;
export type StrategyKind = (typeof STRATEGY_KINDS)[number];
export const DURATION_UNITS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

export interface ResetDraft {
  scope: ScopeKind;
  topics: readonly string[];
  /** "topic:partition" keys. */
  partitions: readonly string[];
  strategy: StrategyKind;
  offset: string;
  shift: string;
  /** datetime-local value, the viewer's zone. */
  time: string;
  duration: string;
  durationUnit: DurationUnit;
}

export type ResetField = 'scope' | 'offset' | 'shift' | 'time' | 'duration';
export type ResetErrors = Partial<Record<ResetField, string>>;

export const EMPTY_DRAFT: ResetDraft = {
  scope: 'group',
  topics: [],
  partitions: [],
  strategy: 'earliest',
  offset: '',
  shift: '',
  time: '',
  duration: '',
  durationUnit: 'hours',
};

export function partitionKey(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}

function parsePartitionKey(key: string): { topic: string; partition: number } {
  const i = key.lastIndexOf(':');
  return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)) };
}

const WHOLE = /^\d+$/;
const SIGNED = /^[+-]?\d+$/;

/** The API input for the draft, or the problems that keep it from being one. */
export function resetInput(groupId: string, d: ResetDraft, nowMs: number): { input: ResetInput | null; errors: ResetErrors } {
  const errors: ResetErrors = {};
  let scope: ResetInput['scope'] | null = null;
  if (d.scope === 'group') scope = { kind: 'group' };
  else if (d.scope === 'topics') {
    if (d.topics.length === 0) errors.scope = 'Pick at least one topic.';
    else scope = { kind: 'topics', topics: [...d.topics] };
  } else if (d.partitions.length === 0) errors.scope = 'Pick at least one partition.';
  else scope = { kind: 'partitions', partitions: d.partitions.map(parsePartitionKey) };

  let strategy: ResetInput['strategy'] | null = null;
  switch (d.strategy) {
    case 'earliest':
    case 'latest':
      strategy = { kind: d.strategy };
      break;
    case 'offset': {
      const v = d.offset.trim();
      if (v === '') errors.offset = 'Enter the offset to reset to.';
      else if (!WHOLE.test(v) || !Number.isSafeInteger(Number(v)))
        errors.offset = `“${d.offset}” is not an offset: enter a whole number, 0 or more.`;
      else strategy = { kind: 'offset', offset: Number(v) };
      break;
    }
    case 'shift': {
      const v = d.shift.trim();
      if (v === '') errors.shift = 'Enter how many records to move: negative goes back, positive forward.';
      else if (!SIGNED.test(v) || !Number.isSafeInteger(Number(v))) errors.shift = `“${d.shift}” is not a whole number (e.g. -100 or 50).`;
      else if (Number(v) === 0) errors.shift = 'Shifting by 0 changes nothing.';
      else strategy = { kind: 'shift', by: Number(v) };
      break;
    }
    case 'timestamp': {
      const ts = fromLocalInput(d.time);
      if (ts === null) errors.time = 'Pick a date and time.';
      else if (ts < 0) errors.time = 'Pick a time after 1970.';
      else if (ts > nowMs) errors.time = 'That time is in the future: every partition would go to its log end (use “latest” for that).';
      else strategy = { kind: 'timestamp', timestampMs: ts };
      break;
    }
    case 'duration': {
      const v = d.duration.trim();
      if (v === '') errors.duration = 'Enter how far back to go.';
      else if (!WHOLE.test(v) || Number(v) <= 0) errors.duration = `“${d.duration}” is not a positive whole number of ${d.durationUnit}.`;
      else if (!Number.isSafeInteger(Number(v) * DURATION_UNITS[d.durationUnit])) errors.duration = 'That is too far back.';
      else strategy = { kind: 'duration', durationMs: Number(v) * DURATION_UNITS[d.durationUnit] };
      break;
    }
  }
  return { input: scope !== null && strategy !== null ? { groupId, scope, strategy } : null, errors };
}

/**
 * A specific offset outside a partition's range: kafka-consumer-groups.sh (and the broker's plan)
 * would quietly clamp it to the log start or end, which is rarely what was meant, so the form
 * refuses it and says where each partition's range is.
 */
export function offsetRangeProblem(plan: ResetPlan | undefined, d: ResetDraft): string | null {
  if (plan === undefined || d.strategy !== 'offset' || !WHOLE.test(d.offset.trim())) return null;
  const offset = Number(d.offset.trim());
  const beyond = plan.partitions.filter((p) => p.logEndOffset !== null && offset > p.logEndOffset);
  const below = plan.partitions.filter((p) => p.logStartOffset !== null && offset < p.logStartOffset);
  const list = (ps: typeof beyond, what: (p: (typeof beyond)[number]) => number | null) =>
    ps
      .slice(0, 4)
      .map((p) => `${p.topic}-${p.partition} (${formatNumber(what(p))})`)
      .join(', ') + (ps.length > 4 ? ` and ${ps.length - 4} more` : '');
  if (beyond.length > 0)
    return `Offset ${formatNumber(offset)} is beyond the log end of ${list(beyond, (p) => p.logEndOffset)}. Pick an offset up to the log end.`;
  if (below.length > 0)
    return `Offset ${formatNumber(offset)} is below the log start of ${list(below, (p) => p.logStartOffset)}: those records were deleted. Pick an offset at or after the log start.`;
  return null;
}

/** The plan's per-partition errors, one line each. */
export function planErrors(plan: ResetPlan | undefined): string[] {
  return (plan?.partitions ?? []).filter((p) => p.error !== null).map((p) => p.error!);
}

/** Which field a plan's per-partition error belongs next to. */
export function planErrorField(d: ResetDraft): ResetField {
  return d.strategy === 'offset'
    ? 'offset'
    : d.strategy === 'shift'
      ? 'shift'
      : d.strategy === 'timestamp'
        ? 'time'
        : d.strategy === 'duration'
          ? 'duration'
          : 'scope';
}
