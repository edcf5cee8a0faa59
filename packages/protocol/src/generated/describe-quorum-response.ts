// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeQuorumResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeQuorumResponse (api key 55); versions 0-2; flexible 0+.
 */
export interface DescribeQuorumResponse {
  /** The top level error code. */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 2+; nullable; ignorable) */
  errorMessage: string | null;
  /** Topics */
  topics: TopicData[];
  /** Nodes (versions 2+) */
  nodes: Node[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0-2.
 */
export interface PartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** ErrorCode */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 2+; nullable; ignorable) */
  errorMessage: string | null;
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
  /** HighWatermark */
  highWatermark: bigint;
  /** CurrentVoters */
  currentVoters: ReplicaState[];
  /** Observers */
  observers: ReplicaState[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0-2.
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
 * Listener: versions 2.
 */
export interface Listener {
  /** The name of the endpoint */
  name: string;
  /** The hostname */
  host: string;
  /** The port */
  port: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Node: versions 2.
 */
export interface Node {
  /** The ID of the associated node */
  nodeId: number;
  /** The listeners of this controller */
  listeners: Listener[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReplicaState (common struct): versions 0-2.
 */
export interface ReplicaState {
  /** ReplicaId */
  replicaId: number;
  /** ReplicaDirectoryId (versions 2+) */
  replicaDirectoryId: string;
  /** The last known log end offset of the follower or -1 if it is unknown */
  logEndOffset: bigint;
  /** The last known leader wall clock time time when a follower fetched from the leader. This is reported as -1 both for the current leader or if it is unknown for a voter (versions 1+; default -1; ignorable) */
  lastFetchTimestamp: bigint;
  /** The leader wall clock append time of the offset for which the follower made the most recent fetch request. This is reported as the current time for the leader and -1 if unknown for a voter (versions 1+; default -1; ignorable) */
  lastCaughtUpTimestamp: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeQuorumResponse: `read` and `write` its body at a given version. */
export const DescribeQuorumResponse = {
  apiKey: 55,
  type: 'response',
  name: 'DescribeQuorum',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDescribeQuorumResponse,
  write: writeDescribeQuorumResponse,
} as const satisfies ApiMessageCodec<DescribeQuorumResponse>;

function readDescribeQuorumResponse(r: Reader, v: number): DescribeQuorumResponse {
  checkVersion(v, 0, 2, 'DescribeQuorumResponse');
  const o: DescribeQuorumResponse = {
    errorCode: r.int16(),
    errorMessage: v === 2 ? r.compactNullableString() : "",
    topics: readArray(r, true, v, readTopicData),
    nodes: v === 2 ? readArray(r, true, v, readNode) : [],
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribeQuorumResponse(w: Writer, v: number, o: DescribeQuorumResponse): void {
  checkVersion(v, 0, 2, 'DescribeQuorumResponse');
  w.int16(o.errorCode);
  if (v === 2) w.compactNullableString(o.errorMessage);
  writeArray(w, true, v, o.topics, writeTopicData);
  if (v === 2) writeArray(w, true, v, o.nodes, writeNode);
  else if (o.nodes.length !== 0) throw nonDefault('DescribeQuorumResponse.nodes', v);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    errorMessage: v === 2 ? r.compactNullableString() : "",
    leaderId: r.int32(),
    leaderEpoch: r.int32(),
    highWatermark: r.int64(),
    currentVoters: readArray(r, true, v, readReplicaState),
    observers: readArray(r, true, v, readReplicaState),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (v === 2) w.compactNullableString(o.errorMessage);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  w.int64(o.highWatermark);
  writeArray(w, true, v, o.currentVoters, writeReplicaState);
  writeArray(w, true, v, o.observers, writeReplicaState);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicData(r: Reader, v: number): TopicData {
  const o: TopicData = {
    topicName: r.compactString(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicData(w: Writer, v: number, o: TopicData): void {
  w.compactString(o.topicName);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readListener(r: Reader, v: number): Listener {
  const o: Listener = {
    name: r.compactString(),
    host: r.compactString(),
    port: r.uint16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListener(w: Writer, v: number, o: Listener): void {
  w.compactString(o.name);
  w.compactString(o.host);
  w.uint16(o.port);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readNode(r: Reader, v: number): Node {
  const o: Node = {
    nodeId: r.int32(),
    listeners: readArray(r, true, v, readListener),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeNode(w: Writer, v: number, o: Node): void {
  w.int32(o.nodeId);
  writeArray(w, true, v, o.listeners, writeListener);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readReplicaState(r: Reader, v: number): ReplicaState {
  const o: ReplicaState = {
    replicaId: r.int32(),
    replicaDirectoryId: v === 2 ? r.uuid() : ZERO_UUID,
    logEndOffset: r.int64(),
    lastFetchTimestamp: v >= 1 ? r.int64() : -1n,
    lastCaughtUpTimestamp: v >= 1 ? r.int64() : -1n,
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReplicaState(w: Writer, v: number, o: ReplicaState): void {
  w.int32(o.replicaId);
  if (v === 2) w.uuid(o.replicaDirectoryId);
  else if (o.replicaDirectoryId !== ZERO_UUID) throw nonDefault('ReplicaState.replicaDirectoryId', v);
  w.int64(o.logEndOffset);
  if (v >= 1) w.int64(o.lastFetchTimestamp);
  if (v >= 1) w.int64(o.lastCaughtUpTimestamp);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DescribeQuorumResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeQuorumResponse(): DescribeQuorumResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    topics: [],
    nodes: [],
  };
}

/** Listener with every field at its default (Kafka's no-argument constructor). */
export function defaultListener(): Listener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

/** Node with every field at its default (Kafka's no-argument constructor). */
export function defaultNode(): Node {
  return {
    nodeId: 0,
    listeners: [],
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: "",
    leaderId: 0,
    leaderEpoch: 0,
    highWatermark: 0n,
    currentVoters: [],
    observers: [],
  };
}

/** ReplicaState with every field at its default (Kafka's no-argument constructor). */
export function defaultReplicaState(): ReplicaState {
  return {
    replicaId: 0,
    replicaDirectoryId: ZERO_UUID,
    logEndOffset: 0n,
    lastFetchTimestamp: -1n,
    lastCaughtUpTimestamp: -1n,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicName: "",
    partitions: [],
  };
}
