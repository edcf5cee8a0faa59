'use client';
import { Field, SegmentedControl, Select, TextInput } from '@tarn/ui';
import { DURATION_UNITS, type DurationUnit, type ResetDraft, type ResetField, type StrategyKind } from '../reset-form';

const STRATEGIES: ReadonlyArray<{ value: StrategyKind; label: string; hint: string }> = [
  { value: 'earliest', label: 'Earliest', hint: 'The log start of each partition: everything still stored is read again.' },
  { value: 'latest', label: 'Latest', hint: 'The log end (high watermark): skip everything not yet read.' },
  { value: 'timestamp', label: 'Date/time', hint: 'The first offset whose timestamp is at or after the time.' },
  { value: 'offset', label: 'Offset', hint: 'One offset for every partition in scope.' },
  { value: 'shift', label: 'Shift by', hint: 'Move each committed offset by N records: negative re-reads, positive skips.' },
  { value: 'duration', label: 'Duration back', hint: 'The first offset written at or after now minus the duration.' },
];

/** Where a reset moves the offsets to, and the value that strategy needs (offset, shift, time, duration). */
export function ResetStrategyFields({
  draft,
  change,
  err,
}: {
  draft: ResetDraft;
  change: (c: Partial<ResetDraft>) => void;
  err: (f: ResetField) => string | undefined;
}) {
  const strategyHint = STRATEGIES.find((s) => s.value === draft.strategy)?.hint;
  return (
    <>
      <div className="t-field">
        <span className="t-label">Strategy</span>
        <SegmentedControl
          name="reset-strategy"
          label="Strategy"
          value={draft.strategy}
          options={STRATEGIES.map(({ value, label }) => ({ value, label }))}
          onChange={(strategy) => change({ strategy })}
        />
        {strategyHint !== undefined ? <span className="t-hint">{strategyHint}</span> : null}
      </div>

      {draft.strategy === 'offset' ? (
        <Field id="reset-offset" label="Offset" error={err('offset')}>
          <TextInput
            id="reset-offset"
            inputMode="numeric"
            mono
            value={draft.offset}
            onChange={(e) => change({ offset: e.target.value })}
            invalid={err('offset') !== undefined}
            aria-describedby={err('offset') !== undefined ? 'reset-offset-error' : undefined}
            placeholder="0"
            style={{ width: 200 }}
          />
        </Field>
      ) : null}
      {draft.strategy === 'shift' ? (
        <Field id="reset-shift" label="Shift by (records)" error={err('shift')}>
          <TextInput
            id="reset-shift"
            inputMode="numeric"
            mono
            value={draft.shift}
            onChange={(e) => change({ shift: e.target.value })}
            invalid={err('shift') !== undefined}
            aria-describedby={err('shift') !== undefined ? 'reset-shift-error' : undefined}
            placeholder="-100"
            style={{ width: 200 }}
          />
        </Field>
      ) : null}
      {draft.strategy === 'timestamp' ? (
        <Field id="reset-time" label="From (your time zone)" error={err('time')}>
          <TextInput
            id="reset-time"
            type="datetime-local"
            step={1}
            value={draft.time}
            onChange={(e) => change({ time: e.target.value })}
            invalid={err('time') !== undefined}
            aria-describedby={err('time') !== undefined ? 'reset-time-error' : undefined}
            style={{ width: 260 }}
          />
        </Field>
      ) : null}
      {draft.strategy === 'duration' ? (
        <Field id="reset-duration" label="How far back" error={err('duration')}>
          <div className="t-row" style={{ flexWrap: 'nowrap' }}>
            <TextInput
              id="reset-duration"
              inputMode="numeric"
              mono
              value={draft.duration}
              onChange={(e) => change({ duration: e.target.value })}
              invalid={err('duration') !== undefined}
              aria-describedby={err('duration') !== undefined ? 'reset-duration-error' : undefined}
              placeholder="2"
              style={{ width: 120 }}
            />
            <Select
              aria-label="Unit"
              value={draft.durationUnit}
              onChange={(e) => change({ durationUnit: e.target.value as DurationUnit })}
              style={{ width: 130 }}
            >
              {Object.keys(DURATION_UNITS).map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </Select>
          </div>
        </Field>
      ) : null}
    </>
  );
}
