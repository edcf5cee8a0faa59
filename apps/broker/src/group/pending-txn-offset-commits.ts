/**
 * One group's transactional offset commits that wait for their transaction to end (the
 * `pendingTransactionalOffsetCommits` of Kafka's GroupMetadata, KIP-98): producer id → partition →
 * commit. TxnOffsetCommit puts a commit here before its record is appended (appendedBatchOffset
 * null) and stamps it with the batch offset once the record is in the log; a COMMIT marker for the
 * producer moves the producer's commits to the group's committed offsets, an ABORT drops them.
 * Until then they are invisible to OffsetFetch (a require_stable fetch answers
 * UNSTABLE_OFFSET_COMMIT for their partitions) and keep their partitions from expiring.
 *
 * A producer whose commits were all deleted (OffsetDelete, DeleteGroups, topic deletion) leaves the
 * set, as replaying the log's tombstones leaves nothing of it either.
 */
import { tpKey, type CommitRecord, type OffsetAndMetadata, type TopicPartition } from './offset-and-metadata';

export class PendingTxnOffsetCommits {
  private readonly byProducer = new Map<number, Map<string, CommitRecord>>();
  /** A commit being appended → the appended one of the same producer and partition it replaced. */
  private readonly replaced = new WeakMap<CommitRecord, CommitRecord>();

  private producer(producerId: number): Map<string, CommitRecord> {
    let m = this.byProducer.get(producerId);
    if (m === undefined) this.byProducer.set(producerId, (m = new Map()));
    return m;
  }

  get isEmpty(): boolean {
    return this.byProducer.size === 0;
  }

  /** Producers with an open transaction on this group (Kafka's activeProducers). */
  producers(): number[] {
    return [...this.byProducer.keys()];
  }

  /** Commits as a loaded partition left them (their records are in the log). */
  initialize(producerId: number, records: Iterable<CommitRecord>): void {
    const m = this.producer(producerId);
    for (const r of records) m.set(tpKey(r.tp.topic, r.tp.partition), r);
  }

  /** Before the append: a later commit of the same partition by the same producer replaces the earlier. */
  prepare(producerId: number, commits: ReadonlyArray<{ tp: TopicPartition; om: OffsetAndMetadata }>): void {
    const m = this.producer(producerId);
    for (const c of commits) {
      const key = tpKey(c.tp.topic, c.tp.partition);
      const prepared: CommitRecord = { tp: c.tp, appendedBatchOffset: null, offsetAndMetadata: c.om };
      const previous = m.get(key);
      const appended = previous === undefined ? undefined : previous.appendedBatchOffset !== null ? previous : this.replaced.get(previous);
      if (appended !== undefined) this.replaced.set(prepared, appended);
      m.set(key, prepared);
    }
  }

  /** The record is in the log: the commit prepared for it (unless a later one replaced it) gets its batch offset. */
  onAppend(producerId: number, record: CommitRecord): void {
    const m = this.byProducer.get(producerId);
    const key = tpKey(record.tp.topic, record.tp.partition);
    const current = m?.get(key);
    if (current === undefined) return; // removed meanwhile (offsets deleted, or the transaction ended)
    if (current.offsetAndMetadata === record.offsetAndMetadata) m!.set(key, record);
    else if (current.appendedBatchOffset === null) this.replaced.set(current, record);
  }

  /**
   * The append failed: the client gets an error and retries, maybe at another coordinator. Kafka
   * drops the partition's commit; an earlier one of the same transaction that is in the log comes
   * back instead, as replaying the log would have it.
   */
  fail(producerId: number, tp: TopicPartition, om: OffsetAndMetadata): void {
    const m = this.byProducer.get(producerId);
    const key = tpKey(tp.topic, tp.partition);
    const current = m?.get(key);
    if (m === undefined || current?.offsetAndMetadata !== om) return;
    const previous = this.replaced.get(current);
    if (previous !== undefined) m.set(key, previous);
    else m.delete(key);
    if (m.size === 0) this.byProducer.delete(producerId);
  }

  /** The producer's transaction ended: its commits, which leave this set. */
  complete(producerId: number): CommitRecord[] {
    const m = this.byProducer.get(producerId);
    this.byProducer.delete(producerId);
    return m === undefined ? [] : [...m.values()];
  }

  hasFrom(producerId: number): boolean {
    return this.byProducer.has(producerId);
  }

  has(tp: TopicPartition): boolean {
    const key = tpKey(tp.topic, tp.partition);
    for (const m of this.byProducer.values()) if (m.has(key)) return true;
    return false;
  }

  /** Drops the partition's commits of every producer; returns them. */
  remove(tp: TopicPartition): CommitRecord[] {
    const key = tpKey(tp.topic, tp.partition);
    const removed: CommitRecord[] = [];
    for (const [producerId, m] of this.byProducer) {
      const r = m.get(key);
      if (r === undefined) continue;
      m.delete(key);
      removed.push(r);
      if (m.size === 0) this.byProducer.delete(producerId);
    }
    return removed;
  }

  topicPartitions(): TopicPartition[] {
    const seen = new Map<string, TopicPartition>();
    for (const m of this.byProducer.values()) for (const [k, r] of m) seen.set(k, r.tp);
    return [...seen.values()];
  }

  /** How many commits wait, over every producer. */
  get size(): number {
    let n = 0;
    for (const m of this.byProducer.values()) n += m.size;
    return n;
  }
}
