// generated — do not edit. Source: shared/kafka-protocol/messages/AddPartitionsToTxnResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AddPartitionsToTxnResponse (api key 24); versions 0-5; flexible 3+.
 */
export interface AddPartitionsToTxnResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The response top level error code. (versions 4+; ignorable) */
  errorCode: number;
  /** Results categorized by transactional ID. (versions 4+) */
  resultsByTransaction: AddPartitionsToTxnResult[];
  /** The results for each topic. (versions 0-3) */
  resultsByTopicV3AndBelow: AddPartitionsToTxnTopicResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AddPartitionsToTxnResult: versions 4-5.
 */
export interface AddPartitionsToTxnResult {
  /** The transactional id corresponding to the transaction. */
  transactionalId: string;
  /** The results for each topic. */
  topicResults: AddPartitionsToTxnTopicResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AddPartitionsToTxnTopicResult (common struct): versions 0-5.
 */
export interface AddPartitionsToTxnTopicResult {
  /** The topic name. */
  name: string;
  /** The results for each partition */
  resultsByPartition: AddPartitionsToTxnPartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AddPartitionsToTxnPartitionResult (common struct): versions 0-5.
 */
export interface AddPartitionsToTxnPartitionResult {
  /** The partition indexes. */
  partitionIndex: number;
  /** The response error code. */
  partitionErrorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AddPartitionsToTxnResponse: `read` and `write` its body at a given version. */
export const AddPartitionsToTxnResponse = {
  apiKey: 24,
  type: 'response',
  name: 'AddPartitionsToTxn',
  validVersions: { min: 0, max: 5 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readAddPartitionsToTxnResponse,
  write: writeAddPartitionsToTxnResponse,
} as const satisfies ApiMessageCodec<AddPartitionsToTxnResponse>;

function readAddPartitionsToTxnResponse(r: Reader, v: number): AddPartitionsToTxnResponse {
  checkVersion(v, 0, 5, 'AddPartitionsToTxnResponse');
  const flex = v >= 3;
  const o: AddPartitionsToTxnResponse = {
    throttleTimeMs: r.int32(),
    errorCode: v >= 4 ? r.int16() : 0,
    resultsByTransaction: v >= 4 ? readArray(r, true, v, readAddPartitionsToTxnResult) : [],
    resultsByTopicV3AndBelow: v <= 3 ? readArray(r, flex, v, readAddPartitionsToTxnTopicResult) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAddPartitionsToTxnResponse(w: Writer, v: number, o: AddPartitionsToTxnResponse): void {
  checkVersion(v, 0, 5, 'AddPartitionsToTxnResponse');
  const flex = v >= 3;
  w.int32(o.throttleTimeMs);
  if (v >= 4) w.int16(o.errorCode);
  if (v >= 4) writeArray(w, true, v, o.resultsByTransaction, writeAddPartitionsToTxnResult);
  else if (o.resultsByTransaction.length !== 0) throw nonDefault('AddPartitionsToTxnResponse.resultsByTransaction', v);
  if (v <= 3) writeArray(w, flex, v, o.resultsByTopicV3AndBelow, writeAddPartitionsToTxnTopicResult);
  else if (o.resultsByTopicV3AndBelow.length !== 0) throw nonDefault('AddPartitionsToTxnResponse.resultsByTopicV3AndBelow', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AddPartitionsToTxnResponse', v);
}

function readAddPartitionsToTxnResult(r: Reader, v: number): AddPartitionsToTxnResult {
  const o: AddPartitionsToTxnResult = {
    transactionalId: r.compactString(),
    topicResults: readArray(r, true, v, readAddPartitionsToTxnTopicResult),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAddPartitionsToTxnResult(w: Writer, v: number, o: AddPartitionsToTxnResult): void {
  w.compactString(o.transactionalId);
  writeArray(w, true, v, o.topicResults, writeAddPartitionsToTxnTopicResult);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readAddPartitionsToTxnTopicResult(r: Reader, v: number): AddPartitionsToTxnTopicResult {
  const flex = v >= 3;
  const o: AddPartitionsToTxnTopicResult = {
    name: flex ? r.compactString() : r.string(),
    resultsByPartition: readArray(r, flex, v, readAddPartitionsToTxnPartitionResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAddPartitionsToTxnTopicResult(w: Writer, v: number, o: AddPartitionsToTxnTopicResult): void {
  const flex = v >= 3;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.resultsByPartition, writeAddPartitionsToTxnPartitionResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AddPartitionsToTxnTopicResult', v);
}

function readAddPartitionsToTxnPartitionResult(r: Reader, v: number): AddPartitionsToTxnPartitionResult {
  const flex = v >= 3;
  const o: AddPartitionsToTxnPartitionResult = {
    partitionIndex: r.int32(),
    partitionErrorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAddPartitionsToTxnPartitionResult(w: Writer, v: number, o: AddPartitionsToTxnPartitionResult): void {
  const flex = v >= 3;
  w.int32(o.partitionIndex);
  w.int16(o.partitionErrorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AddPartitionsToTxnPartitionResult', v);
}

/** AddPartitionsToTxnPartitionResult with every field at its default (Kafka's no-argument constructor). */
export function defaultAddPartitionsToTxnPartitionResult(): AddPartitionsToTxnPartitionResult {
  return {
    partitionIndex: 0,
    partitionErrorCode: 0,
  };
}

/** AddPartitionsToTxnResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAddPartitionsToTxnResponse(): AddPartitionsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    resultsByTransaction: [],
    resultsByTopicV3AndBelow: [],
  };
}

/** AddPartitionsToTxnResult with every field at its default (Kafka's no-argument constructor). */
export function defaultAddPartitionsToTxnResult(): AddPartitionsToTxnResult {
  return {
    transactionalId: "",
    topicResults: [],
  };
}

/** AddPartitionsToTxnTopicResult with every field at its default (Kafka's no-argument constructor). */
export function defaultAddPartitionsToTxnTopicResult(): AddPartitionsToTxnTopicResult {
  return {
    name: "",
    resultsByPartition: [],
  };
}
