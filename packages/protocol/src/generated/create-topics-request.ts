// generated — do not edit. Source: shared/kafka-protocol/messages/CreateTopicsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * CreateTopicsRequest (api key 19); versions 0-7; flexible 5+; deprecated 0-1.
 */
export interface CreateTopicsRequest {
  /** The topics to create. */
  topics: CreatableTopic[];
  /** How long to wait in milliseconds before timing out the request. (default 60000) */
  timeoutMs: number;
  /** If true, check that the topics can be created as specified, but don't create anything. (versions 1+; default false) */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CreatableReplicaAssignment: versions 0-7.
 */
export interface CreatableReplicaAssignment {
  /** The partition index. */
  partitionIndex: number;
  /** The brokers to place the partition on. */
  brokerIds: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CreatableTopicConfig: versions 0-7.
 */
export interface CreatableTopicConfig {
  /** The configuration name. */
  name: string;
  /** The configuration value. (nullable) */
  value: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CreatableTopic: versions 0-7.
 */
export interface CreatableTopic {
  /** The topic name. */
  name: string;
  /** The number of partitions to create in the topic, or -1 if we are either specifying a manual partition assignment or using the default partitions. */
  numPartitions: number;
  /** The number of replicas to create for each partition in the topic, or -1 if we are either specifying a manual partition assignment or using the default replication factor. */
  replicationFactor: number;
  /** The manual partition assignment, or the empty array if we are using automatic assignment. */
  assignments: CreatableReplicaAssignment[];
  /** The custom topic configurations to set. */
  configs: CreatableTopicConfig[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for CreateTopicsRequest: `read` and `write` its body at a given version. */
export const CreateTopicsRequest = {
  apiKey: 19,
  type: 'request',
  name: 'CreateTopics',
  validVersions: { min: 0, max: 7 },
  flexibleVersions: { min: 5, max: 32767 },
  read: readCreateTopicsRequest,
  write: writeCreateTopicsRequest,
} as const satisfies ApiMessageCodec<CreateTopicsRequest>;

function readCreateTopicsRequest(r: Reader, v: number): CreateTopicsRequest {
  checkVersion(v, 0, 7, 'CreateTopicsRequest');
  const flex = v >= 5;
  const o: CreateTopicsRequest = {
    topics: readArray(r, flex, v, readCreatableTopic),
    timeoutMs: r.int32(),
    validateOnly: v >= 1 ? r.bool() : false,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreateTopicsRequest(w: Writer, v: number, o: CreateTopicsRequest): void {
  checkVersion(v, 0, 7, 'CreateTopicsRequest');
  const flex = v >= 5;
  writeArray(w, flex, v, o.topics, writeCreatableTopic);
  w.int32(o.timeoutMs);
  if (v >= 1) w.bool(o.validateOnly);
  else if (o.validateOnly) throw nonDefault('CreateTopicsRequest.validateOnly', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreateTopicsRequest', v);
}

function readCreatableReplicaAssignment(r: Reader, v: number): CreatableReplicaAssignment {
  const flex = v >= 5;
  const o: CreatableReplicaAssignment = {
    partitionIndex: r.int32(),
    brokerIds: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreatableReplicaAssignment(w: Writer, v: number, o: CreatableReplicaAssignment): void {
  const flex = v >= 5;
  w.int32(o.partitionIndex);
  writeArray(w, flex, v, o.brokerIds, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreatableReplicaAssignment', v);
}

function readCreatableTopicConfig(r: Reader, v: number): CreatableTopicConfig {
  const flex = v >= 5;
  const o: CreatableTopicConfig = {
    name: flex ? r.compactString() : r.string(),
    value: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreatableTopicConfig(w: Writer, v: number, o: CreatableTopicConfig): void {
  const flex = v >= 5;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  if (flex) w.compactNullableString(o.value);
  else w.nullableString(o.value);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreatableTopicConfig', v);
}

function readCreatableTopic(r: Reader, v: number): CreatableTopic {
  const flex = v >= 5;
  const o: CreatableTopic = {
    name: flex ? r.compactString() : r.string(),
    numPartitions: r.int32(),
    replicationFactor: r.int16(),
    assignments: readArray(r, flex, v, readCreatableReplicaAssignment),
    configs: readArray(r, flex, v, readCreatableTopicConfig),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreatableTopic(w: Writer, v: number, o: CreatableTopic): void {
  const flex = v >= 5;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  w.int32(o.numPartitions);
  w.int16(o.replicationFactor);
  writeArray(w, flex, v, o.assignments, writeCreatableReplicaAssignment);
  writeArray(w, flex, v, o.configs, writeCreatableTopicConfig);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreatableTopic', v);
}

/** CreatableReplicaAssignment with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatableReplicaAssignment(): CreatableReplicaAssignment {
  return {
    partitionIndex: 0,
    brokerIds: [],
  };
}

/** CreatableTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatableTopic(): CreatableTopic {
  return {
    name: "",
    numPartitions: 0,
    replicationFactor: 0,
    assignments: [],
    configs: [],
  };
}

/** CreatableTopicConfig with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatableTopicConfig(): CreatableTopicConfig {
  return {
    name: "",
    value: "",
  };
}

/** CreateTopicsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultCreateTopicsRequest(): CreateTopicsRequest {
  return {
    topics: [],
    timeoutMs: 60000,
    validateOnly: false,
  };
}
