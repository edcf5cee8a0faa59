// generated — do not edit. Source: shared/kafka-protocol/messages/ShareAcknowledgeRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt8Element, writeArray, writeInt8Element } from '../wire/arrays';

/**
 * ShareAcknowledgeRequest (api key 79); versions 0; flexible 0+.
 */
export interface ShareAcknowledgeRequest {
  /** The group identifier. (nullable; default null) */
  groupId: string | null;
  /** The member ID. (nullable) */
  memberId: string | null;
  /** The current share session epoch: 0 to open a share session; -1 to close it; otherwise increments for consecutive requests. */
  shareSessionEpoch: number;
  /** The topics containing records to acknowledge. */
  topics: AcknowledgeTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AcknowledgementBatch: versions 0.
 */
export interface AcknowledgementBatch {
  /** First offset of batch of records to acknowledge. */
  firstOffset: bigint;
  /** Last offset (inclusive) of batch of records to acknowledge. */
  lastOffset: bigint;
  /** Array of acknowledge types - 0:Gap,1:Accept,2:Release,3:Reject. */
  acknowledgeTypes: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AcknowledgePartition: versions 0.
 */
export interface AcknowledgePartition {
  /** The partition index. */
  partitionIndex: number;
  /** Record batches to acknowledge. */
  acknowledgementBatches: AcknowledgementBatch[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AcknowledgeTopic: versions 0.
 */
export interface AcknowledgeTopic {
  /** The unique topic ID. */
  topicId: string;
  /** The partitions containing records to acknowledge. */
  partitions: AcknowledgePartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ShareAcknowledgeRequest: `read` and `write` its body at a given version. */
export const ShareAcknowledgeRequest = {
  apiKey: 79,
  type: 'request',
  name: 'ShareAcknowledge',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readShareAcknowledgeRequest,
  write: writeShareAcknowledgeRequest,
} as const satisfies ApiMessageCodec<ShareAcknowledgeRequest>;

function readShareAcknowledgeRequest(r: Reader, v: number): ShareAcknowledgeRequest {
  checkVersion(v, 0, 0, 'ShareAcknowledgeRequest');
  const o: ShareAcknowledgeRequest = {
    groupId: r.compactNullableString(),
    memberId: r.compactNullableString(),
    shareSessionEpoch: r.int32(),
    topics: readArray(r, true, v, readAcknowledgeTopic),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeShareAcknowledgeRequest(w: Writer, v: number, o: ShareAcknowledgeRequest): void {
  checkVersion(v, 0, 0, 'ShareAcknowledgeRequest');
  w.compactNullableString(o.groupId);
  w.compactNullableString(o.memberId);
  w.int32(o.shareSessionEpoch);
  writeArray(w, true, v, o.topics, writeAcknowledgeTopic);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readAcknowledgementBatch(r: Reader, v: number): AcknowledgementBatch {
  const o: AcknowledgementBatch = {
    firstOffset: r.int64(),
    lastOffset: r.int64(),
    acknowledgeTypes: readArray(r, true, v, readInt8Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAcknowledgementBatch(w: Writer, v: number, o: AcknowledgementBatch): void {
  w.int64(o.firstOffset);
  w.int64(o.lastOffset);
  writeArray(w, true, v, o.acknowledgeTypes, writeInt8Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readAcknowledgePartition(r: Reader, v: number): AcknowledgePartition {
  const o: AcknowledgePartition = {
    partitionIndex: r.int32(),
    acknowledgementBatches: readArray(r, true, v, readAcknowledgementBatch),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAcknowledgePartition(w: Writer, v: number, o: AcknowledgePartition): void {
  w.int32(o.partitionIndex);
  writeArray(w, true, v, o.acknowledgementBatches, writeAcknowledgementBatch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readAcknowledgeTopic(r: Reader, v: number): AcknowledgeTopic {
  const o: AcknowledgeTopic = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readAcknowledgePartition),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAcknowledgeTopic(w: Writer, v: number, o: AcknowledgeTopic): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writeAcknowledgePartition);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AcknowledgePartition with every field at its default (Kafka's no-argument constructor). */
export function defaultAcknowledgePartition(): AcknowledgePartition {
  return {
    partitionIndex: 0,
    acknowledgementBatches: [],
  };
}

/** AcknowledgeTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultAcknowledgeTopic(): AcknowledgeTopic {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}

/** AcknowledgementBatch with every field at its default (Kafka's no-argument constructor). */
export function defaultAcknowledgementBatch(): AcknowledgementBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    acknowledgeTypes: [],
  };
}

/** ShareAcknowledgeRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultShareAcknowledgeRequest(): ShareAcknowledgeRequest {
  return {
    groupId: null,
    memberId: "",
    shareSessionEpoch: 0,
    topics: [],
  };
}
