// generated — do not edit. Source: shared/kafka-protocol/messages/DeleteShareGroupStateRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DeleteShareGroupStateRequest (api key 86); versions 0; flexible 0+.
 */
export interface DeleteShareGroupStateRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: DeleteStateData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0.
 */
export interface PartitionData {
  /** The partition index. */
  partition: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DeleteStateData: versions 0.
 */
export interface DeleteStateData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DeleteShareGroupStateRequest: `read` and `write` its body at a given version. */
export const DeleteShareGroupStateRequest = {
  apiKey: 86,
  type: 'request',
  name: 'DeleteShareGroupState',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readDeleteShareGroupStateRequest,
  write: writeDeleteShareGroupStateRequest,
} as const satisfies ApiMessageCodec<DeleteShareGroupStateRequest>;

function readDeleteShareGroupStateRequest(r: Reader, v: number): DeleteShareGroupStateRequest {
  checkVersion(v, 0, 0, 'DeleteShareGroupStateRequest');
  const o: DeleteShareGroupStateRequest = {
    groupId: r.compactString(),
    topics: readArray(r, true, v, readDeleteStateData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDeleteShareGroupStateRequest(w: Writer, v: number, o: DeleteShareGroupStateRequest): void {
  checkVersion(v, 0, 0, 'DeleteShareGroupStateRequest');
  w.compactString(o.groupId);
  writeArray(w, true, v, o.topics, writeDeleteStateData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partition: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partition);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readDeleteStateData(r: Reader, v: number): DeleteStateData {
  const o: DeleteStateData = {
    topicId: r.uuid(),
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDeleteStateData(w: Writer, v: number, o: DeleteStateData): void {
  w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** DeleteShareGroupStateRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteShareGroupStateRequest(): DeleteShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

/** DeleteStateData with every field at its default (Kafka's no-argument constructor). */
export function defaultDeleteStateData(): DeleteStateData {
  return {
    topicId: ZERO_UUID,
    partitions: [],
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partition: 0,
  };
}
