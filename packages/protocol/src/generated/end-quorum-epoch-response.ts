// generated — do not edit. Source: shared/kafka-protocol/messages/EndQuorumEpochResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * EndQuorumEpochResponse (api key 54); versions 0-1; flexible 1+.
 */
export interface EndQuorumEpochResponse {
  /** The top level error code. */
  errorCode: number;
  /** Topics */
  topics: TopicData[];
  /** Endpoints for all leaders enumerated in PartitionData (versions 1+; tagged 1+ as tag 0) */
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

/** Codec for EndQuorumEpochResponse: `read` and `write` its body at a given version. */
export const EndQuorumEpochResponse = {
  apiKey: 54,
  type: 'response',
  name: 'EndQuorumEpoch',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readEndQuorumEpochResponse,
  write: writeEndQuorumEpochResponse,
} as const satisfies ApiMessageCodec<EndQuorumEpochResponse>;

function readEndQuorumEpochResponse(r: Reader, v: number): EndQuorumEpochResponse {
  checkVersion(v, 0, 1, 'EndQuorumEpochResponse');
  const flex = v === 1;
  const o: EndQuorumEpochResponse = {
    errorCode: r.int16(),
    topics: readArray(r, flex, v, readTopicData),
    nodeEndpoints: [],
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        o.nodeEndpoints = readArray(t, true, v, readNodeEndpoint);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeEndQuorumEpochResponse(w: Writer, v: number, o: EndQuorumEpochResponse): void {
  checkVersion(v, 0, 1, 'EndQuorumEpochResponse');
  const flex = v === 1;
  w.int16(o.errorCode);
  writeArray(w, flex, v, o.topics, writeTopicData);
  if (v < 1 && o.nodeEndpoints.length !== 0) throw nonDefault('EndQuorumEpochResponse.nodeEndpoints', v);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    const tag0 = o.nodeEndpoints;
    if (tag0.length !== 0) tags.push([0, (tw) => writeArray(tw, true, v, tag0, writeNodeEndpoint)]);
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'EndQuorumEpochResponse', v);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const flex = v === 1;
  const o: PartitionData = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
    leaderId: r.int32(),
    leaderEpoch: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  const flex = v === 1;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  w.int32(o.leaderId);
  w.int32(o.leaderEpoch);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'PartitionData', v);
}

function readTopicData(r: Reader, v: number): TopicData {
  const flex = v === 1;
  const o: TopicData = {
    topicName: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readPartitionData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTopicData(w: Writer, v: number, o: TopicData): void {
  const flex = v === 1;
  if (flex) w.compactString(o.topicName);
  else w.string(o.topicName);
  writeArray(w, flex, v, o.partitions, writePartitionData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TopicData', v);
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

/** EndQuorumEpochResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultEndQuorumEpochResponse(): EndQuorumEpochResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
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

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicName: "",
    partitions: [],
  };
}
