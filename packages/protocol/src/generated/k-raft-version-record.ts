// generated — do not edit. Source: shared/kafka-protocol/messages/KRaftVersionRecord.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * KRaftVersionRecord (data); versions 0; flexible 0+.
 */
export interface KRaftVersionRecord {
  /** The version of the kraft version record */
  version: number;
  /** The kraft protocol version */
  kRaftVersion: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for KRaftVersionRecord: `read` and `write` its body at a given version. */
export const KRaftVersionRecord = {
  type: 'data',
  name: 'KRaftVersionRecord',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readKRaftVersionRecord,
  write: writeKRaftVersionRecord,
} as const satisfies MessageCodec<KRaftVersionRecord>;

function readKRaftVersionRecord(r: Reader, v: number): KRaftVersionRecord {
  checkVersion(v, 0, 0, 'KRaftVersionRecord');
  const o: KRaftVersionRecord = {
    version: r.int16(),
    kRaftVersion: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeKRaftVersionRecord(w: Writer, v: number, o: KRaftVersionRecord): void {
  checkVersion(v, 0, 0, 'KRaftVersionRecord');
  w.int16(o.version);
  w.int16(o.kRaftVersion);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** KRaftVersionRecord with every field at its default (Kafka's no-argument constructor). */
export function defaultKRaftVersionRecord(): KRaftVersionRecord {
  return {
    version: 0,
    kRaftVersion: 0,
  };
}
