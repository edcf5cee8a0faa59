// generated — do not edit. Source: shared/kafka-protocol/messages/UpdateMetadataRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { invalidTag, noTaggedFields, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * UpdateMetadataRequest (api key 6); versions 0-8; flexible 6+.
 */
export interface UpdateMetadataRequest {
  /** The controller id. */
  controllerId: number;
  /** If KRaft controller id is used during migration. See KIP-866 (versions 8+; default false) */
  isKRaftController: boolean;
  /** Indicates if this request is a Full metadata snapshot (2), Incremental (1), or Unknown (0). Using during ZK migration, see KIP-866 (versions 8+; tagged 8+ as tag 0; default 0) */
  type: number;
  /** The controller epoch. */
  controllerEpoch: number;
  /** The broker epoch. (versions 5+; default -1; ignorable) */
  brokerEpoch: bigint;
  /** In older versions of this RPC, each partition that we would like to update. (versions 0-4) */
  ungroupedPartitionStates: UpdateMetadataPartitionState[];
  /** In newer versions of this RPC, each topic that we would like to update. (versions 5+) */
  topicStates: UpdateMetadataTopicState[];
  /** LiveBrokers */
  liveBrokers: UpdateMetadataBroker[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * UpdateMetadataTopicState: versions 5-8.
 */
export interface UpdateMetadataTopicState {
  /** The topic name. */
  topicName: string;
  /** The topic id. (versions 7+; ignorable) */
  topicId: string;
  /** The partition that we would like to update. */
  partitionStates: UpdateMetadataPartitionState[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * UpdateMetadataEndpoint: versions 1-8.
 */
export interface UpdateMetadataEndpoint {
  /** The port of this endpoint */
  port: number;
  /** The hostname of this endpoint */
  host: string;
  /** The listener name. (versions 3+; ignorable) */
  listener: string;
  /** The security protocol type. */
  securityProtocol: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * UpdateMetadataBroker: versions 0-8.
 */
export interface UpdateMetadataBroker {
  /** The broker id. */
  id: number;
  /** The broker hostname. (versions 0; ignorable) */
  v0Host: string;
  /** The broker port. (versions 0; ignorable) */
  v0Port: number;
  /** The broker endpoints. (versions 1+; ignorable) */
  endpoints: UpdateMetadataEndpoint[];
  /** The rack which this broker belongs to. (versions 2+; nullable; ignorable) */
  rack: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * UpdateMetadataPartitionState (common struct): versions 0-8.
 */
export interface UpdateMetadataPartitionState {
  /** In older versions of this RPC, the topic name. (versions 0-4; ignorable) */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
  /** The controller epoch. */
  controllerEpoch: number;
  /** The ID of the broker which is the current partition leader. */
  leader: number;
  /** The leader epoch of this partition. */
  leaderEpoch: number;
  /** The brokers which are in the ISR for this partition. */
  isr: number[];
  /** The Zookeeper version. */
  zkVersion: number;
  /** All the replicas of this partition. */
  replicas: number[];
  /** The replicas of this partition which are offline. (versions 4+; ignorable) */
  offlineReplicas: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for UpdateMetadataRequest: `read` and `write` its body at a given version. */
export const UpdateMetadataRequest = {
  apiKey: 6,
  type: 'request',
  name: 'UpdateMetadata',
  validVersions: { min: 0, max: 8 },
  flexibleVersions: { min: 6, max: 32767 },
  read: readUpdateMetadataRequest,
  write: writeUpdateMetadataRequest,
} as const satisfies ApiMessageCodec<UpdateMetadataRequest>;

function readUpdateMetadataRequest(r: Reader, v: number): UpdateMetadataRequest {
  checkVersion(v, 0, 8, 'UpdateMetadataRequest');
  const flex = v >= 6;
  const o: UpdateMetadataRequest = {
    controllerId: r.int32(),
    isKRaftController: v === 8 ? r.bool() : false,
    type: 0,
    controllerEpoch: r.int32(),
    brokerEpoch: v >= 5 ? r.int64() : -1n,
    ungroupedPartitionStates: v <= 4 ? readArray(r, false, v, readUpdateMetadataPartitionState) : [],
    topicStates: v >= 5 ? readArray(r, flex, v, readUpdateMetadataTopicState) : [],
    liveBrokers: readArray(r, flex, v, readUpdateMetadataBroker),
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        if (!(v === 8)) invalidTag(tag, v);
        o.type = t.int8();
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeUpdateMetadataRequest(w: Writer, v: number, o: UpdateMetadataRequest): void {
  checkVersion(v, 0, 8, 'UpdateMetadataRequest');
  const flex = v >= 6;
  w.int32(o.controllerId);
  if (v === 8) w.bool(o.isKRaftController);
  else if (o.isKRaftController) throw nonDefault('UpdateMetadataRequest.isKRaftController', v);
  if (v < 8 && o.type !== 0) throw nonDefault('UpdateMetadataRequest.type', v);
  w.int32(o.controllerEpoch);
  if (v >= 5) w.int64(o.brokerEpoch);
  if (v <= 4) writeArray(w, false, v, o.ungroupedPartitionStates, writeUpdateMetadataPartitionState);
  else if (o.ungroupedPartitionStates.length !== 0) throw nonDefault('UpdateMetadataRequest.ungroupedPartitionStates', v);
  if (v >= 5) writeArray(w, flex, v, o.topicStates, writeUpdateMetadataTopicState);
  else if (o.topicStates.length !== 0) throw nonDefault('UpdateMetadataRequest.topicStates', v);
  writeArray(w, flex, v, o.liveBrokers, writeUpdateMetadataBroker);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    if (v === 8) {
      const tag0 = o.type;
      if (tag0 !== 0) tags.push([0, (tw) => tw.int8(tag0)]);
    }
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'UpdateMetadataRequest', v);
}

function readUpdateMetadataTopicState(r: Reader, v: number): UpdateMetadataTopicState {
  const flex = v >= 6;
  const o: UpdateMetadataTopicState = {
    topicName: flex ? r.compactString() : r.string(),
    topicId: v >= 7 ? r.uuid() : ZERO_UUID,
    partitionStates: readArray(r, flex, v, readUpdateMetadataPartitionState),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeUpdateMetadataTopicState(w: Writer, v: number, o: UpdateMetadataTopicState): void {
  const flex = v >= 6;
  if (flex) w.compactString(o.topicName);
  else w.string(o.topicName);
  if (v >= 7) w.uuid(o.topicId);
  writeArray(w, flex, v, o.partitionStates, writeUpdateMetadataPartitionState);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'UpdateMetadataTopicState', v);
}

function readUpdateMetadataEndpoint(r: Reader, v: number): UpdateMetadataEndpoint {
  const flex = v >= 6;
  const o: UpdateMetadataEndpoint = {
    port: r.int32(),
    host: flex ? r.compactString() : r.string(),
    listener: v >= 3 ? (flex ? r.compactString() : r.string()) : "",
    securityProtocol: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeUpdateMetadataEndpoint(w: Writer, v: number, o: UpdateMetadataEndpoint): void {
  const flex = v >= 6;
  w.int32(o.port);
  if (flex) w.compactString(o.host);
  else w.string(o.host);
  if (v >= 3) {
    if (flex) w.compactString(o.listener);
    else w.string(o.listener);
  }
  w.int16(o.securityProtocol);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'UpdateMetadataEndpoint', v);
}

function readUpdateMetadataBroker(r: Reader, v: number): UpdateMetadataBroker {
  const flex = v >= 6;
  const o: UpdateMetadataBroker = {
    id: r.int32(),
    v0Host: v === 0 ? r.string() : "",
    v0Port: v === 0 ? r.int32() : 0,
    endpoints: v >= 1 ? readArray(r, flex, v, readUpdateMetadataEndpoint) : [],
    rack: v >= 2 ? (flex ? r.compactNullableString() : r.nullableString()) : "",
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeUpdateMetadataBroker(w: Writer, v: number, o: UpdateMetadataBroker): void {
  const flex = v >= 6;
  w.int32(o.id);
  if (v === 0) w.string(o.v0Host);
  if (v === 0) w.int32(o.v0Port);
  if (v >= 1) writeArray(w, flex, v, o.endpoints, writeUpdateMetadataEndpoint);
  if (v >= 2) {
    if (flex) w.compactNullableString(o.rack);
    else w.nullableString(o.rack);
  }
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'UpdateMetadataBroker', v);
}

function readUpdateMetadataPartitionState(r: Reader, v: number): UpdateMetadataPartitionState {
  const flex = v >= 6;
  const o: UpdateMetadataPartitionState = {
    topicName: v <= 4 ? r.string() : "",
    partitionIndex: r.int32(),
    controllerEpoch: r.int32(),
    leader: r.int32(),
    leaderEpoch: r.int32(),
    isr: readArray(r, flex, v, readInt32Element),
    zkVersion: r.int32(),
    replicas: readArray(r, flex, v, readInt32Element),
    offlineReplicas: v >= 4 ? readArray(r, flex, v, readInt32Element) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeUpdateMetadataPartitionState(w: Writer, v: number, o: UpdateMetadataPartitionState): void {
  const flex = v >= 6;
  if (v <= 4) w.string(o.topicName);
  w.int32(o.partitionIndex);
  w.int32(o.controllerEpoch);
  w.int32(o.leader);
  w.int32(o.leaderEpoch);
  writeArray(w, flex, v, o.isr, writeInt32Element);
  w.int32(o.zkVersion);
  writeArray(w, flex, v, o.replicas, writeInt32Element);
  if (v >= 4) writeArray(w, flex, v, o.offlineReplicas, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'UpdateMetadataPartitionState', v);
}

/** UpdateMetadataBroker with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateMetadataBroker(): UpdateMetadataBroker {
  return {
    id: 0,
    v0Host: "",
    v0Port: 0,
    endpoints: [],
    rack: "",
  };
}

/** UpdateMetadataEndpoint with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateMetadataEndpoint(): UpdateMetadataEndpoint {
  return {
    port: 0,
    host: "",
    listener: "",
    securityProtocol: 0,
  };
}

/** UpdateMetadataPartitionState with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateMetadataPartitionState(): UpdateMetadataPartitionState {
  return {
    topicName: "",
    partitionIndex: 0,
    controllerEpoch: 0,
    leader: 0,
    leaderEpoch: 0,
    isr: [],
    zkVersion: 0,
    replicas: [],
    offlineReplicas: [],
  };
}

/** UpdateMetadataRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateMetadataRequest(): UpdateMetadataRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    type: 0,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    ungroupedPartitionStates: [],
    topicStates: [],
    liveBrokers: [],
  };
}

/** UpdateMetadataTopicState with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateMetadataTopicState(): UpdateMetadataTopicState {
  return {
    topicName: "",
    topicId: ZERO_UUID,
    partitionStates: [],
  };
}
