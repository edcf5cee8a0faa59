// generated — do not edit. Source: shared/kafka-protocol/coordinator-records/OffsetCommitValue.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../../wire/reader';
import type { Writer } from '../../wire/writer';
import type { MessageCodec } from '../../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../../wire/tagged-fields';
import { checkVersion } from '../../wire/field-checks';

/**
 * OffsetCommitValue (data); versions 0-4; flexible 4+.
 */
export interface OffsetCommitValue {
  /** offset */
  offset: bigint;
  /** leaderEpoch (versions 3+; default -1; ignorable) */
  leaderEpoch: number;
  /** metadata */
  metadata: string;
  /** commitTimestamp */
  commitTimestamp: bigint;
  /** expireTimestamp (versions 1; default -1; ignorable) */
  expireTimestamp: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for OffsetCommitValue: `read` and `write` its body at a given version. */
export const OffsetCommitValue = {
  type: 'data',
  name: 'OffsetCommitValue',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readOffsetCommitValue,
  write: writeOffsetCommitValue,
} as const satisfies MessageCodec<OffsetCommitValue>;

function readOffsetCommitValue(r: Reader, v: number): OffsetCommitValue {
  checkVersion(v, 0, 4, 'OffsetCommitValue');
  const flex = v === 4;
  const o: OffsetCommitValue = {
    offset: r.int64(),
    leaderEpoch: v >= 3 ? r.int32() : -1,
    metadata: flex ? r.compactString() : r.string(),
    commitTimestamp: r.int64(),
    expireTimestamp: v === 1 ? r.int64() : -1n,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetCommitValue(w: Writer, v: number, o: OffsetCommitValue): void {
  checkVersion(v, 0, 4, 'OffsetCommitValue');
  const flex = v === 4;
  w.int64(o.offset);
  if (v >= 3) w.int32(o.leaderEpoch);
  if (flex) w.compactString(o.metadata);
  else w.string(o.metadata);
  w.int64(o.commitTimestamp);
  if (v === 1) w.int64(o.expireTimestamp);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetCommitValue', v);
}

/** OffsetCommitValue with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetCommitValue(): OffsetCommitValue {
  return {
    offset: 0n,
    leaderEpoch: -1,
    metadata: "",
    commitTimestamp: 0n,
    expireTimestamp: -1n,
  };
}
