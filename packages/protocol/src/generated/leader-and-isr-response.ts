// generated — do not edit. Source: shared/kafka-protocol/messages/LeaderAndIsrResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * LeaderAndIsrResponse (api key 4); versions 0-7; flexible 4+.
 */
export interface LeaderAndIsrResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Each partition in v0 to v4 message. (versions 0-4) */
  partitionErrors: LeaderAndIsrPartitionError[];
  /** Each topic (versions 5+) */
  topics: LeaderAndIsrTopicError[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderAndIsrTopicError: versions 5-7.
 */
export interface LeaderAndIsrTopicError {
  /** The unique topic ID */
  topicId: string;
  /** Each partition. */
  partitionErrors: LeaderAndIsrPartitionError[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * LeaderAndIsrPartitionError (common struct): versions 0-7.
 */
export interface LeaderAndIsrPartitionError {
  /** The topic name. (versions 0-4; ignorable) */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for LeaderAndIsrResponse: `read` and `write` its body at a given version. */
export const LeaderAndIsrResponse = {
  apiKey: 4,
  type: 'response',
  name: 'LeaderAndIsr',
  validVersions: { min: 0, max: 7 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readLeaderAndIsrResponse,
  write: writeLeaderAndIsrResponse,
} as const satisfies ApiMessageCodec<LeaderAndIsrResponse>;

function readLeaderAndIsrResponse(r: Reader, v: number): LeaderAndIsrResponse {
  checkVersion(v, 0, 7, 'LeaderAndIsrResponse');
  const flex = v >= 4;
  const o: LeaderAndIsrResponse = {
    errorCode: r.int16(),
    partitionErrors: v <= 4 ? readArray(r, flex, v, readLeaderAndIsrPartitionError) : [],
    topics: v >= 5 ? readArray(r, true, v, readLeaderAndIsrTopicError) : [],
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeLeaderAndIsrResponse(w: Writer, v: number, o: LeaderAndIsrResponse): void {
  checkVersion(v, 0, 7, 'LeaderAndIsrResponse');
  const flex = v >= 4;
  w.int16(o.errorCode);
  if (v <= 4) writeArray(w, flex, v, o.partitionErrors, writeLeaderAndIsrPartitionError);
  else if (o.partitionErrors.length !== 0) throw nonDefault('LeaderAndIsrResponse.partitionErrors', v);
  if (v >= 5) writeArray(w, true, v, o.topics, writeLeaderAndIsrTopicError);
  else if (o.topics.length !== 0) throw nonDefault('LeaderAndIsrResponse.topics', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'LeaderAndIsrResponse', v);
}

function readLeaderAndIsrTopicError(r: Reader, v: number): LeaderAndIsrTopicError {
  const o: LeaderAndIsrTopicError = {
    topicId: r.uuid(),
    partitionErrors: readArray(r, true, v, readLeaderAndIsrPartitionError),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeLeaderAndIsrTopicError(w: Writer, v: number, o: LeaderAndIsrTopicError): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitionErrors, writeLeaderAndIsrPartitionError);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readLeaderAndIsrPartitionError(r: Reader, v: number): LeaderAndIsrPartitionError {
  const flex = v >= 4;
  const o: LeaderAndIsrPartitionError = {
    topicName: v <= 4 ? (flex ? r.compactString() : r.string()) : "",
    partitionIndex: r.int32(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeLeaderAndIsrPartitionError(w: Writer, v: number, o: LeaderAndIsrPartitionError): void {
  const flex = v >= 4;
  if (v <= 4) {
    if (flex) w.compactString(o.topicName);
    else w.string(o.topicName);
  }
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'LeaderAndIsrPartitionError', v);
}

/** LeaderAndIsrPartitionError with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderAndIsrPartitionError(): LeaderAndIsrPartitionError {
  return {
    topicName: "",
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** LeaderAndIsrResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderAndIsrResponse(): LeaderAndIsrResponse {
  return {
    errorCode: 0,
    partitionErrors: [],
    topics: [],
  };
}

/** LeaderAndIsrTopicError with every field at its default (Kafka's no-argument constructor). */
export function defaultLeaderAndIsrTopicError(): LeaderAndIsrTopicError {
  return {
    topicId: ZERO_UUID,
    partitionErrors: [],
  };
}
