/**
 * Producer state snapshots, `<offset, 20 digits>.snapshot` in the partition directory: the state of
 * every producer as of that offset (exclusive), in Kafka's format, version 1, so a log directory moves
 * between Kafka and tarn with its producer state:
 *
 *   offset  field     type
 *   0       version   int16   1
 *   2       crc       uint32  CRC-32C of every byte after this field
 *   6       count     int32
 *   10      entries   count × 46 bytes:
 *             producerId int64, epoch int16, lastSequence int32, lastOffset int64, offsetDelta int32,
 *             timestamp int64, coordinatorEpoch int32, currentTxnFirstOffset int64
 *
 * lastSequence/lastOffset/offsetDelta describe the producer's last data batch (-1/-1/0 when it has
 * none, e.g. after only a transaction marker); currentTxnFirstOffset is -1 with no open transaction.
 * As in Kafka, only that one batch survives a restart through a snapshot.
 *
 * Entries are written in the order given; readers (Kafka's too) do not depend on it.
 */
import { computeBatchCrc, readInt64, writeInt64, ATTRIBUTES_OFFSET } from '@tarn/protocol';
import { filenamePrefixFromOffset } from './log-file-names';

export const PRODUCER_SNAPSHOT_FILE_SUFFIX = '.snapshot';
export const PRODUCER_SNAPSHOT_VERSION = 1;

const CRC_OFFSET = 2;
const ENTRIES_OFFSET = 6;
const HEADER_SIZE = 10;
const ENTRY_SIZE = 46;
const SNAPSHOT_FILE = /^(\d{20})\.snapshot$/;

export class CorruptSnapshotError extends Error {}

export interface ProducerSnapshotEntry {
  producerId: number;
  producerEpoch: number;
  lastSequence: number;
  lastOffset: number;
  offsetDelta: number;
  timestamp: number;
  coordinatorEpoch: number;
  currentTxnFirstOffset: number;
}

export function producerSnapshotFileName(offset: number): string {
  return filenamePrefixFromOffset(offset) + PRODUCER_SNAPSHOT_FILE_SUFFIX;
}

/** The offset a snapshot file was taken at, or null when `name` is not a snapshot file. */
export function offsetFromSnapshotFileName(name: string): number | null {
  const m = SNAPSHOT_FILE.exec(name);
  return m === null ? null : Number(m[1]);
}

/**
 * CRC-32C of buf[ENTRIES_OFFSET, end). The protocol package exposes CRC-32C only as the batch CRC,
 * which covers [pos + ATTRIBUTES_OFFSET, pos + size); shifting pos back lines the two ranges up.
 */
function snapshotCrc(buf: Buffer): number {
  const pos = ENTRIES_OFFSET - ATTRIBUTES_OFFSET;
  return computeBatchCrc(buf, pos, buf.length - pos);
}

export function encodeProducerSnapshot(entries: readonly ProducerSnapshotEntry[]): Buffer {
  const buf = Buffer.alloc(HEADER_SIZE + entries.length * ENTRY_SIZE);
  buf.writeInt16BE(PRODUCER_SNAPSHOT_VERSION, 0);
  buf.writeInt32BE(entries.length, ENTRIES_OFFSET);
  let pos = HEADER_SIZE;
  for (const e of entries) {
    writeInt64(buf, e.producerId, pos);
    buf.writeInt16BE(e.producerEpoch, pos + 8);
    buf.writeInt32BE(e.lastSequence, pos + 10);
    writeInt64(buf, e.lastOffset, pos + 14);
    buf.writeInt32BE(e.offsetDelta, pos + 22);
    writeInt64(buf, e.timestamp, pos + 26);
    buf.writeInt32BE(e.coordinatorEpoch, pos + 34);
    writeInt64(buf, e.currentTxnFirstOffset, pos + 38);
    pos += ENTRY_SIZE;
  }
  buf.writeUInt32BE(snapshotCrc(buf), CRC_OFFSET);
  return buf;
}

/** Throws CorruptSnapshotError for anything Kafka would refuse (with Kafka's messages). */
export function decodeProducerSnapshot(buf: Buffer): ProducerSnapshotEntry[] {
  if (buf.length < HEADER_SIZE)
    throw new CorruptSnapshotError(`Snapshot failed schema validation: ${buf.length} bytes is shorter than the header`);
  const count = buf.readInt32BE(ENTRIES_OFFSET);
  if (count < 0 || HEADER_SIZE + count * ENTRY_SIZE > buf.length) {
    throw new CorruptSnapshotError(`Snapshot failed schema validation: ${count} entries do not fit in ${buf.length} bytes`);
  }
  const version = buf.readInt16BE(0);
  if (version !== PRODUCER_SNAPSHOT_VERSION) throw new CorruptSnapshotError(`Snapshot contained an unknown file version ${version}`);
  const stored = buf.readUInt32BE(CRC_OFFSET);
  const computed = snapshotCrc(buf);
  if (stored !== computed) {
    throw new CorruptSnapshotError(`Snapshot is corrupt (CRC is no longer valid). Stored crc: ${stored}. Computed crc: ${computed}`);
  }
  const entries: ProducerSnapshotEntry[] = [];
  for (let i = 0, pos = HEADER_SIZE; i < count; i++, pos += ENTRY_SIZE) {
    entries.push({
      producerId: readInt64(buf, pos),
      producerEpoch: buf.readInt16BE(pos + 8),
      lastSequence: buf.readInt32BE(pos + 10),
      lastOffset: readInt64(buf, pos + 14),
      offsetDelta: buf.readInt32BE(pos + 22),
      timestamp: readInt64(buf, pos + 26),
      coordinatorEpoch: buf.readInt32BE(pos + 34),
      currentTxnFirstOffset: readInt64(buf, pos + 38),
    });
  }
  return entries;
}
