// generated — do not edit. Source: shared/kafka-protocol/messages/OffsetCommitRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * OffsetCommitRequest (api key 8); versions 0-9; flexible 8+; deprecated 0-1.
 */
export interface OffsetCommitRequest {
  /** The unique group identifier. */
  groupId: string;
  /** The generation of the group if using the classic group protocol or the member epoch if using the consumer protocol. (versions 1+; default -1; ignorable) */
  generationIdOrMemberEpoch: number;
  /** The member ID assigned by the group coordinator. (versions 1+; ignorable) */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. (versions 7+; nullable; default null) */
  groupInstanceId: string | null;
  /** The time period in ms to retain the offset. (versions 2-4; default -1; ignorable) */
  retentionTimeMs: bigint;
  /** The topics to commit offsets for. */
  topics: OffsetCommitRequestTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetCommitRequestPartition: versions 0-9.
 */
export interface OffsetCommitRequestPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The message offset to be committed. */
  committedOffset: bigint;
  /** The leader epoch of this partition. (versions 6+; default -1; ignorable) */
  committedLeaderEpoch: number;
  /** The timestamp of the commit. (versions 1; default -1) */
  commitTimestamp: bigint;
  /** Any associated metadata the client wants to keep. (nullable) */
  committedMetadata: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetCommitRequestTopic: versions 0-9.
 */
export interface OffsetCommitRequestTopic {
  /** The topic name. */
  name: string;
  /** Each partition to commit offsets for. */
  partitions: OffsetCommitRequestPartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for OffsetCommitRequest: `read` and `write` its body at a given version. */
export const OffsetCommitRequest = {
  apiKey: 8,
  type: 'request',
  name: 'OffsetCommit',
  validVersions: { min: 0, max: 9 },
  flexibleVersions: { min: 8, max: 32767 },
  read: readOffsetCommitRequest,
  write: writeOffsetCommitRequest,
} as const satisfies ApiMessageCodec<OffsetCommitRequest>;

function readOffsetCommitRequest(r: Reader, v: number): OffsetCommitRequest {
  checkVersion(v, 0, 9, 'OffsetCommitRequest');
  const flex = v >= 8;
  const o: OffsetCommitRequest = {
    groupId: flex ? r.compactString() : r.string(),
    generationIdOrMemberEpoch: v >= 1 ? r.int32() : -1,
    memberId: v >= 1 ? (flex ? r.compactString() : r.string()) : "",
    groupInstanceId: v >= 7 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
    retentionTimeMs: v >= 2 && v <= 4 ? r.int64() : -1n,
    topics: readArray(r, flex, v, readOffsetCommitRequestTopic),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetCommitRequest(w: Writer, v: number, o: OffsetCommitRequest): void {
  checkVersion(v, 0, 9, 'OffsetCommitRequest');
  const flex = v >= 8;
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  if (v >= 1) w.int32(o.generationIdOrMemberEpoch);
  if (v >= 1) {
    if (flex) w.compactString(o.memberId);
    else w.string(o.memberId);
  }
  if (v >= 7) {
    if (flex) w.compactNullableString(o.groupInstanceId);
    else w.nullableString(o.groupInstanceId);
  } else if (o.groupInstanceId !== null) throw nonDefault('OffsetCommitRequest.groupInstanceId', v);
  if (v >= 2 && v <= 4) w.int64(o.retentionTimeMs);
  writeArray(w, flex, v, o.topics, writeOffsetCommitRequestTopic);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetCommitRequest', v);
}

function readOffsetCommitRequestPartition(r: Reader, v: number): OffsetCommitRequestPartition {
  const flex = v >= 8;
  const o: OffsetCommitRequestPartition = {
    partitionIndex: r.int32(),
    committedOffset: r.int64(),
    committedLeaderEpoch: v >= 6 ? r.int32() : -1,
    commitTimestamp: v === 1 ? r.int64() : -1n,
    committedMetadata: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetCommitRequestPartition(w: Writer, v: number, o: OffsetCommitRequestPartition): void {
  const flex = v >= 8;
  w.int32(o.partitionIndex);
  w.int64(o.committedOffset);
  if (v >= 6) w.int32(o.committedLeaderEpoch);
  if (v === 1) w.int64(o.commitTimestamp);
  else if (o.commitTimestamp !== -1n) throw nonDefault('OffsetCommitRequestPartition.commitTimestamp', v);
  if (flex) w.compactNullableString(o.committedMetadata);
  else w.nullableString(o.committedMetadata);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetCommitRequestPartition', v);
}

function readOffsetCommitRequestTopic(r: Reader, v: number): OffsetCommitRequestTopic {
  const flex = v >= 8;
  const o: OffsetCommitRequestTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readOffsetCommitRequestPartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetCommitRequestTopic(w: Writer, v: number, o: OffsetCommitRequestTopic): void {
  const flex = v >= 8;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeOffsetCommitRequestPartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetCommitRequestTopic', v);
}

/** OffsetCommitRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetCommitRequest(): OffsetCommitRequest {
  return {
    groupId: "",
    generationIdOrMemberEpoch: -1,
    memberId: "",
    groupInstanceId: null,
    retentionTimeMs: -1n,
    topics: [],
  };
}

/** OffsetCommitRequestPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetCommitRequestPartition(): OffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    commitTimestamp: -1n,
    committedMetadata: "",
  };
}

/** OffsetCommitRequestTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetCommitRequestTopic(): OffsetCommitRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}
