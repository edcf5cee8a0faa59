// generated — do not edit. Source: shared/kafka-protocol/coordinator-records/GroupMetadataKey.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../../wire/reader';
import type { Writer } from '../../wire/writer';
import type { MessageCodec } from '../../wire/message-codec';
import { checkVersion } from '../../wire/field-checks';

/**
 * GroupMetadataKey (data); versions 2; no flexible versions.
 */
export interface GroupMetadataKey {
  /** group */
  group: string;
}

/** Codec for GroupMetadataKey: `read` and `write` its body at a given version. */
export const GroupMetadataKey = {
  type: 'data',
  name: 'GroupMetadataKey',
  validVersions: { min: 2, max: 2 },
  flexibleVersions: null,
  read: readGroupMetadataKey,
  write: writeGroupMetadataKey,
} as const satisfies MessageCodec<GroupMetadataKey>;

function readGroupMetadataKey(r: Reader, v: number): GroupMetadataKey {
  checkVersion(v, 2, 2, 'GroupMetadataKey');
  const o: GroupMetadataKey = {
    group: r.string(),
  };
  return o;
}

function writeGroupMetadataKey(w: Writer, v: number, o: GroupMetadataKey): void {
  checkVersion(v, 2, 2, 'GroupMetadataKey');
  w.string(o.group);
}

/** GroupMetadataKey with every field at its default (Kafka's no-argument constructor). */
export function defaultGroupMetadataKey(): GroupMetadataKey {
  return {
    group: "",
  };
}
