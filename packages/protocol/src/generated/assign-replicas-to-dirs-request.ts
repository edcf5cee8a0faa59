// generated — do not edit. Source: shared/kafka-protocol/messages/AssignReplicasToDirsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AssignReplicasToDirsRequest (api key 73); versions 0; flexible 0+.
 */
export interface AssignReplicasToDirsRequest {
  /** The ID of the requesting broker */
  brokerId: number;
  /** The epoch of the requesting broker (default -1) */
  brokerEpoch: bigint;
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

/** Codec for AssignReplicasToDirsRequest: `read` and `write` its body at a given version. */
export const AssignReplicasToDirsRequest = {
  apiKey: 73,
  type: 'request',
  name: 'AssignReplicasToDirs',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAssignReplicasToDirsRequest,
  write: writeAssignReplicasToDirsRequest,
} as const satisfies ApiMessageCodec<AssignReplicasToDirsRequest>;

function readAssignReplicasToDirsRequest(r: Reader, v: number): AssignReplicasToDirsRequest {
  checkVersion(v, 0, 0, 'AssignReplicasToDirsRequest');
  const o: AssignReplicasToDirsRequest = {
    brokerId: r.int32(),
    brokerEpoch: r.int64(),
    directories: readArray(r, true, v, readDirectoryData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAssignReplicasToDirsRequest(w: Writer, v: number, o: AssignReplicasToDirsRequest): void {
  checkVersion(v, 0, 0, 'AssignReplicasToDirsRequest');
  w.int32(o.brokerId);
  w.int64(o.brokerEpoch);
  writeArray(w, true, v, o.directories, writeDirectoryData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
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

/** AssignReplicasToDirsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAssignReplicasToDirsRequest(): AssignReplicasToDirsRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
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
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}
