// generated — do not edit. Source: shared/kafka-protocol/messages/MetadataResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, nonNull, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * MetadataResponse (api key 3); versions 0-12; flexible 9+.
 */
export interface MetadataResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 3+; ignorable) */
  throttleTimeMs: number;
  /** A list of brokers present in the cluster. */
  brokers: MetadataResponseBroker[];
  /** The cluster ID that responding broker belongs to. (versions 2+; nullable; default null; ignorable) */
  clusterId: string | null;
  /** The ID of the controller broker. (versions 1+; default -1; ignorable) */
  controllerId: number;
  /** Each topic in the response. */
  topics: MetadataResponseTopic[];
  /** 32-bit bitfield to represent authorized operations for this cluster. (versions 8-10; default -2147483648) */
  clusterAuthorizedOperations: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * MetadataResponseBroker: versions 0-12.
 */
export interface MetadataResponseBroker {
  /** The broker ID. */
  nodeId: number;
  /** The broker hostname. */
  host: string;
  /** The broker port. */
  port: number;
  /** The rack of the broker, or null if it has not been assigned to a rack. (versions 1+; nullable; default null; ignorable) */
  rack: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * MetadataResponsePartition: versions 0-12.
 */
export interface MetadataResponsePartition {
  /** The partition error, or 0 if there was no error. */
  errorCode: number;
  /** The partition index. */
  partitionIndex: number;
  /** The ID of the leader broker. */
  leaderId: number;
  /** The leader epoch of this partition. (versions 7+; default -1; ignorable) */
  leaderEpoch: number;
  /** The set of all nodes that host this partition. */
  replicaNodes: number[];
  /** The set of nodes that are in sync with the leader for this partition. */
  isrNodes: number[];
  /** The set of offline replicas of this partition. (versions 5+; ignorable) */
  offlineReplicas: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * MetadataResponseTopic: versions 0-12.
 */
export interface MetadataResponseTopic {
  /** The topic error, or 0 if there was no error. */
  errorCode: number;
  /** The topic name. Null for non-existing topics queried by ID. This is never null when ErrorCode is zero. One of Name and TopicId is always populated. (nullable 12+) */
  name: string | null;
  /** The topic id. Zero for non-existing topics queried by name. This is never zero when ErrorCode is zero. One of Name and TopicId is always populated. (versions 10+; ignorable) */
  topicId: string;
  /** True if the topic is internal. (versions 1+; default false; ignorable) */
  isInternal: boolean;
  /** Each partition in the topic. */
  partitions: MetadataResponsePartition[];
  /** 32-bit bitfield to represent authorized operations for this topic. (versions 8+; default -2147483648) */
  topicAuthorizedOperations: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for MetadataResponse: `read` and `write` its body at a given version. */
export const MetadataResponse = {
  apiKey: 3,
  type: 'response',
  name: 'Metadata',
  validVersions: { min: 0, max: 12 },
  flexibleVersions: { min: 9, max: 32767 },
  read: readMetadataResponse,
  write: writeMetadataResponse,
} as const satisfies ApiMessageCodec<MetadataResponse>;

function readMetadataResponse(r: Reader, v: number): MetadataResponse {
  checkVersion(v, 0, 12, 'MetadataResponse');
  const flex = v >= 9;
  const o: MetadataResponse = {
    throttleTimeMs: v >= 3 ? r.int32() : 0,
    brokers: readArray(r, flex, v, readMetadataResponseBroker),
    clusterId: v >= 2 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
    controllerId: v >= 1 ? r.int32() : -1,
    topics: readArray(r, flex, v, readMetadataResponseTopic),
    clusterAuthorizedOperations: v >= 8 && v <= 10 ? r.int32() : -2147483648,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeMetadataResponse(w: Writer, v: number, o: MetadataResponse): void {
  checkVersion(v, 0, 12, 'MetadataResponse');
  const flex = v >= 9;
  if (v >= 3) w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.brokers, writeMetadataResponseBroker);
  if (v >= 2) {
    if (flex) w.compactNullableString(o.clusterId);
    else w.nullableString(o.clusterId);
  }
  if (v >= 1) w.int32(o.controllerId);
  writeArray(w, flex, v, o.topics, writeMetadataResponseTopic);
  if (v >= 8 && v <= 10) w.int32(o.clusterAuthorizedOperations);
  else if (o.clusterAuthorizedOperations !== -2147483648) throw nonDefault('MetadataResponse.clusterAuthorizedOperations', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'MetadataResponse', v);
}

function readMetadataResponseBroker(r: Reader, v: number): MetadataResponseBroker {
  const flex = v >= 9;
  const o: MetadataResponseBroker = {
    nodeId: r.int32(),
    host: flex ? r.compactString() : r.string(),
    port: r.int32(),
    rack: v >= 1 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeMetadataResponseBroker(w: Writer, v: number, o: MetadataResponseBroker): void {
  const flex = v >= 9;
  w.int32(o.nodeId);
  if (flex) w.compactString(o.host);
  else w.string(o.host);
  w.int32(o.port);
  if (v >= 1) {
    if (flex) w.compactNullableString(o.rack);
    else w.nullableString(o.rack);
  }
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'MetadataResponseBroker', v);
}

function readMetadataResponsePartition(r: Reader, v: number): MetadataResponsePartition {
  const flex = v >= 9;
  const o: MetadataResponsePartition = {
    errorCode: r.int16(),
    partitionIndex: r.int32(),
    leaderId: r.int32(),
    leaderEpoch: v >= 7 ? r.int32() : -1,
    replicaNodes: readArray(r, flex, v, readInt32Element),
    isrNodes: readArray(r, flex, v, readInt32Element),
    offlineReplicas: v >= 5 ? readArray(r, flex, v, readInt32Element) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeMetadataResponsePartition(w: Writer, v: number, o: MetadataResponsePartition): void {
  const flex = v >= 9;
  w.int16(o.errorCode);
  w.int32(o.partitionIndex);
  w.int32(o.leaderId);
  if (v >= 7) w.int32(o.leaderEpoch);
  writeArray(w, flex, v, o.replicaNodes, writeInt32Element);
  writeArray(w, flex, v, o.isrNodes, writeInt32Element);
  if (v >= 5) writeArray(w, flex, v, o.offlineReplicas, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'MetadataResponsePartition', v);
}

function readMetadataResponseTopic(r: Reader, v: number): MetadataResponseTopic {
  const flex = v >= 9;
  const o: MetadataResponseTopic = {
    errorCode: r.int16(),
    name: flex ? (v === 12 ? r.compactNullableString() : r.compactString()) : (v === 12 ? r.nullableString() : r.string()),
    topicId: v >= 10 ? r.uuid() : ZERO_UUID,
    isInternal: v >= 1 ? r.bool() : false,
    partitions: readArray(r, flex, v, readMetadataResponsePartition),
    topicAuthorizedOperations: v >= 8 ? r.int32() : -2147483648,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeMetadataResponseTopic(w: Writer, v: number, o: MetadataResponseTopic): void {
  const flex = v >= 9;
  w.int16(o.errorCode);
  if (flex) {
    if (v === 12) w.compactNullableString(o.name);
    else w.compactString(nonNull(o.name, 'MetadataResponseTopic.name', v));
  } else {
    if (v === 12) w.nullableString(o.name);
    else w.string(nonNull(o.name, 'MetadataResponseTopic.name', v));
  }
  if (v >= 10) w.uuid(o.topicId);
  if (v >= 1) w.bool(o.isInternal);
  writeArray(w, flex, v, o.partitions, writeMetadataResponsePartition);
  if (v >= 8) w.int32(o.topicAuthorizedOperations);
  else if (o.topicAuthorizedOperations !== -2147483648) throw nonDefault('MetadataResponseTopic.topicAuthorizedOperations', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'MetadataResponseTopic', v);
}

/** MetadataResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultMetadataResponse(): MetadataResponse {
  return {
    throttleTimeMs: 0,
    brokers: [],
    clusterId: null,
    controllerId: -1,
    topics: [],
    clusterAuthorizedOperations: -2147483648,
  };
}

/** MetadataResponseBroker with every field at its default (Kafka's no-argument constructor). */
export function defaultMetadataResponseBroker(): MetadataResponseBroker {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

/** MetadataResponsePartition with every field at its default (Kafka's no-argument constructor). */
export function defaultMetadataResponsePartition(): MetadataResponsePartition {
  return {
    errorCode: 0,
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: -1,
    replicaNodes: [],
    isrNodes: [],
    offlineReplicas: [],
  };
}

/** MetadataResponseTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultMetadataResponseTopic(): MetadataResponseTopic {
  return {
    errorCode: 0,
    name: "",
    topicId: ZERO_UUID,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: -2147483648,
  };
}
