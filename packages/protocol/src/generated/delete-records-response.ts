// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteRecordsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DeleteRecordsResponse (api key 21); versions 0-2; flexible 2+.
 */
export interface DeleteRecordsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each topic that we wanted to delete records from. */
  topics: DeleteRecordsTopicResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeleteRecordsPartitionResult: versions 0-2.
 */
export interface DeleteRecordsPartitionResult {
  /** The partition index. */
  partitionIndex: number;
  /** The partition low water mark. */
  lowWatermark: bigint;
  /** The deletion error code, or 0 if the deletion succeeded. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeleteRecordsTopicResult: versions 0-2.
 */
export interface DeleteRecordsTopicResult {
  /** The topic name. */
  name: string;
  /** Each partition that we wanted to delete records from. */
  partitions: DeleteRecordsPartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteRecordsResponse: `read` and `write` its body at a given version. */
export const DeleteRecordsResponse = {
  apiKey: 21,
  type: 'response',
  name: 'DeleteRecords',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDeleteRecordsResponse,
  write: writeDeleteRecordsResponse,
} as const satisfies ApiMessageCodec<DeleteRecordsResponse>;

function readDeleteRecordsResponse(r: Reader, v: number): DeleteRecordsResponse {
  checkVersion(v, 0, 2, 'DeleteRecordsResponse');
  const flex = v === 2;
  const o: DeleteRecordsResponse = {
    throttleTimeMs: r.int32(),
    topics: readArray(r, flex, v, readDeleteRecordsTopicResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteRecordsResponse(w: Writer, v: number, o: DeleteRecordsResponse): void {
  checkVersion(v, 0, 2, 'DeleteRecordsResponse');
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.topics, writeDeleteRecordsTopicResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteRecordsResponse', v);
}

function readDeleteRecordsPartitionResult(r: Reader, v: number): DeleteRecordsPartitionResult {
  const flex = v === 2;
  const o: DeleteRecordsPartitionResult = {
    partitionIndex: r.int32(),
    lowWatermark: r.int64(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteRecordsPartitionResult(w: Writer, v: number, o: DeleteRecordsPartitionResult): void {
  const flex = v === 2;
  w.int32(o.partitionIndex);
  w.int64(o.lowWatermark);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteRecordsPartitionResult', v);
}

function readDeleteRecordsTopicResult(r: Reader, v: number): DeleteRecordsTopicResult {
  const flex = v === 2;
  const o: DeleteRecordsTopicResult = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readDeleteRecordsPartitionResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDeleteRecordsTopicResult(w: Writer, v: number, o: DeleteRecordsTopicResult): void {
  const flex = v === 2;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeDeleteRecordsPartitionResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DeleteRecordsTopicResult', v);
}

/** DeleteRecordsPartitionResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteRecordsPartitionResult(): DeleteRecordsPartitionResult {
  return {
    partitionIndex: 0,
    lowWatermark: 0n,
    errorCode: 0,
  };
}

/** DeleteRecordsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteRecordsResponse(): DeleteRecordsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** DeleteRecordsTopicResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteRecordsTopicResult(): DeleteRecordsTopicResult {
  return {
    name: "",
    partitions: [],
  };
}
