/**
 * Giving every assigned partition a fetch position (Kafka's updateFetchPositions): positions moved
 * to a new leader are validated first (KIP-320), then the group's committed offset is used when
 * there is one — with its committed leader epoch, so it too is validated against the current leader
 * before fetching — else `auto.offset.reset`: earliest or latest through ListOffsets, or
 * NoOffsetForPartitionError under `none`. seekToBeginning/End and an OFFSET_OUT_OF_RANGE answer go
 * through the same reset path.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Cluster } from '../cluster/cluster';
import { TimeoutError, isRetriable } from '../errors';
import { tpKey, type TopicPartition } from './assignors/types';
import type { ConsumerConfig } from './consumer-config';
import type { CoordinatorConnection } from './coordinator-connection';
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, listOffsets } from './list-offsets';
import { fetchCommittedOffsets } from './offset-commits';
import type { OffsetsForLeaderEpochClient } from './offsets-for-leader-epoch-client';
import type { SubscriptionState } from './subscription-state';

/** Kafka's NoOffsetForPartitionException: no committed offset and auto.offset.reset=none. */
export class NoOffsetForPartitionError extends Error {
  constructor(readonly partitions: TopicPartition[]) {
    super(`Undefined offset with no reset policy for partitions: ${partitions.map((p) => `${p.topic}-${p.partition}`).join(', ')}`);
    this.name = 'NoOffsetForPartitionError';
  }
}

export async function updateFetchPositions(
  cluster: Cluster,
  config: ConsumerConfig,
  coordinator: CoordinatorConnection | null,
  subscriptions: SubscriptionState,
  validator: OffsetsForLeaderEpochClient | null,
  /** How long lookups may retry (poll passes what is left of its timeout; one attempt always runs). */
  timeoutMs = config.client.defaultApiTimeoutMs,
): Promise<void> {
  // throws a truncation found under auto.offset.reset=none (LogTruncationError)
  validator?.validatePositionsIfNeeded();
  const missing = subscriptions.missingPositions();
  if (missing.length > 0) {
    if (coordinator !== null) {
      const committed = await fetchCommittedOffsets(coordinator, config, missing, timeoutMs);
      for (const tp of missing) {
        const s = subscriptions.maybeState(tp);
        if (s === undefined || s.position !== null) continue;
        const c = committed.get(tpKey(tp));
        if (c !== null && c !== undefined) subscriptions.seekUnvalidated(tp, c.offset, c.leaderEpoch ?? -1);
        else subscriptions.requestReset(tp);
      }
    } else {
      for (const tp of missing) subscriptions.requestReset(tp);
    }
    validator?.sendValidations();
  }
  const resets = subscriptions.needsReset();
  if (resets.length === 0) return;
  const none = resets.filter((s) => s.reset === 'none').map((s) => s.tp);
  if (none.length > 0) throw new NoOffsetForPartitionError(none);
  const requests = new Map(
    resets.map((s) => [tpKey(s.tp), { tp: s.tp, timestamp: s.reset === 'earliest' ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP }] as const),
  );
  const strategies = new Map(resets.map((s) => [tpKey(s.tp), s.reset] as const));
  const found = await listOffsets(cluster, requests, config.isolationLevel, timeoutMs);
  for (const { tp } of requests.values()) {
    const s = subscriptions.maybeState(tp);
    // Only apply if nothing else (a seek, a newer reset) happened to the partition meanwhile.
    if (s === undefined || s.reset !== strategies.get(tpKey(tp))) continue;
    const r = found.get(tpKey(tp));
    // as Kafka, no offsetEpoch: a reset position is not validated (the lookup's epoch is the leader's own)
    if (r !== null && r !== undefined) subscriptions.seek(tp, r.offset);
  }
}

/**
 * Kafka's position(): the partition's position once it is valid — looked up (committed offset or
 * reset) and, after a leader change, validated against the leader — else a TimeoutError after
 * `timeoutMs`. `update` is updateFetchPositions (validation answers arrive in the background).
 */
export async function validPosition(
  update: (timeoutMs: number) => Promise<void>,
  subscriptions: SubscriptionState,
  tp: TopicPartition,
  timeoutMs: number,
  backoffMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = subscriptions.state(tp);
    if (s.position !== null && s.reset === null && !s.awaitingValidation) return s.position;
    if (Date.now() >= deadline)
      throw new TimeoutError(
        `Timeout of ${timeoutMs}ms expired before the position for partition ${tp.topic}-${tp.partition} could be determined`,
      );
    try {
      await update(Math.max(0, deadline - Date.now()));
    } catch (err) {
      if (!isRetriable(err)) throw err;
    }
    const now = subscriptions.state(tp);
    if (now.position !== null && now.reset === null && !now.awaitingValidation) return now.position;
    await sleep(Math.max(0, Math.min(backoffMs, deadline - Date.now())));
  }
}
