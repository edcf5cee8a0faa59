/**
 * Rebuilds the groups of one `__consumer_offsets` partition from its log (Kafka's
 * GroupMetadataManager.doLoadGroupsAndOffsets) — the only way coordinator state comes back after a
 * restart or a leader change. The latest record of a key wins; a null value (tombstone) deletes it.
 * A group with offsets but no metadata record ("simple" consumers, generation -1) loads as Empty.
 *
 * Transactions (KIP-98; the loader of Kafka's GroupMetadataManager): offset commits in a
 * transactional batch are pending for the batch's producer until a control batch of that producer:
 * COMMIT applies them where they stand in the log (a commit written later in the log, transactional
 * or not, wins), ABORT drops them. Commits whose transaction has no marker yet come back pending:
 * the transaction coordinator completes them later (GroupCoordinator.onTxnCompletion). A tombstone
 * written by the coordinator (offsets deleted or expired) also deletes the partition's pending
 * commits, as Kafka 3.9's new coordinator replays it (its classic loader kept them, so that a
 * deleted offset could come back with a later COMMIT): what the log replays to is what the
 * coordinator had in memory, where deletion drops them too.
 * Reading yields to the event loop every few thousand records so a large partition does not stall
 * the broker while it loads (requests for its groups get COORDINATOR_LOAD_IN_PROGRESS meanwhile).
 */
import { isControl, isTransactional } from '@tarn/protocol';
import type { LogRecord, ReadRecordsOptions } from '@tarn/storage';
import { decodeGroupMetadataValue, decodeKey, decodeOffsetCommitValue, type GroupMetadataRecordValue } from './coordinator-record';
import type { CommitRecord } from './group-metadata';
import { tpKey } from './offset-and-metadata';

export interface LoadedPartition {
  /** group → its latest metadata record */
  groups: Map<string, GroupMetadataRecordValue>;
  /** group → tp key → commit */
  offsets: Map<string, Map<string, CommitRecord>>;
  /** group → producer id → tp key → commit of a transaction without a marker yet */
  pendingTxnOffsets: Map<string, Map<number, Map<string, CommitRecord>>>;
  /** groups whose metadata was deleted by a tombstone */
  removedGroups: Set<string>;
  records: number;
  skipped: number;
}

const YIELD_EVERY = 5000;
const CONTROL_COMMIT = 1;

/** What a replay reads: a partition's records between its log start and end (Partition provides it). */
export interface ReplaySource {
  readonly logStartOffset: number;
  readonly logEndOffset: number;
  records(offset: number, options?: ReadRecordsOptions): Iterable<LogRecord>;
}

export async function replayOffsetsPartition(
  log: ReplaySource,
  warn: (msg: string, ctx: Record<string, unknown>) => void,
): Promise<LoadedPartition> {
  const out: LoadedPartition = {
    groups: new Map(),
    offsets: new Map(),
    pendingTxnOffsets: new Map(),
    removedGroups: new Set(),
    records: 0,
    skipped: 0,
  };
  /** producer id → group → tp key → commit, in log order */
  const pendingTxn = new Map<number, Map<string, Map<string, CommitRecord>>>();
  const pendingOf = (producerId: number, group: string) => {
    let byGroup = pendingTxn.get(producerId);
    if (byGroup === undefined) pendingTxn.set(producerId, (byGroup = new Map()));
    let m = byGroup.get(group);
    if (m === undefined) byGroup.set(group, (m = new Map()));
    return m;
  };
  const apply = (group: string, record: CommitRecord) => {
    let m = out.offsets.get(group);
    if (m === undefined) out.offsets.set(group, (m = new Map()));
    const key = tpKey(record.tp.topic, record.tp.partition);
    const current = m.get(key);
    if (current === undefined || (current.appendedBatchOffset ?? -1) <= (record.appendedBatchOffset ?? -1)) m.set(key, record);
  };
  // Until caught up: markers may be appended while the partition loads (WriteTxnMarkers does not
  // wait for it), and the caller installs the result before anything else can append.
  let from = log.logStartOffset;
  for (let end = log.logEndOffset; from < end; from = end, end = log.logEndOffset) {
    for (const r of log.records(from, { maxOffset: end })) {
      if (++out.records % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const batch = r.batch;
      if (batch !== null && isControl(batch.attributes)) {
        // any control record ends the producer's transaction; only a COMMIT applies it
        const txn = pendingTxn.get(batch.producerId);
        pendingTxn.delete(batch.producerId);
        if (
          txn !== undefined &&
          r.key !== null &&
          r.key.length >= 4 &&
          r.key.readInt16BE(0) >= 0 &&
          r.key.readInt16BE(2) === CONTROL_COMMIT
        )
          for (const [group, records] of txn) for (const record of records.values()) apply(group, record);
        continue;
      }
      if (r.key === null) {
        out.skipped++;
        continue;
      }
      let key;
      try {
        key = decodeKey(r.key);
      } catch (err) {
        warn('skipping an undecodable __consumer_offsets key', { offset: r.offset, err: String(err) });
        out.skipped++;
        continue;
      }
      if (key.kind === 'offset') {
        const tp = { topic: key.topic, partition: key.partition };
        const k = tpKey(tp.topic, tp.partition);
        const transactional = batch !== null && isTransactional(batch.attributes);
        if (r.value === null) {
          if (transactional) pendingOf(batch.producerId, key.group).delete(k);
          else {
            out.offsets.get(key.group)?.delete(k);
            for (const byGroup of pendingTxn.values()) byGroup.get(key.group)?.delete(k);
          }
          continue;
        }
        const record: CommitRecord = {
          tp,
          appendedBatchOffset: batch?.baseOffset ?? r.offset,
          offsetAndMetadata: decodeOffsetCommitValue(r.value),
        };
        if (transactional) pendingOf(batch.producerId, key.group).set(k, record);
        else apply(key.group, record);
      } else if (key.kind === 'group') {
        if (r.value === null) {
          out.groups.delete(key.group);
          out.removedGroups.add(key.group);
        } else {
          out.groups.set(key.group, decodeGroupMetadataValue(r.value));
          out.removedGroups.delete(key.group);
        }
      } else out.skipped++; // KIP-848 and share-group records: not ours to interpret
    }
  }
  for (const [producerId, byGroup] of pendingTxn) {
    for (const [group, records] of byGroup) {
      if (records.size === 0) continue; // every commit deleted by a tombstone
      let byProducer = out.pendingTxnOffsets.get(group);
      if (byProducer === undefined) out.pendingTxnOffsets.set(group, (byProducer = new Map()));
      byProducer.set(producerId, records);
    }
  }
  return out;
}
