// generated — do not edit. Source: shared/kafka-protocol/messages/TxnOffsetCommitRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * TxnOffsetCommitRequest (api key 28); versions 0-4; flexible 3+.
 */
export interface TxnOffsetCommitRequest {
  /** The ID of the transaction. */
  transactionalId: string;
  /** The ID of the group. */
  groupId: string;
  /** The current producer ID in use by the transactional ID. */
  producerId: bigint;
  /** The current epoch associated with the producer ID. */
  producerEpoch: number;
  /** The generation of the consumer. (versions 3+; default -1) */
  generationId: number;
  /** The member ID assigned by the group coordinator. (versions 3+) */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. (versions 3+; nullable; default null) */
  groupInstanceId: string | null;
  /** Each topic that we want to commit offsets for. */
  topics: TxnOffsetCommitRequestTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TxnOffsetCommitRequestPartition: versions 0-4.
 */
export interface TxnOffsetCommitRequestPartition {
  /** The index of the partition within the topic. */
  partitionIndex: number;
  /** The message offset to be committed. */
  committedOffset: bigint;
  /** The leader epoch of the last consumed record. (versions 2+; default -1; ignorable) */
  committedLeaderEpoch: number;
  /** Any associated metadata the client wants to keep. (nullable) */
  committedMetadata: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TxnOffsetCommitRequestTopic: versions 0-4.
 */
export interface TxnOffsetCommitRequestTopic {
  /** The topic name. */
  name: string;
  /** The partitions inside the topic that we want to commit offsets for. */
  partitions: TxnOffsetCommitRequestPartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for TxnOffsetCommitRequest: `read` and `write` its body at a given version. */
export const TxnOffsetCommitRequest = {
  apiKey: 28,
  type: 'request',
  name: 'TxnOffsetCommit',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readTxnOffsetCommitRequest,
  write: writeTxnOffsetCommitRequest,
} as const satisfies ApiMessageCodec<TxnOffsetCommitRequest>;

function readTxnOffsetCommitRequest(r: Reader, v: number): TxnOffsetCommitRequest {
  checkVersion(v, 0, 4, 'TxnOffsetCommitRequest');
  const flex = v >= 3;
  const o: TxnOffsetCommitRequest = {
    transactionalId: flex ? r.compactString() : r.string(),
    groupId: flex ? r.compactString() : r.string(),
    producerId: r.int64(),
    producerEpoch: r.int16(),
    generationId: v >= 3 ? r.int32() : -1,
    memberId: v >= 3 ? r.compactString() : "",
    groupInstanceId: v >= 3 ? r.compactNullableString() : null,
    topics: readArray(r, flex, v, readTxnOffsetCommitRequestTopic),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTxnOffsetCommitRequest(w: Writer, v: number, o: TxnOffsetCommitRequest): void {
  checkVersion(v, 0, 4, 'TxnOffsetCommitRequest');
  const flex = v >= 3;
  if (flex) w.compactString(o.transactionalId);
  else w.string(o.transactionalId);
  if (flex) w.compactString(o.groupId);
  else w.string(o.groupId);
  w.int64(o.producerId);
  w.int16(o.producerEpoch);
  if (v >= 3) w.int32(o.generationId);
  else if (o.generationId !== -1) throw nonDefault('TxnOffsetCommitRequest.generationId', v);
  if (v >= 3) w.compactString(o.memberId);
  else if (o.memberId !== "") throw nonDefault('TxnOffsetCommitRequest.memberId', v);
  if (v >= 3) w.compactNullableString(o.groupInstanceId);
  else if (o.groupInstanceId !== null) throw nonDefault('TxnOffsetCommitRequest.groupInstanceId', v);
  writeArray(w, flex, v, o.topics, writeTxnOffsetCommitRequestTopic);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TxnOffsetCommitRequest', v);
}

function readTxnOffsetCommitRequestPartition(r: Reader, v: number): TxnOffsetCommitRequestPartition {
  const flex = v >= 3;
  const o: TxnOffsetCommitRequestPartition = {
    partitionIndex: r.int32(),
    committedOffset: r.int64(),
    committedLeaderEpoch: v >= 2 ? r.int32() : -1,
    committedMetadata: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTxnOffsetCommitRequestPartition(w: Writer, v: number, o: TxnOffsetCommitRequestPartition): void {
  const flex = v >= 3;
  w.int32(o.partitionIndex);
  w.int64(o.committedOffset);
  if (v >= 2) w.int32(o.committedLeaderEpoch);
  if (flex) w.compactNullableString(o.committedMetadata);
  else w.nullableString(o.committedMetadata);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TxnOffsetCommitRequestPartition', v);
}

function readTxnOffsetCommitRequestTopic(r: Reader, v: number): TxnOffsetCommitRequestTopic {
  const flex = v >= 3;
  const o: TxnOffsetCommitRequestTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readTxnOffsetCommitRequestPartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTxnOffsetCommitRequestTopic(w: Writer, v: number, o: TxnOffsetCommitRequestTopic): void {
  const flex = v >= 3;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeTxnOffsetCommitRequestPartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TxnOffsetCommitRequestTopic', v);
}

/** TxnOffsetCommitRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultTxnOffsetCommitRequest(): TxnOffsetCommitRequest {
  return {
    transactionalId: "",
    groupId: "",
    producerId: 0n,
    producerEpoch: 0,
    generationId: -1,
    memberId: "",
    groupInstanceId: null,
    topics: [],
  };
}

/** TxnOffsetCommitRequestPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultTxnOffsetCommitRequestPartition(): TxnOffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    committedMetadata: "",
  };
}

/** TxnOffsetCommitRequestTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultTxnOffsetCommitRequestTopic(): TxnOffsetCommitRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}
