// generated — do not edit. Source: shared/kafka-protocol/messages/SnapshotFooterRecord.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * SnapshotFooterRecord (data); versions 0; flexible 0+.
 */
export interface SnapshotFooterRecord {
  /** The version of the snapshot footer record */
  version: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for SnapshotFooterRecord: `read` and `write` its body at a given version. */
export const SnapshotFooterRecord = {
  type: 'data',
  name: 'SnapshotFooterRecord',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readSnapshotFooterRecord,
  write: writeSnapshotFooterRecord,
} as const satisfies MessageCodec<SnapshotFooterRecord>;

function readSnapshotFooterRecord(r: Reader, v: number): SnapshotFooterRecord {
  checkVersion(v, 0, 0, 'SnapshotFooterRecord');
  const o: SnapshotFooterRecord = {
    version: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeSnapshotFooterRecord(w: Writer, v: number, o: SnapshotFooterRecord): void {
  checkVersion(v, 0, 0, 'SnapshotFooterRecord');
  w.int16(o.version);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** SnapshotFooterRecord with every field at its default (Kafka's no-argument constructor). */
export function defaultSnapshotFooterRecord(): SnapshotFooterRecord {
  return {
    version: 0,
  };
}
