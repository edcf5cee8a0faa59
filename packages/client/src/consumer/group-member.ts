/**
 * Membership of a classic consumer group (Kafka's AbstractCoordinator): JoinGroup (retrying once
 * with the member id the coordinator hands out under MEMBER_ID_REQUIRED, KIP-394), SyncGroup (the
 * leader brings every member's assignment), Heartbeat every `heartbeat.interval.ms` while stable,
 * LeaveGroup on close or when `max.poll.interval.ms` passes without a poll. REBALANCE_IN_PROGRESS
 * means rejoin; UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION mean the member's partitions are lost and it
 * joins again as new; FENCED_INSTANCE_ID (another process has this group.instance.id) is fatal.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiKey, type JoinGroupResponseTypes } from '@tarn/protocol';
import { backoffMs } from '../config/client-config';
import { ErrorCode, KafkaError, isRetriable } from '../errors';
import type { ConsumerConfig } from './consumer-config';
import { CONSUMER_PROTOCOL_TYPE } from './consumer-protocol';
import type { CoordinatorConnection } from './coordinator-connection';

type Member = JoinGroupResponseTypes.JoinGroupResponseMember;

/** What the consumer side (assignors, listeners, offsets) does at each step of a rebalance. */
export interface MembershipCallbacks {
  protocols(): { name: string; metadata: Buffer }[];
  /** Before (re)joining: commit, revoke (eager) or mark lost (after the member was fenced). */
  onJoinPrepare(generationId: number, memberId: string, lost: boolean): Promise<void>;
  /** On the leader: every member's assignment bytes by member id. */
  performAssignment(leaderId: string, protocol: string, members: Member[], skipAssignment: boolean): Promise<Map<string, Buffer>>;
  onJoinComplete(generationId: number, memberId: string, protocol: string, assignment: Buffer): Promise<void>;
}

const FATAL_JOIN = new Set<number>([
  ErrorCode.FENCED_INSTANCE_ID,
  ErrorCode.GROUP_MAX_SIZE_REACHED,
  ErrorCode.INCONSISTENT_GROUP_PROTOCOL,
  ErrorCode.INVALID_SESSION_TIMEOUT,
  ErrorCode.GROUP_AUTHORIZATION_FAILED,
  ErrorCode.INVALID_GROUP_ID,
  ErrorCode.UNSUPPORTED_VERSION,
]);

export class GroupMember {
  generationId = -1;
  memberId = '';
  protocolName: string | null = null;
  leaderId = '';
  state: 'UNJOINED' | 'REBALANCING' | 'STABLE' = 'UNJOINED';
  /** Set once the group is unusable (FENCED_INSTANCE_ID…); thrown from poll. */
  fatal: Error | null = null;
  lastPollAt = Date.now();
  private rejoinNeeded = true;
  private rejoinReason = '';
  private prepared = false;
  private lost = false;
  private joining: Promise<void> | null = null;
  private hbTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private attempts = 0;

  constructor(
    private readonly conn: CoordinatorConnection,
    private readonly config: ConsumerConfig,
    private readonly callbacks: MembershipCallbacks,
    /** Wakes a waiting poll (a rebalance is due). */
    private readonly wake: () => void,
  ) {}

  get groupId(): string {
    return this.config.groupId!;
  }

  get needsRejoin(): boolean {
    return this.rejoinNeeded || this.state !== 'STABLE';
  }

  requestRejoin(reason: string): void {
    this.rejoinNeeded = true;
    this.rejoinReason = reason;
    this.wake();
  }

  /** Joins (or rejoins) the group; one join runs at a time, later callers share it. */
  ensureActiveGroup(): Promise<void> {
    if (!this.needsRejoin) return Promise.resolve();
    this.joining ??= this.joinLoop().finally(() => (this.joining = null));
    return this.joining;
  }

  private async joinLoop(): Promise<void> {
    while (this.needsRejoin && !this.closed) {
      if (this.fatal !== null) throw this.fatal;
      if (!this.prepared) {
        await this.callbacks.onJoinPrepare(this.generationId, this.memberId, this.lost);
        this.lost = false;
        this.prepared = true;
      }
      this.state = 'REBALANCING';
      try {
        await this.joinAndSync();
        this.attempts = 0;
      } catch (err) {
        if (err instanceof KafkaError && FATAL_JOIN.has(err.code)) {
          this.fatal = err;
          throw err;
        }
        if (!isRetriable(err) && !(err instanceof KafkaError)) throw err;
        await sleep(backoffMs(this.attempts++, this.config.client.retryBackoffMs, this.config.client.retryBackoffMaxMs));
      }
    }
  }

  private async joinAndSync(): Promise<void> {
    const c = this.config;
    const join = await this.conn.request(
      ApiKey.JoinGroup,
      (v) => ({
        groupId: this.groupId,
        sessionTimeoutMs: c.sessionTimeoutMs,
        rebalanceTimeoutMs: c.maxPollIntervalMs,
        memberId: this.memberId,
        groupInstanceId: c.groupInstanceId,
        protocolType: CONSUMER_PROTOCOL_TYPE,
        protocols: this.callbacks.protocols(),
        reason: v >= 8 ? this.rejoinReason || null : null,
      }),
      // Kafka's JoinGroup timeout: the rebalance may take the whole rebalance timeout.
      Math.max(c.client.requestTimeoutMs, c.maxPollIntervalMs + 5000),
    );
    switch (join.errorCode) {
      case ErrorCode.NONE:
        break;
      case ErrorCode.MEMBER_ID_REQUIRED:
        this.memberId = join.memberId;
        return this.joinAndSync();
      case ErrorCode.UNKNOWN_MEMBER_ID:
        this.resetGeneration(true);
        throw new KafkaError(join.errorCode, `JoinGroup ${this.groupId}`);
      case ErrorCode.ILLEGAL_GENERATION:
        this.resetGeneration(false);
        throw new KafkaError(join.errorCode, `JoinGroup ${this.groupId}`);
      default:
        throw new KafkaError(join.errorCode, `JoinGroup ${this.groupId}`);
    }
    this.memberId = join.memberId;
    this.generationId = join.generationId;
    this.protocolName = join.protocolName;
    this.leaderId = join.leader;
    const assignments =
      join.leader === join.memberId
        ? await this.callbacks.performAssignment(join.leader, join.protocolName ?? '', join.members, join.skipAssignment)
        : new Map<string, Buffer>();
    const sync = await this.conn.request(ApiKey.SyncGroup, () => ({
      groupId: this.groupId,
      generationId: this.generationId,
      memberId: this.memberId,
      groupInstanceId: c.groupInstanceId,
      protocolType: CONSUMER_PROTOCOL_TYPE,
      protocolName: this.protocolName,
      assignments: [...assignments].map(([memberId, assignment]) => ({ memberId, assignment })),
    }));
    if (sync.errorCode !== ErrorCode.NONE) {
      if (sync.errorCode === ErrorCode.UNKNOWN_MEMBER_ID) this.resetGeneration(true);
      else if (sync.errorCode === ErrorCode.ILLEGAL_GENERATION) this.resetGeneration(false);
      throw new KafkaError(sync.errorCode, `SyncGroup ${this.groupId}`);
    }
    this.rejoinNeeded = false;
    this.rejoinReason = '';
    this.state = 'STABLE';
    this.prepared = false;
    this.scheduleHeartbeat();
    await this.callbacks.onJoinComplete(this.generationId, this.memberId, this.protocolName ?? '', sync.assignment);
  }

  /** The member's generation ended without it (fenced, or left): what it held is lost, it joins anew. */
  resetGeneration(resetMemberId: boolean): void {
    if (this.generationId >= 0 || resetMemberId) this.lost = true;
    this.generationId = -1;
    this.protocolName = null;
    if (resetMemberId) this.memberId = '';
    this.state = 'UNJOINED';
    this.prepared = false;
    this.requestRejoin('the member was fenced');
  }

  private scheduleHeartbeat(): void {
    if (this.hbTimer !== null) clearTimeout(this.hbTimer);
    if (this.closed) return;
    this.hbTimer = setTimeout(() => void this.heartbeat(), this.config.heartbeatIntervalMs);
    this.hbTimer.unref();
  }

  private async heartbeat(): Promise<void> {
    this.hbTimer = null;
    if (this.closed || this.state !== 'STABLE') return;
    if (Date.now() - this.lastPollAt > this.config.maxPollIntervalMs) {
      // Kafka: a consumer that stops polling leaves, so the group can move on without it.
      await this.leaveGroup('consumer poll timeout has expired (max.poll.interval.ms)').catch(() => {});
      return;
    }
    const generationId = this.generationId;
    try {
      const r = await this.conn.request(ApiKey.Heartbeat, () => ({
        groupId: this.groupId,
        generationId,
        memberId: this.memberId,
        groupInstanceId: this.config.groupInstanceId,
      }));
      if (generationId !== this.generationId) return;
      switch (r.errorCode) {
        case ErrorCode.NONE:
          break;
        case ErrorCode.REBALANCE_IN_PROGRESS:
          this.requestRejoin('group is rebalancing');
          break;
        case ErrorCode.ILLEGAL_GENERATION:
          this.resetGeneration(false);
          break;
        case ErrorCode.UNKNOWN_MEMBER_ID:
          this.resetGeneration(true);
          break;
        case ErrorCode.FENCED_INSTANCE_ID:
          this.fatal = new KafkaError(r.errorCode, `group.instance.id ${this.config.groupInstanceId} was fenced`);
          this.wake();
          return;
        default:
          break; // coordinator errors: the connection forgot the coordinator; the next heartbeat finds it
      }
    } catch {
      // network trouble: retried by the next heartbeat
    }
    this.scheduleHeartbeat();
  }

  /** LeaveGroup for a dynamic member (a static one stays until session.timeout.ms, KIP-345), then reset. */
  async leaveGroup(reason: string): Promise<void> {
    const memberId = this.memberId;
    if (this.config.groupInstanceId === null && memberId !== '' && this.generationId >= 0) {
      try {
        await this.conn.request(ApiKey.LeaveGroup, (v) => ({
          groupId: this.groupId,
          memberId: v >= 3 ? '' : memberId,
          members: v >= 3 ? [{ memberId, groupInstanceId: null, reason: v >= 5 ? reason : null }] : [],
        }));
      } catch {
        // best effort: the session timeout removes the member anyway
      }
    }
    this.generationId = -1;
    this.memberId = this.config.groupInstanceId === null ? '' : this.memberId;
    this.state = 'UNJOINED';
    this.prepared = false;
    this.lost = true;
    this.requestRejoin(reason);
  }

  close(): void {
    this.closed = true;
    if (this.hbTimer !== null) clearTimeout(this.hbTimer);
    this.hbTimer = null;
  }
}
