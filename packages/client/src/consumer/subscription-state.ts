/**
 * Kafka's SubscriptionState: what the consumer is subscribed to (topics, a pattern, or partitions
 * assigned by hand — never two at once), the partitions it holds, and per partition its fetch
 * position, pause flag, pending offset reset and the last high watermark / last stable offset seen.
 *
 * A position is an offset plus two leader epochs, as Kafka's FetchPosition (KIP-320): `positionEpoch`,
 * the epoch of the batch the record before it came in (its offsetEpoch), and `currentLeaderEpoch`,
 * the epoch of the leader it is fetched from (sent as current_leader_epoch, so a deposed leader
 * answers FENCED_LEADER_EPOCH instead of data). When metadata names a newer leader epoch, a position
 * with an offsetEpoch awaits validation (OffsetsForLeaderEpoch, offsets-for-leader-epoch-client.ts)
 * before the partition is fetched again: the new leader's log may end before it (truncation).
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
  /** Leader epoch of the record before `position`, when known (-1 otherwise): Kafka's offsetEpoch. */
  positionEpoch: number;
  /** Leader epoch (from metadata) of the leader the position is fetched from; -1 until known. */
  currentLeaderEpoch: number;
  /** The position must be checked with OffsetsForLeaderEpoch before fetching (Kafka's AWAIT_VALIDATION). */
  awaitingValidation: boolean;
  /** No validation request before this time (an answer is awaited, or retry.backoff.ms after an error). */
  nextRetryAt: number;
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

  /** A position known to be valid (fetched records, a reset, a plain seek): fetched from at once. */
  seek(tp: TopicPartition, offset: number, epoch = -1): void {
    const s = this.state(tp);
    s.position = offset;
    s.positionEpoch = epoch;
    s.reset = null;
    s.awaitingValidation = false;
    s.nextRetryAt = 0;
  }

  /**
   * A position from elsewhere (a committed offset, seek with a leader epoch): with an epoch it is
   * validated against the current leader before fetching (Kafka's seekUnvalidated).
   */
  seekUnvalidated(tp: TopicPartition, offset: number, epoch: number): void {
    this.seek(tp, offset, epoch);
    const s = this.state(tp);
    // the next look at metadata adopts the leader's epoch and, with an offsetEpoch, asks for validation
    s.currentLeaderEpoch = -1;
  }

  /**
   * Kafka's maybeValidatePositionForCurrentLeader: metadata shows `leaderEpoch` for the partition's
   * leader (-1: no leader known). A newer epoch than the position's moves it to the new leader and,
   * when the position has an offsetEpoch, to awaiting validation. An older one is stale metadata
   * (a broker behind on the election) and is ignored, as Kafka's Metadata ignores it. True while the
   * position awaits validation.
   */
  maybeValidatePositionForCurrentLeader(s: PartitionState, leaderEpoch: number): boolean {
    if (s.position === null || s.reset !== null) return false;
    if (leaderEpoch >= 0 && leaderEpoch > s.currentLeaderEpoch) {
      s.currentLeaderEpoch = leaderEpoch;
      s.awaitingValidation = s.positionEpoch >= 0;
      s.nextRetryAt = 0;
    }
    return s.awaitingValidation;
  }

  /** The position was validated (or cannot be: a broker without OffsetsForLeaderEpoch v3). */
  completeValidation(s: PartitionState): void {
    s.awaitingValidation = false;
    s.nextRetryAt = 0;
  }

  requestReset(tp: TopicPartition, strategy: OffsetResetStrategy = this.defaultReset): void {
    const s = this.state(tp);
    s.reset = strategy;
    s.position = null;
    s.awaitingValidation = false;
    s.nextRetryAt = 0;
  }

  hasDefaultOffsetResetPolicy(): boolean {
    return this.defaultReset !== 'none';
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
    return this.states().filter((s) => s.position !== null && !s.paused && s.reset === null && !s.awaitingValidation);
  }

  awaitingValidation(): PartitionState[] {
    return this.states().filter((s) => s.awaitingValidation && s.position !== null && s.reset === null);
  }

  /**
   * Positions as offsets to commit (Kafka commits the position: the next record to read). A position
   * awaiting validation is left out, as Kafka's allConsumed leaves it: it may be past a truncation.
   */
  consumedOffsets(tps?: readonly TopicPartition[]): Map<string, { tp: TopicPartition; offset: OffsetAndMetadata }> {
    const out = new Map<string, { tp: TopicPartition; offset: OffsetAndMetadata }>();
    const wanted = tps === undefined ? null : new Set(tps.map(tpKey));
    for (const s of this.partitions.values()) {
      if (s.position === null || s.awaitingValidation || (wanted !== null && !wanted.has(tpKey(s.tp)))) continue;
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
    currentLeaderEpoch: -1,
    awaitingValidation: false,
    nextRetryAt: 0,
    paused: false,
    reset: null,
    highWatermark: null,
    lastStableOffset: null,
    logStartOffset: null,
  };
}
