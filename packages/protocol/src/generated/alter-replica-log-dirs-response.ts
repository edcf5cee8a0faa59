// generated — do not edit. Source: shared/kafka-protocol/messages/AlterReplicaLogDirsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AlterReplicaLogDirsResponse (api key 34); versions 0-2; flexible 2+.
 */
export interface AlterReplicaLogDirsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for each topic. */
  results: AlterReplicaLogDirTopicResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AlterReplicaLogDirPartitionResult: versions 0-2.
 */
export interface AlterReplicaLogDirPartitionResult {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AlterReplicaLogDirTopicResult: versions 0-2.
 */
export interface AlterReplicaLogDirTopicResult {
  /** The name of the topic. */
  topicName: string;
  /** The results for each partition. */
  partitions: AlterReplicaLogDirPartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterReplicaLogDirsResponse: `read` and `write` its body at a given version. */
export const AlterReplicaLogDirsResponse = {
  apiKey: 34,
  type: 'response',
  name: 'AlterReplicaLogDirs',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readAlterReplicaLogDirsResponse,
  write: writeAlterReplicaLogDirsResponse,
} as const satisfies ApiMessageCodec<AlterReplicaLogDirsResponse>;

function readAlterReplicaLogDirsResponse(r: Reader, v: number): AlterReplicaLogDirsResponse {
  checkVersion(v, 0, 2, 'AlterReplicaLogDirsResponse');
  const flex = v === 2;
  const o: AlterReplicaLogDirsResponse = {
    throttleTimeMs: r.int32(),
    results: readArray(r, flex, v, readAlterReplicaLogDirTopicResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterReplicaLogDirsResponse(w: Writer, v: number, o: AlterReplicaLogDirsResponse): void {
  checkVersion(v, 0, 2, 'AlterReplicaLogDirsResponse');
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.results, writeAlterReplicaLogDirTopicResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterReplicaLogDirsResponse', v);
}

function readAlterReplicaLogDirPartitionResult(r: Reader, v: number): AlterReplicaLogDirPartitionResult {
  const flex = v === 2;
  const o: AlterReplicaLogDirPartitionResult = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterReplicaLogDirPartitionResult(w: Writer, v: number, o: AlterReplicaLogDirPartitionResult): void {
  const flex = v === 2;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterReplicaLogDirPartitionResult', v);
}

function readAlterReplicaLogDirTopicResult(r: Reader, v: number): AlterReplicaLogDirTopicResult {
  const flex = v === 2;
  const o: AlterReplicaLogDirTopicResult = {
    topicName: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readAlterReplicaLogDirPartitionResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterReplicaLogDirTopicResult(w: Writer, v: number, o: AlterReplicaLogDirTopicResult): void {
  const flex = v === 2;
  if (flex) w.compactString(o.topicName);
  else w.string(o.topicName);
  writeArray(w, flex, v, o.partitions, writeAlterReplicaLogDirPartitionResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterReplicaLogDirTopicResult', v);
}

/** AlterReplicaLogDirPartitionResult with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterReplicaLogDirPartitionResult(): AlterReplicaLogDirPartitionResult {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** AlterReplicaLogDirTopicResult with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterReplicaLogDirTopicResult(): AlterReplicaLogDirTopicResult {
  return {
    topicName: "",
    partitions: [],
  };
}

/** AlterReplicaLogDirsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterReplicaLogDirsResponse(): AlterReplicaLogDirsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}
