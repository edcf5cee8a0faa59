// generated — do not edit. Source: shared/kafka-protocol/messages/EndQuorumEpochRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * EndQuorumEpochRequest (api key 54); versions 0-1; flexible 1+.
 */
export interface EndQuorumEpochRequest {
  /** ClusterId (nullable; default null) */
  clusterId: string | null;
  /** Topics */
  topics: TopicData[];
  /** Endpoints for the leader (versions 1+; ignorable) */
  leaderEndpoints: LeaderEndpoint[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReplicaInfo: versions 1.
 */
export interface ReplicaInfo {
  /** CandidateId */
  candidateId: number;
  /** CandidateDirectoryId */
  candidateDirectoryId: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0-1.
 */
export interface PartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The current leader ID that is resigning */
  leaderId: number;
  /** The current epoch */
  leaderEpoch: number;
  /** A sorted list of preferred successors to start the election (versions 0; ignorable) */
  preferredSuccessors: number[];
  /** A sorted list of preferred candidates to start the election (versions 1+; ignorable) */
  preferredCandidates: ReplicaInfo[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0-1.
 */
export interface TopicData {
  /** The topic name. */
  topicName: string;
  /** Partitions */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderEndpoint: versions 1.
 */
export interface LeaderEndpoint {
  /** The name of the endpoint */
  name: string;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for EndQuorumEpochRequest: `read` and `write` its body at a given version. */
export const EndQuorumEpochRequest = {
  apiKey: 54,
  type: 'request',
  name: 'EndQuorumEpoch',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readEndQuorumEpochRequest,
  write: writeEndQuorumEpochRequest,
} as const satisfies ApiMessageCodec<EndQuorumEpochRequest>;

function readEndQuorumEpochRequest(r: Reader, v: number): EndQuorumEpochRequest {
  checkVersion(v, 0, 1, 'EndQuorumEpochRequest');
  const flex = v === 1;
  const o: EndQuorumEpochRequest = {
    clusterId: flex ? r.compactNullableString() : r.nullableString(),
    topics: readArray(r, flex, v, readTopicData),
    leaderEndpoints: v === 1 ? readArray(r, true, v, readLeaderEndpoint) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeEndQuorumEpochRequest(w: Writer, v: number, o: EndQuorumEpochRequest): void {
  checkVersion(v, 0, 1, 'EndQuorumEpochRequest');
  const flex = v === 1;
  if (flex) w.compactNullableString(o.clusterId);
  else w.nullableString(o.clusterId);
  writeArray(w, flex, v, o.topics, writeTopicData);
  if (v === 1) writeArray(w, true, v, o.leaderEndpoints, writeLeaderEndpoint);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'EndQuorumEpochRequest', v);
}

function readReplicaInfo(r: Reader, v: number): ReplicaInfo {
  const o: ReplicaInfo = {
    candidateId: r.int32(),
    candidateDirectoryId: r.uuid(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReplicaInfo(w: Writer, v: number, o: ReplicaInfo): void {
  w.int32(o.candidateId);
  w.uuid(o.candidateDirectoryId);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const flex = v === 1;
  const o: PartitionData = {
    partitionIndex: r.int32(),
    leaderId: r.int32(),
    leaderEpoch: r.int32(),
    preferredSuccessors: v === 0 ? readArray(r, false, v, readInt32Element) : [],
    preferredCandidates: v === 1 ? readArray(r, true, v, readReplicaInfo) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  const flex = v === 1;
  w.int32(o.partitionIndex);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  if (v === 0) writeArray(w, false, v, o.preferredSuccessors, writeInt32Element);
  if (v === 1) writeArray(w, true, v, o.preferredCandidates, writeReplicaInfo);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'PartitionData', v);
}

function readTopicData(r: Reader, v: number): TopicData {
  const flex = v === 1;
  const o: TopicData = {
    topicName: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readPartitionData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTopicData(w: Writer, v: number, o: TopicData): void {
  const flex = v === 1;
  if (flex) w.compactString(o.topicName);
  else w.string(o.topicName);
  writeArray(w, flex, v, o.partitions, writePartitionData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TopicData', v);
}

function readLeaderEndpoint(r: Reader, v: number): LeaderEndpoint {
  const o: LeaderEndpoint = {
    name: r.compactString(),
    host: r.compactString(),
    port: r.uint16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeLeaderEndpoint(w: Writer, v: number, o: LeaderEndpoint): void {
  w.compactString(o.name);
  w.compactString(o.host);
  w.uint16(o.port);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** EndQuorumEpochRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultEndQuorumEpochRequest(): EndQuorumEpochRequest {
  return {
    clusterId: null,
    topics: [],
    leaderEndpoints: [],
  };
}

/** LeaderEndpoint with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderEndpoint(): LeaderEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: 0,
    preferredSuccessors: [],
    preferredCandidates: [],
  };
}

/** ReplicaInfo with every field at its default (Kafka's no-argument constructor). */
export function defaultReplicaInfo(): ReplicaInfo {
  return {
    candidateId: 0,
    candidateDirectoryId: ZERO_UUID,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicName: "",
    partitions: [],
  };
}
