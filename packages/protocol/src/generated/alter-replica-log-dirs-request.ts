// generated — do not edit. Source: shared/kafka-protocol/messages/AlterReplicaLogDirsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * AlterReplicaLogDirsRequest (api key 34); versions 0-2; flexible 2+; deprecated 0.
 */
export interface AlterReplicaLogDirsRequest {
  /** The alterations to make for each directory. */
  dirs: AlterReplicaLogDir[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AlterReplicaLogDirTopic: versions 0-2.
 */
export interface AlterReplicaLogDirTopic {
  /** The topic name. */
  name: string;
  /** The partition indexes. */
  partitions: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AlterReplicaLogDir: versions 0-2.
 */
export interface AlterReplicaLogDir {
  /** The absolute directory path. */
  path: string;
  /** The topics to add to the directory. */
  topics: AlterReplicaLogDirTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterReplicaLogDirsRequest: `read` and `write` its body at a given version. */
export const AlterReplicaLogDirsRequest = {
  apiKey: 34,
  type: 'request',
  name: 'AlterReplicaLogDirs',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readAlterReplicaLogDirsRequest,
  write: writeAlterReplicaLogDirsRequest,
} as const satisfies ApiMessageCodec<AlterReplicaLogDirsRequest>;

function readAlterReplicaLogDirsRequest(r: Reader, v: number): AlterReplicaLogDirsRequest {
  checkVersion(v, 0, 2, 'AlterReplicaLogDirsRequest');
  const flex = v === 2;
  const o: AlterReplicaLogDirsRequest = {
    dirs: readArray(r, flex, v, readAlterReplicaLogDir),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterReplicaLogDirsRequest(w: Writer, v: number, o: AlterReplicaLogDirsRequest): void {
  checkVersion(v, 0, 2, 'AlterReplicaLogDirsRequest');
  const flex = v === 2;
  writeArray(w, flex, v, o.dirs, writeAlterReplicaLogDir);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterReplicaLogDirsRequest', v);
}

function readAlterReplicaLogDirTopic(r: Reader, v: number): AlterReplicaLogDirTopic {
  const flex = v === 2;
  const o: AlterReplicaLogDirTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterReplicaLogDirTopic(w: Writer, v: number, o: AlterReplicaLogDirTopic): void {
  const flex = v === 2;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterReplicaLogDirTopic', v);
}

function readAlterReplicaLogDir(r: Reader, v: number): AlterReplicaLogDir {
  const flex = v === 2;
  const o: AlterReplicaLogDir = {
    path: flex ? r.compactString() : r.string(),
    topics: readArray(r, flex, v, readAlterReplicaLogDirTopic),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterReplicaLogDir(w: Writer, v: number, o: AlterReplicaLogDir): void {
  const flex = v === 2;
  if (flex) w.compactString(o.path);
  else w.string(o.path);
  writeArray(w, flex, v, o.topics, writeAlterReplicaLogDirTopic);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterReplicaLogDir', v);
}

/** AlterReplicaLogDir with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterReplicaLogDir(): AlterReplicaLogDir {
  return {
    path: "",
    topics: [],
  };
}

/** AlterReplicaLogDirTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterReplicaLogDirTopic(): AlterReplicaLogDirTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** AlterReplicaLogDirsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterReplicaLogDirsRequest(): AlterReplicaLogDirsRequest {
  return {
    dirs: [],
  };
}
