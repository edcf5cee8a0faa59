// generated — do not edit. Source: shared/kafka-protocol/messages/ListOffsetsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ListOffsetsRequest (api key 2); versions 0-10; flexible 6+; deprecated 0.
 */
export interface ListOffsetsRequest {
  /** The broker ID of the requester, or -1 if this request is being made by a normal consumer. */
  replicaId: number;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records (versions 2+) */
  isolationLevel: number;
  /** Each topic in the request. */
  topics: ListOffsetsTopic[];
  /** The timeout to await a response in milliseconds for requests that require reading from remote storage for topics enabled with tiered storage. (versions 10+; ignorable) */
  timeoutMs: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ListOffsetsPartition: versions 0-10.
 */
export interface ListOffsetsPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The current leader epoch. (versions 4+; default -1; ignorable) */
  currentLeaderEpoch: number;
  /** The current timestamp. */
  timestamp: bigint;
  /** The maximum number of offsets to report. (versions 0; default 1) */
  maxNumOffsets: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ListOffsetsTopic: versions 0-10.
 */
export interface ListOffsetsTopic {
  /** The topic name. */
  name: string;
  /** Each partition in the request. */
  partitions: ListOffsetsPartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListOffsetsRequest: `read` and `write` its body at a given version. */
export const ListOffsetsRequest = {
  apiKey: 2,
  type: 'request',
  name: 'ListOffsets',
  validVersions: { min: 0, max: 10 },
  flexibleVersions: { min: 6, max: 32767 },
  read: readListOffsetsRequest,
  write: writeListOffsetsRequest,
} as const satisfies ApiMessageCodec<ListOffsetsRequest>;

function readListOffsetsRequest(r: Reader, v: number): ListOffsetsRequest {
  checkVersion(v, 0, 10, 'ListOffsetsRequest');
  const flex = v >= 6;
  const o: ListOffsetsRequest = {
    replicaId: r.int32(),
    isolationLevel: v >= 2 ? r.int8() : 0,
    topics: readArray(r, flex, v, readListOffsetsTopic),
    timeoutMs: v === 10 ? r.int32() : 0,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeListOffsetsRequest(w: Writer, v: number, o: ListOffsetsRequest): void {
  checkVersion(v, 0, 10, 'ListOffsetsRequest');
  const flex = v >= 6;
  w.int32(o.replicaId);
  if (v >= 2) w.int8(o.isolationLevel);
  else if (o.isolationLevel !== 0) throw nonDefault('ListOffsetsRequest.isolationLevel', v);
  writeArray(w, flex, v, o.topics, writeListOffsetsTopic);
  if (v === 10) w.int32(o.timeoutMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ListOffsetsRequest', v);
}

function readListOffsetsPartition(r: Reader, v: number): ListOffsetsPartition {
  const flex = v >= 6;
  const o: ListOffsetsPartition = {
    partitionIndex: r.int32(),
    currentLeaderEpoch: v >= 4 ? r.int32() : -1,
    timestamp: r.int64(),
    maxNumOffsets: v === 0 ? r.int32() : 1,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeListOffsetsPartition(w: Writer, v: number, o: ListOffsetsPartition): void {
  const flex = v >= 6;
  w.int32(o.partitionIndex);
  if (v >= 4) w.int32(o.currentLeaderEpoch);
  w.int64(o.timestamp);
  if (v === 0) w.int32(o.maxNumOffsets);
  else if (o.maxNumOffsets !== 1) throw nonDefault('ListOffsetsPartition.maxNumOffsets', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ListOffsetsPartition', v);
}

function readListOffsetsTopic(r: Reader, v: number): ListOffsetsTopic {
  const flex = v >= 6;
  const o: ListOffsetsTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readListOffsetsPartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeListOffsetsTopic(w: Writer, v: number, o: ListOffsetsTopic): void {
  const flex = v >= 6;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeListOffsetsPartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ListOffsetsTopic', v);
}

/** ListOffsetsPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultListOffsetsPartition(): ListOffsetsPartition {
  return {
    partitionIndex: 0,
    currentLeaderEpoch: -1,
    timestamp: 0n,
    maxNumOffsets: 1,
  };
}

/** ListOffsetsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultListOffsetsRequest(): ListOffsetsRequest {
  return {
    replicaId: 0,
    isolationLevel: 0,
    topics: [],
    timeoutMs: 0,
  };
}

/** ListOffsetsTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultListOffsetsTopic(): ListOffsetsTopic {
  return {
    name: "",
    partitions: [],
  };
}
