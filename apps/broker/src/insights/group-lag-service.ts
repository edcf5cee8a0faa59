/**
 * Consumer lag per group and partition: committed offset, log end offset, high watermark, lag in
 * records (high watermark − committed: what the consumer can still read) and in time (age of the
 * first unconsumed record — the one at the committed offset), with a Burrow-style status from the
 * LagEvaluator. A window of commits is kept per partition (sampled on every commit), and a ring of
 * lag samples taken every group.lag.sample.interval.ms for the console's charts.
 */
import { isControl } from '@tarn/protocol';
import type { Partition } from '../replica/partition';
import type { ReplicaManager } from '../replica/replica-manager';
import type { GroupConfig } from '../config/broker-config';
import type { GroupCoordinator } from '../group/group-coordinator';
import { LagEvaluator, type LagSample, type LagStatus } from './lag-evaluator';
import { tpKey, type TopicPartition } from '../group/offset-and-metadata';

export interface PartitionLag {
  topic: string;
  partition: number;
  committedOffset: number;
  logEndOffset: number | null;
  highWatermark: number | null;
  /** Where read_committed consumers stop: below the high watermark while a transaction is open. */
  lastStableOffset: number | null;
  /**
   * The group has consumed up to the last stable offset and what remains of its lag is an open
   * transaction's records, which read_committed consumers cannot read until it ends.
   */
  heldByTransaction: boolean;
  logStartOffset: number | null;
  /** Records between the committed offset and the high watermark (null if the partition is not here). */
  lag: number | null;
  /** now − timestamp of the record at the committed offset; 0 when caught up. */
  lagMs: number | null;
  status: LagStatus;
  windowComplete: boolean;
  lastCommitMs: number | null;
}

export interface GroupLag {
  groupId: string;
  state: string;
  totalLag: number;
  maxLagMs: number;
  status: LagStatus;
  partitions: PartitionLag[];
}

interface Tracked {
  tp: TopicPartition;
  commits: LagSample[];
  samples: Array<{ timeMs: number; lag: number }>;
}

const SAMPLE_RING = 120;
/** The widest gap between a commit and the LSO that readAllUpTo reads to look for data records. */
const MAX_CONTROL_GAP = 16;

export class GroupLagService {
  readonly evaluator = new LagEvaluator();
  private readonly tracked = new Map<string, Map<string, Tracked>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly coordinator: GroupCoordinator,
    private readonly replicaManager: ReplicaManager,
    private readonly config: GroupConfig,
    private readonly now: () => number,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.sampleAll(), this.config.lagSampleIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  forget(groupId: string): void {
    this.tracked.delete(groupId);
  }

  private entry(groupId: string, tp: TopicPartition): Tracked {
    let g = this.tracked.get(groupId);
    if (g === undefined) this.tracked.set(groupId, (g = new Map()));
    const key = tpKey(tp.topic, tp.partition);
    let t = g.get(key);
    if (t === undefined) g.set(key, (t = { tp, commits: [], samples: [] }));
    return t;
  }

  private highWatermark(tp: TopicPartition): number | null {
    return this.replicaManager.getPartition(tp.topic, tp.partition)?.highWatermark ?? null;
  }

  onCommit(groupId: string, tp: TopicPartition, offset: bigint, commitTimeMs: number): void {
    const hw = this.highWatermark(tp);
    const o = Number(offset);
    this.evaluator.push(this.entry(groupId, tp).commits, { offset: o, lag: hw === null ? 0 : Math.max(0, hw - o), timeMs: commitTimeMs });
  }

  /** One lag sample for every committed partition of every group. */
  sampleAll(): void {
    const now = this.now();
    for (const [groupId, partitions] of this.tracked) {
      const group = this.coordinator.group(groupId);
      for (const t of partitions.values()) {
        const committed = group?.offset(t.tp);
        const hw = this.highWatermark(t.tp);
        if (committed === undefined || hw === null) continue;
        t.samples.push({ timeMs: now, lag: Math.max(0, hw - Number(committed.offset)) });
        if (t.samples.length > SAMPLE_RING) t.samples.splice(0, t.samples.length - SAMPLE_RING);
      }
    }
  }

  /** Periodic lag samples of one partition, oldest first. */
  samples(groupId: string, tp: TopicPartition): Array<{ timeMs: number; lag: number }> {
    return [...(this.tracked.get(groupId)?.get(tpKey(tp.topic, tp.partition))?.samples ?? [])];
  }

  /** Timestamp of the first non-control record at or after `offset`, below `maxOffset`. */
  private timestampAt(tp: TopicPartition, offset: number, maxOffset: number): number | null {
    const p = this.replicaManager.getPartition(tp.topic, tp.partition);
    if (p === undefined || offset >= maxOffset) return null;
    for (const r of p.records(offset, { maxOffset, chunkBytes: 64 * 1024 })) {
      if (r.batch !== null && isControl(r.batch.attributes)) continue;
      return r.timestamp;
    }
    return null;
  }

  /**
   * Whether a consumer at `committed` has read everything below the last stable offset: it is at or
   * past it, or only control records (transaction markers, which consumers skip but may not commit
   * past) lie in between. Looked at only when the gap is a few offsets.
   */
  private readAllUpTo(p: Partition, committed: number, lso: number): boolean {
    if (committed >= lso) return true;
    if (lso - committed > MAX_CONTROL_GAP) return false;
    for (const r of p.records(committed, { maxOffset: lso })) if (r.batch === null || !isControl(r.batch.attributes)) return false;
    return true;
  }

  groupLag(groupId: string): GroupLag | null {
    const group = this.coordinator.group(groupId);
    if (group === undefined) return null;
    const now = this.now();
    const partitions = group
      .allOffsets()
      .sort((a, b) => a.tp.topic.localeCompare(b.tp.topic) || a.tp.partition - b.tp.partition)
      .map((r): PartitionLag => {
        const p = this.replicaManager.getPartition(r.tp.topic, r.tp.partition);
        const committed = Number(r.offsetAndMetadata.offset);
        const hw = p?.highWatermark ?? null;
        const lso = p?.lastStableOffset ?? null;
        const lag = hw === null ? null : Math.max(0, hw - committed);
        let lagMs: number | null = lag === null ? null : 0;
        if (lag !== null && lag > 0 && hw !== null) {
          const ts = this.timestampAt(r.tp, Math.max(committed, p?.logStartOffset ?? 0), hw);
          lagMs = ts === null ? null : Math.max(0, now - ts);
        }
        const heldByTransaction = p !== undefined && lso !== null && hw !== null && lso < hw && this.readAllUpTo(p, committed, lso);
        const commits = this.tracked.get(groupId)?.get(tpKey(r.tp.topic, r.tp.partition))?.commits ?? [];
        // a group held back by an open transaction is caught up with what it may read: not stalled
        const evaluation = this.evaluator.evaluate(commits, heldByTransaction ? 0 : (lag ?? 0), now);
        return {
          topic: r.tp.topic,
          partition: r.tp.partition,
          committedOffset: committed,
          logEndOffset: p?.logEndOffset ?? null,
          highWatermark: hw,
          lastStableOffset: lso,
          heldByTransaction,
          logStartOffset: p?.logStartOffset ?? null,
          lag,
          lagMs,
          status: evaluation.status,
          windowComplete: evaluation.complete,
          lastCommitMs: commits.at(-1)?.timeMs ?? r.offsetAndMetadata.commitTimestamp,
        };
      });
    return {
      groupId,
      state: group.state,
      totalLag: partitions.reduce((n, p) => n + (p.lag ?? 0), 0),
      maxLagMs: partitions.reduce((n, p) => Math.max(n, p.lagMs ?? 0), 0),
      status: LagEvaluator.worst(partitions.map((p) => p.status)),
      partitions,
    };
  }
}
