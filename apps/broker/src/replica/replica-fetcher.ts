/**
 * A follower's fetcher for all partitions led by one broker (Kafka's ReplicaFetcherThread): one
 * connection, a Fetch loop with this broker's replica id, and log truncation before fetching
 * (KIP-101/KIP-279): the follower asks the leader where its latest leader epoch ends
 * (OffsetForLeaderEpoch) and cuts its log there, so records the leader never had — written by an
 * old leader that lost them — cannot survive or be served.
 *
 * Batches are appended as the leader stored them (offsets and leader epochs included); the high
 * watermark comes from the fetch response, capped at the local log end.
 */
import {
  ApiKey,
  completeBatches,
  ErrorCode,
  FetchRequestTypes,
  OffsetForLeaderEpochRequestTypes,
  ListOffsetsRequestTypes,
  errorName,
} from '@tarn/protocol';
import type { ReplicationConfig } from '../config/broker-config';
import type { Logger } from '../logger';
import { FrameBufferPool } from '../client/frame-buffer-pool';
import { KafkaClientConnection, type ClientSecurity } from '../client/kafka-client';
import type { Partition } from './partition';

/** replica.fetch.* and replica.socket.timeout.ms, and how to reach the leaders' inter-broker listener (TLS, SASL login; null for PLAINTEXT). */
export type FetcherConfig = ReplicationConfig['fetcher'] & { security?: ClientSecurity | null };

interface Fetched {
  partition: Partition;
  /** Truncation to the leader's history is needed before fetching (new leader, out of range). */
  needsTruncation: boolean;
}

const EARLIEST_TIMESTAMP = -2n;

export class ReplicaFetcher {
  private readonly partitions = new Map<string, Fetched>();
  private conn: KafkaClientConnection | null = null;
  /** Response frames, reused once their batches are in the log (see run). */
  private readonly frames = new FrameBufferPool();
  private running = false;
  private stopped = false;

  constructor(
    readonly leaderId: number,
    private readonly endpoint: () => { host: string; port: number } | null,
    private readonly localNodeId: number,
    private readonly config: FetcherConfig,
    private readonly logger: Logger,
    /** A test fault: while true, this follower stops fetching (as if cut off from the leader). */
    private readonly paused: () => boolean = () => false,
  ) {}

  private key(p: Partition): string {
    return `${p.topic}-${p.partition}`;
  }

  add(p: Partition): void {
    this.partitions.set(this.key(p), { partition: p, needsTruncation: true });
    this.ensureRunning();
  }

  remove(p: Partition): void {
    this.partitions.delete(this.key(p));
  }

  get isEmpty(): boolean {
    return this.partitions.size === 0;
  }

  stop(): void {
    this.stopped = true;
    this.conn?.close();
  }

  private ensureRunning(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
    });
  }

  private async run(): Promise<void> {
    let backoffMs = 100;
    while (!this.stopped && this.partitions.size > 0) {
      if (this.paused()) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      try {
        if (this.conn === null || !this.conn.isOpen) {
          const ep = this.endpoint();
          if (ep === null) throw new Error(`no endpoint known for leader ${this.leaderId}`);
          this.conn = await KafkaClientConnection.open(ep.host, ep.port, `tarn-replica-fetcher-${this.localNodeId}`, {
            requestTimeoutMs: this.config.requestTimeoutMs,
            frames: this.frames,
            security: this.config.security ?? undefined,
          });
        }
        await this.truncateWhereNeeded(this.conn);
        await this.fetchOnce(this.conn);
        // every append of that response has settled: its frame is no longer referenced
        this.frames.reclaim();
        backoffMs = 100;
      } catch (err) {
        if (this.stopped) return;
        const message = (err as Error).message;
        // a hung leader is worth a warning; a closed connection (leader restarting) is routine
        if (message.includes('timed out'))
          this.logger.warn({ leader: this.leaderId, err: message }, 'replica fetch timed out; reconnecting to the leader');
        else this.logger.debug({ leader: this.leaderId, err: message }, 'replica fetch failed; retrying');
        this.conn?.close();
        this.conn = null;
        await new Promise((r) => setTimeout(r, backoffMs));
        backoffMs = Math.min(backoffMs * 2, 2000);
      }
    }
  }

  private async truncateWhereNeeded(conn: KafkaClientConnection): Promise<void> {
    const pending = [...this.partitions.values()].filter((f) => f.needsTruncation);
    if (pending.length === 0) return;
    const res = await conn.request(ApiKey.OffsetForLeaderEpoch, 4, {
      ...OffsetForLeaderEpochRequestTypes.defaultOffsetForLeaderEpochRequest(),
      replicaId: this.localNodeId,
      topics: groupByTopic(pending.map((f) => f.partition)).map(([topic, ps]) => ({
        ...OffsetForLeaderEpochRequestTypes.defaultOffsetForLeaderTopic(),
        topic,
        partitions: ps.map((p) => ({
          ...OffsetForLeaderEpochRequestTypes.defaultOffsetForLeaderPartition(),
          partition: p.partition,
          currentLeaderEpoch: p.leaderEpoch,
          leaderEpoch: p.latestEpoch,
        })),
      })),
    });
    for (const t of res.topics) {
      for (const r of t.partitions) {
        const f = this.partitions.get(`${t.topic}-${r.partition}`);
        if (f === undefined) continue;
        if (r.errorCode !== ErrorCode.NONE) {
          this.logger.debug(
            { topic: t.topic, partition: r.partition, error: errorName(r.errorCode) },
            'OffsetForLeaderEpoch refused; will retry',
          );
          continue;
        }
        await this.truncate(f.partition, r.leaderEpoch, Number(r.endOffset));
        f.needsTruncation = false;
      }
    }
  }

  /** KIP-279: cut the log where it stops agreeing with the leader's epochs. */
  private async truncate(p: Partition, leaderEpoch: number, leaderEndOffset: number): Promise<void> {
    await p.idle();
    const localEpoch = p.latestEpoch;
    let target: number;
    if (leaderEndOffset < 0 || localEpoch < 0) {
      target = p.highWatermark; // nothing to compare epochs with: keep only what was committed
    } else if (leaderEpoch === localEpoch) {
      target = leaderEndOffset;
    } else {
      const own = p.lastOffsetForLeaderEpoch(leaderEpoch).endOffset;
      target = Math.min(leaderEndOffset, own < 0 ? leaderEndOffset : own);
    }
    if (target < p.logEndOffset) {
      this.logger.info(
        { topic: p.topic, partition: p.partition, from: p.logEndOffset, to: target, leader: this.leaderId, leaderEpoch },
        'truncating a divergent log tail',
      );
      p.truncateTo(target);
    }
  }

  private async fetchOnce(conn: KafkaClientConnection): Promise<void> {
    const fetching = [...this.partitions.values()].filter((f) => !f.needsTruncation).map((f) => f.partition);
    if (fetching.length === 0) {
      await new Promise((r) => setTimeout(r, 100));
      return;
    }
    const res = await conn.request(ApiKey.Fetch, 12, {
      ...FetchRequestTypes.defaultFetchRequest(),
      replicaId: this.localNodeId,
      maxWaitMs: this.config.maxWaitMs,
      minBytes: 1,
      maxBytes: this.config.maxBytes,
      sessionId: 0,
      sessionEpoch: -1,
      topics: groupByTopic(fetching).map(([topic, ps]) => ({
        ...FetchRequestTypes.defaultFetchTopic(),
        topic,
        partitions: ps.map((p) => ({
          ...FetchRequestTypes.defaultFetchPartition(),
          partition: p.partition,
          currentLeaderEpoch: p.leaderEpoch,
          fetchOffset: BigInt(p.logEndOffset),
          logStartOffset: BigInt(p.logStartOffset),
          partitionMaxBytes: this.config.partitionMaxBytes,
        })),
      })),
    });
    if (res.errorCode !== ErrorCode.NONE) throw new Error(`fetch refused: ${errorName(res.errorCode)}`);
    let backoff = false;
    for (const t of res.responses) {
      for (const r of t.partitions) {
        const f = this.partitions.get(`${t.topic}-${r.partitionIndex}`);
        if (f === undefined) continue;
        const p = f.partition;
        if (r.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE) {
          await this.handleOutOfRange(conn, f);
          continue;
        }
        if (r.errorCode !== ErrorCode.NONE) {
          // NOT_LEADER_OR_FOLLOWER, FENCED/UNKNOWN_LEADER_EPOCH…: wait for metadata to catch up
          backoff = true;
          continue;
        }
        const batches = r.records === null ? null : completeBatches(r.records);
        if (batches !== null && batches.length > 0) await p.appendRecordsToFollower(batches);
        p.updateFollowerHighWatermark(Number(r.highWatermark));
        p.maybeIncrementLogStartOffset(Number(r.logStartOffset));
      }
    }
    if (backoff) await new Promise((r) => setTimeout(r, 200));
  }

  /** Ahead of the leader (truncate again) or behind its log start (start over at the leader's start). */
  private async handleOutOfRange(conn: KafkaClientConnection, f: Fetched): Promise<void> {
    const p = f.partition;
    const res = await conn.request(ApiKey.ListOffsets, 7, {
      ...ListOffsetsRequestTypes.defaultListOffsetsRequest(),
      replicaId: this.localNodeId,
      topics: [
        {
          ...ListOffsetsRequestTypes.defaultListOffsetsTopic(),
          name: p.topic,
          partitions: [
            {
              ...ListOffsetsRequestTypes.defaultListOffsetsPartition(),
              partitionIndex: p.partition,
              currentLeaderEpoch: p.leaderEpoch,
              timestamp: EARLIEST_TIMESTAMP,
            },
          ],
        },
      ],
    });
    const earliest = res.topics[0]?.partitions[0];
    if (earliest === undefined || earliest.errorCode !== ErrorCode.NONE) return;
    const leaderStart = Number(earliest.offset);
    await p.idle();
    if (p.logEndOffset < leaderStart) {
      this.logger.warn(
        { topic: p.topic, partition: p.partition, from: p.logEndOffset, leaderStart },
        "follower is behind the leader's log start: starting over there",
      );
      p.truncateFullyAndStartAt(leaderStart);
    } else {
      f.needsTruncation = true;
    }
  }
}

function groupByTopic(partitions: Partition[]): Array<[string, Partition[]]> {
  const m = new Map<string, Partition[]>();
  for (const p of partitions) m.set(p.topic, [...(m.get(p.topic) ?? []), p]);
  return [...m];
}
