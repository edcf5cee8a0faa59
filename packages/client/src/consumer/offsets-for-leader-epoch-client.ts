/**
 * Position validation after a leader change (KIP-320; Kafka's OffsetFetcher.validatePositionsAsync,
 * OffsetsForLeaderEpochClient and SubscriptionState.maybeCompleteValidation). A position that awaits
 * validation is not fetched; its leader is asked, with OffsetForLeaderEpoch v3+ as a consumer
 * (replica_id -1), where the position's epoch (its offsetEpoch) ends in the leader's log:
 *
 * - end offset >= position: the position is valid, fetching resumes from it;
 * - end offset < position: the log was truncated (an unclean leader election) — the position moves
 *   back to that end offset, the first offset known to diverge; with auto.offset.reset=none the next
 *   poll throws LogTruncationError instead;
 * - epoch or end offset undefined (the leader knows nothing of that epoch): auto.offset.reset, or
 *   LogTruncationError without divergent offsets under none.
 *
 * Requests run in the background, one per leader at a time, so a slow or unreachable leader holds
 * up only its own partitions; poll throws what they found. Retriable errors (FENCED_LEADER_EPOCH,
 * UNKNOWN_LEADER_EPOCH, NOT_LEADER_OR_FOLLOWER…) refresh metadata and retry after retry.backoff.ms.
 */
import { ApiKey } from '@tarn/protocol';
import type { Cluster } from '../cluster/cluster';
import { ErrorCode, KafkaError, isRetriable } from '../errors';
import { tpKey, type TopicPartition } from './assignors/types';
import { AssignedMetadataRefresh } from './assigned-metadata-refresh';
import type { ConsumerConfig } from './consumer-config';
import type { ConsumerLogger } from './consumer-logger';
import { LogTruncationError, type DivergentOffset, type PartitionFetchOffset } from './offset-out-of-range-error';
import type { PartitionState, SubscriptionState } from './subscription-state';

/** OffsetForLeaderEpoch v3 is the first a consumer may use (replica_id; Kafka 2.3). */
const MIN_CONSUMER_VERSION = 3;

interface RequestPosition {
  offset: number;
  positionEpoch: number;
  currentLeaderEpoch: number;
}

interface Truncation {
  fetch: PartitionFetchOffset;
  divergent: DivergentOffset | null;
}

/** A partition's leader and its epoch from the client's metadata, or null when none is known. */
export function currentLeader(cluster: Cluster, tp: TopicPartition): { leader: number; leaderEpoch: number } | null {
  const partitions = cluster.metadata.topics.get(tp.topic)?.partitions;
  // sorted by partition number, so usually at its own index (poll asks for every partition, every time)
  const at = partitions?.[tp.partition];
  const p = at?.partition === tp.partition ? at : partitions?.find((x) => x.partition === tp.partition);
  return p === undefined || p.leader < 0 ? null : { leader: p.leader, leaderEpoch: p.leaderEpoch };
}

export class OffsetsForLeaderEpochClient {
  private readonly inFlight = new Set<number>();
  private error: Error | null = null;

  constructor(
    private readonly cluster: Cluster,
    private readonly config: ConsumerConfig,
    private readonly subscriptions: SubscriptionState,
    private readonly logger: ConsumerLogger,
    /** Wakes a waiting poll: positions were validated (or an error is ready). */
    private readonly wake: () => void,
  ) {
    this.metadataRefresh = new AssignedMetadataRefresh(cluster, subscriptions, wake);
  }

  private readonly metadataRefresh: AssignedMetadataRefresh;

  /**
   * Throws what an earlier validation found (LogTruncationError, an authorization error), then
   * moves positions to leaders newer than they were fetched from and sends the validations due.
   */
  validatePositionsIfNeeded(): void {
    const err = this.error;
    if (err !== null) {
      this.error = null;
      throw err;
    }
    this.sendValidations();
  }

  /** The fetcher's half: moves positions to newer leaders and sends the validations due, never throws. */
  sendValidations(): void {
    const now = Date.now();
    const byLeader = new Map<number, PartitionState[]>();
    let needMetadata = false;
    for (const s of this.subscriptions.states()) {
      const leader = currentLeader(this.cluster, s.tp);
      if (!this.subscriptions.maybeValidatePositionForCurrentLeader(s, leader?.leaderEpoch ?? -1)) continue;
      if (leader === null || s.currentLeaderEpoch < 0) {
        needMetadata = true;
        continue;
      }
      if (s.nextRetryAt > now || this.inFlight.has(leader.leader)) continue;
      const list = byLeader.get(leader.leader) ?? [];
      list.push(s);
      byLeader.set(leader.leader, list);
    }
    if (needMetadata) this.metadataRefresh.request();
    for (const [leader, states] of byLeader) void this.validate(leader, states);
  }

  private async validate(leader: number, states: PartitionState[]): Promise<void> {
    this.inFlight.add(leader);
    const positions = new Map<string, RequestPosition>();
    for (const s of states) {
      positions.set(tpKey(s.tp), { offset: s.position!, positionEpoch: s.positionEpoch, currentLeaderEpoch: s.currentLeaderEpoch });
      // Kafka's setNextAllowedRetry: an answer (or the request timeout) comes before another try
      s.nextRetryAt = Date.now() + this.config.client.requestTimeoutMs;
    }
    const byTopic = new Map<string, PartitionState[]>();
    for (const s of states) byTopic.set(s.tp.topic, [...(byTopic.get(s.tp.topic) ?? []), s]);
    const truncations: Truncation[] = [];
    let retry = false;
    try {
      // connects first (a broken connection is a retriable error below); a broker without the API at all: -1
      const version = await this.cluster
        .versionFor(leader, ApiKey.OffsetForLeaderEpoch)
        .catch((err: unknown) => (err instanceof KafkaError && err.code === ErrorCode.UNSUPPORTED_VERSION ? -1 : Promise.reject(err)));
      if (version < MIN_CONSUMER_VERSION) {
        // Kafka skips validation against brokers older than 2.3
        for (const s of states) this.subscriptions.completeValidation(s);
        return;
      }
      const response = await this.cluster.request(leader, ApiKey.OffsetForLeaderEpoch, {
        replicaId: -1,
        topics: [...byTopic].map(([topic, list]) => ({
          topic,
          partitions: list.map((s) => ({
            partition: s.tp.partition,
            currentLeaderEpoch: positions.get(tpKey(s.tp))!.currentLeaderEpoch,
            leaderEpoch: positions.get(tpKey(s.tp))!.positionEpoch,
          })),
        })),
      });
      for (const t of response.topics) {
        for (const p of t.partitions) {
          const tp = { topic: t.topic, partition: p.partition };
          const requested = positions.get(tpKey(tp));
          const s = this.subscriptions.maybeState(tp);
          if (requested === undefined || s === undefined) continue;
          if (p.errorCode === ErrorCode.NONE) {
            const truncation = this.maybeCompleteValidation(s, requested, p.leaderEpoch, Number(p.endOffset));
            if (truncation !== null) truncations.push(truncation);
            continue;
          }
          if (p.errorCode === ErrorCode.TOPIC_AUTHORIZATION_FAILED) {
            this.setError(new KafkaError(p.errorCode, `Not authorized to validate the position of ${tp.topic}-${tp.partition}`));
            continue;
          }
          // FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH, NOT_LEADER_OR_FOLLOWER, UNKNOWN_TOPIC_OR_PARTITION…: metadata, then again
          s.nextRetryAt = Date.now() + this.config.client.retryBackoffMs;
          this.cluster.invalidateTopic(tp.topic);
          retry = true;
        }
      }
    } catch (err) {
      for (const s of states) s.nextRetryAt = Date.now() + this.config.client.retryBackoffMs;
      for (const s of states) this.cluster.invalidateTopic(s.tp.topic);
      retry = true;
      if (!isRetriable(err)) this.setError(err as Error);
    } finally {
      this.inFlight.delete(leader);
      if (truncations.length > 0) this.setError(logTruncationError(truncations));
      if (retry) {
        this.metadataRefresh.request();
        setTimeout(this.wake, this.config.client.retryBackoffMs).unref();
      }
      this.wake();
    }
  }

  /**
   * The first error waits for poll; a later one is dropped, as Kafka's maybeSetOffsetForLeaderException
   * drops it — its partitions still await validation, so it comes back once retried.
   */
  private setError(err: Error): void {
    this.error ??= err;
  }

  /** Kafka's SubscriptionState.maybeCompleteValidation; a truncation to report under auto.offset.reset=none. */
  private maybeCompleteValidation(s: PartitionState, requested: RequestPosition, epoch: number, endOffset: number): Truncation | null {
    const name = `${s.tp.topic}-${s.tp.partition}`;
    // revoked, sought or reset meanwhile: this answer is about a position no longer held
    if (!s.awaitingValidation || s.position !== requested.offset || s.positionEpoch !== requested.positionEpoch) return null;
    if (s.currentLeaderEpoch !== requested.currentLeaderEpoch) return null;
    const position = `{offset=${requested.offset}, offsetEpoch=${requested.positionEpoch}, currentLeaderEpoch=${requested.currentLeaderEpoch}}`;
    if (endOffset < 0 || epoch < 0) {
      if (this.subscriptions.hasDefaultOffsetResetPolicy()) {
        this.logger.info(`Truncation detected for partition ${name} at offset ${position}, resetting offset`);
        this.subscriptions.requestReset(s.tp);
        return null;
      }
      this.logger.warn(`Truncation detected for partition ${name} at offset ${position}, but no reset policy is set`);
      return { fetch: { ...s.tp, offset: requested.offset }, divergent: null };
    }
    if (endOffset < requested.offset) {
      if (this.subscriptions.hasDefaultOffsetResetPolicy()) {
        this.logger.info(
          `Truncation detected for partition ${name} at offset ${position}, resetting offset to the first offset known to diverge ` +
            `{offset=${endOffset}, offsetEpoch=${epoch}}`,
        );
        this.subscriptions.seek(s.tp, endOffset, epoch);
        return null;
      }
      this.logger.warn(
        `Truncation detected for partition ${name} at offset ${position} (the end offset from the broker is ${endOffset}, ` +
          `epoch ${epoch}), but no reset policy is set`,
      );
      return { fetch: { ...s.tp, offset: requested.offset }, divergent: { ...s.tp, offset: endOffset, leaderEpoch: epoch } };
    }
    this.subscriptions.completeValidation(s);
    return null;
  }
}

function logTruncationError(truncations: Truncation[]): LogTruncationError {
  const describe = truncations
    .map((t) => `${t.fetch.topic}-${t.fetch.partition} at ${t.fetch.offset}${t.divergent ? ` (diverges at ${t.divergent.offset})` : ''}`)
    .join(', ');
  return new LogTruncationError(
    `Detected truncated partitions: ${describe}`,
    truncations.map((t) => t.fetch),
    truncations.flatMap((t) => (t.divergent === null ? [] : [t.divergent])),
  );
}
