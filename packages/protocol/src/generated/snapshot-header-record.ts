// generated — do not edit. Source: shared/kafka-protocol/messages/SnapshotHeaderRecord.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * SnapshotHeaderRecord (data); versions 0; flexible 0+.
 */
export interface SnapshotHeaderRecord {
  /** The version of the snapshot header record */
  version: number;
  /** The append time of the last record from the log contained in this snapshot */
  lastContainedLogTimestamp: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for SnapshotHeaderRecord: `read` and `write` its body at a given version. */
export const SnapshotHeaderRecord = {
  type: 'data',
  name: 'SnapshotHeaderRecord',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readSnapshotHeaderRecord,
  write: writeSnapshotHeaderRecord,
} as const satisfies MessageCodec<SnapshotHeaderRecord>;

function readSnapshotHeaderRecord(r: Reader, v: number): SnapshotHeaderRecord {
  checkVersion(v, 0, 0, 'SnapshotHeaderRecord');
  const o: SnapshotHeaderRecord = {
    version: r.int16(),
    lastContainedLogTimestamp: r.int64(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeSnapshotHeaderRecord(w: Writer, v: number, o: SnapshotHeaderRecord): void {
  checkVersion(v, 0, 0, 'SnapshotHeaderRecord');
  w.int16(o.version);
  w.int64(o.lastContainedLogTimestamp);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** SnapshotHeaderRecord with every field at its default (Kafka's no-argument constructor). */
export function defaultSnapshotHeaderRecord(): SnapshotHeaderRecord {
  return {
    version: 0,
    lastContainedLogTimestamp: 0n,
  };
}
