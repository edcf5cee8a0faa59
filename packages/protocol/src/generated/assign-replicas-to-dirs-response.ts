// generated — do not edit. Source: shared/kafka-protocol/messages/AssignReplicasToDirsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AssignReplicasToDirsResponse (api key 73); versions 0; flexible 0+.
 */
export interface AssignReplicasToDirsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code */
  errorCode: number;
  /** Directories */
  directories: DirectoryData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0.
 */
export interface PartitionData {
  /** The partition index */
  partitionIndex: number;
  /** The partition level error code */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0.
 */
export interface TopicData {
  /** The ID of the assigned topic */
  topicId: string;
  /** Partitions */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DirectoryData: versions 0.
 */
export interface DirectoryData {
  /** The ID of the directory */
  id: string;
  /** Topics */
  topics: TopicData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AssignReplicasToDirsResponse: `read` and `write` its body at a given version. */
export const AssignReplicasToDirsResponse = {
  apiKey: 73,
  type: 'response',
  name: 'AssignReplicasToDirs',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAssignReplicasToDirsResponse,
  write: writeAssignReplicasToDirsResponse,
} as const satisfies ApiMessageCodec<AssignReplicasToDirsResponse>;

function readAssignReplicasToDirsResponse(r: Reader, v: number): AssignReplicasToDirsResponse {
  checkVersion(v, 0, 0, 'AssignReplicasToDirsResponse');
  const o: AssignReplicasToDirsResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    directories: readArray(r, true, v, readDirectoryData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAssignReplicasToDirsResponse(w: Writer, v: number, o: AssignReplicasToDirsResponse): void {
  checkVersion(v, 0, 0, 'AssignReplicasToDirsResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, true, v, o.directories, writeDirectoryData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicData(r: Reader, v: number): TopicData {
  const o: TopicData = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicData(w: Writer, v: number, o: TopicData): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readDirectoryData(r: Reader, v: number): DirectoryData {
  const o: DirectoryData = {
    id: r.uuid(),
    topics: readArray(r, true, v, readTopicData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDirectoryData(w: Writer, v: number, o: DirectoryData): void {
  w.uuid(o.id);
  writeArray(w, true, v, o.topics, writeTopicData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AssignReplicasToDirsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAssignReplicasToDirsResponse(): AssignReplicasToDirsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    directories: [],
  };
}

/** DirectoryData with every field at its default (Kafka's no-argument constructor). */
export function defaultDirectoryData(): DirectoryData {
  return {
    id: ZERO_UUID,
    topics: [],
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}
