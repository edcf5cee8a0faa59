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
import { Button, Card, CommandBlock, ErrorPanel, formatNumber, Notice } from '@tarn/ui';
import {
  EMPTY_DRAFT,
  offsetRangeProblem,
  planErrorField,
  planErrors,
  resetInput,
  type ResetDraft,
  type ResetErrors,
  type ResetField,
} from '../reset-form';
import type { GroupDetail, ResetInput, ResetPlan } from '../../../lib/types';
import { describeError, inputIssues, issueAt, type InputIssue } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';
import { useDebounced } from '../../../lib/use-debounced';
import { ResetPreview } from './reset-preview';
import { ResetScopeField } from './reset-scope-field';
import { ResetStrategyFields } from './reset-strategy-fields';

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
  const topics = useMemo(
    () => [...new Set([...partitions.map((p) => p.topic), ...group.members.flatMap((m) => m.subscription ?? [])])].sort(),
    [partitions, group.members],
  );

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
    fieldErrors[f] ??=
      partitionErrors.length === 1 ? partitionErrors[0]! : `${partitionErrors[0]!} (and ${partitionErrors.length - 1} more, see below)`;
  }
  const hasFieldErrors = Object.values(fieldErrors).some((v) => v !== undefined);
  const planFailed = plan.isError && inputIssues(plan.error).length === 0;

  const blocked =
    current === undefined
      ? input === null
        ? 'Fix the fields above first.'
        : 'Waiting for the dry run…'
      : hasFieldErrors
        ? 'Fix the fields above first.'
        : !current.applicable
          ? (current.reason ?? 'The group has active members.')
          : current.partitions.length === 0
            ? 'Nothing in scope: the group has no committed offsets there.'
            : null;
  const changes = current?.partitions.filter((p) => p.targetOffset !== null && p.targetOffset !== p.currentOffset).length ?? 0;
  const applied = apply.data;
  const err = (f: ResetField) => fieldErrors[f];

  return (
    <div className="t-stack">
      <Card
        title="Reset offsets"
        description="Choose which partitions and where to move the group's committed offsets. The preview below is a dry run; nothing changes until you apply it."
      >
        <form
          className="t-stack"
          noValidate
          aria-label="Reset offsets"
          onSubmit={(e) => {
            e.preventDefault();
            if (blocked === null && input !== null) apply.mutate(input);
          }}
        >
          <ResetScopeField draft={draft} change={change} topics={topics} partitions={partitions} error={err('scope')} />

          <ResetStrategyFields draft={draft} change={change} err={err} />

          {planFailed ? <ErrorPanel title="The dry run failed" error={describeError(plan.error)} /> : null}
          {current !== undefined && !current.applicable ? (
            <div className="t-notice" data-tone="warning" role="status" id="reset-blocked">
              <strong>Cannot reset now.</strong> {current.reason} Stop the group&apos;s consumers (or wait for them to leave); the preview
              updates by itself.
            </div>
          ) : null}
          <div className="t-row">
            <Button
              type="submit"
              variant="danger"
              disabled={blocked !== null}
              busy={apply.isPending}
              aria-describedby={blocked !== null ? 'reset-why-disabled' : undefined}
            >
              {apply.isPending
                ? 'Resetting…'
                : `Reset offsets${changes > 0 ? ` of ${changes} ${changes === 1 ? 'partition' : 'partitions'}` : ''}`}
            </Button>
            {blocked !== null ? (
              <span className="t-muted" id="reset-why-disabled">
                {blocked}
              </span>
            ) : null}
          </div>
          {apply.isError && inputIssues(apply.error).length === 0 ? (
            <ErrorPanel title="The offsets were not reset" error={describeError(apply.error)} />
          ) : null}
          {applied !== undefined ? (
            <Notice tone="success">
              Reset {formatNumber(applied.partitions.length)} {applied.partitions.length === 1 ? 'partition' : 'partitions'} of{' '}
              <strong>{applied.groupId}</strong>. Consumers that join the group now start from the new offsets.
            </Notice>
          ) : null}
        </form>
      </Card>

      <ResetPreview input={input} current={current} planError={plan.isError} />

      <Card title="Equivalent command" description="The same reset with Kafka's own tool (run it while the group is empty).">
        {current !== undefined ? (
          <CommandBlock label="kafka-consumer-groups.sh command" command={current.command} />
        ) : (
          <span className="t-muted">Appears with the preview.</span>
        )}
      </Card>
    </div>
  );
}
