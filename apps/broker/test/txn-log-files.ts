// A partition directory read straight from disk, as a test checks what a broker left there: its
// segments' `.log` files decoded batch by batch (up to the first incomplete batch: a crash may leave
// one) and their `.txnindex` files decoded entry by entry (34 bytes each: version int16, producerId
// int64, firstOffset int64, lastOffset int64, lastStableOffset int64; Kafka's TransactionIndex).
// `txnIndexMismatches` compares the index with the aborted transactions the log itself shows
// (txn-log-view.ts), segment by segment: an entry belongs to the segment holding its ABORT marker.
// `transactionStatesOnDisk` replays a `__transaction_state` partition directory.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRecordBatch, type RecordBatch } from '@tarn/protocol';
import { decodeTransactionLogKey, decodeTransactionLogValue } from '../src/transaction/transaction-log';
import { transactionStateName } from '../src/transaction/transaction-state';
import { viewTransactions, type AbortedTxnEntry, type TxnLogView } from './txn-log-view';

const ENTRY_SIZE = 34;

export interface SegmentFiles {
  baseOffset: number;
  batches: RecordBatch[];
  /** The `.txnindex` entries, or null when the segment has no such file. */
  txnIndex: AbortedTxnEntry[] | null;
  /** Bytes of the `.txnindex` file beyond its last whole entry. */
  txnIndexTail: number;
}

function readBatches(buf: Buffer): RecordBatch[] {
  const out: RecordBatch[] = [];
  for (let pos = 0; pos + 12 <= buf.length;) {
    const size = buf.readInt32BE(pos + 8) + 12;
    if (size < 61 || pos + size > buf.length) break;
    out.push(decodeRecordBatch(buf, pos));
    pos += size;
  }
  return out;
}

export function decodeTxnIndex(buf: Buffer): { entries: AbortedTxnEntry[]; versions: number[]; tail: number } {
  const entries: AbortedTxnEntry[] = [];
  const versions: number[] = [];
  let pos = 0;
  for (; pos + ENTRY_SIZE <= buf.length; pos += ENTRY_SIZE) {
    versions.push(buf.readInt16BE(pos));
    entries.push({
      producerId: Number(buf.readBigInt64BE(pos + 2)),
      firstOffset: Number(buf.readBigInt64BE(pos + 10)),
      lastOffset: Number(buf.readBigInt64BE(pos + 18)),
      lastStableOffset: Number(buf.readBigInt64BE(pos + 26)),
    });
  }
  return { entries, versions, tail: buf.length - pos };
}

/** The segments of the partition directory, oldest first. */
export function readSegments(dir: string): SegmentFiles[] {
  const bases = readdirSync(dir)
    .filter((f) => /^\d{20}\.log$/.test(f))
    .map((f) => Number(f.slice(0, 20)))
    .sort((a, b) => a - b);
  return bases.map((baseOffset) => {
    const name = String(baseOffset).padStart(20, '0');
    const indexPath = join(dir, `${name}.txnindex`);
    const index = existsSync(indexPath) ? decodeTxnIndex(readFileSync(indexPath)) : null;
    if (index !== null && index.versions.some((v) => v !== 0)) throw new Error(`${indexPath}: an entry of a version other than 0`);
    return {
      baseOffset,
      batches: readBatches(readFileSync(join(dir, `${name}.log`))),
      txnIndex: index?.entries ?? null,
      txnIndexTail: index?.tail ?? 0,
    };
  });
}

/** The transactions of the whole partition directory, from its `.log` files. */
export function viewPartitionDir(dir: string): TxnLogView {
  return viewTransactions(readSegments(dir).flatMap((s) => s.batches));
}

/**
 * How the `.txnindex` files differ from the ABORT markers in the `.log` files (empty: they match).
 * Each segment's index must hold exactly the non-empty aborted transactions whose marker is in it.
 */
export function txnIndexMismatches(dir: string): string[] {
  const segments = readSegments(dir);
  const view = viewTransactions(segments.flatMap((s) => s.batches));
  const problems: string[] = [];
  const fmt = (e: AbortedTxnEntry) => `pid ${e.producerId} [${e.firstOffset}, ${e.lastOffset}] lso ${e.lastStableOffset}`;
  segments.forEach((s, i) => {
    const next = segments[i + 1]?.baseOffset ?? Infinity;
    const expected = view.abortedTxns.filter((t) => t.lastOffset >= s.baseOffset && t.lastOffset < next).map(fmt);
    const actual = (s.txnIndex ?? []).map(fmt);
    if (s.txnIndexTail !== 0) problems.push(`segment ${s.baseOffset}: ${s.txnIndexTail} bytes after the last whole index entry`);
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      problems.push(
        `segment ${s.baseOffset}: the log's aborted transactions ${JSON.stringify(expected)}, the index ${JSON.stringify(actual)}`,
      );
  });
  return problems;
}

/** The last state `__transaction_state` holds for each transactional id, read from the partition directory. */
export function transactionStatesOnDisk(dir: string): Map<string, { state: string; producerId: number; producerEpoch: number }> {
  const out = new Map<string, { state: string; producerId: number; producerEpoch: number }>();
  for (const b of readSegments(dir).flatMap((s) => s.batches))
    for (const r of b.records) {
      const id = r.key === null ? null : decodeTransactionLogKey(r.key);
      if (id === null) continue;
      if (r.value === null) {
        out.delete(id);
        continue;
      }
      const v = decodeTransactionLogValue(r.value);
      out.set(id, { state: transactionStateName(v.state), producerId: v.producerId, producerEpoch: v.producerEpoch });
    }
  return out;
}
