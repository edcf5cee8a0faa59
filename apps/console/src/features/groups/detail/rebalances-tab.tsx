'use client';
/**
 * The rebalance timeline, newest first: every generation with what started it, who joined and left
 * and why, the protocol and leader, how long it took, and each member's assignment diff against the
 * generation before. A rebalance under way (started, not yet complete) is shown on top as it
 * happens; the group view feeds both from `live.events`.
 */
import type { ReactNode } from 'react';
import type { TRPCSubscriptionStatus } from '@trpc/tanstack-react-query';
import { AssignmentDiff, Badge, Card, EmptyState, formatAssignment, formatDuration, Skeleton, Timeline, type TimelineItem } from '@tarn/ui';
import type { PendingRebalance } from '../group-events';
import { shortId } from '../group-format';
import type { RebalanceRecord } from '../../../lib/types';
import { LiveStatus } from '../../common/live-status';
import { QueryError } from '../../common/query-error';

function who(memberId: string, clientId: string): ReactNode {
  return (
    <span className="t-mono" title={memberId}>
      {clientId !== '' ? `${clientId} (${shortId(memberId)})` : shortId(memberId)}
    </span>
  );
}

function Changes({ label, items }: { label: string; items: RebalanceRecord['joined'] }) {
  if (items.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul className="c-plain-list">
          {items.map((c) => (
            <li key={`${c.memberId}-${c.timeMs}`}>
              {who(c.memberId, c.clientId)} <span className="t-muted">· {c.reason}</span>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

export function RebalanceDetail({ r }: { r: RebalanceRecord }) {
  const clientOf = new Map([...r.members, ...r.joined, ...r.left].map((m) => [m.memberId, m.clientId]));
  const diffs = Object.entries(r.diff).sort(([a], [b]) => a.localeCompare(b));
  return (
    <dl className="t-dl c-rebalance">
      <dt>Why</dt>
      <dd>{r.reason !== '' ? r.reason : r.cause !== '' ? r.cause : '—'}</dd>
      <dt>Protocol</dt>
      <dd>
        {r.protocolType ?? '—'}
        {r.protocol !== null && r.protocol !== '' ? ` · ${r.protocol}` : ''}
        {r.leader !== null ? <span className="t-muted"> · leader {shortId(r.leader)}</span> : null}
      </dd>
      <dt>Duration</dt>
      <dd className="t-num">{formatDuration(r.durationMs)}</dd>
      <Changes label="Joined" items={r.joined} />
      <Changes label="Left" items={r.left} />
      {diffs.length > 0 ? (
        <>
          <dt>Assignment</dt>
          <dd>
            <ul className="c-plain-list">
              {diffs.map(([memberId, d]) => {
                const member = r.members.find((m) => m.memberId === memberId);
                return (
                  <li key={memberId} className="c-diff-row">
                    {who(memberId, clientOf.get(memberId) ?? '')}
                    <AssignmentDiff added={d.added} removed={d.removed} />
                    <span className="t-muted t-mono">
                      {member === undefined ? 'left the group' : `now ${formatAssignment(member.assignment ?? {})}`}
                    </span>
                  </li>
                );
              })}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function rebalanceItem(r: RebalanceRecord): TimelineItem {
  const empty = r.members.length === 0;
  return {
    id: `${r.generation}-${r.completedAtMs}`,
    timeMs: r.completedAtMs,
    tone: empty ? 'neutral' : r.left.length > 0 ? 'warning' : r.joined.length > 0 ? 'success' : 'info',
    title: empty
      ? `Generation ${r.generation}: group empty`
      : `Generation ${r.generation}: ${r.members.length} ${r.members.length === 1 ? 'member' : 'members'}`,
    tags: (
      <>
        {r.cause !== '' ? <Badge tone="accent">{r.cause}</Badge> : null}
        {r.joined.length > 0 ? <Badge tone="success">+{r.joined.length} joined</Badge> : null}
        {r.left.length > 0 ? <Badge tone="warning">−{r.left.length} left</Badge> : null}
        <Badge mono title="From the first join to the last member's assignment">
          {formatDuration(r.durationMs)}
        </Badge>
      </>
    ),
    detail: <RebalanceDetail r={r} />,
  };
}

function pendingItem(p: PendingRebalance): TimelineItem {
  return {
    id: 'pending',
    timeMs: p.startedAtMs,
    tone: 'warning',
    title: 'Rebalancing…',
    tags: p.cause !== '' ? <Badge tone="warning">{p.cause}</Badge> : undefined,
    detail: (
      <div className="t-stack-sm" style={{ gap: 2 }}>
        <span>{p.reason !== '' ? p.reason : 'Members are (re)joining; a new generation follows once all have.'}</span>
        {p.changes.length > 0 ? (
          <ul className="c-plain-list">
            {p.changes.map((c) => (
              <li key={c.id}>
                {c.kind === 'joined' ? '+ joined ' : '− left '}
                {who(c.memberId, c.clientId)} <span className="t-muted">· {c.reason}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    ),
  };
}

export function RebalancesTab({
  rebalances,
  error,
  retry,
  pending,
  status,
}: {
  rebalances: RebalanceRecord[] | undefined;
  error: unknown;
  retry: () => void;
  pending: PendingRebalance | null;
  status: TRPCSubscriptionStatus;
}) {
  const items = [...(pending !== null ? [pendingItem(pending)] : []), ...[...(rebalances ?? [])].reverse().map(rebalanceItem)];
  return (
    <Card
      title="Rebalance timeline"
      description="Each generation of the group, newest first, as the coordinator completed it. New ones appear as they happen."
      actions={<LiveStatus status={status} />}
    >
      {rebalances === undefined && error !== null ? (
        <QueryError title="Could not load the rebalance history" error={error} retry={retry} />
      ) : rebalances === undefined ? (
        <Skeleton height={200} />
      ) : items.length === 0 ? (
        <EmptyState icon="◷" title="No rebalances recorded">
          A rebalance happens when a consumer joins or leaves the group, fails to heartbeat within session.timeout.ms, or its subscription
          changes. The broker keeps the last 50 per group since it started.
        </EmptyState>
      ) : (
        <Timeline items={items} label="Rebalances, newest first" localTime />
      )}
    </Card>
  );
}
