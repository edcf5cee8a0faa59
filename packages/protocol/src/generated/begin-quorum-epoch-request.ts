// generated — do not edit. Source: shared/kafka-protocol/messages/BeginQuorumEpochRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * BeginQuorumEpochRequest (api key 53); versions 0-1; flexible 1+.
 */
export interface BeginQuorumEpochRequest {
  /** ClusterId (nullable; default null) */
  clusterId: string | null;
  /** The replica id of the voter receiving the request (versions 1+; default -1; ignorable) */
  voterId: number;
  /** Topics */
  topics: TopicData[];
  /** Endpoints for the leader (versions 1+; ignorable) */
  leaderEndpoints: LeaderEndpoint[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0-1.
 */
export interface PartitionData {
  /** The partition index */
  partitionIndex: number;
  /** The directory id of the receiving replica (versions 1+; ignorable) */
  voterDirectoryId: string;
  /** The ID of the newly elected leader */
  leaderId: number;
  /** The epoch of the newly elected leader */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0-1.
 */
export interface TopicData {
  /** The topic name */
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

/** Codec for BeginQuorumEpochRequest: `read` and `write` its body at a given version. */
export const BeginQuorumEpochRequest = {
  apiKey: 53,
  type: 'request',
  name: 'BeginQuorumEpoch',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readBeginQuorumEpochRequest,
  write: writeBeginQuorumEpochRequest,
} as const satisfies ApiMessageCodec<BeginQuorumEpochRequest>;

function readBeginQuorumEpochRequest(r: Reader, v: number): BeginQuorumEpochRequest {
  checkVersion(v, 0, 1, 'BeginQuorumEpochRequest');
  const flex = v === 1;
  const o: BeginQuorumEpochRequest = {
    clusterId: flex ? r.compactNullableString() : r.nullableString(),
    voterId: v === 1 ? r.int32() : -1,
    topics: readArray(r, flex, v, readTopicData),
    leaderEndpoints: v === 1 ? readArray(r, true, v, readLeaderEndpoint) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeBeginQuorumEpochRequest(w: Writer, v: number, o: BeginQuorumEpochRequest): void {
  checkVersion(v, 0, 1, 'BeginQuorumEpochRequest');
  const flex = v === 1;
  if (flex) w.compactNullableString(o.clusterId);
  else w.nullableString(o.clusterId);
  if (v === 1) w.int32(o.voterId);
  writeArray(w, flex, v, o.topics, writeTopicData);
  if (v === 1) writeArray(w, true, v, o.leaderEndpoints, writeLeaderEndpoint);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'BeginQuorumEpochRequest', v);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const flex = v === 1;
  const o: PartitionData = {
    partitionIndex: r.int32(),
    voterDirectoryId: v === 1 ? r.uuid() : ZERO_UUID,
    leaderId: r.int32(),
    leaderEpoch: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  const flex = v === 1;
  w.int32(o.partitionIndex);
  if (v === 1) w.uuid(o.voterDirectoryId);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
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

/** BeginQuorumEpochRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultBeginQuorumEpochRequest(): BeginQuorumEpochRequest {
  return {
    clusterId: null,
    voterId: -1,
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
    voterDirectoryId: ZERO_UUID,
    leaderId: 0,
    leaderEpoch: 0,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicName: "",
    partitions: [],
  };
}
