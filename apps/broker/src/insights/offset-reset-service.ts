/**
 * Resetting a group's committed offsets, as `kafka-consumer-groups --reset-offsets` does: pick the
 * partitions (the whole group = every partition it has committed offsets for; given topics = all
 * their partitions; or given partitions), compute each target by strategy, clamp it to what
 * consumers can read ([logStartOffset, high watermark] — the tool's "log end offset"), and show the
 * before/after plan (a dry run). Applying commits every target in one append, through the same
 * validation as a client's OffsetCommit with generation -1 and no member id: accepted only while the
 * group has no members (Empty, or unknown), otherwise Kafka's UNKNOWN_MEMBER_ID and nothing changes.
 */
import { ErrorCode, KafkaError } from '@tarn/protocol';
import type { ReplicaManager } from '../replica/replica-manager';
import type { GroupCoordinator } from '../group/group-coordinator';
import { tpKey, type TopicPartition } from '../group/offset-and-metadata';

export type ResetStrategy =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'timestamp'; timestampMs: number }
  | { kind: 'offset'; offset: number }
  | { kind: 'shift'; by: number }
  | { kind: 'duration'; durationMs: number };

export type ResetScope = { kind: 'group' } | { kind: 'topics'; topics: string[] } | { kind: 'partitions'; partitions: TopicPartition[] };

export interface ResetPlanEntry {
  topic: string;
  partition: number;
  /** null when the group has no committed offset there */
  currentOffset: number | null;
  /** null when no target could be computed (see error) */
  targetOffset: number | null;
  logStartOffset: number | null;
  logEndOffset: number | null;
  /** Why this partition cannot be reset; apply refuses the whole plan while any partition has one. */
  error: string | null;
  /** A target outside the log was clamped to it (kafka-consumer-groups.sh prints the same warning and goes on). */
  warning: string | null;
}

export interface ResetPlan {
  groupId: string;
  state: string;
  strategy: ResetStrategy;
  createdAtMs: number;
  partitions: ResetPlanEntry[];
  /** Whether apply would be accepted now (no active members). */
  applicable: boolean;
  reason: string | null;
}

export class OffsetResetService {
  constructor(
    private readonly coordinator: GroupCoordinator,
    private readonly replicaManager: ReplicaManager,
    private readonly now: () => number,
  ) {}

  private partitionsInScope(groupId: string, scope: ResetScope): TopicPartition[] {
    switch (scope.kind) {
      case 'group':
        return (this.coordinator.group(groupId)?.allOffsets() ?? []).map((r) => r.tp);
      case 'topics':
        return scope.topics.flatMap((topic) =>
          this.replicaManager
            .allPartitions()
            .filter((p) => p.topic === topic)
            .map((p) => ({ topic, partition: p.partition })),
        );
      case 'partitions':
        return scope.partitions;
    }
  }

  /** The dry run: current and target offset of every partition in scope. */
  plan(groupId: string, scope: ResetScope, strategy: ResetStrategy): ResetPlan {
    const group = this.coordinator.group(groupId);
    const state = group?.state ?? 'Dead';
    const seen = new Set<string>();
    const tps = this.partitionsInScope(groupId, scope)
      .filter((tp) => {
        const k = tpKey(tp.topic, tp.partition);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const now = this.now();
    const partitions = tps.map((tp): ResetPlanEntry => {
      const committed = group?.offset(tp);
      const current = committed === undefined ? null : Number(committed.offset);
      const p = this.replicaManager.getPartition(tp.topic, tp.partition);
      const entry: ResetPlanEntry = {
        ...tp,
        currentOffset: current,
        targetOffset: null,
        logStartOffset: null,
        logEndOffset: null,
        error: null,
        warning: null,
      };
      if (p === undefined || !p.isLeader) return { ...entry, error: `${tp.topic}-${tp.partition} is not a partition this broker leads` };
      const earliest = p.logStartOffset;
      const latest = p.highWatermark;
      const clamp = (o: number) => Math.min(Math.max(o, earliest), latest);
      const byTime = (ts: number) => {
        const found = p.fetchOffsetForTimestamp(ts);
        return found === null || found.offset >= latest ? latest : found.offset;
      };
      let target: number | null = null;
      let error: string | null = null;
      let warning: string | null = null;
      switch (strategy.kind) {
        case 'earliest':
          target = earliest;
          break;
        case 'latest':
          target = latest;
          break;
        case 'timestamp':
          target = byTime(strategy.timestampMs);
          break;
        case 'duration':
          target = byTime(now - strategy.durationMs);
          break;
        case 'offset':
          // kafka-consumer-groups.sh clamps such a target with a warning; the plan says so, so nobody is surprised
          if (strategy.offset > latest)
            warning = `Offset ${strategy.offset} is beyond the end of ${tp.topic}-${tp.partition} (${latest}); it is reset to ${latest}`;
          else if (strategy.offset < earliest)
            warning = `Offset ${strategy.offset} is before the start of ${tp.topic}-${tp.partition} (${earliest}); it is reset to ${earliest}`;
          target = clamp(strategy.offset);
          break;
        case 'shift':
          if (current === null)
            error = `Cannot shift offset for partition ${tp.topic}-${tp.partition} since there is no current committed offset`;
          else target = clamp(current + strategy.by);
          break;
      }
      return {
        ...entry,
        targetOffset: target === null ? null : clamp(target),
        logStartOffset: earliest,
        logEndOffset: latest,
        error,
        warning,
      };
    });
    const active = group !== undefined && !group.is('Empty') && !group.is('Dead');
    return {
      groupId,
      state,
      strategy,
      createdAtMs: now,
      partitions,
      applicable: !active,
      reason: active ? `Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${state}.` : null,
    };
  }

  /**
   * Plans again (the log moved since any dry run) and commits every target in one append. Throws
   * KafkaError — UNKNOWN_MEMBER_ID while the group has members — and then nothing is committed.
   */
  async apply(groupId: string, scope: ResetScope, strategy: ResetStrategy): Promise<ResetPlan> {
    await this.coordinator.offsetsTopic.ensure();
    const plan = this.plan(groupId, scope, strategy);
    const failed = plan.partitions.find((p) => p.error !== null);
    if (failed !== undefined) throw new KafkaError(ErrorCode.INVALID_REQUEST, failed.error!);
    if (!plan.applicable) throw new KafkaError(ErrorCode.UNKNOWN_MEMBER_ID, plan.reason!);
    const commitTimestamp = this.now();
    const commits = plan.partitions.map((p) => ({
      tp: { topic: p.topic, partition: p.partition },
      om: { offset: BigInt(p.targetOffset!), leaderEpoch: -1, metadata: '', commitTimestamp, expireTimestamp: null },
    }));
    if (commits.length === 0) return plan;
    const errors = await this.coordinator.handleCommitOffsets(groupId, '', null, -1, commits);
    const error = [...errors.values()].find((e) => e !== ErrorCode.NONE);
    if (error !== undefined) {
      throw new KafkaError(
        error,
        error === ErrorCode.UNKNOWN_MEMBER_ID
          ? `Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${this.coordinator.group(groupId)?.state ?? 'Dead'}.`
          : undefined,
      );
    }
    return plan;
  }
}
