// generated — do not edit. Source: shared/kafka-protocol/messages/StopReplicaRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * StopReplicaRequest (api key 5); versions 0-4; flexible 2+.
 */
export interface StopReplicaRequest {
  /** The controller id. */
  controllerId: number;
  /** If KRaft controller id is used during migration. See KIP-866 (versions 4+; default false) */
  isKRaftController: boolean;
  /** The controller epoch. */
  controllerEpoch: number;
  /** The broker epoch. (versions 1+; default -1; ignorable) */
  brokerEpoch: bigint;
  /** Whether these partitions should be deleted. (versions 0-2) */
  deletePartitions: boolean;
  /** The partitions to stop. (versions 0) */
  ungroupedPartitions: StopReplicaPartitionV0[];
  /** The topics to stop. (versions 1-2) */
  topics: StopReplicaTopicV1[];
  /** Each topic. (versions 3+) */
  topicStates: StopReplicaTopicState[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * StopReplicaPartitionV0: versions 0.
 */
export interface StopReplicaPartitionV0 {
  /** The topic name. */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * StopReplicaTopicV1: versions 1-2.
 */
export interface StopReplicaTopicV1 {
  /** The topic name. */
  name: string;
  /** The partition indexes. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * StopReplicaPartitionState: versions 3-4.
 */
export interface StopReplicaPartitionState {
  /** The partition index. */
  partitionIndex: number;
  /** The leader epoch. (default -1) */
  leaderEpoch: number;
  /** Whether this partition should be deleted. */
  deletePartition: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * StopReplicaTopicState: versions 3-4.
 */
export interface StopReplicaTopicState {
  /** The topic name. */
  topicName: string;
  /** The state of each partition */
  partitionStates: StopReplicaPartitionState[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for StopReplicaRequest: `read` and `write` its body at a given version. */
export const StopReplicaRequest = {
  apiKey: 5,
  type: 'request',
  name: 'StopReplica',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readStopReplicaRequest,
  write: writeStopReplicaRequest,
} as const satisfies ApiMessageCodec<StopReplicaRequest>;

function readStopReplicaRequest(r: Reader, v: number): StopReplicaRequest {
  checkVersion(v, 0, 4, 'StopReplicaRequest');
  const flex = v >= 2;
  const o: StopReplicaRequest = {
    controllerId: r.int32(),
    isKRaftController: v === 4 ? r.bool() : false,
    controllerEpoch: r.int32(),
    brokerEpoch: v >= 1 ? r.int64() : -1n,
    deletePartitions: v <= 2 ? r.bool() : false,
    ungroupedPartitions: v === 0 ? readArray(r, false, v, readStopReplicaPartitionV0) : [],
    topics: v >= 1 && v <= 2 ? readArray(r, flex, v, readStopReplicaTopicV1) : [],
    topicStates: v >= 3 ? readArray(r, true, v, readStopReplicaTopicState) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeStopReplicaRequest(w: Writer, v: number, o: StopReplicaRequest): void {
  checkVersion(v, 0, 4, 'StopReplicaRequest');
  const flex = v >= 2;
  w.int32(o.controllerId);
  if (v === 4) w.bool(o.isKRaftController);
  else if (o.isKRaftController) throw nonDefault('StopReplicaRequest.isKRaftController', v);
  w.int32(o.controllerEpoch);
  if (v >= 1) w.int64(o.brokerEpoch);
  if (v <= 2) w.bool(o.deletePartitions);
  else if (o.deletePartitions) throw nonDefault('StopReplicaRequest.deletePartitions', v);
  if (v === 0) writeArray(w, false, v, o.ungroupedPartitions, writeStopReplicaPartitionV0);
  else if (o.ungroupedPartitions.length !== 0) throw nonDefault('StopReplicaRequest.ungroupedPartitions', v);
  if (v >= 1 && v <= 2) writeArray(w, flex, v, o.topics, writeStopReplicaTopicV1);
  else if (o.topics.length !== 0) throw nonDefault('StopReplicaRequest.topics', v);
  if (v >= 3) writeArray(w, true, v, o.topicStates, writeStopReplicaTopicState);
  else if (o.topicStates.length !== 0) throw nonDefault('StopReplicaRequest.topicStates', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'StopReplicaRequest', v);
}

function readStopReplicaPartitionV0(r: Reader, v: number): StopReplicaPartitionV0 {
  const o: StopReplicaPartitionV0 = {
    topicName: r.string(),
    partitionIndex: r.int32(),
  };
  return o;
}

function writeStopReplicaPartitionV0(w: Writer, v: number, o: StopReplicaPartitionV0): void {
  w.string(o.topicName);
  w.int32(o.partitionIndex);
  noTaggedFields(o, 'StopReplicaPartitionV0', v);
}

function readStopReplicaTopicV1(r: Reader, v: number): StopReplicaTopicV1 {
  const flex = v === 2;
  const o: StopReplicaTopicV1 = {
    name: flex ? r.compactString() : r.string(),
    partitionIndexes: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeStopReplicaTopicV1(w: Writer, v: number, o: StopReplicaTopicV1): void {
  const flex = v === 2;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitionIndexes, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'StopReplicaTopicV1', v);
}

function readStopReplicaPartitionState(r: Reader, v: number): StopReplicaPartitionState {
  const o: StopReplicaPartitionState = {
    partitionIndex: r.int32(),
    leaderEpoch: r.int32(),
    deletePartition: r.bool(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeStopReplicaPartitionState(w: Writer, v: number, o: StopReplicaPartitionState): void {
  w.int32(o.partitionIndex);
  w.int32(o.leaderEpoch);
  w.bool(o.deletePartition);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readStopReplicaTopicState(r: Reader, v: number): StopReplicaTopicState {
  const o: StopReplicaTopicState = {
    topicName: r.compactString(),
    partitionStates: readArray(r, true, v, readStopReplicaPartitionState),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeStopReplicaTopicState(w: Writer, v: number, o: StopReplicaTopicState): void {
  w.compactString(o.topicName);
  writeArray(w, true, v, o.partitionStates, writeStopReplicaPartitionState);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** StopReplicaPartitionState with every field at its default (Kafka's no-argument constructor). */
export function defaultStopReplicaPartitionState(): StopReplicaPartitionState {
  return {
    partitionIndex: 0,
    leaderEpoch: -1,
    deletePartition: false,
  };
}

/** StopReplicaPartitionV0 with every field at its default (Kafka's no-argument constructor). */
export function defaultStopReplicaPartitionV0(): StopReplicaPartitionV0 {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

/** StopReplicaRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultStopReplicaRequest(): StopReplicaRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    deletePartitions: false,
    ungroupedPartitions: [],
    topics: [],
    topicStates: [],
  };
}

/** StopReplicaTopicState with every field at its default (Kafka's no-argument constructor). */
export function defaultStopReplicaTopicState(): StopReplicaTopicState {
  return {
    topicName: "",
    partitionStates: [],
  };
}

/** StopReplicaTopicV1 with every field at its default (Kafka's no-argument constructor). */
export function defaultStopReplicaTopicV1(): StopReplicaTopicV1 {
  return {
    name: "",
    partitionIndexes: [],
  };
}
