// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteRecordsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DeleteRecordsRequest (api key 21); versions 0-2; flexible 2+.
 */
export interface DeleteRecordsRequest {
  /** Each topic that we want to delete records from. */
  topics: DeleteRecordsTopic[];
  /** How long to wait for the deletion to complete, in milliseconds. */
  timeoutMs: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeleteRecordsPartition: versions 0-2.
 */
export interface DeleteRecordsPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The deletion offset. */
  offset: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeleteRecordsTopic: versions 0-2.
 */
export interface DeleteRecordsTopic {
  /** The topic name. */
  name: string;
  /** Each partition that we want to delete records from. */
  partitions: DeleteRecordsPartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteRecordsRequest: `read` and `write` its body at a given version. */
export const DeleteRecordsRequest = {
  apiKey: 21,
  type: 'request',
  name: 'DeleteRecords',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDeleteRecordsRequest,
  write: writeDeleteRecordsRequest,
} as const satisfies ApiMessageCodec<DeleteRecordsRequest>;

function readDeleteRecordsRequest(r: Reader, v: number): DeleteRecordsRequest {
  checkVersion(v, 0, 2, 'DeleteRecordsRequest');
  const flex = v === 2;
  const o: DeleteRecordsRequest = {
    topics: readArray(r, flex, v, readDeleteRecordsTopic),
    timeoutMs: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteRecordsRequest(w: Writer, v: number, o: DeleteRecordsRequest): void {
  checkVersion(v, 0, 2, 'DeleteRecordsRequest');
  const flex = v === 2;
  writeArray(w, flex, v, o.topics, writeDeleteRecordsTopic);
  w.int32(o.timeoutMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteRecordsRequest', v);
}

function readDeleteRecordsPartition(r: Reader, v: number): DeleteRecordsPartition {
  const flex = v === 2;
  const o: DeleteRecordsPartition = {
    partitionIndex: r.int32(),
    offset: r.int64(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteRecordsPartition(w: Writer, v: number, o: DeleteRecordsPartition): void {
  const flex = v === 2;
  w.int32(o.partitionIndex);
  w.int64(o.offset);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteRecordsPartition', v);
}

function readDeleteRecordsTopic(r: Reader, v: number): DeleteRecordsTopic {
  const flex = v === 2;
  const o: DeleteRecordsTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readDeleteRecordsPartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteRecordsTopic(w: Writer, v: number, o: DeleteRecordsTopic): void {
  const flex = v === 2;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeDeleteRecordsPartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteRecordsTopic', v);
}

/** DeleteRecordsPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteRecordsPartition(): DeleteRecordsPartition {
  return {
    partitionIndex: 0,
    offset: 0n,
  };
}

/** DeleteRecordsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteRecordsRequest(): DeleteRecordsRequest {
  return {
    topics: [],
    timeoutMs: 0,
  };
}

/** DeleteRecordsTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteRecordsTopic(): DeleteRecordsTopic {
  return {
    name: "",
    partitions: [],
  };
}
