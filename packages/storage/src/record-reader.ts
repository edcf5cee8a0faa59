/**
 * Decoded records from a partition log, for the places that really need records (the console's
 * message browser, the group coordinator's replay, tools and tests) — never the fetch path.
 * Magic 0/1 entries of old logs are read too, up-converted to the same record shape.
 */
import {
  LOG_OVERHEAD,
  decodeLegacyMessageSet,
  decodeRecordBatch,
  readBatchHeader,
  type Record,
  type RecordBatchHeader,
} from '@tarn/protocol';
import { parseEntryHeader } from './file-records';
import type { PartitionLog } from './partition-log';

export interface LogRecord extends Record {
  /** The batch header (magic 2) or null for a magic 0/1 message. */
  batch: RecordBatchHeader | null;
  magic: number;
  /** Codec attribute bits of the batch or wrapper. */
  codec: number;
  /** Size of the stored batch (or message) the record came from. */
  batchSize: number;
}

export interface ReadRecordsOptions {
  /** Exclusive upper bound; defaults to the log end offset. */
  maxOffset?: number;
  /** Bytes read per step; grows automatically for a batch that does not fit. */
  chunkBytes?: number;
}

/** Every record with offset >= `fromOffset`, in offset order, control records included. */
export function* readLogRecords(log: PartitionLog, fromOffset: number, options: ReadRecordsOptions = {}): Generator<LogRecord> {
  const maxOffset = options.maxOffset ?? log.logEndOffset;
  let chunk = options.chunkBytes ?? 1024 * 1024;
  let offset = Math.max(fromOffset, log.logStartOffset);
  while (offset < maxOffset) {
    const bytes = log.readBytes(offset, chunk, maxOffset);
    if (bytes.length === 0) return;
    let pos = 0;
    let progressed = false;
    while (pos + LOG_OVERHEAD <= bytes.length) {
      const h = parseEntryHeader(bytes, pos, bytes.length - pos, pos);
      if (h === null || pos + h.size > bytes.length) break;
      const entry = bytes.subarray(pos, pos + h.size);
      if (h.magic === 2) {
        const header = readBatchHeader(entry);
        for (const r of decodeRecordBatch(entry).records) {
          if (r.offset >= offset && r.offset < maxOffset)
            yield { ...r, batch: header, magic: 2, codec: header.attributes & 7, batchSize: h.size };
        }
      } else {
        for (const m of decodeLegacyMessageSet(entry)) {
          if (m.offset >= offset && m.offset < maxOffset) {
            yield {
              offset: m.offset,
              timestamp: m.timestamp,
              key: m.key,
              value: m.value,
              headers: [],
              batch: null,
              magic: m.magic,
              codec: m.codec,
              batchSize: h.size,
            };
          }
        }
      }
      offset = Math.max(offset, h.lastOffset + 1);
      pos += h.size;
      progressed = true;
    }
    if (!progressed) chunk *= 2; // a batch larger than the chunk: read more next time
  }
}
