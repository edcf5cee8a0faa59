/**
 * Fetching (Kafka's Fetcher): one Fetch in flight per leader broker, all leaders at once, each
 * asking for the partitions it leads that have a position and are not paused. An answer's batch
 * headers are scanned on arrival and its bytes buffered; the next Fetch to that broker goes out at
 * once, from where the buffered data ends, and the records are decoded when poll takes them — so
 * the broker's work, the network and the application's processing overlap. Unlike Kafka's Java consumer, which fetches a partition again only once
 * its buffer is drained, a partition may have one answer buffered ahead (MAX_AHEAD): the broker's
 * latency then overlaps the application's work. Memory stays bounded: at most MAX_AHEAD answers of
 * max.partition.fetch.bytes per partition.
 * Every partition is fetched with the leader epoch its position was last validated against
 * (current_leader_epoch, KIP-320), so a deposed leader answers FENCED_LEADER_EPOCH rather than data
 * from a log that may be diverging; a newer epoch in metadata first sends the position to validation
 * (offsets-for-leader-epoch-client.ts) and drops what was buffered from the old leader.
 * Errors per partition, as Kafka's FetchCollector: OFFSET_OUT_OF_RANGE at the position → the reset
 * policy, or OffsetOutOfRangeError under auto.offset.reset=none; leadership and epoch errors
 * (NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH…) → metadata refresh and a
 * retry after retry.backoff.ms, never an error to the application; anything else is handed to the
 * next poll.
 */
import { ApiKey, FetchRequestTypes, type FetchRequest } from '@tarn/protocol';
import type { Cluster } from '../cluster/cluster';
import { ErrorCode, KafkaError } from '../errors';
import { tpKey, type TopicPartition } from './assignors/types';
import { AssignedMetadataRefresh } from './assigned-metadata-refresh';
import type { ConsumerConfig } from './consumer-config';
import type { ConsumerLogger } from './consumer-logger';
import type { ConsumerRecord } from './consumer-record';
import { decodeFetchedRecords, scanFetched } from './fetch-decoder';
import { FetchSession, type SessionPartition } from './fetch-session';
import { OffsetOutOfRangeError } from './offset-out-of-range-error';
import { currentLeader } from './offsets-for-leader-epoch-client';
import type { PartitionState, SubscriptionState } from './subscription-state';

interface Buffered {
  tp: TopicPartition;
  /** Position the fetch was made from; records are dropped if the position moved (seek) meanwhile. */
  fetchOffset: number;
  /** The answer's record bytes, decoded when poll first takes from them. */
  raw: Buffer | null;
  aborted: { producerId: bigint; firstOffset: bigint }[] | null;
  records: ConsumerRecord[] | null;
  next: number;
  nextOffset: number;
  lastEpoch: number;
}

/** Answers a partition may have buffered before it is fetched again. */
const MAX_AHEAD = 2;

const SESSION_ERRORS = new Set<number>([
  ErrorCode.FETCH_SESSION_ID_NOT_FOUND,
  ErrorCode.INVALID_FETCH_SESSION_EPOCH,
  ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR,
]);

const METADATA_ERRORS = new Set<number>([
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
  ErrorCode.KAFKA_STORAGE_ERROR,
  ErrorCode.OFFSET_NOT_AVAILABLE,
  ErrorCode.UNKNOWN_TOPIC_ID,
  ErrorCode.INCONSISTENT_TOPIC_ID,
  ErrorCode.REPLICA_NOT_AVAILABLE,
]);

export class Fetcher {
  private readonly inFlight = new Set<number>();
  private readonly buffered = new Map<string, Buffered[]>();
  private readonly sessions = new Map<number, FetchSession>();
  private readonly backoffUntil = new Map<number, number>();
  /** Partitions not fetched again before this time: their last answer was an error. */
  private readonly partitionBackoff = new Map<string, number>();
  private errors: Error[] = [];
  private closed = false;

  constructor(
    private readonly cluster: Cluster,
    private readonly config: ConsumerConfig,
    private readonly subscriptions: SubscriptionState,
    /** Wakes a waiting poll: records (or an error) arrived. */
    private readonly wake: () => void,
    /** Positions moved to a newer leader epoch await validation: send it. */
    private readonly validatePositions: () => void,
    private readonly logger: ConsumerLogger,
  ) {
    // retry.backoff.ms between metadata-driven retries, so an election in progress is not hammered
    this.metadataRefresh = new AssignedMetadataRefresh(cluster, subscriptions, () =>
      setTimeout(() => this.sendFetches(), config.client.retryBackoffMs).unref(),
    );
  }

  private readonly metadataRefresh: AssignedMetadataRefresh;

  /** Sends a Fetch to every leader that has none in flight and fetchable partitions. */
  sendFetches(): void {
    if (this.closed) return;
    const now = Date.now();
    const byLeader = new Map<number, PartitionState[]>();
    let needMetadata = false;
    let needValidation = false;
    for (const s of this.subscriptions.fetchable()) {
      const key = tpKey(s.tp);
      const current = currentLeader(this.cluster, s.tp);
      if (this.subscriptions.maybeValidatePositionForCurrentLeader(s, current?.leaderEpoch ?? -1)) {
        // a new leader: nothing more from the old one is returned before the position is validated
        this.buffered.delete(key);
        needValidation = true;
        continue;
      }
      if ((this.buffered.get(key)?.length ?? 0) >= MAX_AHEAD) continue;
      if (current === null) {
        needMetadata = true;
        continue;
      }
      const leader = current.leader;
      if ((this.partitionBackoff.get(key) ?? 0) > now) continue;
      if (this.inFlight.has(leader) || (this.backoffUntil.get(leader) ?? 0) > now) continue;
      const list = byLeader.get(leader) ?? [];
      list.push(s);
      byLeader.set(leader, list);
    }
    if (needMetadata) this.metadataRefresh.request();
    if (needValidation) this.validatePositions();
    for (const [leader, states] of byLeader) void this.fetchFrom(leader, states);
  }

  /** Where the next fetch of a partition starts: after what is buffered, else at the position. */
  private fetchPosition(s: PartitionState): number | null {
    const q = this.buffered.get(tpKey(s.tp));
    return q !== undefined && q.length > 0 ? q[q.length - 1]!.nextOffset : s.position;
  }

  private async fetchFrom(leader: number, states: PartitionState[]): Promise<void> {
    this.inFlight.add(leader);
    const offsets = new Map(states.map((s) => [tpKey(s.tp), this.fetchPosition(s)!] as const));
    let session = this.sessions.get(leader);
    if (session === undefined) this.sessions.set(leader, (session = new FetchSession()));
    try {
      const response = await this.cluster.request(leader, ApiKey.Fetch, (v) => this.request(v, states, offsets, session));
      if (SESSION_ERRORS.has(response.errorCode)) {
        // The broker lost or rejected our session: start a new one with the next (full) fetch.
        session.reset();
        return;
      }
      if (response.errorCode !== ErrorCode.NONE) throw new KafkaError(response.errorCode, `Fetch from broker ${leader}`);
      session.onSuccess(response.sessionId);
      for (const t of response.responses) {
        const topic = t.topic !== '' ? t.topic : this.topicById(t.topicId);
        if (topic === null) continue;
        for (const p of t.partitions) this.handlePartition({ topic, partition: p.partitionIndex }, p, offsets);
      }
    } catch (err) {
      // A broken connection or a timeout: back off this broker and look up leaders again.
      session.reset();
      this.backoffUntil.set(leader, Date.now() + this.config.client.retryBackoffMs);
      for (const s of states) this.cluster.invalidateTopic(s.tp.topic);
      if (!(err instanceof KafkaError) || !err.retriable) this.errors.push(err as Error);
      this.metadataRefresh.request();
    } finally {
      this.inFlight.delete(leader);
      this.wake();
      this.sendFetches();
    }
  }

  private topicById(id: string): string | null {
    for (const t of this.cluster.metadata.topics.values()) if (t.topicId === id) return t.name;
    return null;
  }

  private request(version: number, states: PartitionState[], offsets: Map<string, number>, session: FetchSession): FetchRequest {
    const c = this.config;
    const wanted: SessionPartition[] = states.map((s) => ({
      tp: s.tp,
      fetchOffset: offsets.get(tpKey(s.tp))!,
      currentLeaderEpoch: s.currentLeaderEpoch,
    }));
    const r = session.build(wanted, version);
    const topicId = (topic: string): string => (version >= 13 ? (this.cluster.metadata.topics.get(topic)?.topicId ?? '') : '');
    const byTopic = new Map<string, SessionPartition[]>();
    for (const p of r.send) byTopic.set(p.tp.topic, [...(byTopic.get(p.tp.topic) ?? []), p]);
    const forgotten = new Map<string, number[]>();
    for (const tp of r.forget) forgotten.set(tp.topic, [...(forgotten.get(tp.topic) ?? []), tp.partition]);
    return {
      ...FetchRequestTypes.defaultFetchRequest(),
      replicaId: -1,
      maxWaitMs: c.fetchMaxWaitMs,
      minBytes: c.fetchMinBytes,
      maxBytes: c.fetchMaxBytes,
      isolationLevel: c.isolationLevel === 'read_committed' ? 1 : 0,
      sessionId: r.sessionId,
      sessionEpoch: r.sessionEpoch,
      rackId: c.clientRack ?? '',
      topics: [...byTopic].map(([topic, list]) => ({
        topic: version >= 13 ? '' : topic,
        topicId: topicId(topic),
        partitions: list.map((p) => ({
          ...FetchRequestTypes.defaultFetchPartition(),
          partition: p.tp.partition,
          currentLeaderEpoch: p.currentLeaderEpoch ?? -1,
          fetchOffset: BigInt(p.fetchOffset),
          lastFetchedEpoch: -1,
          logStartOffset: -1n,
          partitionMaxBytes: c.maxPartitionFetchBytes,
        })),
      })),
      forgottenTopicsData: [...forgotten].map(([topic, partitions]) => ({
        topic: version >= 13 ? '' : topic,
        topicId: topicId(topic),
        partitions,
      })),
    };
  }

  private handlePartition(
    tp: TopicPartition,
    p: {
      errorCode: number;
      highWatermark: bigint;
      lastStableOffset: bigint;
      logStartOffset: bigint;
      abortedTransactions: { producerId: bigint; firstOffset: bigint }[] | null;
      records: Buffer | null;
    },
    offsets: Map<string, number>,
  ): void {
    const fetchOffset = offsets.get(tpKey(tp));
    const s = this.subscriptions.maybeState(tp);
    // The partition was revoked, sought, reset or moved to a new leader while the fetch was out: its answer is stale.
    if (fetchOffset === undefined || s === undefined || s.awaitingValidation || this.fetchPosition(s) !== fetchOffset) return;
    const key = tpKey(tp);
    const queue = this.buffered.get(key) ?? [];
    if (p.errorCode === ErrorCode.NONE) {
      s.highWatermark = Number(p.highWatermark);
      if (p.lastStableOffset >= 0n) s.lastStableOffset = Number(p.lastStableOffset);
      if (p.logStartOffset >= 0n) s.logStartOffset = Number(p.logStartOffset);
      // Headers only now, so the next Fetch can go out at once; records are decoded by poll.
      const scan = scanFetched(p.records, fetchOffset);
      if (scan.truncatedFirstBatch) {
        this.errors.push(
          new KafkaError(
            ErrorCode.MESSAGE_TOO_LARGE,
            `${tp.topic}-${tp.partition} at offset ${fetchOffset}: a record batch is larger than max.partition.fetch.bytes/fetch.max.bytes`,
          ),
        );
        return;
      }
      if (scan.nextOffset === fetchOffset) return; // nothing new
      this.buffered.set(key, queue);
      queue.push({
        tp,
        fetchOffset,
        raw: p.records,
        aborted: p.abortedTransactions,
        records: null,
        next: 0,
        nextOffset: scan.nextOffset,
        lastEpoch: scan.lastEpoch,
      });
      return;
    }
    if (p.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE) {
      if (fetchOffset !== s.position) {
        // fetched ahead of the position: poll first returns what is buffered before it, then the
        // fetch from the position itself decides (Kafka acts only on an answer for the position)
        this.backOff(key);
        return;
      }
      const name = `${tp.topic}-${tp.partition}`;
      if (!this.subscriptions.hasDefaultOffsetResetPolicy()) {
        this.backOff(key);
        // one per partition waiting for poll, however long the application takes to come back
        const pending = (e: Error) => e instanceof OffsetOutOfRangeError && e.offsetOutOfRangePartitions.some((x) => tpKey(x) === key);
        if (!this.errors.some(pending))
          this.errors.push(
            new OffsetOutOfRangeError(`Offsets out of range with no configured reset policy for partitions: {${name}=${fetchOffset}}`, [
              { ...tp, offset: fetchOffset },
            ]),
          );
        return;
      }
      this.logger.info(
        `Fetch position {offset=${fetchOffset}, offsetEpoch=${s.positionEpoch}} is out of range for partition ${name}, resetting offset`,
      );
      this.buffered.delete(key);
      this.subscriptions.requestReset(tp);
      return;
    }
    if (METADATA_ERRORS.has(p.errorCode)) {
      // the leader moved, or our epoch is older (FENCED) or newer (UNKNOWN) than the broker's: look again, retry
      this.backOff(key);
      this.cluster.invalidateTopic(tp.topic);
      this.metadataRefresh.request();
      return;
    }
    this.errors.push(new KafkaError(p.errorCode, `Fetch ${tp.topic}-${tp.partition}`));
  }

  /** Not fetched again before retry.backoff.ms (then fetching resumes by itself). */
  private backOff(key: string): void {
    const ms = this.config.client.retryBackoffMs;
    this.partitionBackoff.set(key, Date.now() + ms);
    setTimeout(() => {
      this.partitionBackoff.delete(key);
      this.sendFetches();
    }, ms).unref();
  }

  /** Up to `max` buffered records, advancing positions; throws an error a fetch ran into. */
  collect(max: number): ConsumerRecord[] {
    const err = this.errors.shift();
    if (err !== undefined) throw err;
    const out: ConsumerRecord[] = [];
    for (const [key, queue] of this.buffered) {
      if (out.length >= max) break;
      const s = this.subscriptions.maybeState(queue[0]!.tp);
      if (s === undefined || s.position === null || s.awaitingValidation) {
        this.buffered.delete(key);
        continue;
      }
      if (s.paused) continue;
      while (queue.length > 0 && out.length < max) {
        const b = queue[0]!;
        // The position moved (seek) since: what is buffered is not what the application wants next.
        if (b.next === 0 && s.position !== b.fetchOffset) {
          queue.length = 0;
          break;
        }
        if (b.records === null) {
          try {
            b.records = decodeFetchedRecords(b.tp.topic, b.tp.partition, b.raw, b.fetchOffset, {
              readCommitted: this.config.isolationLevel === 'read_committed',
              aborted: b.aborted,
              checkCrcs: this.config.checkCrcs,
            }).records;
            b.raw = null;
          } catch (err) {
            // Kafka's consumer surfaces a corrupt batch from poll; the position stays before it.
            this.buffered.delete(key);
            if (out.length > 0) {
              this.errors.push(err as Error);
              return out;
            }
            throw err;
          }
        }
        const records = b.records;
        if (b.next > 0 && s.position !== records[b.next - 1]!.offset + 1) {
          queue.length = 0;
          break;
        }
        const take = records.slice(b.next, b.next + (max - out.length));
        b.next += take.length;
        out.push(...take);
        if (b.next >= records.length) {
          queue.shift();
          this.subscriptions.seek(b.tp, b.nextOffset, b.lastEpoch);
        } else {
          const last = take[take.length - 1]!;
          this.subscriptions.seek(b.tp, last.offset + 1, last.leaderEpoch);
        }
      }
      if (queue.length === 0) this.buffered.delete(key);
    }
    return out;
  }

  /**
   * A paused partition's buffered bytes are copied out of the response they came in, so a long
   * pause pins only its own bytes, not a whole multi-partition response.
   */
  detach(tps: readonly TopicPartition[]): void {
    for (const tp of tps) {
      for (const b of this.buffered.get(tpKey(tp)) ?? []) if (b.raw !== null) b.raw = Buffer.from(b.raw);
    }
  }

  /** Drops what is buffered for partitions no longer assigned or sought elsewhere. */
  clear(tps?: readonly TopicPartition[]): void {
    if (tps === undefined) this.buffered.clear();
    else for (const tp of tps) this.buffered.delete(tpKey(tp));
  }

  close(): void {
    this.closed = true;
    this.buffered.clear();
  }
}
