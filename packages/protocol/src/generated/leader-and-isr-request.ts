// generated — do not edit. Source: shared/kafka-protocol/messages/LeaderAndIsrRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * LeaderAndIsrRequest (api key 4); versions 0-7; flexible 4+.
 */
export interface LeaderAndIsrRequest {
  /** The current controller ID. */
  controllerId: number;
  /** If KRaft controller id is used during migration. See KIP-866 (versions 7+; default false) */
  isKRaftController: boolean;
  /** The current controller epoch. */
  controllerEpoch: number;
  /** The current broker epoch. (versions 2+; default -1; ignorable) */
  brokerEpoch: bigint;
  /** The type that indicates whether all topics are included in the request (versions 5+) */
  type: number;
  /** The state of each partition, in a v0 or v1 message. (versions 0-1) */
  ungroupedPartitionStates: LeaderAndIsrPartitionState[];
  /** Each topic. (versions 2+) */
  topicStates: LeaderAndIsrTopicState[];
  /** The current live leaders. */
  liveLeaders: LeaderAndIsrLiveLeader[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderAndIsrTopicState: versions 2-7.
 */
export interface LeaderAndIsrTopicState {
  /** The topic name. */
  topicName: string;
  /** The unique topic ID. (versions 5+; ignorable) */
  topicId: string;
  /** The state of each partition */
  partitionStates: LeaderAndIsrPartitionState[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderAndIsrLiveLeader: versions 0-7.
 */
export interface LeaderAndIsrLiveLeader {
  /** The leader's broker ID. */
  brokerId: number;
  /** The leader's hostname. */
  hostName: string;
  /** The leader's port. */
  port: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderAndIsrPartitionState (common struct): versions 0-7.
 */
export interface LeaderAndIsrPartitionState {
  /** The topic name. This is only present in v0 or v1. (versions 0-1; ignorable) */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
  /** The controller epoch. */
  controllerEpoch: number;
  /** The broker ID of the leader. */
  leader: number;
  /** The leader epoch. */
  leaderEpoch: number;
  /** The in-sync replica IDs. */
  isr: number[];
  /** The current epoch for the partition. The epoch is a monotonically increasing value which is incremented after every partition change. (Since the LeaderAndIsr request is only used by the legacy controller, this corresponds to the zkVersion) */
  partitionEpoch: number;
  /** The replica IDs. */
  replicas: number[];
  /** The replica IDs that we are adding this partition to, or null if no replicas are being added. (versions 3+; ignorable) */
  addingReplicas: number[];
  /** The replica IDs that we are removing this partition from, or null if no replicas are being removed. (versions 3+; ignorable) */
  removingReplicas: number[];
  /** Whether the replica should have existed on the broker or not. (versions 1+; default false; ignorable) */
  isNew: boolean;
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. (versions 6+; default 0) */
  leaderRecoveryState: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for LeaderAndIsrRequest: `read` and `write` its body at a given version. */
export const LeaderAndIsrRequest = {
  apiKey: 4,
  type: 'request',
  name: 'LeaderAndIsr',
  validVersions: { min: 0, max: 7 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readLeaderAndIsrRequest,
  write: writeLeaderAndIsrRequest,
} as const satisfies ApiMessageCodec<LeaderAndIsrRequest>;

function readLeaderAndIsrRequest(r: Reader, v: number): LeaderAndIsrRequest {
  checkVersion(v, 0, 7, 'LeaderAndIsrRequest');
  const flex = v >= 4;
  const o: LeaderAndIsrRequest = {
    controllerId: r.int32(),
    isKRaftController: v === 7 ? r.bool() : false,
    controllerEpoch: r.int32(),
    brokerEpoch: v >= 2 ? r.int64() : -1n,
    type: v >= 5 ? r.int8() : 0,
    ungroupedPartitionStates: v <= 1 ? readArray(r, false, v, readLeaderAndIsrPartitionState) : [],
    topicStates: v >= 2 ? readArray(r, flex, v, readLeaderAndIsrTopicState) : [],
    liveLeaders: readArray(r, flex, v, readLeaderAndIsrLiveLeader),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeLeaderAndIsrRequest(w: Writer, v: number, o: LeaderAndIsrRequest): void {
  checkVersion(v, 0, 7, 'LeaderAndIsrRequest');
  const flex = v >= 4;
  w.int32(o.controllerId);
  if (v === 7) w.bool(o.isKRaftController);
  else if (o.isKRaftController) throw nonDefault('LeaderAndIsrRequest.isKRaftController', v);
  w.int32(o.controllerEpoch);
  if (v >= 2) w.int64(o.brokerEpoch);
  if (v >= 5) w.int8(o.type);
  else if (o.type !== 0) throw nonDefault('LeaderAndIsrRequest.type', v);
  if (v <= 1) writeArray(w, false, v, o.ungroupedPartitionStates, writeLeaderAndIsrPartitionState);
  else if (o.ungroupedPartitionStates.length !== 0) throw nonDefault('LeaderAndIsrRequest.ungroupedPartitionStates', v);
  if (v >= 2) writeArray(w, flex, v, o.topicStates, writeLeaderAndIsrTopicState);
  else if (o.topicStates.length !== 0) throw nonDefault('LeaderAndIsrRequest.topicStates', v);
  writeArray(w, flex, v, o.liveLeaders, writeLeaderAndIsrLiveLeader);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'LeaderAndIsrRequest', v);
}

function readLeaderAndIsrTopicState(r: Reader, v: number): LeaderAndIsrTopicState {
  const flex = v >= 4;
  const o: LeaderAndIsrTopicState = {
    topicName: flex ? r.compactString() : r.string(),
    topicId: v >= 5 ? r.uuid() : ZERO_UUID,
    partitionStates: readArray(r, flex, v, readLeaderAndIsrPartitionState),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeLeaderAndIsrTopicState(w: Writer, v: number, o: LeaderAndIsrTopicState): void {
  const flex = v >= 4;
  if (flex) w.compactString(o.topicName);
  else w.string(o.topicName);
  if (v >= 5) w.uuid(o.topicId);
  writeArray(w, flex, v, o.partitionStates, writeLeaderAndIsrPartitionState);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'LeaderAndIsrTopicState', v);
}

function readLeaderAndIsrLiveLeader(r: Reader, v: number): LeaderAndIsrLiveLeader {
  const flex = v >= 4;
  const o: LeaderAndIsrLiveLeader = {
    brokerId: r.int32(),
    hostName: flex ? r.compactString() : r.string(),
    port: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeLeaderAndIsrLiveLeader(w: Writer, v: number, o: LeaderAndIsrLiveLeader): void {
  const flex = v >= 4;
  w.int32(o.brokerId);
  if (flex) w.compactString(o.hostName);
  else w.string(o.hostName);
  w.int32(o.port);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'LeaderAndIsrLiveLeader', v);
}

function readLeaderAndIsrPartitionState(r: Reader, v: number): LeaderAndIsrPartitionState {
  const flex = v >= 4;
  const o: LeaderAndIsrPartitionState = {
    topicName: v <= 1 ? r.string() : "",
    partitionIndex: r.int32(),
    controllerEpoch: r.int32(),
    leader: r.int32(),
    leaderEpoch: r.int32(),
    isr: readArray(r, flex, v, readInt32Element),
    partitionEpoch: r.int32(),
    replicas: readArray(r, flex, v, readInt32Element),
    addingReplicas: v >= 3 ? readArray(r, flex, v, readInt32Element) : [],
    removingReplicas: v >= 3 ? readArray(r, flex, v, readInt32Element) : [],
    isNew: v >= 1 ? r.bool() : false,
    leaderRecoveryState: v >= 6 ? r.int8() : 0,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeLeaderAndIsrPartitionState(w: Writer, v: number, o: LeaderAndIsrPartitionState): void {
  const flex = v >= 4;
  if (v <= 1) w.string(o.topicName);
  w.int32(o.partitionIndex);
  w.int32(o.controllerEpoch);
  w.int32(o.leader);
  w.int32(o.leaderEpoch);
  writeArray(w, flex, v, o.isr, writeInt32Element);
  w.int32(o.partitionEpoch);
  writeArray(w, flex, v, o.replicas, writeInt32Element);
  if (v >= 3) writeArray(w, flex, v, o.addingReplicas, writeInt32Element);
  if (v >= 3) writeArray(w, flex, v, o.removingReplicas, writeInt32Element);
  if (v >= 1) w.bool(o.isNew);
  if (v >= 6) w.int8(o.leaderRecoveryState);
  else if (o.leaderRecoveryState !== 0) throw nonDefault('LeaderAndIsrPartitionState.leaderRecoveryState', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'LeaderAndIsrPartitionState', v);
}

/** LeaderAndIsrLiveLeader with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderAndIsrLiveLeader(): LeaderAndIsrLiveLeader {
  return {
    brokerId: 0,
    hostName: "",
    port: 0,
  };
}

/** LeaderAndIsrPartitionState with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderAndIsrPartitionState(): LeaderAndIsrPartitionState {
  return {
    topicName: "",
    partitionIndex: 0,
    controllerEpoch: 0,
    leader: 0,
    leaderEpoch: 0,
    isr: [],
    partitionEpoch: 0,
    replicas: [],
    addingReplicas: [],
    removingReplicas: [],
    isNew: false,
    leaderRecoveryState: 0,
  };
}

/** LeaderAndIsrRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderAndIsrRequest(): LeaderAndIsrRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    type: 0,
    ungroupedPartitionStates: [],
    topicStates: [],
    liveLeaders: [],
  };
}

/** LeaderAndIsrTopicState with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderAndIsrTopicState(): LeaderAndIsrTopicState {
  return {
    topicName: "",
    topicId: ZERO_UUID,
    partitionStates: [],
  };
}
