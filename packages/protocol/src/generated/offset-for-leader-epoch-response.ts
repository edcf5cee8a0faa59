// generated — do not edit. Source: shared/kafka-protocol/messages/OffsetForLeaderEpochResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * OffsetForLeaderEpochResponse (api key 23); versions 0-4; flexible 4+.
 */
export interface OffsetForLeaderEpochResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 2+; ignorable) */
  throttleTimeMs: number;
  /** Each topic we fetched offsets for. */
  topics: OffsetForLeaderTopicResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * EpochEndOffset: versions 0-4.
 */
export interface EpochEndOffset {
  /** The error code 0, or if there was no error. */
  errorCode: number;
  /** The partition index. */
  partition: number;
  /** The leader epoch of the partition. (versions 1+; default -1; ignorable) */
  leaderEpoch: number;
  /** The end offset of the epoch. (default -1) */
  endOffset: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetForLeaderTopicResult: versions 0-4.
 */
export interface OffsetForLeaderTopicResult {
  /** The topic name. */
  topic: string;
  /** Each partition in the topic we fetched offsets for. */
  partitions: EpochEndOffset[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for OffsetForLeaderEpochResponse: `read` and `write` its body at a given version. */
export const OffsetForLeaderEpochResponse = {
  apiKey: 23,
  type: 'response',
  name: 'OffsetForLeaderEpoch',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readOffsetForLeaderEpochResponse,
  write: writeOffsetForLeaderEpochResponse,
} as const satisfies ApiMessageCodec<OffsetForLeaderEpochResponse>;

function readOffsetForLeaderEpochResponse(r: Reader, v: number): OffsetForLeaderEpochResponse {
  checkVersion(v, 0, 4, 'OffsetForLeaderEpochResponse');
  const flex = v === 4;
  const o: OffsetForLeaderEpochResponse = {
    throttleTimeMs: v >= 2 ? r.int32() : 0,
    topics: readArray(r, flex, v, readOffsetForLeaderTopicResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetForLeaderEpochResponse(w: Writer, v: number, o: OffsetForLeaderEpochResponse): void {
  checkVersion(v, 0, 4, 'OffsetForLeaderEpochResponse');
  const flex = v === 4;
  if (v >= 2) w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.topics, writeOffsetForLeaderTopicResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetForLeaderEpochResponse', v);
}

function readEpochEndOffset(r: Reader, v: number): EpochEndOffset {
  const flex = v === 4;
  const o: EpochEndOffset = {
    errorCode: r.int16(),
    partition: r.int32(),
    leaderEpoch: v >= 1 ? r.int32() : -1,
    endOffset: r.int64(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeEpochEndOffset(w: Writer, v: number, o: EpochEndOffset): void {
  const flex = v === 4;
  w.int16(o.errorCode);
  w.int32(o.partition);
  if (v >= 1) w.int32(o.leaderEpoch);
  w.int64(o.endOffset);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'EpochEndOffset', v);
}

function readOffsetForLeaderTopicResult(r: Reader, v: number): OffsetForLeaderTopicResult {
  const flex = v === 4;
  const o: OffsetForLeaderTopicResult = {
    topic: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readEpochEndOffset),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetForLeaderTopicResult(w: Writer, v: number, o: OffsetForLeaderTopicResult): void {
  const flex = v === 4;
  if (flex) w.compactString(o.topic);
  else w.string(o.topic);
  writeArray(w, flex, v, o.partitions, writeEpochEndOffset);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetForLeaderTopicResult', v);
}

/** EpochEndOffset with every field at its default (Kafka's no-argument constructor). */
export function defaultEpochEndOffset(): EpochEndOffset {
  return {
    errorCode: 0,
    partition: 0,
    leaderEpoch: -1,
    endOffset: -1n,
  };
}

/** OffsetForLeaderEpochResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetForLeaderEpochResponse(): OffsetForLeaderEpochResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** OffsetForLeaderTopicResult with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetForLeaderTopicResult(): OffsetForLeaderTopicResult {
  return {
    topic: "",
    partitions: [],
  };
}
