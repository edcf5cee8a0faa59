// generated — do not edit. Source: shared/kafka-protocol/messages/ProduceResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { invalidTag, noTaggedFields, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ProduceResponse (api key 0); versions 0-11; flexible 9+.
 */
export interface ProduceResponse {
  /** Each produce response */
  responses: TopicProduceResponse[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; default 0; ignorable) */
  throttleTimeMs: number;
  /** Endpoints for all current-leaders enumerated in PartitionProduceResponses, with errors NOT_LEADER_OR_FOLLOWER. (versions 10+; tagged 10+ as tag 0) */
  nodeEndpoints: NodeEndpoint[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * BatchIndexAndErrorMessage: versions 8-11.
 */
export interface BatchIndexAndErrorMessage {
  /** The batch index of the record that cause the batch to be dropped */
  batchIndex: number;
  /** The error message of the record that caused the batch to be dropped (nullable; default null) */
  batchIndexErrorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderIdAndEpoch: versions 10-11.
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
 * PartitionProduceResponse: versions 0-11.
 */
export interface PartitionProduceResponse {
  /** The partition index. */
  index: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The base offset. */
  baseOffset: bigint;
  /** The timestamp returned by broker after appending the messages. If CreateTime is used for the topic, the timestamp will be -1. If LogAppendTime is used for the topic, the timestamp will be the broker local time when the messages are appended. (versions 2+; default -1; ignorable) */
  logAppendTimeMs: bigint;
  /** The log start offset. (versions 5+; default -1; ignorable) */
  logStartOffset: bigint;
  /** The batch indices of records that caused the batch to be dropped (versions 8+; ignorable) */
  recordErrors: BatchIndexAndErrorMessage[];
  /** The global error message summarizing the common root cause of the records that caused the batch to be dropped (versions 8+; nullable; default null; ignorable) */
  errorMessage: string | null;
  /** CurrentLeader (versions 10+; tagged 10+ as tag 0) */
  currentLeader: LeaderIdAndEpoch;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicProduceResponse: versions 0-11.
 */
export interface TopicProduceResponse {
  /** The topic name */
  name: string;
  /** Each partition that we produced to within the topic. */
  partitionResponses: PartitionProduceResponse[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * NodeEndpoint: versions 10-11.
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

/** Codec for ProduceResponse: `read` and `write` its body at a given version. */
export const ProduceResponse = {
  apiKey: 0,
  type: 'response',
  name: 'Produce',
  validVersions: { min: 0, max: 11 },
  flexibleVersions: { min: 9, max: 32767 },
  read: readProduceResponse,
  write: writeProduceResponse,
} as const satisfies ApiMessageCodec<ProduceResponse>;

function readProduceResponse(r: Reader, v: number): ProduceResponse {
  checkVersion(v, 0, 11, 'ProduceResponse');
  const flex = v >= 9;
  const o: ProduceResponse = {
    responses: readArray(r, flex, v, readTopicProduceResponse),
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    nodeEndpoints: [],
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        if (!(v >= 10)) invalidTag(tag, v);
        o.nodeEndpoints = readArray(t, true, v, readNodeEndpoint);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeProduceResponse(w: Writer, v: number, o: ProduceResponse): void {
  checkVersion(v, 0, 11, 'ProduceResponse');
  const flex = v >= 9;
  writeArray(w, flex, v, o.responses, writeTopicProduceResponse);
  if (v >= 1) w.int32(o.throttleTimeMs);
  if (v < 10 && o.nodeEndpoints.length !== 0) throw nonDefault('ProduceResponse.nodeEndpoints', v);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    if (v >= 10) {
      const tag0 = o.nodeEndpoints;
      if (tag0.length !== 0) tags.push([0, (tw) => writeArray(tw, true, v, tag0, writeNodeEndpoint)]);
    }
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'ProduceResponse', v);
}

function readBatchIndexAndErrorMessage(r: Reader, v: number): BatchIndexAndErrorMessage {
  const flex = v >= 9;
  const o: BatchIndexAndErrorMessage = {
    batchIndex: r.int32(),
    batchIndexErrorMessage: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeBatchIndexAndErrorMessage(w: Writer, v: number, o: BatchIndexAndErrorMessage): void {
  const flex = v >= 9;
  w.int32(o.batchIndex);
  if (flex) w.compactNullableString(o.batchIndexErrorMessage);
  else w.nullableString(o.batchIndexErrorMessage);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'BatchIndexAndErrorMessage', v);
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

function readPartitionProduceResponse(r: Reader, v: number): PartitionProduceResponse {
  const flex = v >= 9;
  const o: PartitionProduceResponse = {
    index: r.int32(),
    errorCode: r.int16(),
    baseOffset: r.int64(),
    logAppendTimeMs: v >= 2 ? r.int64() : -1n,
    logStartOffset: v >= 5 ? r.int64() : -1n,
    recordErrors: v >= 8 ? readArray(r, flex, v, readBatchIndexAndErrorMessage) : [],
    errorMessage: v >= 8 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
    currentLeader: defaultLeaderIdAndEpoch(),
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        if (!(v >= 10)) invalidTag(tag, v);
        o.currentLeader = readLeaderIdAndEpoch(t, v);
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writePartitionProduceResponse(w: Writer, v: number, o: PartitionProduceResponse): void {
  const flex = v >= 9;
  w.int32(o.index);
  w.int16(o.errorCode);
  w.int64(o.baseOffset);
  if (v >= 2) w.int64(o.logAppendTimeMs);
  if (v >= 5) w.int64(o.logStartOffset);
  if (v >= 8) writeArray(w, flex, v, o.recordErrors, writeBatchIndexAndErrorMessage);
  if (v >= 8) {
    if (flex) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
  }
  if (v < 10 && !isDefaultLeaderIdAndEpoch(o.currentLeader)) throw nonDefault('PartitionProduceResponse.currentLeader', v);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    if (v >= 10) {
      const tag0 = o.currentLeader;
      if (!isDefaultLeaderIdAndEpoch(tag0)) tags.push([0, (tw) => writeLeaderIdAndEpoch(tw, v, tag0)]);
    }
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'PartitionProduceResponse', v);
}

function readTopicProduceResponse(r: Reader, v: number): TopicProduceResponse {
  const flex = v >= 9;
  const o: TopicProduceResponse = {
    name: flex ? r.compactString() : r.string(),
    partitionResponses: readArray(r, flex, v, readPartitionProduceResponse),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTopicProduceResponse(w: Writer, v: number, o: TopicProduceResponse): void {
  const flex = v >= 9;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitionResponses, writePartitionProduceResponse);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TopicProduceResponse', v);
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

/** BatchIndexAndErrorMessage with every field at its default (Kafka's no-argument constructor). */
export function defaultBatchIndexAndErrorMessage(): BatchIndexAndErrorMessage {
  return {
    batchIndex: 0,
    batchIndexErrorMessage: null,
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

/** PartitionProduceResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionProduceResponse(): PartitionProduceResponse {
  return {
    index: 0,
    errorCode: 0,
    baseOffset: 0n,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
    recordErrors: [],
    errorMessage: null,
    currentLeader: defaultLeaderIdAndEpoch(),
  };
}

/** ProduceResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultProduceResponse(): ProduceResponse {
  return {
    responses: [],
    throttleTimeMs: 0,
    nodeEndpoints: [],
  };
}

/** TopicProduceResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicProduceResponse(): TopicProduceResponse {
  return {
    name: "",
    partitionResponses: [],
  };
}

function isDefaultLeaderIdAndEpoch(o: LeaderIdAndEpoch): boolean {
  return !(
    o.leaderId !== -1 ||
    o.leaderEpoch !== -1 ||
    (o.unknownTaggedFields !== undefined && o.unknownTaggedFields.length > 0)
  );
}
