// generated — do not edit. Source: shared/kafka-protocol/messages/WriteTxnMarkersResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * WriteTxnMarkersResponse (api key 27); versions 0-1; flexible 1+.
 */
export interface WriteTxnMarkersResponse {
  /** The results for writing makers. */
  markers: WritableTxnMarkerResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * WritableTxnMarkerPartitionResult: versions 0-1.
 */
export interface WritableTxnMarkerPartitionResult {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * WritableTxnMarkerTopicResult: versions 0-1.
 */
export interface WritableTxnMarkerTopicResult {
  /** The topic name. */
  name: string;
  /** The results by partition. */
  partitions: WritableTxnMarkerPartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * WritableTxnMarkerResult: versions 0-1.
 */
export interface WritableTxnMarkerResult {
  /** The current producer ID in use by the transactional ID. */
  producerId: bigint;
  /** The results by topic. */
  topics: WritableTxnMarkerTopicResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for WriteTxnMarkersResponse: `read` and `write` its body at a given version. */
export const WriteTxnMarkersResponse = {
  apiKey: 27,
  type: 'response',
  name: 'WriteTxnMarkers',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readWriteTxnMarkersResponse,
  write: writeWriteTxnMarkersResponse,
} as const satisfies ApiMessageCodec<WriteTxnMarkersResponse>;

function readWriteTxnMarkersResponse(r: Reader, v: number): WriteTxnMarkersResponse {
  checkVersion(v, 0, 1, 'WriteTxnMarkersResponse');
  const flex = v === 1;
  const o: WriteTxnMarkersResponse = {
    markers: readArray(r, flex, v, readWritableTxnMarkerResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeWriteTxnMarkersResponse(w: Writer, v: number, o: WriteTxnMarkersResponse): void {
  checkVersion(v, 0, 1, 'WriteTxnMarkersResponse');
  const flex = v === 1;
  writeArray(w, flex, v, o.markers, writeWritableTxnMarkerResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'WriteTxnMarkersResponse', v);
}

function readWritableTxnMarkerPartitionResult(r: Reader, v: number): WritableTxnMarkerPartitionResult {
  const flex = v === 1;
  const o: WritableTxnMarkerPartitionResult = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeWritableTxnMarkerPartitionResult(w: Writer, v: number, o: WritableTxnMarkerPartitionResult): void {
  const flex = v === 1;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'WritableTxnMarkerPartitionResult', v);
}

function readWritableTxnMarkerTopicResult(r: Reader, v: number): WritableTxnMarkerTopicResult {
  const flex = v === 1;
  const o: WritableTxnMarkerTopicResult = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readWritableTxnMarkerPartitionResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeWritableTxnMarkerTopicResult(w: Writer, v: number, o: WritableTxnMarkerTopicResult): void {
  const flex = v === 1;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeWritableTxnMarkerPartitionResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'WritableTxnMarkerTopicResult', v);
}

function readWritableTxnMarkerResult(r: Reader, v: number): WritableTxnMarkerResult {
  const flex = v === 1;
  const o: WritableTxnMarkerResult = {
    producerId: r.int64(),
    topics: readArray(r, flex, v, readWritableTxnMarkerTopicResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeWritableTxnMarkerResult(w: Writer, v: number, o: WritableTxnMarkerResult): void {
  const flex = v === 1;
  w.int64(o.producerId);
  writeArray(w, flex, v, o.topics, writeWritableTxnMarkerTopicResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'WritableTxnMarkerResult', v);
}

/** WritableTxnMarkerPartitionResult with every field at its default (Kafka's no-argument constructor). */
export function defaultWritableTxnMarkerPartitionResult(): WritableTxnMarkerPartitionResult {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** WritableTxnMarkerResult with every field at its default (Kafka's no-argument constructor). */
export function defaultWritableTxnMarkerResult(): WritableTxnMarkerResult {
  return {
    producerId: 0n,
    topics: [],
  };
}

/** WritableTxnMarkerTopicResult with every field at its default (Kafka's no-argument constructor). */
export function defaultWritableTxnMarkerTopicResult(): WritableTxnMarkerTopicResult {
  return {
    name: "",
    partitions: [],
  };
}

/** WriteTxnMarkersResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultWriteTxnMarkersResponse(): WriteTxnMarkersResponse {
  return {
    markers: [],
  };
}
