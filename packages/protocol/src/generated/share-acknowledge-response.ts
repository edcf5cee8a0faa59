// generated — do not edit. Source: shared/kafka-protocol/messages/ShareAcknowledgeResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ShareAcknowledgeResponse (api key 79); versions 0; flexible 0+.
 */
export interface ShareAcknowledgeResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (ignorable) */
  throttleTimeMs: number;
  /** The top level response error code. (ignorable) */
  errorCode: number;
  /** The top-level error message, or null if there was no error. (nullable; default null) */
  errorMessage: string | null;
  /** The response topics. */
  responses: ShareAcknowledgeTopicResponse[];
  /** Endpoints for all current leaders enumerated in PartitionData with error NOT_LEADER_OR_FOLLOWER. */
  nodeEndpoints: NodeEndpoint[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderIdAndEpoch: versions 0.
 */
export interface LeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch. */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0.
 */
export interface PartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. (nullable; default null) */
  errorMessage: string | null;
  /** CurrentLeader */
  currentLeader: LeaderIdAndEpoch;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ShareAcknowledgeTopicResponse: versions 0.
 */
export interface ShareAcknowledgeTopicResponse {
  /** The unique topic ID. (ignorable) */
  topicId: string;
  /** The topic partitions. */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * NodeEndpoint: versions 0.
 */
export interface NodeEndpoint {
  /** The ID of the associated node. */
  nodeId: number;
  /** The node's hostname. */
  host: string;
  /** The node's port. */
  port: number;
  /** The rack of the node, or null if it has not been assigned to a rack. (nullable; default null) */
  rack: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ShareAcknowledgeResponse: `read` and `write` its body at a given version. */
export const ShareAcknowledgeResponse = {
  apiKey: 79,
  type: 'response',
  name: 'ShareAcknowledge',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readShareAcknowledgeResponse,
  write: writeShareAcknowledgeResponse,
} as const satisfies ApiMessageCodec<ShareAcknowledgeResponse>;

function readShareAcknowledgeResponse(r: Reader, v: number): ShareAcknowledgeResponse {
  checkVersion(v, 0, 0, 'ShareAcknowledgeResponse');
  const o: ShareAcknowledgeResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    responses: readArray(r, true, v, readShareAcknowledgeTopicResponse),
    nodeEndpoints: readArray(r, true, v, readNodeEndpoint),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeShareAcknowledgeResponse(w: Writer, v: number, o: ShareAcknowledgeResponse): void {
  checkVersion(v, 0, 0, 'ShareAcknowledgeResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, true, v, o.responses, writeShareAcknowledgeTopicResponse);
  writeArray(w, true, v, o.nodeEndpoints, writeNodeEndpoint);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readLeaderIdAndEpoch(r: Reader, v: number): LeaderIdAndEpoch {
  const o: LeaderIdAndEpoch = {
    leaderId: r.int32(),
    leaderEpoch: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeLeaderIdAndEpoch(w: Writer, v: number, o: LeaderIdAndEpoch): void {
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    currentLeader: readLeaderIdAndEpoch(r, v),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeLeaderIdAndEpoch(w, v, o.currentLeader);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readShareAcknowledgeTopicResponse(r: Reader, v: number): ShareAcknowledgeTopicResponse {
  const o: ShareAcknowledgeTopicResponse = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeShareAcknowledgeTopicResponse(w: Writer, v: number, o: ShareAcknowledgeTopicResponse): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readNodeEndpoint(r: Reader, v: number): NodeEndpoint {
  const o: NodeEndpoint = {
    nodeId: r.int32(),
    host: r.compactString(),
    port: r.int32(),
    rack: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeNodeEndpoint(w: Writer, v: number, o: NodeEndpoint): void {
  w.int32(o.nodeId);
  w.compactString(o.host);
  w.int32(o.port);
  w.compactNullableString(o.rack);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** LeaderIdAndEpoch with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderIdAndEpoch(): LeaderIdAndEpoch {
  return {
    leaderId: 0,
    leaderEpoch: 0,
  };
}

/** NodeEndpoint with every field at its default (Kafka's no-argument constructor). */
export function defaultNodeEndpoint(): NodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    currentLeader: defaultLeaderIdAndEpoch(),
  };
}

/** ShareAcknowledgeResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultShareAcknowledgeResponse(): ShareAcknowledgeResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    responses: [],
    nodeEndpoints: [],
  };
}

/** ShareAcknowledgeTopicResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultShareAcknowledgeTopicResponse(): ShareAcknowledgeTopicResponse {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}
