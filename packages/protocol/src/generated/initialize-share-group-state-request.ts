// generated — do not edit. Source: shared/kafka-protocol/messages/InitializeShareGroupStateRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * InitializeShareGroupStateRequest (api key 83); versions 0; flexible 0+.
 */
export interface InitializeShareGroupStateRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: InitializeStateData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0.
 */
export interface PartitionData {
  /** The partition index. */
  partition: number;
  /** The state epoch for this share-partition. */
  stateEpoch: number;
  /** The share-partition start offset, or -1 if the start offset is not being initialized. */
  startOffset: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * InitializeStateData: versions 0.
 */
export interface InitializeStateData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for InitializeShareGroupStateRequest: `read` and `write` its body at a given version. */
export const InitializeShareGroupStateRequest = {
  apiKey: 83,
  type: 'request',
  name: 'InitializeShareGroupState',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readInitializeShareGroupStateRequest,
  write: writeInitializeShareGroupStateRequest,
} as const satisfies ApiMessageCodec<InitializeShareGroupStateRequest>;

function readInitializeShareGroupStateRequest(r: Reader, v: number): InitializeShareGroupStateRequest {
  checkVersion(v, 0, 0, 'InitializeShareGroupStateRequest');
  const o: InitializeShareGroupStateRequest = {
    groupId: r.compactString(),
    topics: readArray(r, true, v, readInitializeStateData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeInitializeShareGroupStateRequest(w: Writer, v: number, o: InitializeShareGroupStateRequest): void {
  checkVersion(v, 0, 0, 'InitializeShareGroupStateRequest');
  w.compactString(o.groupId);
  writeArray(w, true, v, o.topics, writeInitializeStateData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partition: r.int32(),
    stateEpoch: r.int32(),
    startOffset: r.int64(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partition);
  w.int32(o.stateEpoch);
  w.int64(o.startOffset);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readInitializeStateData(r: Reader, v: number): InitializeStateData {
  const o: InitializeStateData = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeInitializeStateData(w: Writer, v: number, o: InitializeStateData): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** InitializeShareGroupStateRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultInitializeShareGroupStateRequest(): InitializeShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

/** InitializeStateData with every field at its default (Kafka's no-argument constructor). */
export function defaultInitializeStateData(): InitializeStateData {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partition: 0,
    stateEpoch: 0,
    startOffset: 0n,
  };
}
