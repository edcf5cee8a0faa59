// generated — do not edit. Source: shared/kafka-protocol/coordinator-records/OffsetCommitKey.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../../wire/reader';
import type { Writer } from '../../wire/writer';
import type { MessageCodec } from '../../wire/message-codec';
import { checkVersion } from '../../wire/field-checks';

/**
 * OffsetCommitKey (data); versions 0-1; no flexible versions.
 */
export interface OffsetCommitKey {
  /** group */
  group: string;
  /** topic */
  topic: string;
  /** partition */
  partition: number;
}

/** Codec for OffsetCommitKey: `read` and `write` its body at a given version. */
export const OffsetCommitKey = {
  type: 'data',
  name: 'OffsetCommitKey',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: null,
  read: readOffsetCommitKey,
  write: writeOffsetCommitKey,
} as const satisfies MessageCodec<OffsetCommitKey>;

function readOffsetCommitKey(r: Reader, v: number): OffsetCommitKey {
  checkVersion(v, 0, 1, 'OffsetCommitKey');
  const o: OffsetCommitKey = {
    group: r.string(),
    topic: r.string(),
    partition: r.int32(),
  };
  return o;
}

function writeOffsetCommitKey(w: Writer, v: number, o: OffsetCommitKey): void {
  checkVersion(v, 0, 1, 'OffsetCommitKey');
  w.string(o.group);
  w.string(o.topic);
  w.int32(o.partition);
}

/** OffsetCommitKey with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetCommitKey(): OffsetCommitKey {
  return {
    group: "",
    topic: "",
    partition: 0,
  };
}
