/**
 * Fetch sessions (KIP-227, Kafka's FetchSession / FetchSessionCache): a client that fetches the same
 * partitions over and over creates a session with a full fetch (epoch 0); its later fetches name only
 * what changed (new positions, added and forgotten partitions) with the next epoch, and the broker
 * answers only the partitions with something new — records, an error, or a moved high watermark, last
 * stable offset or log start offset. A big consumer's idle fetch shrinks from every partition each way
 * to nearly nothing.
 *
 * At most `max.incremental.fetch.session.cache.slots` sessions are kept. When the cache is full, a new
 * session takes the slot of one idle longer than two minutes (Kafka's
 * MinIncrementalFetchSessionEvictionMs), else of the least valuable one if the newcomer is worth
 * more — followers' sessions above consumers', then more partitions above fewer, as Kafka ranks
 * them; otherwise the client fetches without a session (session id 0), which clients accept.
 */

/** Epochs (Kafka's FetchMetadata): 0 opens a session with a full fetch, -1 closes it (or asks for none). */
export const INITIAL_EPOCH = 0;
export const FINAL_EPOCH = -1;
export const INVALID_SESSION_ID = 0;
export const EVICTION_IDLE_MS = 120_000;

/** One partition of a session: what the client asked for, and what it was last told. */
export interface SessionPartition {
  /** null for a topic id this broker does not know (answered UNKNOWN_TOPIC_ID) */
  topic: string | null;
  topicId: string;
  partition: number;
  fetchOffset: number;
  maxBytes: number;
  currentLeaderEpoch: number;
  /** Last values sent; -1 makes the next answer include the partition. */
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
}

export class FetchSession {
  /** The epoch the client's next incremental fetch must carry. */
  epoch = 1;
  lastUsedMs: number;

  constructor(
    readonly id: number,
    /** A follower's session (replica fetches outrank consumers' in eviction). */
    readonly privileged: boolean,
    /** Whether the session names topics by id (Fetch v13+): a session is used at one kind of version. */
    readonly usesTopicIds: boolean,
    /** In fetch order: partitions that returned records move to the end, so none starves the others. */
    readonly partitions: Map<string, SessionPartition>,
    now: number,
  ) {
    this.lastUsedMs = now;
  }

  /** Kafka's nextEpoch: 1 after Int32 max. */
  advanceEpoch(): void {
    this.epoch = this.epoch === 0x7fffffff ? 1 : this.epoch + 1;
  }
}

export function sessionKey(topicKey: string, partition: number): string {
  return `${topicKey}\u0000${partition}`;
}

export class FetchSessionCache {
  private readonly sessions = new Map<number, FetchSession>();
  private lastId = 0;

  constructor(
    private readonly maxSlots: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  get(id: number): FetchSession | undefined {
    const s = this.sessions.get(id);
    if (s !== undefined) s.lastUsedMs = this.now();
    return s;
  }

  remove(id: number): void {
    this.sessions.delete(id);
  }

  /** A new session for these partitions, or null when the cache has no slot for it. */
  create(privileged: boolean, usesTopicIds: boolean, partitions: Map<string, SessionPartition>): FetchSession | null {
    if (this.maxSlots <= 0) return null;
    const now = this.now();
    if (this.sessions.size >= this.maxSlots && !this.evictFor(privileged, partitions.size, now)) return null;
    const session = new FetchSession(this.newId(), privileged, usesTopicIds, partitions, now);
    this.sessions.set(session.id, session);
    return session;
  }

  private newId(): number {
    // positive int32 ids, never 0, never one in use
    do this.lastId = this.lastId >= 0x7fffffff ? 1 : this.lastId + 1;
    while (this.sessions.has(this.lastId));
    return this.lastId;
  }

  private evictFor(privileged: boolean, size: number, now: number): boolean {
    let idlest: FetchSession | null = null;
    let leastValuable: FetchSession | null = null;
    const rank = (s: { privileged: boolean; size: number }) => (s.privileged ? 1 : 0) * 2 ** 31 + s.size;
    for (const s of this.sessions.values()) {
      if (idlest === null || s.lastUsedMs < idlest.lastUsedMs) idlest = s;
      if (
        leastValuable === null ||
        rank({ privileged: s.privileged, size: s.partitions.size }) <
          rank({ privileged: leastValuable.privileged, size: leastValuable.partitions.size })
      )
        leastValuable = s;
    }
    if (idlest !== null && now - idlest.lastUsedMs > EVICTION_IDLE_MS) {
      this.sessions.delete(idlest.id);
      return true;
    }
    if (
      leastValuable !== null &&
      rank({ privileged, size }) > rank({ privileged: leastValuable.privileged, size: leastValuable.partitions.size })
    ) {
      this.sessions.delete(leastValuable.id);
      return true;
    }
    return false;
  }
}
