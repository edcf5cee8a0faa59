'use client';
/**
 * Reset a group's committed offsets, like `kafka-consumer-groups.sh --reset-offsets`: pick the scope
 * and the strategy, see the broker's dry run (`groups.resetPlan`: every partition's current and
 * target offset) and the equivalent command, then apply it with one click (`groups.resetApply`).
 * The broker accepts a reset only while the group has no active members; until then the button is
 * disabled and says why. Input problems show next to the field they concern.
 */
import { useEffect, useMemo, useState } from 'react';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, CommandBlock, DataTable, EmptyState, ErrorPanel, Field, formatNumber, Notice, SegmentedControl, Select, Skeleton, TextInput } from '@tarn/ui';
import {
  DURATION_UNITS,
  EMPTY_DRAFT,
  offsetRangeProblem,
  partitionKey,
  planErrorField,
  planErrors,
  resetInput,
  type DurationUnit,
  type ResetDraft,
  type ResetErrors,
  type ResetField,
  type ScopeKind,
  type StrategyKind,
} from '../reset-form';
import type { GroupDetail, ResetInput, ResetPlan, ResetPlanEntry } from '../../../lib/types';
import { describeError, inputIssues, issueAt, type InputIssue } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';

const SCOPES: ReadonlyArray<{ value: ScopeKind; label: string }> = [
  { value: 'group', label: 'Whole group' },
  { value: 'topics', label: 'Topics' },
  { value: 'partitions', label: 'Partitions' },
];

const STRATEGIES: ReadonlyArray<{ value: StrategyKind; label: string; hint: string }> = [
  { value: 'earliest', label: 'Earliest', hint: 'The log start of each partition: everything still stored is read again.' },
  { value: 'latest', label: 'Latest', hint: 'The log end (high watermark): skip everything not yet read.' },
  { value: 'timestamp', label: 'Date/time', hint: 'The first offset whose timestamp is at or after the time.' },
  { value: 'offset', label: 'Offset', hint: 'One offset for every partition in scope.' },
  { value: 'shift', label: 'Shift by', hint: 'Move each committed offset by N records: negative re-reads, positive skips.' },
  { value: 'duration', label: 'Duration back', hint: 'The first offset written at or after now minus the duration.' },
];

/** The value after `ms` without changes, so typing does not ask the broker for a plan per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

const sameInput = (a: ResetInput | null, b: ResetInput | null) => JSON.stringify(a) === JSON.stringify(b);

/** zod issues from the broker, by the form field they belong to. */
function issueErrors(issues: readonly InputIssue[]): ResetErrors {
  return {
    scope: issueAt(issues, 'scope'),
    offset: issueAt(issues, 'strategy', 'offset'),
    shift: issueAt(issues, 'strategy', 'by'),
    time: issueAt(issues, 'strategy', 'timestampMs'),
    duration: issueAt(issues, 'strategy', 'durationMs'),
  };
}

export function ResetTab({ group }: { group: GroupDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ResetDraft>(EMPTY_DRAFT);
  const change = (c: Partial<ResetDraft>) => setDraft((d) => ({ ...d, ...c }));

  const partitions = useMemo(() => group.lag?.partitions ?? [], [group.lag]);
  const topics = useMemo(() => [...new Set([...partitions.map((p) => p.topic), ...group.members.flatMap((m) => m.subscription ?? [])])].sort(), [partitions, group.members]);

  const { input, errors } = useMemo(() => resetInput(group.groupId, draft, Date.now()), [group.groupId, draft]);
  const debounced = useDebounced(input, 300);
  const settled = sameInput(input, debounced);
  const plan = useQuery(trpc.groups.resetPlan.queryOptions(debounced ?? skipToken, { refetchInterval: 3000, staleTime: 0 }));
  const current: ResetPlan | undefined = settled && input !== null ? plan.data : undefined;

  const apply = useMutation(
    trpc.groups.resetApply.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.groups.get.queryKey({ groupId: group.groupId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.groups.resetPlan.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.groups.list.queryKey() }),
        ]);
      },
    }),
  );
  // a new choice clears the outcome of the last apply
  const resetApply = apply.reset;
  useEffect(() => resetApply(), [draft, resetApply]);

  // every problem, next to the field it concerns
  const server = issueErrors([...inputIssues(plan.error), ...inputIssues(apply.error)]);
  const fieldErrors: ResetErrors = { ...server, ...Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined)) };
  const rangeProblem = offsetRangeProblem(current, draft);
  if (rangeProblem !== null) fieldErrors.offset ??= rangeProblem;
  const partitionErrors = planErrors(current);
  if (partitionErrors.length > 0) {
    const f: ResetField = planErrorField(draft);
    fieldErrors[f] ??= partitionErrors.length === 1 ? partitionErrors[0]! : `${partitionErrors[0]!} (and ${partitionErrors.length - 1} more, see below)`;
  }
  const hasFieldErrors = Object.values(fieldErrors).some((v) => v !== undefined);
  const planFailed = plan.isError && inputIssues(plan.error).length === 0;

  const blocked =
    current === undefined ? (input === null ? 'Fix the fields above first.' : 'Waiting for the dry run…')
    : hasFieldErrors ? 'Fix the fields above first.'
    : !current.applicable ? (current.reason ?? 'The group has active members.')
    : current.partitions.length === 0 ? 'Nothing in scope: the group has no committed offsets there.'
    : null;
  const changes = current?.partitions.filter((p) => p.targetOffset !== null && p.targetOffset !== p.currentOffset).length ?? 0;
  const applied = apply.data;
  const strategyHint = STRATEGIES.find((s) => s.value === draft.strategy)?.hint;
  const err = (f: ResetField) => fieldErrors[f];

  return (
    <div className="t-stack">
      <Card title="Reset offsets" description="Choose which partitions and where to move the group's committed offsets. The preview below is a dry run; nothing changes until you apply it.">
        <form
          className="t-stack"
          noValidate
          aria-label="Reset offsets"
          onSubmit={(e) => {
            e.preventDefault();
            if (blocked === null && input !== null) apply.mutate(input);
          }}
        >
          <div className="t-field">
            <span className="t-label" id="reset-scope-label">
              Scope
            </span>
            <SegmentedControl name="reset-scope" label="Scope" value={draft.scope} options={SCOPES} onChange={(scope) => change({ scope })} />
            {draft.scope === 'topics' ? (
              topics.length === 0 ? (
                <span className="t-hint">The group has no topics yet.</span>
              ) : (
                <div className="c-checks" role="group" aria-labelledby="reset-scope-label">
                  {topics.map((t) => (
                    <label key={t} className="t-check">
                      <input type="checkbox" checked={draft.topics.includes(t)} onChange={(e) => change({ topics: e.target.checked ? [...draft.topics, t] : draft.topics.filter((x) => x !== t) })} />
                      <span className="t-mono">{t}</span>
                    </label>
                  ))}
                </div>
              )
            ) : null}
            {draft.scope === 'partitions' ? (
              partitions.length === 0 ? (
                <span className="t-hint">The group has no committed offsets yet.</span>
              ) : (
                <div className="c-checks" role="group" aria-labelledby="reset-scope-label">
                  {partitions.map((p) => {
                    const k = partitionKey(p.topic, p.partition);
                    return (
                      <label key={k} className="t-check">
                        <input type="checkbox" checked={draft.partitions.includes(k)} onChange={(e) => change({ partitions: e.target.checked ? [...draft.partitions, k] : draft.partitions.filter((x) => x !== k) })} />
                        <span className="t-mono">
                          {p.topic}-{p.partition}
                        </span>
                      </label>
                    );
                  })}
                </div>
              )
            ) : null}
            {draft.scope === 'group' ? <span className="t-hint">Every partition the group has committed offsets for ({formatNumber(partitions.length)}).</span> : null}
            {err('scope') !== undefined ? (
              <div className="t-field-error" id="reset-scope-error" role="alert">
                <span aria-hidden="true">⚠</span>
                <span>{err('scope')}</span>
              </div>
            ) : null}
          </div>

          <div className="t-field">
            <span className="t-label">Strategy</span>
            <SegmentedControl name="reset-strategy" label="Strategy" value={draft.strategy} options={STRATEGIES.map(({ value, label }) => ({ value, label }))} onChange={(strategy) => change({ strategy })} />
            {strategyHint !== undefined ? <span className="t-hint">{strategyHint}</span> : null}
          </div>

          {draft.strategy === 'offset' ? (
            <Field id="reset-offset" label="Offset" error={err('offset')}>
              <TextInput id="reset-offset" inputMode="numeric" mono value={draft.offset} onChange={(e) => change({ offset: e.target.value })} invalid={err('offset') !== undefined} aria-describedby={err('offset') !== undefined ? 'reset-offset-error' : undefined} placeholder="0" style={{ width: 200 }} />
            </Field>
          ) : null}
          {draft.strategy === 'shift' ? (
            <Field id="reset-shift" label="Shift by (records)" error={err('shift')}>
              <TextInput id="reset-shift" inputMode="numeric" mono value={draft.shift} onChange={(e) => change({ shift: e.target.value })} invalid={err('shift') !== undefined} aria-describedby={err('shift') !== undefined ? 'reset-shift-error' : undefined} placeholder="-100" style={{ width: 200 }} />
            </Field>
          ) : null}
          {draft.strategy === 'timestamp' ? (
            <Field id="reset-time" label="From (your time zone)" error={err('time')}>
              <TextInput id="reset-time" type="datetime-local" step={1} value={draft.time} onChange={(e) => change({ time: e.target.value })} invalid={err('time') !== undefined} aria-describedby={err('time') !== undefined ? 'reset-time-error' : undefined} style={{ width: 260 }} />
            </Field>
          ) : null}
          {draft.strategy === 'duration' ? (
            <Field id="reset-duration" label="How far back" error={err('duration')}>
              <div className="t-row" style={{ flexWrap: 'nowrap' }}>
                <TextInput id="reset-duration" inputMode="numeric" mono value={draft.duration} onChange={(e) => change({ duration: e.target.value })} invalid={err('duration') !== undefined} aria-describedby={err('duration') !== undefined ? 'reset-duration-error' : undefined} placeholder="2" style={{ width: 120 }} />
                <Select aria-label="Unit" value={draft.durationUnit} onChange={(e) => change({ durationUnit: e.target.value as DurationUnit })} style={{ width: 130 }}>
                  {Object.keys(DURATION_UNITS).map((u) => (
                    <option key={u} value={u}>
                      {u}
                    </option>
                  ))}
                </Select>
              </div>
            </Field>
          ) : null}

          {planFailed ? <ErrorPanel title="The dry run failed" error={describeError(plan.error)} /> : null}
          {current !== undefined && !current.applicable ? (
            <div className="t-notice" data-tone="warning" role="status" id="reset-blocked">
              <strong>Cannot reset now.</strong> {current.reason} Stop the group&apos;s consumers (or wait for them to leave); the preview updates by itself.
            </div>
          ) : null}
          <div className="t-row">
            <Button type="submit" variant="danger" disabled={blocked !== null} busy={apply.isPending} aria-describedby={blocked !== null ? 'reset-why-disabled' : undefined}>
              {apply.isPending ? 'Resetting…' : `Reset offsets${changes > 0 ? ` of ${changes} ${changes === 1 ? 'partition' : 'partitions'}` : ''}`}
            </Button>
            {blocked !== null ? (
              <span className="t-muted" id="reset-why-disabled">
                {blocked}
              </span>
            ) : null}
          </div>
          {apply.isError && inputIssues(apply.error).length === 0 ? <ErrorPanel title="The offsets were not reset" error={describeError(apply.error)} /> : null}
          {applied !== undefined ? (
            <Notice tone="success">
              Reset {formatNumber(applied.partitions.length)} {applied.partitions.length === 1 ? 'partition' : 'partitions'} of <strong>{applied.groupId}</strong>. Consumers that join the group now start from the new offsets.
            </Notice>
          ) : null}
        </form>
      </Card>

      <Card
        title="Preview"
        description="The broker's dry run: where each partition is now and where it would be. Targets outside a partition's range are clamped to it, as kafka-consumer-groups.sh does."
        actions={current !== undefined ? <Badge tone={current.applicable ? 'success' : 'warning'}>{current.applicable ? 'can be applied' : `group is ${current.state}`}</Badge> : undefined}
        flush
      >
        {input === null ? (
          <EmptyState icon="✎" title="Complete the form">
            The preview appears once the scope and strategy are valid.
          </EmptyState>
        ) : current === undefined ? (
          plan.isError ? (
            <EmptyState icon="!" title="No preview">
              Fix the problems above.
            </EmptyState>
          ) : (
            <Skeleton height={120} />
          )
        ) : (
          <DataTable<ResetPlanEntry>
            caption="Reset preview"
            rows={current.partitions}
            rowKey={(p) => `${p.topic}:${p.partition}`}
            empty={<EmptyState title="Nothing in scope">The group has no committed offsets in this scope.</EmptyState>}
            columns={[
              { key: 'topic', header: 'Topic', render: (p) => p.topic },
              { key: 'partition', header: 'Partition', align: 'right', render: (p) => <span className="t-mono">{p.partition}</span> },
              { key: 'current', header: 'Current offset', align: 'right', render: (p) => (p.currentOffset === null ? <span className="t-faint">none</span> : formatNumber(p.currentOffset)) },
              { key: 'target', header: 'New offset', align: 'right', render: (p) => (p.targetOffset === null ? <span className="t-faint">—</span> : <strong>{formatNumber(p.targetOffset)}</strong>) },
              {
                key: 'delta',
                header: 'Change',
                align: 'right',
                render: (p) => {
                  if (p.targetOffset === null || p.currentOffset === null) return <span className="t-faint">—</span>;
                  const d = p.targetOffset - p.currentOffset;
                  return d === 0 ? <span className="t-faint">none</span> : <Badge tone={d < 0 ? 'info' : 'warning'}>{d > 0 ? `+${formatNumber(d)} skipped` : `${formatNumber(-d)} re-read`}</Badge>;
                },
              },
              {
                key: 'lag',
                header: 'Lag after',
                align: 'right',
                render: (p) => (p.targetOffset === null || p.logEndOffset === null ? '—' : formatNumber(Math.max(0, p.logEndOffset - p.targetOffset))),
              },
              { key: 'range', header: 'Log start – end', align: 'right', render: (p) => (p.logStartOffset === null ? '—' : <span className="t-num t-muted">{`${formatNumber(p.logStartOffset)} – ${formatNumber(p.logEndOffset)}`}</span>) },
              {
                key: 'error',
                header: '',
                render: (p) => (p.error !== null ? <span className="t-field-error">⚠ {p.error}</span> : p.warning !== null ? <span className="t-muted">{p.warning}</span> : null),
              },
            ]}
          />
        )}
      </Card>

      <Card title="Equivalent command" description="The same reset with Kafka's own tool (run it while the group is empty).">
        {current !== undefined ? <CommandBlock label="kafka-consumer-groups.sh command" command={current.command} /> : <span className="t-muted">Appears with the preview.</span>}
      </Card>
    </div>
  );
}
