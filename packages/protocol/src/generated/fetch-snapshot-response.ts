// generated — do not edit. Source: shared/kafka-protocol/messages/FetchSnapshotResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { invalidTag, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, nonNull } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * FetchSnapshotResponse (api key 59); versions 0-1; flexible 0+.
 */
export interface FetchSnapshotResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (ignorable) */
  throttleTimeMs: number;
  /** The top level response error code. */
  errorCode: number;
  /** The topics to fetch. */
  topics: TopicSnapshot[];
  /** Endpoints for all current-leaders enumerated in PartitionSnapshot (versions 1+; tagged 1+ as tag 0) */
  nodeEndpoints: NodeEndpoint[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * SnapshotId: versions 0-1.
 */
export interface SnapshotId {
  /** EndOffset */
  endOffset: bigint;
  /** Epoch */
  epoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderIdAndEpoch: versions 0-1.
 */
export interface LeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionSnapshot: versions 0-1.
 */
export interface PartitionSnapshot {
  /** The partition index. */
  index: number;
  /** The error code, or 0 if there was no fetch error. */
  errorCode: number;
  /** The snapshot endOffset and epoch fetched */
  snapshotId: SnapshotId;
  /** CurrentLeader (tagged 0+ as tag 0) */
  currentLeader: LeaderIdAndEpoch;
  /** The total size of the snapshot. */
  size: bigint;
  /** The starting byte position within the snapshot included in the Bytes field. */
  position: bigint;
  /** Snapshot data in records format which may not be aligned on an offset boundary */
  unalignedRecords: Buffer | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicSnapshot: versions 0-1.
 */
export interface TopicSnapshot {
  /** The name of the topic to fetch. */
  name: string;
  /** The partitions to fetch. */
  partitions: PartitionSnapshot[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * NodeEndpoint: versions 1.
 */
export interface NodeEndpoint {
  /** The ID of the associated node */
  nodeId: number;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for FetchSnapshotResponse: `read` and `write` its body at a given version. */
export const FetchSnapshotResponse = {
  apiKey: 59,
  type: 'response',
  name: 'FetchSnapshot',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readFetchSnapshotResponse,
  write: writeFetchSnapshotResponse,
} as const satisfies ApiMessageCodec<FetchSnapshotResponse>;

function readFetchSnapshotResponse(r: Reader, v: number): FetchSnapshotResponse {
  checkVersion(v, 0, 1, 'FetchSnapshotResponse');
  const o: FetchSnapshotResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    topics: readArray(r, true, v, readTopicSnapshot),
    nodeEndpoints: [],
  };
  readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        if (!(v === 1)) invalidTag(tag, v);
        o.nodeEndpoints = readArray(t, true, v, readNodeEndpoint);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeFetchSnapshotResponse(w: Writer, v: number, o: FetchSnapshotResponse): void {
  checkVersion(v, 0, 1, 'FetchSnapshotResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, true, v, o.topics, writeTopicSnapshot);
  if (v < 1 && o.nodeEndpoints.length !== 0) throw nonDefault('FetchSnapshotResponse.nodeEndpoints', v);
  const tags: TaggedFieldWrite[] = [];
  if (v === 1) {
    const tag0 = o.nodeEndpoints;
    if (tag0.length !== 0) tags.push([0, (tw) => writeArray(tw, true, v, tag0, writeNodeEndpoint)]);
  }
  writeTaggedFields(w, tags, o.unknownTaggedFields);
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

function readPartitionSnapshot(r: Reader, v: number): PartitionSnapshot {
  const o: PartitionSnapshot = {
    index: r.int32(),
    errorCode: r.int16(),
    snapshotId: readSnapshotId(r, v),
    currentLeader: defaultLeaderIdAndEpoch(),
    size: r.int64(),
    position: r.int64(),
    unalignedRecords: r.compactBytes(),
  };
  readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        o.currentLeader = readLeaderIdAndEpoch(t, v);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writePartitionSnapshot(w: Writer, v: number, o: PartitionSnapshot): void {
  w.int32(o.index);
  w.int16(o.errorCode);
  writeSnapshotId(w, v, o.snapshotId);
  w.int64(o.size);
  w.int64(o.position);
  w.lengthPrefixedRef(nonNull(o.unalignedRecords, 'PartitionSnapshot.unalignedRecords', v), true);
  const tags: TaggedFieldWrite[] = [];
  const tag0 = o.currentLeader;
  if (!isDefaultLeaderIdAndEpoch(tag0)) tags.push([0, (tw) => writeLeaderIdAndEpoch(tw, v, tag0)]);
  writeTaggedFields(w, tags, o.unknownTaggedFields);
}

function readTopicSnapshot(r: Reader, v: number): TopicSnapshot {
  const o: TopicSnapshot = {
    name: r.compactString(),
    partitions: readArray(r, true, v, readPartitionSnapshot),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicSnapshot(w: Writer, v: number, o: TopicSnapshot): void {
  w.compactString(o.name);
  writeArray(w, true, v, o.partitions, writePartitionSnapshot);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readNodeEndpoint(r: Reader, v: number): NodeEndpoint {
  const o: NodeEndpoint = {
    nodeId: r.int32(),
    host: r.compactString(),
    port: r.uint16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeNodeEndpoint(w: Writer, v: number, o: NodeEndpoint): void {
  w.int32(o.nodeId);
  w.compactString(o.host);
  w.uint16(o.port);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** FetchSnapshotResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultFetchSnapshotResponse(): FetchSnapshotResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
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
  };
}

/** PartitionSnapshot with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionSnapshot(): PartitionSnapshot {
  return {
    index: 0,
    errorCode: 0,
    snapshotId: defaultSnapshotId(),
    currentLeader: defaultLeaderIdAndEpoch(),
    size: 0n,
    position: 0n,
    unalignedRecords: null,
  };
}

/** SnapshotId with every field at its default (Kafka's no-argument constructor). */
export function defaultSnapshotId(): SnapshotId {
  return {
    endOffset: 0n,
    epoch: 0,
  };
}

/** TopicSnapshot with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicSnapshot(): TopicSnapshot {
  return {
    name: "",
    partitions: [],
  };
}

function isDefaultLeaderIdAndEpoch(o: LeaderIdAndEpoch): boolean {
  return !(
    o.leaderId !== 0 ||
    o.leaderEpoch !== 0 ||
    (o.unknownTaggedFields !== undefined && o.unknownTaggedFields.length > 0)
  );
}
