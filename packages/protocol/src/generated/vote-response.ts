// generated — do not edit. Source: shared/kafka-protocol/messages/VoteResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { invalidTag, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * VoteResponse (api key 52); versions 0-1; flexible 0+.
 */
export interface VoteResponse {
  /** The top level error code. */
  errorCode: number;
  /** Topics */
  topics: TopicData[];
  /** Endpoints for all current-leaders enumerated in PartitionData (versions 1+; tagged 1+ as tag 0) */
  nodeEndpoints: NodeEndpoint[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0-1.
 */
export interface PartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** ErrorCode */
  errorCode: number;
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
  /** True if the vote was granted and false otherwise */
  voteGranted: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0-1.
 */
export interface TopicData {
  /** The topic name. */
  topicName: string;
  /** Partitions */
  partitions: PartitionData[];
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

/** Codec for VoteResponse: `read` and `write` its body at a given version. */
export const VoteResponse = {
  apiKey: 52,
  type: 'response',
  name: 'Vote',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readVoteResponse,
  write: writeVoteResponse,
} as const satisfies ApiMessageCodec<VoteResponse>;

function readVoteResponse(r: Reader, v: number): VoteResponse {
  checkVersion(v, 0, 1, 'VoteResponse');
  const o: VoteResponse = {
    errorCode: r.int16(),
    topics: readArray(r, true, v, readTopicData),
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

function writeVoteResponse(w: Writer, v: number, o: VoteResponse): void {
  checkVersion(v, 0, 1, 'VoteResponse');
  w.int16(o.errorCode);
  writeArray(w, true, v, o.topics, writeTopicData);
  if (v < 1 && o.nodeEndpoints.length !== 0) throw nonDefault('VoteResponse.nodeEndpoints', v);
  const tags: TaggedFieldWrite[] = [];
  if (v === 1) {
    const tag0 = o.nodeEndpoints;
    if (tag0.length !== 0) tags.push([0, (tw) => writeArray(tw, true, v, tag0, writeNodeEndpoint)]);
  }
  writeTaggedFields(w, tags, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    leaderId: r.int32(),
    leaderEpoch: r.int32(),
    voteGranted: r.bool(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  w.bool(o.voteGranted);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicData(r: Reader, v: number): TopicData {
  const o: TopicData = {
    topicName: r.compactString(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicData(w: Writer, v: number, o: TopicData): void {
  w.compactString(o.topicName);
  writeArray(w, true, v, o.partitions, writePartitionData);
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

/** NodeEndpoint with every field at its default (Kafka's no-argument constructor). */
export function defaultNodeEndpoint(): NodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
    voteGranted: false,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

/** VoteResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultVoteResponse(): VoteResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}
