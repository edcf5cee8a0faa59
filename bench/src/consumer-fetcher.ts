// One consumer's fetches from one broker, issued the way the Java consumer and librdkafka issue them:
// one Fetch in flight per broker connection, every assigned partition that broker leads in each
// request, max.partition.fetch.bytes 1 MiB, fetch.max.bytes 50 MiB, fetch.min.bytes 1,
// fetch.max.wait.ms 500, Fetch v16 naming topics by id (librdkafka 2.12's highest; the Java
// client's v17 adds only a follower field).
//
// With `sessions` (the Java consumer's FetchSessionHandler, KIP-227) the first fetch opens a session
// (session id 0, epoch 0, every partition) and the following ones are incremental (the session's id,
// epoch 1, 2, …) and name only the partitions whose position moved since the broker last heard of
// them; the answer carries only partitions with news. A session the broker did not create (id 0 in
// the answer) or has lost (FETCH_SESSION_ID_NOT_FOUND, INVALID_FETCH_SESSION_EPOCH) makes the next
// fetch a full one again, as in Java; `sessionResets` counts the losses. Without `sessions` it is
// librdkafka (2.12 and 2.15 always send session id 0, epoch -1): every partition, every time.
//
// Answers are checked: a partition's first batch must start exactly at the position asked for
// (whole batches are consumed, so positions stay on batch boundaries), and the position moves past
// the last whole batch; a batch cut off at the partition's byte limit is left for the next fetch.
import { ApiKey, ErrorCode, FetchRequestTypes, decodeResponse, errorName, type FetchRequest } from '@tarn/protocol';
import type { PipelinedConnection } from './pipelined-connection';

export const CONSUMER_FETCH_VERSION = 16;
const MiB = 1024 * 1024;
const BATCH_HEADER_BYTES = 61;
const INT32_MAX = 2 ** 31 - 1;

export interface ConsumerFetcherOptions {
  topicId: string;
  /** The partitions this broker leads, with the leader epoch Metadata gave (sent as currentLeaderEpoch). */
  partitions: ReadonlyArray<{ partition: number; leaderEpoch: number }>;
  sessions: boolean;
  maxWaitMs?: number;
  minBytes?: number;
  partitionMaxBytes?: number;
  maxBytes?: number;
  /** Called for every whole batch, during the response (the buffer is only valid then). */
  onBatch?: (partition: number, buf: Buffer, pos: number, size: number, receivedAt: number) => void;
}

export class ConsumerFetcher {
  /** partition → next offset to consume */
  readonly positions = new Map<number, number>();
  /** partition → the offset the session on the broker holds for it */
  private readonly sessionOffsets = new Map<number, number>();
  private readonly leaderEpochs = new Map<number, number>();
  private sessionId = 0;
  private epoch = 0;
  fetches = 0;
  /** Fetches that named a partition, summed over fetches (sessions name fewer). */
  partitionsNamed = 0;
  /** Partitions carried by the answers, summed over fetches. */
  partitionsAnswered = 0;
  records = 0;
  bytes = 0;
  sessionResets = 0;
  /** Full fetches the broker answered without creating a session. */
  sessionsRefused = 0;

  constructor(
    private readonly conn: PipelinedConnection,
    private readonly opts: ConsumerFetcherOptions,
  ) {
    for (const p of opts.partitions) {
      this.positions.set(p.partition, 0);
      this.leaderEpochs.set(p.partition, p.leaderEpoch);
    }
  }

  /** Sends one Fetch and consumes its answer; resolves when the answer is processed. */
  fetchOnce(): Promise<void> {
    const request = this.request();
    return new Promise((resolve, reject) => {
      this.conn.send(ApiKey.Fetch, CONSUMER_FETCH_VERSION, request, (frame, err) => {
        if (frame === null) return reject(err ?? new Error('no response'));
        try {
          this.consume(frame, request.sessionEpoch);
          resolve();
        } catch (e) {
          reject(e as Error);
        }
      });
    });
  }

  private request(): FetchRequest {
    const full = !this.opts.sessions || this.epoch === 0;
    const named: number[] = [];
    for (const [partition, position] of this.positions) {
      if (full || this.sessionOffsets.get(partition) !== position) named.push(partition);
    }
    if (this.opts.sessions) for (const p of named) this.sessionOffsets.set(p, this.positions.get(p)!);
    this.fetches++;
    this.partitionsNamed += named.length;
    return {
      ...FetchRequestTypes.defaultFetchRequest(),
      maxWaitMs: this.opts.maxWaitMs ?? 500,
      minBytes: this.opts.minBytes ?? 1,
      maxBytes: this.opts.maxBytes ?? 50 * MiB,
      sessionId: this.opts.sessions ? this.sessionId : 0,
      sessionEpoch: this.opts.sessions ? this.epoch : -1,
      topics:
        named.length === 0
          ? []
          : [
              {
                ...FetchRequestTypes.defaultFetchTopic(),
                topicId: this.opts.topicId,
                partitions: named.map((partition) => ({
                  ...FetchRequestTypes.defaultFetchPartition(),
                  partition,
                  currentLeaderEpoch: this.leaderEpochs.get(partition)!,
                  fetchOffset: BigInt(this.positions.get(partition)!),
                  partitionMaxBytes: this.opts.partitionMaxBytes ?? MiB,
                })),
              },
            ],
    };
  }

  private consume(frame: Buffer, sentEpoch: number): void {
    const receivedAt = performance.now();
    const res = decodeResponse(ApiKey.Fetch, CONSUMER_FETCH_VERSION, frame).body;
    if (res.errorCode === ErrorCode.FETCH_SESSION_ID_NOT_FOUND || res.errorCode === ErrorCode.INVALID_FETCH_SESSION_EPOCH) {
      this.sessionResets++;
      this.resetSession();
      return;
    }
    if (res.errorCode !== ErrorCode.NONE) throw new Error(`fetch: ${errorName(res.errorCode)}`);
    if (this.opts.sessions) {
      if (sentEpoch === 0) {
        if (res.sessionId === 0) {
          this.sessionsRefused++;
          this.resetSession();
        } else {
          this.sessionId = res.sessionId;
          this.epoch = 1;
        }
      } else this.epoch = this.epoch === INT32_MAX ? 1 : this.epoch + 1;
    }
    for (const t of res.responses) {
      if (t.topicId !== this.opts.topicId) throw new Error(`fetch answered topic id ${t.topicId}, asked ${this.opts.topicId}`);
      for (const p of t.partitions) {
        this.partitionsAnswered++;
        if (p.errorCode !== ErrorCode.NONE) throw new Error(`fetch partition ${p.partitionIndex}: ${errorName(p.errorCode)}`);
        if (p.records !== null && p.records.length > 0) this.consumePartition(p.partitionIndex, p.records, receivedAt);
      }
    }
  }

  private resetSession(): void {
    this.sessionId = 0;
    this.epoch = 0;
    this.sessionOffsets.clear();
  }

  private consumePartition(partition: number, buf: Buffer, receivedAt: number): void {
    let position = this.positions.get(partition);
    if (position === undefined) throw new Error(`fetch answered partition ${partition}, not asked for`);
    let pos = 0;
    while (pos + BATCH_HEADER_BYTES <= buf.length) {
      const size = buf.readInt32BE(pos + 8) + 12;
      if (pos + size > buf.length) break;
      const baseOffset = Number(buf.readBigInt64BE(pos));
      if (pos === 0 && baseOffset !== position)
        throw new Error(`partition ${partition}: fetch at ${position} answered from offset ${baseOffset}`);
      this.records += buf.readInt32BE(pos + 57);
      this.bytes += size;
      this.opts.onBatch?.(partition, buf, pos, size, receivedAt);
      position = baseOffset + buf.readInt32BE(pos + 23) + 1; // lastOffsetDelta
      pos += size;
    }
    this.positions.set(partition, position);
  }
}
