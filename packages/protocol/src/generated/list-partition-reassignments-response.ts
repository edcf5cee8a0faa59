// generated — do not edit. Source: shared/kafka-protocol/messages/ListPartitionReassignmentsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * ListPartitionReassignmentsResponse (api key 46); versions 0; flexible 0+.
 */
export interface ListPartitionReassignmentsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error */
  errorCode: number;
  /** The top-level error message, or null if there was no error. (nullable) */
  errorMessage: string | null;
  /** The ongoing reassignments for each topic. */
  topics: OngoingTopicReassignment[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OngoingPartitionReassignment: versions 0.
 */
export interface OngoingPartitionReassignment {
  /** The index of the partition. */
  partitionIndex: number;
  /** The current replica set. */
  replicas: number[];
  /** The set of replicas we are currently adding. */
  addingReplicas: number[];
  /** The set of replicas we are currently removing. */
  removingReplicas: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OngoingTopicReassignment: versions 0.
 */
export interface OngoingTopicReassignment {
  /** The topic name. */
  name: string;
  /** The ongoing reassignments for each partition. */
  partitions: OngoingPartitionReassignment[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListPartitionReassignmentsResponse: `read` and `write` its body at a given version. */
export const ListPartitionReassignmentsResponse = {
  apiKey: 46,
  type: 'response',
  name: 'ListPartitionReassignments',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readListPartitionReassignmentsResponse,
  write: writeListPartitionReassignmentsResponse,
} as const satisfies ApiMessageCodec<ListPartitionReassignmentsResponse>;

function readListPartitionReassignmentsResponse(r: Reader, v: number): ListPartitionReassignmentsResponse {
  checkVersion(v, 0, 0, 'ListPartitionReassignmentsResponse');
  const o: ListPartitionReassignmentsResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    topics: readArray(r, true, v, readOngoingTopicReassignment),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListPartitionReassignmentsResponse(w: Writer, v: number, o: ListPartitionReassignmentsResponse): void {
  checkVersion(v, 0, 0, 'ListPartitionReassignmentsResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeArray(w, true, v, o.topics, writeOngoingTopicReassignment);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readOngoingPartitionReassignment(r: Reader, v: number): OngoingPartitionReassignment {
  const o: OngoingPartitionReassignment = {
    partitionIndex: r.int32(),
    replicas: readArray(r, true, v, readInt32Element),
    addingReplicas: readArray(r, true, v, readInt32Element),
    removingReplicas: readArray(r, true, v, readInt32Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeOngoingPartitionReassignment(w: Writer, v: number, o: OngoingPartitionReassignment): void {
  w.int32(o.partitionIndex);
  writeArray(w, true, v, o.replicas, writeInt32Element);
  writeArray(w, true, v, o.addingReplicas, writeInt32Element);
  writeArray(w, true, v, o.removingReplicas, writeInt32Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readOngoingTopicReassignment(r: Reader, v: number): OngoingTopicReassignment {
  const o: OngoingTopicReassignment = {
    name: r.compactString(),
    partitions: readArray(r, true, v, readOngoingPartitionReassignment),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeOngoingTopicReassignment(w: Writer, v: number, o: OngoingTopicReassignment): void {
  w.compactString(o.name);
  writeArray(w, true, v, o.partitions, writeOngoingPartitionReassignment);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ListPartitionReassignmentsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultListPartitionReassignmentsResponse(): ListPartitionReassignmentsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    topics: [],
  };
}

/** OngoingPartitionReassignment with every field at its default (Kafka's no-argument constructor). */
export function defaultOngoingPartitionReassignment(): OngoingPartitionReassignment {
  return {
    partitionIndex: 0,
    replicas: [],
    addingReplicas: [],
    removingReplicas: [],
  };
}

/** OngoingTopicReassignment with every field at its default (Kafka's no-argument constructor). */
export function defaultOngoingTopicReassignment(): OngoingTopicReassignment {
  return {
    name: "",
    partitions: [],
  };
}
