/**
 * The client half of incremental fetch sessions (KIP-227, Kafka's FetchSessionHandler), one per
 * broker: the first Fetch (epoch 0) lists every partition and the broker answers with a session
 * id; later Fetches carry only the partitions that are new or whose fetch offset moved, plus the
 * ones to forget, and the broker answers only for partitions with something to say. Any session
 * error or broken connection resets to a full fetch. Fetch versions before 7 have no sessions.
 */
import { tpKey, type TopicPartition } from './assignors/types';

export interface SessionPartition {
  tp: TopicPartition;
  fetchOffset: number;
  /** Sent as current_leader_epoch; a change is sent like a moved offset (Kafka compares whole PartitionData). */
  currentLeaderEpoch?: number;
}

export interface SessionRequest {
  sessionId: number;
  sessionEpoch: number;
  /** Partitions to put in the request's topics. */
  send: SessionPartition[];
  /** Partitions the broker should drop from the session. */
  forget: TopicPartition[];
}

const INITIAL_EPOCH = 0;
/** Kafka's FINAL_EPOCH: a fetch outside any session. */
const NO_SESSION_EPOCH = -1;

export class FetchSession {
  private sessionId = 0;
  private epoch = INITIAL_EPOCH;
  private partitions = new Map<string, SessionPartition>();
  private pending: Map<string, SessionPartition> | null = null;

  /** The request for `wanted` (every partition to fetch now, with its offset). */
  build(wanted: readonly SessionPartition[], version: number): SessionRequest {
    const next = new Map(wanted.map((p) => [tpKey(p.tp), p] as const));
    if (version < 7) return { sessionId: 0, sessionEpoch: NO_SESSION_EPOCH, send: [...wanted], forget: [] };
    this.pending = next;
    if (this.sessionId === 0 || this.epoch === INITIAL_EPOCH) {
      return { sessionId: 0, sessionEpoch: INITIAL_EPOCH, send: [...wanted], forget: [] };
    }
    const send = wanted.filter((p) => {
      const prev = this.partitions.get(tpKey(p.tp));
      return prev === undefined || prev.fetchOffset !== p.fetchOffset || (prev.currentLeaderEpoch ?? -1) !== (p.currentLeaderEpoch ?? -1);
    });
    const forget = [...this.partitions.entries()].filter(([k]) => !next.has(k)).map(([, p]) => p.tp);
    return { sessionId: this.sessionId, sessionEpoch: this.epoch, send, forget };
  }

  /** The broker accepted the request: remember what it now holds, move to the next epoch. */
  onSuccess(responseSessionId: number): void {
    if (this.pending === null) return;
    if (this.sessionId === 0 || this.epoch === INITIAL_EPOCH) {
      this.sessionId = responseSessionId;
      this.epoch = responseSessionId === 0 ? INITIAL_EPOCH : 1;
    } else {
      this.epoch = this.epoch === 2147483647 ? 1 : this.epoch + 1;
    }
    this.partitions = this.pending;
    this.pending = null;
  }

  /** A session error or a broken connection: the next fetch is a full one. */
  reset(): void {
    this.sessionId = 0;
    this.epoch = INITIAL_EPOCH;
    this.partitions = new Map();
    this.pending = null;
  }
}
