/**
 * Kafka's SubscriptionState: what the consumer is subscribed to (topics, a pattern, or partitions
 * assigned by hand — never two at once), the partitions it holds, and per partition its fetch
 * position, pause flag, pending offset reset and the last high watermark / last stable offset seen.
 */
import { KafkaError, ErrorCode } from '../errors';
import { tpKey, type TopicPartition } from './assignors/types';
import type { OffsetResetStrategy } from './consumer-config';
import type { OffsetAndMetadata } from './offset-commits';

export type SubscriptionType = 'NONE' | 'AUTO_TOPICS' | 'AUTO_PATTERN' | 'USER_ASSIGNED';

export interface PartitionState {
  readonly tp: TopicPartition;
  /** Next offset to fetch; null until initialised from the committed offset or a reset. */
  position: number | null;
  /** Leader epoch of the record before `position`, when known (-1 otherwise). */
  positionEpoch: number;
  paused: boolean;
  /** A reset waiting to be resolved with ListOffsets (earliest/latest, or a timestamp for seekToTimestamp). */
  reset: OffsetResetStrategy | null;
  highWatermark: number | null;
  lastStableOffset: number | null;
  logStartOffset: number | null;
}

export class SubscriptionState {
  type: SubscriptionType = 'NONE';
  private topics = new Set<string>();
  pattern: RegExp | null = null;
  private readonly partitions = new Map<string, PartitionState>();

  constructor(private readonly defaultReset: OffsetResetStrategy) {}

  private setType(t: SubscriptionType): void {
    if (this.type !== 'NONE' && this.type !== t)
      throw new KafkaError(
        ErrorCode.INVALID_REQUEST,
        'Subscription to topics, partitions and pattern are mutually exclusive (call unsubscribe first)',
      );
    this.type = t;
  }

  subscribe(topics: readonly string[]): boolean {
    this.setType('AUTO_TOPICS');
    return this.subscribe0(topics);
  }

  subscribePattern(pattern: RegExp): void {
    this.setType('AUTO_PATTERN');
    this.pattern = pattern;
  }

  /** Pattern subscriptions: the topics matching it in the latest metadata; true when that changed. */
  matchPattern(allTopics: readonly string[]): boolean {
    if (this.pattern === null) return false;
    const p = this.pattern;
    return this.subscribe0(allTopics.filter((t) => new RegExp(p.source, p.flags.replace('g', '')).test(t)));
  }

  private subscribe0(topics: readonly string[]): boolean {
    const next = new Set(topics);
    const changed = next.size !== this.topics.size || [...next].some((t) => !this.topics.has(t));
    this.topics = next;
    return changed;
  }

  subscribedTopics(): string[] {
    return [...this.topics].sort();
  }

  isGroupSubscription(): boolean {
    return this.type === 'AUTO_TOPICS' || this.type === 'AUTO_PATTERN';
  }

  assignFromUser(tps: readonly TopicPartition[]): void {
    this.setType('USER_ASSIGNED');
    this.setAssignment(tps);
  }

  unsubscribe(): void {
    this.type = 'NONE';
    this.topics.clear();
    this.pattern = null;
    this.setAssignment([]);
  }

  /** Replaces the assignment; partitions kept keep their state. */
  setAssignment(tps: readonly TopicPartition[]): void {
    const keep = new Set(tps.map(tpKey));
    for (const k of [...this.partitions.keys()]) if (!keep.has(k)) this.partitions.delete(k);
    for (const tp of tps) {
      if (!this.partitions.has(tpKey(tp))) this.partitions.set(tpKey(tp), newState(tp));
    }
  }

  addPartitions(tps: readonly TopicPartition[]): void {
    this.setAssignment([...this.assigned(), ...tps]);
  }

  removePartitions(tps: readonly TopicPartition[]): void {
    const drop = new Set(tps.map(tpKey));
    this.setAssignment(this.assigned().filter((tp) => !drop.has(tpKey(tp))));
  }

  assigned(): TopicPartition[] {
    return [...this.partitions.values()].map((s) => s.tp);
  }

  isAssigned(tp: TopicPartition): boolean {
    return this.partitions.has(tpKey(tp));
  }

  state(tp: TopicPartition): PartitionState {
    const s = this.partitions.get(tpKey(tp));
    if (s === undefined) throw new KafkaError(ErrorCode.INVALID_REQUEST, `No current assignment for partition ${tp.topic}-${tp.partition}`);
    return s;
  }

  maybeState(tp: TopicPartition): PartitionState | undefined {
    return this.partitions.get(tpKey(tp));
  }

  states(): PartitionState[] {
    return [...this.partitions.values()];
  }

  seek(tp: TopicPartition, offset: number, epoch = -1): void {
    const s = this.state(tp);
    s.position = offset;
    s.positionEpoch = epoch;
    s.reset = null;
  }

  requestReset(tp: TopicPartition, strategy: OffsetResetStrategy = this.defaultReset): void {
    const s = this.state(tp);
    s.reset = strategy;
    s.position = null;
  }

  /** Partitions with no position and no reset pending: their committed offset must be looked up. */
  missingPositions(): TopicPartition[] {
    return this.states()
      .filter((s) => s.position === null && s.reset === null)
      .map((s) => s.tp);
  }

  needsReset(): PartitionState[] {
    return this.states().filter((s) => s.reset !== null);
  }

  fetchable(): PartitionState[] {
    return this.states().filter((s) => s.position !== null && !s.paused && s.reset === null);
  }

  /** Positions as offsets to commit (Kafka commits the position: the next record to read). */
  consumedOffsets(tps?: readonly TopicPartition[]): Map<string, { tp: TopicPartition; offset: OffsetAndMetadata }> {
    const out = new Map<string, { tp: TopicPartition; offset: OffsetAndMetadata }>();
    const wanted = tps === undefined ? null : new Set(tps.map(tpKey));
    for (const s of this.partitions.values()) {
      if (s.position === null || (wanted !== null && !wanted.has(tpKey(s.tp)))) continue;
      out.set(tpKey(s.tp), { tp: s.tp, offset: { offset: s.position, leaderEpoch: s.positionEpoch, metadata: '' } });
    }
    return out;
  }
}

function newState(tp: TopicPartition): PartitionState {
  return {
    tp,
    position: null,
    positionEpoch: -1,
    paused: false,
    reset: null,
    highWatermark: null,
    lastStableOffset: null,
    logStartOffset: null,
  };
}
