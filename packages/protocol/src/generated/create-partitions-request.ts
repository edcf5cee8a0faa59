// generated — do not edit. Source: shared/kafka-protocol/messages/CreatePartitionsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, readNullableArray, writeArray, writeInt32Element, writeNullableArray } from '../wire/arrays';

/**
 * CreatePartitionsRequest (api key 37); versions 0-3; flexible 2+.
 */
export interface CreatePartitionsRequest {
  /** Each topic that we want to create new partitions inside. */
  topics: CreatePartitionsTopic[];
  /** The time in ms to wait for the partitions to be created. */
  timeoutMs: number;
  /** If true, then validate the request, but don't actually increase the number of partitions. */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CreatePartitionsAssignment: versions 0-3.
 */
export interface CreatePartitionsAssignment {
  /** The assigned broker IDs. */
  brokerIds: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CreatePartitionsTopic: versions 0-3.
 */
export interface CreatePartitionsTopic {
  /** The topic name. */
  name: string;
  /** The new partition count. */
  count: number;
  /** The new partition assignments. (nullable) */
  assignments: CreatePartitionsAssignment[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for CreatePartitionsRequest: `read` and `write` its body at a given version. */
export const CreatePartitionsRequest = {
  apiKey: 37,
  type: 'request',
  name: 'CreatePartitions',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readCreatePartitionsRequest,
  write: writeCreatePartitionsRequest,
} as const satisfies ApiMessageCodec<CreatePartitionsRequest>;

function readCreatePartitionsRequest(r: Reader, v: number): CreatePartitionsRequest {
  checkVersion(v, 0, 3, 'CreatePartitionsRequest');
  const flex = v >= 2;
  const o: CreatePartitionsRequest = {
    topics: readArray(r, flex, v, readCreatePartitionsTopic),
    timeoutMs: r.int32(),
    validateOnly: r.bool(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreatePartitionsRequest(w: Writer, v: number, o: CreatePartitionsRequest): void {
  checkVersion(v, 0, 3, 'CreatePartitionsRequest');
  const flex = v >= 2;
  writeArray(w, flex, v, o.topics, writeCreatePartitionsTopic);
  w.int32(o.timeoutMs);
  w.bool(o.validateOnly);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreatePartitionsRequest', v);
}

function readCreatePartitionsAssignment(r: Reader, v: number): CreatePartitionsAssignment {
  const flex = v >= 2;
  const o: CreatePartitionsAssignment = {
    brokerIds: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreatePartitionsAssignment(w: Writer, v: number, o: CreatePartitionsAssignment): void {
  const flex = v >= 2;
  writeArray(w, flex, v, o.brokerIds, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreatePartitionsAssignment', v);
}

function readCreatePartitionsTopic(r: Reader, v: number): CreatePartitionsTopic {
  const flex = v >= 2;
  const o: CreatePartitionsTopic = {
    name: flex ? r.compactString() : r.string(),
    count: r.int32(),
    assignments: readNullableArray(r, flex, v, readCreatePartitionsAssignment),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreatePartitionsTopic(w: Writer, v: number, o: CreatePartitionsTopic): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  w.int32(o.count);
  writeNullableArray(w, flex, v, o.assignments, writeCreatePartitionsAssignment);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreatePartitionsTopic', v);
}

/** CreatePartitionsAssignment with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatePartitionsAssignment(): CreatePartitionsAssignment {
  return {
    brokerIds: [],
  };
}

/** CreatePartitionsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatePartitionsRequest(): CreatePartitionsRequest {
  return {
    topics: [],
    timeoutMs: 0,
    validateOnly: false,
  };
}

/** CreatePartitionsTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatePartitionsTopic(): CreatePartitionsTopic {
  return {
    name: "",
    count: 0,
    assignments: [],
  };
}
