// generated — do not edit. Source: shared/kafka-protocol/messages/AlterPartitionReassignmentsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, readNullableArray, writeArray, writeInt32Element, writeNullableArray } from '../wire/arrays';

/**
 * AlterPartitionReassignmentsRequest (api key 45); versions 0; flexible 0+.
 */
export interface AlterPartitionReassignmentsRequest {
  /** The time in ms to wait for the request to complete. (default 60000) */
  timeoutMs: number;
  /** The topics to reassign. */
  topics: ReassignableTopic[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReassignablePartition: versions 0.
 */
export interface ReassignablePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The replicas to place the partitions on, or null to cancel a pending reassignment for this partition. (nullable; default null) */
  replicas: number[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReassignableTopic: versions 0.
 */
export interface ReassignableTopic {
  /** The topic name. */
  name: string;
  /** The partitions to reassign. */
  partitions: ReassignablePartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterPartitionReassignmentsRequest: `read` and `write` its body at a given version. */
export const AlterPartitionReassignmentsRequest = {
  apiKey: 45,
  type: 'request',
  name: 'AlterPartitionReassignments',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAlterPartitionReassignmentsRequest,
  write: writeAlterPartitionReassignmentsRequest,
} as const satisfies ApiMessageCodec<AlterPartitionReassignmentsRequest>;

function readAlterPartitionReassignmentsRequest(r: Reader, v: number): AlterPartitionReassignmentsRequest {
  checkVersion(v, 0, 0, 'AlterPartitionReassignmentsRequest');
  const o: AlterPartitionReassignmentsRequest = {
    timeoutMs: r.int32(),
    topics: readArray(r, true, v, readReassignableTopic),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAlterPartitionReassignmentsRequest(w: Writer, v: number, o: AlterPartitionReassignmentsRequest): void {
  checkVersion(v, 0, 0, 'AlterPartitionReassignmentsRequest');
  w.int32(o.timeoutMs);
  writeArray(w, true, v, o.topics, writeReassignableTopic);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readReassignablePartition(r: Reader, v: number): ReassignablePartition {
  const o: ReassignablePartition = {
    partitionIndex: r.int32(),
    replicas: readNullableArray(r, true, v, readInt32Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReassignablePartition(w: Writer, v: number, o: ReassignablePartition): void {
  w.int32(o.partitionIndex);
  writeNullableArray(w, true, v, o.replicas, writeInt32Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readReassignableTopic(r: Reader, v: number): ReassignableTopic {
  const o: ReassignableTopic = {
    name: r.compactString(),
    partitions: readArray(r, true, v, readReassignablePartition),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeReassignableTopic(w: Writer, v: number, o: ReassignableTopic): void {
  w.compactString(o.name);
  writeArray(w, true, v, o.partitions, writeReassignablePartition);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AlterPartitionReassignmentsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterPartitionReassignmentsRequest(): AlterPartitionReassignmentsRequest {
  return {
    timeoutMs: 60000,
    topics: [],
  };
}

/** ReassignablePartition with every field at its default (Kafka's no-argument constructor). */
export function defaultReassignablePartition(): ReassignablePartition {
  return {
    partitionIndex: 0,
    replicas: null,
  };
}

/** ReassignableTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultReassignableTopic(): ReassignableTopic {
  return {
    name: "",
    partitions: [],
  };
}
