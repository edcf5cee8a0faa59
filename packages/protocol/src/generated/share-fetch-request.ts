// generated — do not edit. Source: shared/kafka-protocol/messages/ShareFetchRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt32Element, readInt8Element, writeArray, writeInt32Element, writeInt8Element } from '../wire/arrays';

/**
 * ShareFetchRequest (api key 78); versions 0; flexible 0+.
 */
export interface ShareFetchRequest {
  /** The group identifier. (nullable; default null) */
  groupId: string | null;
  /** The member ID. (nullable) */
  memberId: string | null;
  /** The current share session epoch: 0 to open a share session; -1 to close it; otherwise increments for consecutive requests. */
  shareSessionEpoch: number;
  /** The maximum time in milliseconds to wait for the response. */
  maxWaitMs: number;
  /** The minimum bytes to accumulate in the response. */
  minBytes: number;
  /** The maximum bytes to fetch. See KIP-74 for cases where this limit may not be honored. (default 0x7fffffff) */
  maxBytes: number;
  /** The topics to fetch. */
  topics: FetchTopic[];
  /** The partitions to remove from this share session. */
  forgottenTopicsData: ForgottenTopic[];
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
 * FetchPartition: versions 0.
 */
export interface FetchPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The maximum bytes to fetch from this partition. 0 when only acknowledgement with no fetching is required. See KIP-74 for cases where this limit may not be honored. */
  partitionMaxBytes: number;
  /** Record batches to acknowledge. */
  acknowledgementBatches: AcknowledgementBatch[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * FetchTopic: versions 0.
 */
export interface FetchTopic {
  /** The unique topic ID. */
  topicId: string;
  /** The partitions to fetch. */
  partitions: FetchPartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ForgottenTopic: versions 0.
 */
export interface ForgottenTopic {
  /** The unique topic ID. */
  topicId: string;
  /** The partitions indexes to forget. */
  partitions: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ShareFetchRequest: `read` and `write` its body at a given version. */
export const ShareFetchRequest = {
  apiKey: 78,
  type: 'request',
  name: 'ShareFetch',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readShareFetchRequest,
  write: writeShareFetchRequest,
} as const satisfies ApiMessageCodec<ShareFetchRequest>;

function readShareFetchRequest(r: Reader, v: number): ShareFetchRequest {
  checkVersion(v, 0, 0, 'ShareFetchRequest');
  const o: ShareFetchRequest = {
    groupId: r.compactNullableString(),
    memberId: r.compactNullableString(),
    shareSessionEpoch: r.int32(),
    maxWaitMs: r.int32(),
    minBytes: r.int32(),
    maxBytes: r.int32(),
    topics: readArray(r, true, v, readFetchTopic),
    forgottenTopicsData: readArray(r, true, v, readForgottenTopic),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeShareFetchRequest(w: Writer, v: number, o: ShareFetchRequest): void {
  checkVersion(v, 0, 0, 'ShareFetchRequest');
  w.compactNullableString(o.groupId);
  w.compactNullableString(o.memberId);
  w.int32(o.shareSessionEpoch);
  w.int32(o.maxWaitMs);
  w.int32(o.minBytes);
  w.int32(o.maxBytes);
  writeArray(w, true, v, o.topics, writeFetchTopic);
  writeArray(w, true, v, o.forgottenTopicsData, writeForgottenTopic);
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

function readFetchPartition(r: Reader, v: number): FetchPartition {
  const o: FetchPartition = {
    partitionIndex: r.int32(),
    partitionMaxBytes: r.int32(),
    acknowledgementBatches: readArray(r, true, v, readAcknowledgementBatch),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeFetchPartition(w: Writer, v: number, o: FetchPartition): void {
  w.int32(o.partitionIndex);
  w.int32(o.partitionMaxBytes);
  writeArray(w, true, v, o.acknowledgementBatches, writeAcknowledgementBatch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readFetchTopic(r: Reader, v: number): FetchTopic {
  const o: FetchTopic = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readFetchPartition),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeFetchTopic(w: Writer, v: number, o: FetchTopic): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writeFetchPartition);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readForgottenTopic(r: Reader, v: number): ForgottenTopic {
  const o: ForgottenTopic = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readInt32Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeForgottenTopic(w: Writer, v: number, o: ForgottenTopic): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writeInt32Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AcknowledgementBatch with every field at its default (Kafka's no-argument constructor). */
export function defaultAcknowledgementBatch(): AcknowledgementBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    acknowledgeTypes: [],
  };
}

/** FetchPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultFetchPartition(): FetchPartition {
  return {
    partitionIndex: 0,
    partitionMaxBytes: 0,
    acknowledgementBatches: [],
  };
}

/** FetchTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultFetchTopic(): FetchTopic {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}

/** ForgottenTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultForgottenTopic(): ForgottenTopic {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}

/** ShareFetchRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultShareFetchRequest(): ShareFetchRequest {
  return {
    groupId: null,
    memberId: "",
    shareSessionEpoch: 0,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 2147483647,
    topics: [],
    forgottenTopicsData: [],
  };
}
