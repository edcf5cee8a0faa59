// What a partition's batches say about its transactions, worked out from the batches alone (no
// broker state): every data record is committed (non-transactional, or its producer's next marker
// is a COMMIT), aborted (the next marker is an ABORT) or open (no marker yet), and every aborted
// transaction that holds data is the entry the partition's `.txnindex` must have for it — Kafka's
// AbortedTxn: the producer, its first data offset, the marker's offset, and the last stable offset
// at the marker (the first offset of another producer's transaction still open then, else the
// marker's offset + 1). A marker that ends no data writes no index entry (Kafka's
// ProducerAppendInfo.appendEndTxnMarker emits no CompletedTxn for an empty transaction).
import { isControl, isTransactional, type RecordBatch } from '@tarn/protocol';

export interface LogRecord {
  offset: number;
  key: string | null;
  value: string | null;
  producerId: number;
}

export interface TxnMarkerRecord {
  offset: number;
  producerId: number;
  producerEpoch: number;
  type: 'COMMIT' | 'ABORT';
  coordinatorEpoch: number;
}

export interface AbortedTxnEntry {
  producerId: number;
  firstOffset: number;
  lastOffset: number;
  lastStableOffset: number;
}

export interface TxnLogView {
  committed: LogRecord[];
  aborted: LogRecord[];
  open: LogRecord[];
  markers: TxnMarkerRecord[];
  /** The non-empty aborted transactions, in marker order: what `.txnindex` must hold. */
  abortedTxns: AbortedTxnEntry[];
  /** The offset after the last batch. */
  endOffset: number;
}

/** Classifies `batches`, which must be a partition's batches in offset order from its start. */
export function viewTransactions(batches: Iterable<RecordBatch>): TxnLogView {
  const view: TxnLogView = { committed: [], aborted: [], open: [], markers: [], abortedTxns: [], endOffset: 0 };
  const ongoing = new Map<number, LogRecord[]>(); // producer id → its open transaction's records
  for (const { header, records } of batches) {
    view.endOffset = header.baseOffset + header.lastOffsetDelta + 1;
    const pid = header.producerId;
    if (isControl(header.attributes)) {
      const r = records[0];
      if (r === undefined || r.key === null || r.key.length < 4) continue;
      const type = r.key.readInt16BE(2) === 1 ? 'COMMIT' : 'ABORT';
      const coordinatorEpoch = r.value !== null && r.value.length >= 6 ? r.value.readInt32BE(2) : -1;
      view.markers.push({ offset: r.offset, producerId: pid, producerEpoch: header.producerEpoch, type, coordinatorEpoch });
      const txn = ongoing.get(pid);
      ongoing.delete(pid);
      if (txn === undefined) continue;
      (type === 'COMMIT' ? view.committed : view.aborted).push(...txn);
      if (type === 'ABORT') {
        let lastStableOffset = r.offset + 1;
        for (const other of ongoing.values()) lastStableOffset = Math.min(lastStableOffset, other[0]!.offset);
        view.abortedTxns.push({ producerId: pid, firstOffset: txn[0]!.offset, lastOffset: r.offset, lastStableOffset });
      }
      continue;
    }
    const out = records.map((r) => ({
      offset: r.offset,
      key: r.key?.toString() ?? null,
      value: r.value?.toString() ?? null,
      producerId: pid,
    }));
    if (!isTransactional(header.attributes)) view.committed.push(...out);
    else if (out.length > 0) ongoing.set(pid, [...(ongoing.get(pid) ?? []), ...out]);
  }
  for (const txn of ongoing.values()) view.open.push(...txn);
  view.committed.sort((a, b) => a.offset - b.offset);
  view.aborted.sort((a, b) => a.offset - b.offset);
  view.open.sort((a, b) => a.offset - b.offset);
  return view;
}
