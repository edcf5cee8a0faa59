/**
 * Reads a segment file entry by entry (a v2 batch or a magic 0/1 message each), the way Kafka's
 * FileLogInputStream does: never more than one entry in memory, so a 1 GiB segment dumps in a few
 * MiB, and a length that runs past the end of the file ends the scan (the bytes left are reported as
 * invalid) instead of being trusted.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ErrorCode, KafkaError, LOG_OVERHEAD, MAGIC_OFFSET } from '@tarn/protocol';

/** offset + size + (v2: partitionLeaderEpoch, magic | v0/1: crc, magic): enough to tell the format. */
const HEADER_SIZE_UP_TO_MAGIC = MAGIC_OFFSET + 1;
/** Kafka's LegacyRecord.RECORD_OVERHEAD_V0: the smallest entry any format can have. */
const MIN_ENTRY_SIZE = 14;

export interface SegmentEntry {
  /** Byte position of the entry in the file. */
  position: number;
  /** The whole entry, offset and length prefix included. */
  buf: Buffer;
}

export class SegmentFile {
  private constructor(
    private readonly fd: number,
    readonly path: string,
    readonly size: number,
  ) {}

  static open(path: string): SegmentFile {
    const fd = openSync(path, 'r');
    return new SegmentFile(fd, path, fstatSync(fd).size);
  }

  close(): void {
    closeSync(this.fd);
  }

  read(position: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buf, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done === length ? buf : buf.subarray(0, done);
  }

  /** The complete entries from `start`; stops before an entry cut short by the end of the file. */
  *entries(start = 0): Generator<SegmentEntry> {
    let position = start;
    while (this.size - position >= HEADER_SIZE_UP_TO_MAGIC) {
      const head = this.read(position, LOG_OVERHEAD);
      const length = head.readInt32BE(LOG_OVERHEAD - 4);
      if (length < MIN_ENTRY_SIZE) {
        throw new KafkaError(
          ErrorCode.CORRUPT_MESSAGE,
          `Found record size ${length} smaller than minimum record overhead (${MIN_ENTRY_SIZE}) in file ${this.path}.`,
        );
      }
      if (position + LOG_OVERHEAD + length > this.size) return;
      yield { position, buf: this.read(position, LOG_OVERHEAD + length) };
      position += LOG_OVERHEAD + length;
    }
  }
}
