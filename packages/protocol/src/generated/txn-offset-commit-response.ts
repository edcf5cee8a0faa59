// generated — do not edit. Source: shared/kafka-protocol/messages/TxnOffsetCommitResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * TxnOffsetCommitResponse (api key 28); versions 0-4; flexible 3+.
 */
export interface TxnOffsetCommitResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The responses for each topic. */
  topics: TxnOffsetCommitResponseTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TxnOffsetCommitResponsePartition: versions 0-4.
 */
export interface TxnOffsetCommitResponsePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TxnOffsetCommitResponseTopic: versions 0-4.
 */
export interface TxnOffsetCommitResponseTopic {
  /** The topic name. */
  name: string;
  /** The responses for each partition in the topic. */
  partitions: TxnOffsetCommitResponsePartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for TxnOffsetCommitResponse: `read` and `write` its body at a given version. */
export const TxnOffsetCommitResponse = {
  apiKey: 28,
  type: 'response',
  name: 'TxnOffsetCommit',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readTxnOffsetCommitResponse,
  write: writeTxnOffsetCommitResponse,
} as const satisfies ApiMessageCodec<TxnOffsetCommitResponse>;

function readTxnOffsetCommitResponse(r: Reader, v: number): TxnOffsetCommitResponse {
  checkVersion(v, 0, 4, 'TxnOffsetCommitResponse');
  const flex = v >= 3;
  const o: TxnOffsetCommitResponse = {
    throttleTimeMs: r.int32(),
    topics: readArray(r, flex, v, readTxnOffsetCommitResponseTopic),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTxnOffsetCommitResponse(w: Writer, v: number, o: TxnOffsetCommitResponse): void {
  checkVersion(v, 0, 4, 'TxnOffsetCommitResponse');
  const flex = v >= 3;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.topics, writeTxnOffsetCommitResponseTopic);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TxnOffsetCommitResponse', v);
}

function readTxnOffsetCommitResponsePartition(r: Reader, v: number): TxnOffsetCommitResponsePartition {
  const flex = v >= 3;
  const o: TxnOffsetCommitResponsePartition = {
    partitionIndex: r.int32(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTxnOffsetCommitResponsePartition(w: Writer, v: number, o: TxnOffsetCommitResponsePartition): void {
  const flex = v >= 3;
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TxnOffsetCommitResponsePartition', v);
}

function readTxnOffsetCommitResponseTopic(r: Reader, v: number): TxnOffsetCommitResponseTopic {
  const flex = v >= 3;
  const o: TxnOffsetCommitResponseTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readTxnOffsetCommitResponsePartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTxnOffsetCommitResponseTopic(w: Writer, v: number, o: TxnOffsetCommitResponseTopic): void {
  const flex = v >= 3;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeTxnOffsetCommitResponsePartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TxnOffsetCommitResponseTopic', v);
}

/** TxnOffsetCommitResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultTxnOffsetCommitResponse(): TxnOffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** TxnOffsetCommitResponsePartition with every field at its default (Kafka's no-argument constructor). */
export function defaultTxnOffsetCommitResponsePartition(): TxnOffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** TxnOffsetCommitResponseTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultTxnOffsetCommitResponseTopic(): TxnOffsetCommitResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}
