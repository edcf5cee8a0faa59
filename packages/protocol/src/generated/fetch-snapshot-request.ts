// generated — do not edit. Source: shared/kafka-protocol/messages/FetchSnapshotRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { invalidTag, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * FetchSnapshotRequest (api key 59); versions 0-1; flexible 0+.
 */
export interface FetchSnapshotRequest {
  /** The clusterId if known, this is used to validate metadata fetches prior to broker registration (nullable; tagged 0+ as tag 0; default null) */
  clusterId: string | null;
  /** The broker ID of the follower (default -1) */
  replicaId: number;
  /** The maximum bytes to fetch from all of the snapshots (default 0x7fffffff) */
  maxBytes: number;
  /** The topics to fetch */
  topics: TopicSnapshot[];
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
 * PartitionSnapshot: versions 0-1.
 */
export interface PartitionSnapshot {
  /** The partition index */
  partition: number;
  /** The current leader epoch of the partition, -1 for unknown leader epoch */
  currentLeaderEpoch: number;
  /** The snapshot endOffset and epoch to fetch */
  snapshotId: SnapshotId;
  /** The byte position within the snapshot to start fetching from */
  position: bigint;
  /** The directory id of the follower fetching (versions 1+; tagged 1+ as tag 0; ignorable) */
  replicaDirectoryId: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicSnapshot: versions 0-1.
 */
export interface TopicSnapshot {
  /** The name of the topic to fetch */
  name: string;
  /** The partitions to fetch */
  partitions: PartitionSnapshot[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for FetchSnapshotRequest: `read` and `write` its body at a given version. */
export const FetchSnapshotRequest = {
  apiKey: 59,
  type: 'request',
  name: 'FetchSnapshot',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readFetchSnapshotRequest,
  write: writeFetchSnapshotRequest,
} as const satisfies ApiMessageCodec<FetchSnapshotRequest>;

function readFetchSnapshotRequest(r: Reader, v: number): FetchSnapshotRequest {
  checkVersion(v, 0, 1, 'FetchSnapshotRequest');
  const o: FetchSnapshotRequest = {
    clusterId: null,
    replicaId: r.int32(),
    maxBytes: r.int32(),
    topics: readArray(r, true, v, readTopicSnapshot),
  };
  readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        o.clusterId = t.compactNullableString();
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeFetchSnapshotRequest(w: Writer, v: number, o: FetchSnapshotRequest): void {
  checkVersion(v, 0, 1, 'FetchSnapshotRequest');
  w.int32(o.replicaId);
  w.int32(o.maxBytes);
  writeArray(w, true, v, o.topics, writeTopicSnapshot);
  const tags: TaggedFieldWrite[] = [];
  const tag0 = o.clusterId;
  if (tag0 !== null) tags.push([0, (tw) => tw.compactString(tag0)]);
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

function readPartitionSnapshot(r: Reader, v: number): PartitionSnapshot {
  const o: PartitionSnapshot = {
    partition: r.int32(),
    currentLeaderEpoch: r.int32(),
    snapshotId: readSnapshotId(r, v),
    position: r.int64(),
    replicaDirectoryId: ZERO_UUID,
  };
  readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        if (!(v === 1)) invalidTag(tag, v);
        o.replicaDirectoryId = t.uuid();
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writePartitionSnapshot(w: Writer, v: number, o: PartitionSnapshot): void {
  w.int32(o.partition);
  w.int32(o.currentLeaderEpoch);
  writeSnapshotId(w, v, o.snapshotId);
  w.int64(o.position);
  const tags: TaggedFieldWrite[] = [];
  if (v === 1) {
    const tag0 = o.replicaDirectoryId;
    if (tag0 !== ZERO_UUID) tags.push([0, (tw) => tw.uuid(tag0)]);
  }
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

/** FetchSnapshotRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultFetchSnapshotRequest(): FetchSnapshotRequest {
  return {
    clusterId: null,
    replicaId: -1,
    maxBytes: 2147483647,
    topics: [],
  };
}

/** PartitionSnapshot with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionSnapshot(): PartitionSnapshot {
  return {
    partition: 0,
    currentLeaderEpoch: 0,
    snapshotId: defaultSnapshotId(),
    position: 0n,
    replicaDirectoryId: ZERO_UUID,
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
