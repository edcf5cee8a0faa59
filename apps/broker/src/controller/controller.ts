/**
 * The controller (one broker of the cluster, elected through the metadata store) keeps partition
 * leadership valid as brokers come and go — Kafka's controller role:
 *
 * - a broker whose registration disappears (its lease expired: it died or was cut off) or that is
 *   shutting down leaves every ISR it is in, as long as someone else remains;
 * - a partition whose leader is gone gets a new leader from its ISR (in replica order), with the
 *   leader epoch bumped; outside the ISR only when unclean.leader.election.enable says so, otherwise
 *   the partition stays offline (leader -1) until an ISR member returns;
 * - with auto.leader.rebalance.enable, leadership goes back to the preferred replica (the first of
 *   the assignment) once it is in the ISR again.
 *
 * Every change is a conditional write on the partition's epoch, so the controller and partition
 * leaders (who change the ISR as followers fall behind or catch up) never overwrite each other: a
 * lost race is simply retried on the next pass.
 */
import type { Logger } from '../logger';
import type { PartitionState } from '../metadata/cluster-metadata';
import type { MetadataStore } from '../metadata/metadata-store';

export interface ControllerConfig {
  uncleanLeaderElection: (topic: string) => boolean;
  autoLeaderRebalance: boolean;
  leaderImbalanceCheckIntervalMs: number;
}

export type ElectionType = 'preferred' | 'unclean';

export interface ElectionResult {
  topic: string;
  partition: number;
  /** null: elected; otherwise why not (Kafka's ELECTION_NOT_NEEDED, ELIGIBLE_LEADERS_NOT_AVAILABLE …). */
  error:
    | 'ELECTION_NOT_NEEDED'
    | 'ELIGIBLE_LEADERS_NOT_AVAILABLE'
    | 'PREFERRED_LEADER_NOT_AVAILABLE'
    | 'UNKNOWN_TOPIC_OR_PARTITION'
    | 'CONCURRENT_CHANGE'
    | null;
}

export class Controller {
  private active = false;
  private unsubscribes: Array<() => void> = [];
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly nodeId: number,
    private readonly store: MetadataStore,
    private readonly config: ControllerConfig,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.unsubscribes.push(this.store.onControllerChange((id) => this.onControllerChange(id)));
    this.onControllerChange(this.store.controllerId);
  }

  stop(): void {
    this.deactivate();
    for (const u of this.unsubscribes.splice(0)) u();
  }

  get isActive(): boolean {
    return this.active;
  }

  private onControllerChange(id: number): void {
    if (id === this.nodeId && !this.active) this.activate();
    else if (id !== this.nodeId && this.active) this.deactivate();
  }

  private activate(): void {
    this.active = true;
    this.logger.info({ nodeId: this.nodeId }, 'this broker is now the controller');
    const u1 = this.store.onBrokersChange(() => this.schedule());
    const u2 = this.store.onChange((c) => {
      if (c.type === 'partition-changed' || c.type === 'topic-created' || c.type === 'partitions-added') this.schedule();
    });
    this.unsubscribes.push(u1, u2);
    // a safety net for writes lost to races or an unreachable store
    this.timers.push(setInterval(() => this.schedule(), 1000));
    if (this.config.autoLeaderRebalance)
      this.timers.push(setInterval(() => void this.rebalanceLeaders(), this.config.leaderImbalanceCheckIntervalMs));
    for (const t of this.timers) t.unref();
    this.schedule();
  }

  private deactivate(): void {
    if (!this.active) return;
    this.active = false;
    for (const t of this.timers.splice(0)) clearInterval(t);
    this.logger.info({ nodeId: this.nodeId }, 'this broker is no longer the controller');
  }

  /** Runs a reconciliation pass, coalescing requests made while one is running. */
  private schedule(): void {
    if (!this.active) return;
    if (this.running !== null) {
      this.again = true;
      return;
    }
    this.running = this.reconcile()
      .catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'controller pass failed; retrying'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
  }

  private liveness(): { live: Set<number>; leaving: Set<number> } {
    const regs = this.store.brokers();
    return {
      live: new Set(regs.map((r) => r.nodeId)),
      leaving: new Set(regs.filter((r) => r.state === 'shutting-down').map((r) => r.nodeId)),
    };
  }

  /** What a partition's state should be, given who is alive and who is leaving. */
  desiredState(topic: string, p: PartitionState, live: Set<number>, leaving: Set<number>): PartitionState {
    const usable = (b: number) => live.has(b) && !leaving.has(b);
    let isr = p.isr.filter(usable);
    let leader = p.leader;
    if (!usable(leader)) {
      const fromIsr = p.replicas.find((r) => isr.includes(r));
      if (fromIsr !== undefined) leader = fromIsr;
      else if (this.config.uncleanLeaderElection(topic)) {
        const any = p.replicas.find(usable);
        leader = any ?? -1;
        if (any !== undefined) {
          isr = [any];
          this.logger.warn(
            { topic, partition: p.partition, leader: any },
            'unclean leader election: records only the old ISR had may be lost',
          );
        }
      } else {
        leader = -1;
      }
    }
    // Kafka keeps the last ISR member even when it is gone, so it can come back as a clean leader.
    if (isr.length === 0) isr = p.isr.includes(p.leader) ? [p.leader] : p.isr.slice(0, 1);
    if (leader === p.leader && sameSet(isr, p.isr)) return p;
    return { ...p, leader, isr, leaderEpoch: leader !== p.leader ? p.leaderEpoch + 1 : p.leaderEpoch };
  }

  private async reconcile(): Promise<void> {
    if (!this.store.isReachable) return; // no elections without the store (brokers keep serving)
    const { live, leaving } = this.liveness();
    if (!live.has(this.nodeId)) return;
    for (const topic of this.store.topics()) {
      for (const p of topic.partitions) {
        const next = this.completeReassignment(this.desiredState(topic.name, p, live, leaving), live, leaving);
        if (next === p) continue;
        await this.write(
          topic.name,
          p,
          next,
          next.replicas !== p.replicas
            ? 'reassignment completed'
            : next.leader !== p.leader
              ? 'broker gone or leaving'
              : 'ISR member gone or leaving',
        );
      }
    }
  }

  /**
   * A reassignment completes once every replica being added is in the ISR: the replica set becomes
   * the target, the removed ones leave the ISR, and leadership moves into the target if needed.
   */
  private completeReassignment(p: PartitionState, live: Set<number>, leaving: Set<number>): PartitionState {
    const adding = p.addingReplicas ?? [];
    const removing = p.removingReplicas ?? [];
    if (adding.length === 0 && removing.length === 0) return p;
    if (!adding.every((r) => p.isr.includes(r))) return p;
    const target = p.replicas.filter((r) => !removing.includes(r));
    const isr = p.isr.filter((r) => target.includes(r));
    let leader = p.leader;
    if (!target.includes(leader)) leader = target.find((r) => isr.includes(r) && live.has(r) && !leaving.has(r)) ?? -1;
    const { addingReplicas: _a, removingReplicas: _r, ...rest } = p;
    return { ...rest, replicas: target, isr, leader, leaderEpoch: leader !== p.leader ? p.leaderEpoch + 1 : p.leaderEpoch };
  }

  /**
   * Starts (or with null, cancels) moving a partition to `target` replicas (AlterPartitionReassignments):
   * the new replicas join as followers and catch up; completion happens in reconcile.
   */
  async reassign(
    topic: string,
    p: PartitionState,
    target: number[] | null,
  ): Promise<'NO_REASSIGNMENT_IN_PROGRESS' | 'INVALID_REPLICA_ASSIGNMENT' | 'CONCURRENT_CHANGE' | null> {
    const adding = p.addingReplicas ?? [];
    const removing = p.removingReplicas ?? [];
    let next: PartitionState;
    if (target === null) {
      if (adding.length === 0 && removing.length === 0) return 'NO_REASSIGNMENT_IN_PROGRESS';
      const original = p.replicas.filter((r) => !adding.includes(r));
      const { addingReplicas: _a, removingReplicas: _r, ...rest } = p;
      const isr = p.isr.filter((r) => original.includes(r));
      next = { ...rest, replicas: original, isr: isr.length > 0 ? isr : [original[0]!] };
    } else {
      const live = new Set(this.store.brokers().map((b) => b.nodeId));
      if (target.length === 0 || new Set(target).size !== target.length || target.some((r) => !live.has(r)))
        return 'INVALID_REPLICA_ASSIGNMENT';
      const current = p.replicas.filter((r) => !adding.includes(r));
      const replicas = [...target, ...current.filter((r) => !target.includes(r))];
      next = {
        ...p,
        replicas,
        addingReplicas: target.filter((r) => !current.includes(r)),
        removingReplicas: current.filter((r) => !target.includes(r)),
      };
    }
    const ok = await this.write(
      topic,
      p,
      next,
      target === null ? 'reassignment cancelled' : `reassignment to [${target.join(',')}] started`,
    );
    if (ok) this.schedule();
    return ok ? null : 'CONCURRENT_CHANGE';
  }

  /** A conditional write; every broker turns the change into leader-changed / isr-changed events. */
  private async write(topic: string, p: PartitionState, next: PartitionState, reason: string): Promise<boolean> {
    const ok = await this.store.updatePartition(topic, { ...next, reason }, p.partitionEpoch);
    if (ok && next.leader !== p.leader)
      this.logger.info(
        { topic, partition: p.partition, from: p.leader, to: next.leader, leaderEpoch: next.leaderEpoch, reason },
        'leader changed',
      );
    return ok;
  }

  /** Moves leadership back to preferred replicas that are in the ISR again. */
  async rebalanceLeaders(): Promise<number> {
    if (!this.active || !this.store.isReachable) return 0;
    let moved = 0;
    for (const topic of this.store.topics()) {
      for (const p of topic.partitions) {
        if ((await this.elect(topic.name, p, 'preferred')) === null) moved++;
      }
    }
    return moved;
  }

  /** ElectLeaders for one partition (preferred or unclean); null when a new leader was elected. */
  async elect(topic: string, p: PartitionState, type: ElectionType): Promise<ElectionResult['error']> {
    const { live, leaving } = this.liveness();
    const usable = (b: number) => live.has(b) && !leaving.has(b);
    if (type === 'preferred') {
      const preferred = p.replicas[0];
      if (preferred === undefined || preferred === p.leader) return 'ELECTION_NOT_NEEDED';
      if (!usable(preferred) || !p.isr.includes(preferred)) return 'PREFERRED_LEADER_NOT_AVAILABLE';
      const ok = await this.write(topic, p, { ...p, leader: preferred, leaderEpoch: p.leaderEpoch + 1 }, 'preferred leader election');
      return ok ? null : 'CONCURRENT_CHANGE';
    }
    if (usable(p.leader)) return 'ELECTION_NOT_NEEDED';
    const candidate = p.replicas.find((r) => p.isr.includes(r) && usable(r)) ?? p.replicas.find(usable);
    if (candidate === undefined) return 'ELIGIBLE_LEADERS_NOT_AVAILABLE';
    const isr = p.isr.includes(candidate) ? p.isr.filter(usable) : [candidate];
    const ok = await this.write(
      topic,
      p,
      { ...p, leader: candidate, isr, leaderEpoch: p.leaderEpoch + 1 },
      'unclean leader election (requested)',
    );
    return ok ? null : 'CONCURRENT_CHANGE';
  }
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
