/**
 * What `tarn dump-log` finds in a file, as data: the dumpers yield these, and the text formatter
 * (kafka-text.ts) turns each into the line kafka-dump-log.sh (Kafka 2.1's DumpLogSegments) prints,
 * while `--output json` writes them as they are, one JSON object per line.
 */
export type DumpEvent =
  | { type: 'file'; path: string }
  | { type: 'log-start'; offset: number }
  | BatchEvent
  | RecordEvent
  | { type: 'trailing-bytes'; bytes: number; fileName: string }
  | { type: 'index-entry'; offset: number; position: number }
  | { type: 'time-index-entry'; timestamp: number; offset: number }
  | TxnIndexEvent
  | SnapshotEvent;

/** One log entry read shallowly: a v2 batch, or a magic 0/1 message (a compressed one is a wrapper). */
export interface BatchEvent {
  type: 'batch';
  magic: number;
  baseOffset: number;
  lastOffset: number;
  /** Records in a v2 batch (null for magic 0/1, as Kafka's countOrNull). */
  count: number | null;
  baseSequence: number;
  lastSequence: number;
  producerId: number;
  producerEpoch: number;
  partitionLeaderEpoch: number;
  isTransactional: boolean;
  isControl: boolean;
  position: number;
  timestampType: TimestampTypeName;
  maxTimestamp: number;
  isValid: boolean;
  size: number;
  compressCodec: string;
  crc: number;
}

export interface RecordEvent {
  type: 'record';
  offset: number;
  /** Position of the batch (or wrapper message) holding the record. */
  position: number;
  timestampType: TimestampTypeName;
  timestamp: number;
  isValid: boolean;
  keySize: number;
  valueSize: number;
  magic: number;
  compressCodec: string;
  /** v2 only */
  producerId?: number;
  producerEpoch?: number;
  sequence?: number;
  isTransactional?: boolean;
  headerKeys?: string[];
  /** magic 0/1 only: the message's own CRC-32 */
  crc?: number;
  /** Control records: COMMIT/ABORT markers, or another control type. */
  endTxnMarker?: { controlType: 'COMMIT' | 'ABORT'; coordinatorEpoch: number };
  controlType?: string;
  /** With --print-data-log: the record's key and value as the chosen decoder renders them. */
  key?: string;
  payload?: string;
}

export interface TxnIndexEvent {
  type: 'txn-index-entry';
  version: number;
  producerId: number;
  firstOffset: number;
  lastOffset: number;
  lastStableOffset: number;
}

export interface SnapshotEvent {
  type: 'snapshot-entry';
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  /** null when no transaction is open (Kafka prints Scala's None) */
  currentTxnFirstOffset: number | null;
  /** The producer's last data batch, absent when the snapshot holds none. */
  lastBatch?: { firstSequence: number; lastSequence: number; lastOffset: number; offsetDelta: number; timestamp: number };
}

export type TimestampTypeName = 'CreateTime' | 'LogAppendTime' | 'NoTimestampType';

/** Kafka's sequence arithmetic: sequences wrap from Int.MaxValue to 0. */
export function incrementSequence(sequence: number, increment: number): number {
  if (sequence > 0x7fffffff - increment) return increment - (0x7fffffff - sequence) - 1;
  return sequence + increment;
}

export function decrementSequence(sequence: number, decrement: number): number {
  if (sequence < decrement) return 0x7fffffff - (decrement - sequence) + 1;
  return sequence - decrement;
}
