/**
 * One DumpEvent → the line Kafka 2.1's kafka-dump-log.sh prints for it, field for field (the
 * fixtures in shared/kafka-fixtures/log-dir-dump are that tool's output for Kafka's own segments).
 */
import type { DumpEvent, RecordEvent } from './dump-events';

function recordLine(e: RecordEvent): string {
  let s =
    `offset: ${e.offset} position: ${e.position} ${e.timestampType}: ${e.timestamp} isvalid: ${e.isValid} ` +
    `keysize: ${e.keySize} valuesize: ${e.valueSize} magic: ${e.magic} compresscodec: ${e.compressCodec}`;
  if (e.magic >= 2) {
    s +=
      ` producerId: ${e.producerId} producerEpoch: ${e.producerEpoch} sequence: ${e.sequence}` +
      ` isTransactional: ${e.isTransactional} headerKeys: [${(e.headerKeys ?? []).join(',')}]`;
  } else {
    s += ` crc: ${e.crc}`;
  }
  if (e.endTxnMarker !== undefined)
    s += ` endTxnMarker: ${e.endTxnMarker.controlType} coordinatorEpoch: ${e.endTxnMarker.coordinatorEpoch}`;
  else if (e.controlType !== undefined) s += ` controlType: ${e.controlType}`;
  if (e.key !== undefined) s += ` key: ${e.key}`;
  if (e.payload !== undefined) s += ` payload: ${e.payload}`;
  return s;
}

export function kafkaText(e: DumpEvent): string {
  switch (e.type) {
    case 'file':
      return `Dumping ${e.path}`;
    case 'log-start':
      return `Starting offset: ${e.offset}`;
    case 'batch': {
      const head =
        e.magic >= 2
          ? `baseOffset: ${e.baseOffset} lastOffset: ${e.lastOffset} count: ${e.count} baseSequence: ${e.baseSequence} ` +
            `lastSequence: ${e.lastSequence} producerId: ${e.producerId} producerEpoch: ${e.producerEpoch} ` +
            `partitionLeaderEpoch: ${e.partitionLeaderEpoch} isTransactional: ${e.isTransactional} isControl: ${e.isControl}`
          : `offset: ${e.lastOffset}`;
      return (
        `${head} position: ${e.position} ${e.timestampType}: ${e.maxTimestamp} isvalid: ${e.isValid} size: ${e.size} ` +
        `magic: ${e.magic} compresscodec: ${e.compressCodec} crc: ${e.crc}`
      );
    }
    case 'record':
      return recordLine(e);
    case 'trailing-bytes':
      return `Found ${e.bytes} invalid bytes at the end of ${e.fileName}`;
    case 'index-entry':
      return `offset: ${e.offset} position: ${e.position}`;
    case 'time-index-entry':
      return `timestamp: ${e.timestamp} offset: ${e.offset}`;
    case 'txn-index-entry':
      return (
        `version: ${e.version} producerId: ${e.producerId} firstOffset: ${e.firstOffset} ` +
        `lastOffset: ${e.lastOffset} lastStableOffset: ${e.lastStableOffset}`
      );
    case 'snapshot-entry': {
      const txn = e.currentTxnFirstOffset === null ? 'None' : `Some(${e.currentTxnFirstOffset})`;
      let s =
        `producerId: ${e.producerId} producerEpoch: ${e.producerEpoch} coordinatorEpoch: ${e.coordinatorEpoch} ` +
        `currentTxnFirstOffset: ${txn} `;
      const b = e.lastBatch;
      if (b !== undefined) {
        s +=
          `firstSequence: ${b.firstSequence} lastSequence: ${b.lastSequence} lastOffset: ${b.lastOffset} ` +
          `offsetDelta: ${b.offsetDelta} timestamp: ${b.timestamp}`;
      }
      return s;
    }
  }
}
