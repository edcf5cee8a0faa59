// generated — do not edit. Source: shared/kafka-protocol/messages/ShareFetchResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ShareFetchResponse (api key 78); versions 0; flexible 0+.
 */
export interface ShareFetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level response error code. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. (nullable; default null) */
  errorMessage: string | null;
  /** The response topics. */
  responses: ShareFetchableTopicResponse[];
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
 * AcquiredRecords: versions 0.
 */
export interface AcquiredRecords {
  /** The earliest offset in this batch of acquired records. */
  firstOffset: bigint;
  /** The last offset of this batch of acquired records. */
  lastOffset: bigint;
  /** The delivery count of this batch of acquired records. */
  deliveryCount: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0.
 */
export interface PartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The fetch error code, or 0 if there was no fetch error. */
  errorCode: number;
  /** The fetch error message, or null if there was no fetch error. (nullable; default null) */
  errorMessage: string | null;
  /** The acknowledge error code, or 0 if there was no acknowledge error. */
  acknowledgeErrorCode: number;
  /** The acknowledge error message, or null if there was no acknowledge error. (nullable; default null) */
  acknowledgeErrorMessage: string | null;
  /** CurrentLeader */
  currentLeader: LeaderIdAndEpoch;
  /** The record data. (nullable) */
  records: Buffer | null;
  /** The acquired records. */
  acquiredRecords: AcquiredRecords[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ShareFetchableTopicResponse: versions 0.
 */
export interface ShareFetchableTopicResponse {
  /** The unique topic ID. */
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

/** Codec for ShareFetchResponse: `read` and `write` its body at a given version. */
export const ShareFetchResponse = {
  apiKey: 78,
  type: 'response',
  name: 'ShareFetch',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readShareFetchResponse,
  write: writeShareFetchResponse,
} as const satisfies ApiMessageCodec<ShareFetchResponse>;

function readShareFetchResponse(r: Reader, v: number): ShareFetchResponse {
  checkVersion(v, 0, 0, 'ShareFetchResponse');
  const o: ShareFetchResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    responses: readArray(r, true, v, readShareFetchableTopicResponse),
    nodeEndpoints: readArray(r, true, v, readNodeEndpoint),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeShareFetchResponse(w: Writer, v: number, o: ShareFetchResponse): void {
  checkVersion(v, 0, 0, 'ShareFetchResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, true, v, o.responses, writeShareFetchableTopicResponse);
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

function readAcquiredRecords(r: Reader, v: number): AcquiredRecords {
  const o: AcquiredRecords = {
    firstOffset: r.int64(),
    lastOffset: r.int64(),
    deliveryCount: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAcquiredRecords(w: Writer, v: number, o: AcquiredRecords): void {
  w.int64(o.firstOffset);
  w.int64(o.lastOffset);
  w.int16(o.deliveryCount);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    acknowledgeErrorCode: r.int16(),
    acknowledgeErrorMessage: r.compactNullableString(),
    currentLeader: readLeaderIdAndEpoch(r, v),
    records: r.compactNullableBytes(),
    acquiredRecords: readArray(r, true, v, readAcquiredRecords),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  w.int16(o.acknowledgeErrorCode);
  w.compactNullableString(o.acknowledgeErrorMessage);
  writeLeaderIdAndEpoch(w, v, o.currentLeader);
  w.lengthPrefixedRef(o.records, true);
  writeArray(w, true, v, o.acquiredRecords, writeAcquiredRecords);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readShareFetchableTopicResponse(r: Reader, v: number): ShareFetchableTopicResponse {
  const o: ShareFetchableTopicResponse = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeShareFetchableTopicResponse(w: Writer, v: number, o: ShareFetchableTopicResponse): void {
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

/** AcquiredRecords with every field at its default (Kafka's no-argument constructor). */
export function defaultAcquiredRecords(): AcquiredRecords {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    deliveryCount: 0,
  };
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
    acknowledgeErrorCode: 0,
    acknowledgeErrorMessage: null,
    currentLeader: defaultLeaderIdAndEpoch(),
    records: null,
    acquiredRecords: [],
  };
}

/** ShareFetchResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultShareFetchResponse(): ShareFetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    responses: [],
    nodeEndpoints: [],
  };
}

/** ShareFetchableTopicResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultShareFetchableTopicResponse(): ShareFetchableTopicResponse {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}
