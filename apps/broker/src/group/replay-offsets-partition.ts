/**
 * Rebuilds the groups of one `__consumer_offsets` partition from its log (Kafka's
 * GroupMetadataManager.doLoadGroupsAndOffsets) — the only way coordinator state comes back after a
 * restart or a leader change. The latest record of a key wins; a null value (tombstone) deletes it.
 * Offset commits of a transaction count only once its COMMIT marker is read; aborted ones never.
 * A group with offsets but no metadata record ("simple" consumers, generation -1) loads as Empty.
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
  const out: LoadedPartition = { groups: new Map(), offsets: new Map(), removedGroups: new Set(), records: 0, skipped: 0 };
  const pendingTxn = new Map<number, Array<{ group: string; record: CommitRecord }>>();
  const offsetsOf = (group: string) => {
    let m = out.offsets.get(group);
    if (m === undefined) out.offsets.set(group, (m = new Map()));
    return m;
  };
  const apply = (group: string, record: CommitRecord) => {
    const m = offsetsOf(group);
    const key = tpKey(record.tp.topic, record.tp.partition);
    const current = m.get(key);
    if (current === undefined || (current.appendedBatchOffset ?? -1) <= (record.appendedBatchOffset ?? -1)) m.set(key, record);
  };
  const end = log.logEndOffset;
  for (const r of log.records(log.logStartOffset, { maxOffset: end })) {
    if (++out.records % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const batch = r.batch;
    if (batch !== null && isControl(batch.attributes)) {
      const txn = pendingTxn.get(batch.producerId) ?? [];
      pendingTxn.delete(batch.producerId);
      if (r.key !== null && r.key.length >= 4 && r.key.readInt16BE(2) === CONTROL_COMMIT) for (const t of txn) apply(t.group, t.record);
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
      if (r.value === null) {
        out.offsets.get(key.group)?.delete(tpKey(tp.topic, tp.partition));
        continue;
      }
      const record: CommitRecord = {
        tp,
        appendedBatchOffset: batch?.baseOffset ?? r.offset,
        offsetAndMetadata: decodeOffsetCommitValue(r.value),
      };
      if (batch !== null && isTransactional(batch.attributes)) {
        const list = pendingTxn.get(batch.producerId) ?? [];
        list.push({ group: key.group, record });
        pendingTxn.set(batch.producerId, list);
      } else apply(key.group, record);
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
  return out;
}
