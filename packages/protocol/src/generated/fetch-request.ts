// generated — do not edit. Source: shared/kafka-protocol/messages/FetchRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { invalidTag, noTaggedFields, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * FetchRequest (api key 1); versions 0-17; flexible 12+; deprecated 0-3.
 */
export interface FetchRequest {
  /** The clusterId if known. This is used to validate metadata fetches prior to broker registration. (versions 12+; nullable; tagged 12+ as tag 0; default null; ignorable) */
  clusterId: string | null;
  /** The broker ID of the follower, of -1 if this request is from a consumer. (versions 0-14; default -1) */
  replicaId: number;
  /** ReplicaState (versions 15+; tagged 15+ as tag 1) */
  replicaState: ReplicaState;
  /** The maximum time in milliseconds to wait for the response. */
  maxWaitMs: number;
  /** The minimum bytes to accumulate in the response. */
  minBytes: number;
  /** The maximum bytes to fetch. See KIP-74 for cases where this limit may not be honored. (versions 3+; default 0x7fffffff; ignorable) */
  maxBytes: number;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records (versions 4+; default 0; ignorable) */
  isolationLevel: number;
  /** The fetch session ID. (versions 7+; default 0; ignorable) */
  sessionId: number;
  /** The fetch session epoch, which is used for ordering requests in a session. (versions 7+; default -1; ignorable) */
  sessionEpoch: number;
  /** The topics to fetch. */
  topics: FetchTopic[];
  /** In an incremental fetch request, the partitions to remove. (versions 7+) */
  forgottenTopicsData: ForgottenTopic[];
  /** Rack ID of the consumer making this request (versions 11+; ignorable) */
  rackId: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReplicaState: versions 15-17.
 */
export interface ReplicaState {
  /** The replica ID of the follower, or -1 if this request is from a consumer. (default -1) */
  replicaId: number;
  /** The epoch of this follower, or -1 if not available. (default -1) */
  replicaEpoch: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * FetchPartition: versions 0-17.
 */
export interface FetchPartition {
  /** The partition index. */
  partition: number;
  /** The current leader epoch of the partition. (versions 9+; default -1; ignorable) */
  currentLeaderEpoch: number;
  /** The message offset. */
  fetchOffset: bigint;
  /** The epoch of the last fetched record or -1 if there is none (versions 12+; default -1) */
  lastFetchedEpoch: number;
  /** The earliest available offset of the follower replica. The field is only used when the request is sent by the follower. (versions 5+; default -1; ignorable) */
  logStartOffset: bigint;
  /** The maximum bytes to fetch from this partition. See KIP-74 for cases where this limit may not be honored. */
  partitionMaxBytes: number;
  /** The directory id of the follower fetching (versions 17+; tagged 17+ as tag 0; ignorable) */
  replicaDirectoryId: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * FetchTopic: versions 0-17.
 */
export interface FetchTopic {
  /** The name of the topic to fetch. (versions 0-12; ignorable) */
  topic: string;
  /** The unique topic ID (versions 13+; ignorable) */
  topicId: string;
  /** The partitions to fetch. */
  partitions: FetchPartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ForgottenTopic: versions 7-17.
 */
export interface ForgottenTopic {
  /** The topic name. (versions 7-12; ignorable) */
  topic: string;
  /** The unique topic ID (versions 13+; ignorable) */
  topicId: string;
  /** The partitions indexes to forget. */
  partitions: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for FetchRequest: `read` and `write` its body at a given version. */
export const FetchRequest = {
  apiKey: 1,
  type: 'request',
  name: 'Fetch',
  validVersions: { min: 0, max: 17 },
  flexibleVersions: { min: 12, max: 32767 },
  read: readFetchRequest,
  write: writeFetchRequest,
} as const satisfies ApiMessageCodec<FetchRequest>;

function readFetchRequest(r: Reader, v: number): FetchRequest {
  checkVersion(v, 0, 17, 'FetchRequest');
  const flex = v >= 12;
  const o: FetchRequest = {
    clusterId: null,
    replicaId: v <= 14 ? r.int32() : -1,
    replicaState: defaultReplicaState(),
    maxWaitMs: r.int32(),
    minBytes: r.int32(),
    maxBytes: v >= 3 ? r.int32() : 2147483647,
    isolationLevel: v >= 4 ? r.int8() : 0,
    sessionId: v >= 7 ? r.int32() : 0,
    sessionEpoch: v >= 7 ? r.int32() : -1,
    topics: readArray(r, flex, v, readFetchTopic),
    forgottenTopicsData: v >= 7 ? readArray(r, flex, v, readForgottenTopic) : [],
    rackId: v >= 11 ? (flex ? r.compactString() : r.string()) : "",
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        o.clusterId = t.compactNullableString();
        return true;
      case 1:
        if (!(v >= 15)) invalidTag(tag, v);
        o.replicaState = readReplicaState(t, v);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeFetchRequest(w: Writer, v: number, o: FetchRequest): void {
  checkVersion(v, 0, 17, 'FetchRequest');
  const flex = v >= 12;
  if (v <= 14) w.int32(o.replicaId);
  else if (o.replicaId !== -1) throw nonDefault('FetchRequest.replicaId', v);
  if (v < 15 && !isDefaultReplicaState(o.replicaState)) throw nonDefault('FetchRequest.replicaState', v);
  w.int32(o.maxWaitMs);
  w.int32(o.minBytes);
  if (v >= 3) w.int32(o.maxBytes);
  if (v >= 4) w.int8(o.isolationLevel);
  if (v >= 7) w.int32(o.sessionId);
  if (v >= 7) w.int32(o.sessionEpoch);
  writeArray(w, flex, v, o.topics, writeFetchTopic);
  if (v >= 7) writeArray(w, flex, v, o.forgottenTopicsData, writeForgottenTopic);
  else if (o.forgottenTopicsData.length !== 0) throw nonDefault('FetchRequest.forgottenTopicsData', v);
  if (v >= 11) {
    if (flex) w.compactString(o.rackId);
    else w.string(o.rackId);
  }
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    const tag0 = o.clusterId;
    if (tag0 !== null) tags.push([0, (tw) => tw.compactString(tag0)]);
    if (v >= 15) {
      const tag1 = o.replicaState;
      if (!isDefaultReplicaState(tag1)) tags.push([1, (tw) => writeReplicaState(tw, v, tag1)]);
    }
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'FetchRequest', v);
}

function readReplicaState(r: Reader, v: number): ReplicaState {
  const o: ReplicaState = {
    replicaId: r.int32(),
    replicaEpoch: r.int64(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReplicaState(w: Writer, v: number, o: ReplicaState): void {
  w.int32(o.replicaId);
  w.int64(o.replicaEpoch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readFetchPartition(r: Reader, v: number): FetchPartition {
  const flex = v >= 12;
  const o: FetchPartition = {
    partition: r.int32(),
    currentLeaderEpoch: v >= 9 ? r.int32() : -1,
    fetchOffset: r.int64(),
    lastFetchedEpoch: v >= 12 ? r.int32() : -1,
    logStartOffset: v >= 5 ? r.int64() : -1n,
    partitionMaxBytes: r.int32(),
    replicaDirectoryId: ZERO_UUID,
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        if (!(v === 17)) invalidTag(tag, v);
        o.replicaDirectoryId = t.uuid();
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeFetchPartition(w: Writer, v: number, o: FetchPartition): void {
  const flex = v >= 12;
  w.int32(o.partition);
  if (v >= 9) w.int32(o.currentLeaderEpoch);
  w.int64(o.fetchOffset);
  if (v >= 12) w.int32(o.lastFetchedEpoch);
  else if (o.lastFetchedEpoch !== -1) throw nonDefault('FetchPartition.lastFetchedEpoch', v);
  if (v >= 5) w.int64(o.logStartOffset);
  w.int32(o.partitionMaxBytes);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    if (v === 17) {
      const tag0 = o.replicaDirectoryId;
      if (tag0 !== ZERO_UUID) tags.push([0, (tw) => tw.uuid(tag0)]);
    }
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'FetchPartition', v);
}

function readFetchTopic(r: Reader, v: number): FetchTopic {
  const flex = v >= 12;
  const o: FetchTopic = {
    topic: v <= 12 ? (flex ? r.compactString() : r.string()) : "",
    topicId: v >= 13 ? r.uuid() : ZERO_UUID,
    partitions: readArray(r, flex, v, readFetchPartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeFetchTopic(w: Writer, v: number, o: FetchTopic): void {
  const flex = v >= 12;
  if (v <= 12) {
    if (flex) w.compactString(o.topic);
    else w.string(o.topic);
  }
  if (v >= 13) w.uuid(o.topicId);
  writeArray(w, flex, v, o.partitions, writeFetchPartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'FetchTopic', v);
}

function readForgottenTopic(r: Reader, v: number): ForgottenTopic {
  const flex = v >= 12;
  const o: ForgottenTopic = {
    topic: v <= 12 ? (flex ? r.compactString() : r.string()) : "",
    topicId: v >= 13 ? r.uuid() : ZERO_UUID,
    partitions: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeForgottenTopic(w: Writer, v: number, o: ForgottenTopic): void {
  const flex = v >= 12;
  if (v <= 12) {
    if (flex) w.compactString(o.topic);
    else w.string(o.topic);
  }
  if (v >= 13) w.uuid(o.topicId);
  writeArray(w, flex, v, o.partitions, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ForgottenTopic', v);
}

/** FetchPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultFetchPartition(): FetchPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    fetchOffset: 0n,
    lastFetchedEpoch: -1,
    logStartOffset: -1n,
    partitionMaxBytes: 0,
    replicaDirectoryId: ZERO_UUID,
  };
}

/** FetchRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultFetchRequest(): FetchRequest {
  return {
    clusterId: null,
    replicaId: -1,
    replicaState: defaultReplicaState(),
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 2147483647,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [],
    forgottenTopicsData: [],
    rackId: "",
  };
}

/** FetchTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultFetchTopic(): FetchTopic {
  return {
    topic: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}

/** ForgottenTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultForgottenTopic(): ForgottenTopic {
  return {
    topic: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}

/** ReplicaState with every field at its default (Kafka's no-argument constructor). */
export function defaultReplicaState(): ReplicaState {
  return {
    replicaId: -1,
    replicaEpoch: -1n,
  };
}

function isDefaultReplicaState(o: ReplicaState): boolean {
  return !(
    o.replicaId !== -1 ||
    o.replicaEpoch !== -1n ||
    (o.unknownTaggedFields !== undefined && o.unknownTaggedFields.length > 0)
  );
}
