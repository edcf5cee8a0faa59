// generated — do not edit. Source: shared/kafka-protocol/messages/ListPartitionReassignmentsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, readNullableArray, writeArray, writeInt32Element, writeNullableArray } from '../wire/arrays';

/**
 * ListPartitionReassignmentsRequest (api key 46); versions 0; flexible 0+.
 */
export interface ListPartitionReassignmentsRequest {
  /** The time in ms to wait for the request to complete. (default 60000) */
  timeoutMs: number;
  /** The topics to list partition reassignments for, or null to list everything. (nullable; default null) */
  topics: ListPartitionReassignmentsTopics[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ListPartitionReassignmentsTopics: versions 0.
 */
export interface ListPartitionReassignmentsTopics {
  /** The topic name */
  name: string;
  /** The partitions to list partition reassignments for. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListPartitionReassignmentsRequest: `read` and `write` its body at a given version. */
export const ListPartitionReassignmentsRequest = {
  apiKey: 46,
  type: 'request',
  name: 'ListPartitionReassignments',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readListPartitionReassignmentsRequest,
  write: writeListPartitionReassignmentsRequest,
} as const satisfies ApiMessageCodec<ListPartitionReassignmentsRequest>;

function readListPartitionReassignmentsRequest(r: Reader, v: number): ListPartitionReassignmentsRequest {
  checkVersion(v, 0, 0, 'ListPartitionReassignmentsRequest');
  const o: ListPartitionReassignmentsRequest = {
    timeoutMs: r.int32(),
    topics: readNullableArray(r, true, v, readListPartitionReassignmentsTopics),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListPartitionReassignmentsRequest(w: Writer, v: number, o: ListPartitionReassignmentsRequest): void {
  checkVersion(v, 0, 0, 'ListPartitionReassignmentsRequest');
  w.int32(o.timeoutMs);
  writeNullableArray(w, true, v, o.topics, writeListPartitionReassignmentsTopics);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readListPartitionReassignmentsTopics(r: Reader, v: number): ListPartitionReassignmentsTopics {
  const o: ListPartitionReassignmentsTopics = {
    name: r.compactString(),
    partitionIndexes: readArray(r, true, v, readInt32Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListPartitionReassignmentsTopics(w: Writer, v: number, o: ListPartitionReassignmentsTopics): void {
  w.compactString(o.name);
  writeArray(w, true, v, o.partitionIndexes, writeInt32Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ListPartitionReassignmentsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultListPartitionReassignmentsRequest(): ListPartitionReassignmentsRequest {
  return {
    timeoutMs: 60000,
    topics: null,
  };
}

/** ListPartitionReassignmentsTopics with every field at its default (Kafka's no-argument constructor). */
export function defaultListPartitionReassignmentsTopics(): ListPartitionReassignmentsTopics {
  return {
    name: "",
    partitionIndexes: [],
  };
}
