// Consumer groups: list with state, members, lag and status; one group's members, assignments and
// per-partition lag; lag history for charts; the rebalance timeline; offset resets (dry-run plan
// with the equivalent kafka-consumer-groups.sh command, then apply — audited, refused while the
// group has members).
import { z } from 'zod';
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { AdminServices } from '../../services';
import { decodeAssignment, decodeSubscriptionTopics } from '../../group/consumer-protocol';
import type { GroupLag } from '../../insights/group-lag-service';
import type { ResetScope, ResetStrategy } from '../../insights/offset-reset-service';
import { AclOperation, ResourceType, type ConsoleAccess } from '../console-access';
import { authedProcedure, router } from '../trpc';

const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group') }),
  z.object({ kind: z.literal('topics'), topics: z.array(z.string().min(1)).min(1) }),
  z.object({
    kind: z.literal('partitions'),
    partitions: z.array(z.object({ topic: z.string().min(1), partition: z.number().int().min(0) })).min(1),
  }),
]);

const strategy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  z.object({ kind: z.literal('timestamp'), timestampMs: z.number().int().min(0) }),
  z.object({ kind: z.literal('offset'), offset: z.number().int().min(0) }),
  z.object({ kind: z.literal('shift'), by: z.number().int() }),
  z.object({ kind: z.literal('duration'), durationMs: z.number().int().min(0) }),
]);

/** ISO-8601 duration as kafka-consumer-groups.sh --by-duration expects it (PnDTnHnMnS). */
function isoDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `P${Math.floor(s / 86400)}DT${Math.floor((s % 86400) / 3600)}H${Math.floor((s % 3600) / 60)}M${s % 60}S`;
}

/** The kafka-consumer-groups.sh invocation that performs the same reset. */
export function resetCommand(bootstrap: string, groupId: string, sc: ResetScope, st: ResetStrategy): string {
  const how =
    st.kind === 'earliest'
      ? '--to-earliest'
      : st.kind === 'latest'
        ? '--to-latest'
        : st.kind === 'timestamp'
          ? `--to-datetime ${new Date(st.timestampMs).toISOString().replace('Z', '')}`
          : st.kind === 'offset'
            ? `--to-offset ${st.offset}`
            : st.kind === 'shift'
              ? `--shift-by ${st.by}`
              : `--by-duration ${isoDuration(st.durationMs)}`;
  let what: string;
  if (sc.kind === 'group') what = '--all-topics';
  else if (sc.kind === 'topics') what = sc.topics.map((t) => `--topic ${t}`).join(' ');
  else {
    const byTopic = new Map<string, number[]>();
    for (const p of sc.partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
    what = [...byTopic].map(([t, ps]) => `--topic ${t}:${ps.sort((a, b) => a - b).join(',')}`).join(' ');
  }
  return `kafka-consumer-groups.sh --bootstrap-server ${bootstrap} --group '${groupId}' --reset-offsets ${how} ${what} --execute`;
}

function bootstrap(services: AdminServices): string {
  const l = services.boundListeners()[0]!;
  return `${l.host}:${l.port}`;
}

/**
 * A group's lag as the caller may see it: OffsetFetch answers only for topics the principal may
 * describe, so partitions of other topics are left out and the totals are over the rest.
 */
export function visibleLag(access: ConsoleAccess, lag: GroupLag | null): GroupLag | null {
  if (lag === null || access.isOperator) return lag;
  const partitions = lag.partitions.filter((p) => access.allows(AclOperation.DESCRIBE, ResourceType.TOPIC, p.topic));
  if (partitions.length === lag.partitions.length) return lag;
  return {
    ...lag,
    partitions,
    totalLag: partitions.reduce((n, p) => n + (p.lag ?? 0), 0),
    maxLagMs: partitions.reduce((n, p) => Math.max(n, p.lagMs ?? 0), 0),
  };
}

/** DescribeGroups, OffsetFetch: Describe on the group. */
function requireDescribe(access: ConsoleAccess, groupId: string): void {
  access.require(AclOperation.DESCRIBE, ResourceType.GROUP, groupId);
}

function groupDetail(services: AdminServices, access: ConsoleAccess, groupId: string) {
  requireDescribe(access, groupId);
  const coordinator = services.groupCoordinator;
  const group = coordinator.group(groupId);
  const { error, summary } = coordinator.handleDescribeGroup(groupId);
  if (error !== ErrorCode.NONE) throw new KafkaError(error, `Group '${groupId}' cannot be described here`);
  if (group === undefined && summary.state === 'Dead')
    throw new KafkaError(ErrorCode.GROUP_ID_NOT_FOUND, `Group '${groupId}' does not exist.`);
  const overview = coordinator.groupSummaries().find((g) => g.groupId === groupId);
  return {
    groupId,
    state: summary.state,
    protocolType: summary.protocolType,
    protocol: summary.protocol,
    generationId: overview?.generationId ?? -1,
    leaderId: overview?.leaderId ?? null,
    coordinatorPartition: coordinator.partitionFor(groupId),
    members: summary.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      clientId: m.clientId,
      clientHost: m.clientHost,
      subscription: summary.protocolType === 'consumer' ? decodeSubscriptionTopics(m.metadata) : null,
      assignment: summary.protocolType === 'consumer' ? decodeAssignment(m.assignment) : null,
    })),
    lag: visibleLag(access, services.insights.lag.groupLag(groupId)),
  };
}

export const groupsRouter = router({
  list: authedProcedure
    .input(
      z
        .object({
          search: z.string().max(249).default(''),
          page: z.number().int().min(0).default(0),
          pageSize: z.number().int().min(1).max(500).default(100),
        })
        .default({ search: '', page: 0, pageSize: 100 }),
    )
    .query(({ ctx, input }) => {
      const needle = input.search.toLowerCase();
      // like ListGroups: only the groups the caller may describe
      const all = ctx.services.groupCoordinator
        .groupSummaries()
        .filter(
          (g) =>
            (needle === '' || g.groupId.toLowerCase().includes(needle)) &&
            ctx.access.allows(AclOperation.DESCRIBE, ResourceType.GROUP, g.groupId),
        )
        .sort((a, b) => a.groupId.localeCompare(b.groupId));
      const items = all.slice(input.page * input.pageSize, (input.page + 1) * input.pageSize).map((g) => {
        const lag = visibleLag(ctx.access, ctx.services.insights.lag.groupLag(g.groupId));
        return { ...g, totalLag: lag?.totalLag ?? 0, maxLagMs: lag?.maxLagMs ?? 0, status: lag?.status ?? 'OK' };
      });
      return { total: all.length, items };
    }),

  /** Counts by state and lag status over every group (the overview), and the furthest behind. */
  summary: authedProcedure.query(({ ctx }) => {
    const byState: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    const behind: Array<{ groupId: string; totalLag: number; status: string }> = [];
    for (const g of ctx.services.groupCoordinator.groupSummaries()) {
      if (!ctx.access.allows(AclOperation.DESCRIBE, ResourceType.GROUP, g.groupId)) continue;
      byState[g.state] = (byState[g.state] ?? 0) + 1;
      const lag = visibleLag(ctx.access, ctx.services.insights.lag.groupLag(g.groupId));
      const status = lag?.status ?? 'OK';
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if ((lag?.totalLag ?? 0) > 0) behind.push({ groupId: g.groupId, totalLag: lag!.totalLag, status });
    }
    behind.sort((a, b) => b.totalLag - a.totalLag);
    return { total: Object.values(byState).reduce((a, b) => a + b, 0), byState, byStatus, furthestBehind: behind.slice(0, 5) };
  }),

  get: authedProcedure
    .input(z.object({ groupId: z.string().min(1) }))
    .query(({ ctx, input }) => groupDetail(ctx.services, ctx.access, input.groupId)),

  lagHistory: authedProcedure.input(z.object({ groupId: z.string().min(1) })).query(({ ctx, input }) => {
    requireDescribe(ctx.access, input.groupId);
    const lag = visibleLag(ctx.access, ctx.services.insights.lag.groupLag(input.groupId));
    return (lag?.partitions ?? []).map((p) => ({
      topic: p.topic,
      partition: p.partition,
      samples: ctx.services.insights.lag.samples(input.groupId, { topic: p.topic, partition: p.partition }),
    }));
  }),

  rebalances: authedProcedure.input(z.object({ groupId: z.string().min(1) })).query(({ ctx, input }) => {
    requireDescribe(ctx.access, input.groupId);
    return ctx.services.groupCoordinator.rebalanceHistory(input.groupId);
  }),

  resetPlan: authedProcedure.input(z.object({ groupId: z.string().min(1), scope, strategy })).query(({ ctx, input }) => {
    requireDescribe(ctx.access, input.groupId);
    return {
      ...ctx.services.insights.offsetReset.plan(input.groupId, input.scope, input.strategy),
      command: resetCommand(bootstrap(ctx.services), input.groupId, input.scope, input.strategy),
    };
  }),

  resetApply: authedProcedure.input(z.object({ groupId: z.string().min(1), scope, strategy })).mutation(({ ctx, input }) =>
    ctx.admin.audited(ctx.principal, 'group.reset-offsets', input.groupId, { scope: input.scope, strategy: input.strategy }, () => {
      // OffsetCommit: Read on the group and on every topic committed to
      ctx.access.require(AclOperation.READ, ResourceType.GROUP, input.groupId);
      const plan = ctx.services.insights.offsetReset.plan(input.groupId, input.scope, input.strategy);
      for (const topic of new Set(plan.partitions.map((p) => p.topic))) ctx.access.require(AclOperation.READ, ResourceType.TOPIC, topic);
      return ctx.services.insights.offsetReset.apply(input.groupId, input.scope, input.strategy);
    }),
  ),
});
