// generated — do not edit. Source: shared/kafka-protocol/messages/FetchResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { invalidTag, noTaggedFields, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, readNullableArray, writeArray, writeNullableArray } from '../wire/arrays';

/**
 * FetchResponse (api key 1); versions 0-17; flexible 12+.
 */
export interface FetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; ignorable) */
  throttleTimeMs: number;
  /** The top level response error code. (versions 7+; ignorable) */
  errorCode: number;
  /** The fetch session ID, or 0 if this is not part of a fetch session. (versions 7+; default 0) */
  sessionId: number;
  /** The response topics. */
  responses: FetchableTopicResponse[];
  /** Endpoints for all current-leaders enumerated in PartitionData, with errors NOT_LEADER_OR_FOLLOWER & FENCED_LEADER_EPOCH. (versions 16+; tagged 16+ as tag 0) */
  nodeEndpoints: NodeEndpoint[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * EpochEndOffset: versions 12-17.
 */
export interface EpochEndOffset {
  /** Epoch (default -1) */
  epoch: number;
  /** EndOffset (default -1) */
  endOffset: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderIdAndEpoch: versions 12-17.
 */
export interface LeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. (default -1) */
  leaderId: number;
  /** The latest known leader epoch (default -1) */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * SnapshotId: versions 12-17.
 */
export interface SnapshotId {
  /** EndOffset (default -1) */
  endOffset: bigint;
  /** Epoch (default -1) */
  epoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AbortedTransaction: versions 4-17.
 */
export interface AbortedTransaction {
  /** The producer id associated with the aborted transaction. */
  producerId: bigint;
  /** The first offset in the aborted transaction. */
  firstOffset: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0-17.
 */
export interface PartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no fetch error. */
  errorCode: number;
  /** The current high water mark. */
  highWatermark: bigint;
  /** The last stable offset (or LSO) of the partition. This is the last offset such that the state of all transactional records prior to this offset have been decided (ABORTED or COMMITTED) (versions 4+; default -1; ignorable) */
  lastStableOffset: bigint;
  /** The current log start offset. (versions 5+; default -1; ignorable) */
  logStartOffset: bigint;
  /** In case divergence is detected based on the `LastFetchedEpoch` and `FetchOffset` in the request, this field indicates the largest epoch and its end offset such that subsequent records are known to diverge (versions 12+; tagged 12+ as tag 0) */
  divergingEpoch: EpochEndOffset;
  /** CurrentLeader (versions 12+; tagged 12+ as tag 1) */
  currentLeader: LeaderIdAndEpoch;
  /** In the case of fetching an offset less than the LogStartOffset, this is the end offset and epoch that should be used in the FetchSnapshot request. (versions 12+; tagged 12+ as tag 2) */
  snapshotId: SnapshotId;
  /** The aborted transactions. (versions 4+; nullable; ignorable) */
  abortedTransactions: AbortedTransaction[] | null;
  /** The preferred read replica for the consumer to use on its next fetch request (versions 11+; default -1) */
  preferredReadReplica: number;
  /** The record data. (nullable) */
  records: Buffer | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * FetchableTopicResponse: versions 0-17.
 */
export interface FetchableTopicResponse {
  /** The topic name. (versions 0-12; ignorable) */
  topic: string;
  /** The unique topic ID (versions 13+; ignorable) */
  topicId: string;
  /** The topic partitions. */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * NodeEndpoint: versions 16-17.
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

/** Codec for FetchResponse: `read` and `write` its body at a given version. */
export const FetchResponse = {
  apiKey: 1,
  type: 'response',
  name: 'Fetch',
  validVersions: { min: 0, max: 17 },
  flexibleVersions: { min: 12, max: 32767 },
  read: readFetchResponse,
  write: writeFetchResponse,
} as const satisfies ApiMessageCodec<FetchResponse>;

function readFetchResponse(r: Reader, v: number): FetchResponse {
  checkVersion(v, 0, 17, 'FetchResponse');
  const flex = v >= 12;
  const o: FetchResponse = {
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    errorCode: v >= 7 ? r.int16() : 0,
    sessionId: v >= 7 ? r.int32() : 0,
    responses: readArray(r, flex, v, readFetchableTopicResponse),
    nodeEndpoints: [],
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        if (!(v >= 16)) invalidTag(tag, v);
        o.nodeEndpoints = readArray(t, true, v, readNodeEndpoint);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeFetchResponse(w: Writer, v: number, o: FetchResponse): void {
  checkVersion(v, 0, 17, 'FetchResponse');
  const flex = v >= 12;
  if (v >= 1) w.int32(o.throttleTimeMs);
  if (v >= 7) w.int16(o.errorCode);
  if (v >= 7) w.int32(o.sessionId);
  else if (o.sessionId !== 0) throw nonDefault('FetchResponse.sessionId', v);
  writeArray(w, flex, v, o.responses, writeFetchableTopicResponse);
  if (v < 16 && o.nodeEndpoints.length !== 0) throw nonDefault('FetchResponse.nodeEndpoints', v);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    if (v >= 16) {
      const tag0 = o.nodeEndpoints;
      if (tag0.length !== 0) tags.push([0, (tw) => writeArray(tw, true, v, tag0, writeNodeEndpoint)]);
    }
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'FetchResponse', v);
}

function readEpochEndOffset(r: Reader, v: number): EpochEndOffset {
  const o: EpochEndOffset = {
    epoch: r.int32(),
    endOffset: r.int64(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeEpochEndOffset(w: Writer, v: number, o: EpochEndOffset): void {
  w.int32(o.epoch);
  w.int64(o.endOffset);
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

function readSnapshotId(r: Reader, v: number): SnapshotId {
  const o: SnapshotId = {
    endOffset: r.int64(),
    epoch: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeSnapshotId(w: Writer, v: number, o: SnapshotId): void {
  w.int64(o.endOffset);
  w.int32(o.epoch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readAbortedTransaction(r: Reader, v: number): AbortedTransaction {
  const flex = v >= 12;
  const o: AbortedTransaction = {
    producerId: r.int64(),
    firstOffset: r.int64(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAbortedTransaction(w: Writer, v: number, o: AbortedTransaction): void {
  const flex = v >= 12;
  w.int64(o.producerId);
  w.int64(o.firstOffset);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AbortedTransaction', v);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const flex = v >= 12;
  const o: PartitionData = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    highWatermark: r.int64(),
    lastStableOffset: v >= 4 ? r.int64() : -1n,
    logStartOffset: v >= 5 ? r.int64() : -1n,
    divergingEpoch: defaultEpochEndOffset(),
    currentLeader: defaultLeaderIdAndEpoch(),
    snapshotId: defaultSnapshotId(),
    abortedTransactions: v >= 4 ? readNullableArray(r, flex, v, readAbortedTransaction) : [],
    preferredReadReplica: v >= 11 ? r.int32() : -1,
    records: flex ? r.compactNullableBytes() : r.nullableBytes(),
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        o.divergingEpoch = readEpochEndOffset(t, v);
        return true;
      case 1:
        o.currentLeader = readLeaderIdAndEpoch(t, v);
        return true;
      case 2:
        o.snapshotId = readSnapshotId(t, v);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  const flex = v >= 12;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.int64(o.highWatermark);
  if (v >= 4) w.int64(o.lastStableOffset);
  if (v >= 5) w.int64(o.logStartOffset);
  if (v < 12 && !isDefaultEpochEndOffset(o.divergingEpoch)) throw nonDefault('PartitionData.divergingEpoch', v);
  if (v < 12 && !isDefaultLeaderIdAndEpoch(o.currentLeader)) throw nonDefault('PartitionData.currentLeader', v);
  if (v < 12 && !isDefaultSnapshotId(o.snapshotId)) throw nonDefault('PartitionData.snapshotId', v);
  if (v >= 4) writeNullableArray(w, flex, v, o.abortedTransactions, writeAbortedTransaction);
  if (v >= 11) w.int32(o.preferredReadReplica);
  else if (o.preferredReadReplica !== -1) throw nonDefault('PartitionData.preferredReadReplica', v);
  w.lengthPrefixedRef(o.records, flex);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    const tag0 = o.divergingEpoch;
    if (!isDefaultEpochEndOffset(tag0)) tags.push([0, (tw) => writeEpochEndOffset(tw, v, tag0)]);
    const tag1 = o.currentLeader;
    if (!isDefaultLeaderIdAndEpoch(tag1)) tags.push([1, (tw) => writeLeaderIdAndEpoch(tw, v, tag1)]);
    const tag2 = o.snapshotId;
    if (!isDefaultSnapshotId(tag2)) tags.push([2, (tw) => writeSnapshotId(tw, v, tag2)]);
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'PartitionData', v);
}

function readFetchableTopicResponse(r: Reader, v: number): FetchableTopicResponse {
  const flex = v >= 12;
  const o: FetchableTopicResponse = {
    topic: v <= 12 ? (flex ? r.compactString() : r.string()) : "",
    topicId: v >= 13 ? r.uuid() : ZERO_UUID,
    partitions: readArray(r, flex, v, readPartitionData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeFetchableTopicResponse(w: Writer, v: number, o: FetchableTopicResponse): void {
  const flex = v >= 12;
  if (v <= 12) {
    if (flex) w.compactString(o.topic);
    else w.string(o.topic);
  }
  if (v >= 13) w.uuid(o.topicId);
  writeArray(w, flex, v, o.partitions, writePartitionData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'FetchableTopicResponse', v);
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

/** AbortedTransaction with every field at its default (Kafka's no-argument constructor). */
export function defaultAbortedTransaction(): AbortedTransaction {
  return {
    producerId: 0n,
    firstOffset: 0n,
  };
}

/** EpochEndOffset with every field at its default (Kafka's no-argument constructor). */
export function defaultEpochEndOffset(): EpochEndOffset {
  return {
    epoch: -1,
    endOffset: -1n,
  };
}

/** FetchResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultFetchResponse(): FetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: [],
    nodeEndpoints: [],
  };
}

/** FetchableTopicResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultFetchableTopicResponse(): FetchableTopicResponse {
  return {
    topic: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}

/** LeaderIdAndEpoch with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderIdAndEpoch(): LeaderIdAndEpoch {
  return {
    leaderId: -1,
    leaderEpoch: -1,
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
    highWatermark: 0n,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    divergingEpoch: defaultEpochEndOffset(),
    currentLeader: defaultLeaderIdAndEpoch(),
    snapshotId: defaultSnapshotId(),
    abortedTransactions: [],
    preferredReadReplica: -1,
    records: null,
  };
}

/** SnapshotId with every field at its default (Kafka's no-argument constructor). */
export function defaultSnapshotId(): SnapshotId {
  return {
    endOffset: -1n,
    epoch: -1,
  };
}

function isDefaultEpochEndOffset(o: EpochEndOffset): boolean {
  return !(
    o.epoch !== -1 ||
    o.endOffset !== -1n ||
    (o.unknownTaggedFields !== undefined && o.unknownTaggedFields.length > 0)
  );
}

function isDefaultLeaderIdAndEpoch(o: LeaderIdAndEpoch): boolean {
  return !(
    o.leaderId !== -1 ||
    o.leaderEpoch !== -1 ||
    (o.unknownTaggedFields !== undefined && o.unknownTaggedFields.length > 0)
  );
}

function isDefaultSnapshotId(o: SnapshotId): boolean {
  return !(
    o.endOffset !== -1n ||
    o.epoch !== -1 ||
    (o.unknownTaggedFields !== undefined && o.unknownTaggedFields.length > 0)
  );
}
