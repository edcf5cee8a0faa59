// generated — do not edit. Source: shared/kafka-protocol/messages/ConsumerGroupDescribeResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, readCompactStringElement, readInt32Element, writeArray, writeCompactStringElement, writeInt32Element } from '../wire/arrays';

/**
 * ConsumerGroupDescribeResponse (api key 69); versions 0; flexible 0+.
 */
export interface ConsumerGroupDescribeResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each described group. */
  groups: DescribedGroup[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Member: versions 0.
 */
export interface Member {
  /** The member ID. */
  memberId: string;
  /** The member instance ID. (nullable; default null) */
  instanceId: string | null;
  /** The member rack ID. (nullable; default null) */
  rackId: string | null;
  /** The current member epoch. */
  memberEpoch: number;
  /** The client ID. */
  clientId: string;
  /** The client host. */
  clientHost: string;
  /** The subscribed topic names. */
  subscribedTopicNames: string[];
  /** the subscribed topic regex otherwise or null of not provided. (nullable; default null) */
  subscribedTopicRegex: string | null;
  /** The current assignment. */
  assignment: Assignment;
  /** The target assignment. */
  targetAssignment: Assignment;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribedGroup: versions 0.
 */
export interface DescribedGroup {
  /** The describe error, or 0 if there was no error. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. (nullable; default null) */
  errorMessage: string | null;
  /** The group ID string. */
  groupId: string;
  /** The group state string, or the empty string. */
  groupState: string;
  /** The group epoch. */
  groupEpoch: number;
  /** The assignment epoch. */
  assignmentEpoch: number;
  /** The selected assignor. */
  assignorName: string;
  /** The members. */
  members: Member[];
  /** 32-bit bitfield to represent authorized operations for this group. (default -2147483648) */
  authorizedOperations: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicPartitions (common struct): versions 0.
 */
export interface TopicPartitions {
  /** The topic ID. */
  topicId: string;
  /** The topic name. */
  topicName: string;
  /** The partitions. */
  partitions: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * Assignment (common struct): versions 0.
 */
export interface Assignment {
  /** The assigned topic-partitions to the member. */
  topicPartitions: TopicPartitions[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ConsumerGroupDescribeResponse: `read` and `write` its body at a given version. */
export const ConsumerGroupDescribeResponse = {
  apiKey: 69,
  type: 'response',
  name: 'ConsumerGroupDescribe',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readConsumerGroupDescribeResponse,
  write: writeConsumerGroupDescribeResponse,
} as const satisfies ApiMessageCodec<ConsumerGroupDescribeResponse>;

function readConsumerGroupDescribeResponse(r: Reader, v: number): ConsumerGroupDescribeResponse {
  checkVersion(v, 0, 0, 'ConsumerGroupDescribeResponse');
  const o: ConsumerGroupDescribeResponse = {
    throttleTimeMs: r.int32(),
    groups: readArray(r, true, v, readDescribedGroup),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeConsumerGroupDescribeResponse(w: Writer, v: number, o: ConsumerGroupDescribeResponse): void {
  checkVersion(v, 0, 0, 'ConsumerGroupDescribeResponse');
  w.int32(o.throttleTimeMs);
  writeArray(w, true, v, o.groups, writeDescribedGroup);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readMember(r: Reader, v: number): Member {
  const o: Member = {
    memberId: r.compactString(),
    instanceId: r.compactNullableString(),
    rackId: r.compactNullableString(),
    memberEpoch: r.int32(),
    clientId: r.compactString(),
    clientHost: r.compactString(),
    subscribedTopicNames: readArray(r, true, v, readCompactStringElement),
    subscribedTopicRegex: r.compactNullableString(),
    assignment: readAssignment(r, v),
    targetAssignment: readAssignment(r, v),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeMember(w: Writer, v: number, o: Member): void {
  w.compactString(o.memberId);
  w.compactNullableString(o.instanceId);
  w.compactNullableString(o.rackId);
  w.int32(o.memberEpoch);
  w.compactString(o.clientId);
  w.compactString(o.clientHost);
  writeArray(w, true, v, o.subscribedTopicNames, writeCompactStringElement);
  w.compactNullableString(o.subscribedTopicRegex);
  writeAssignment(w, v, o.assignment);
  writeAssignment(w, v, o.targetAssignment);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readDescribedGroup(r: Reader, v: number): DescribedGroup {
  const o: DescribedGroup = {
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    groupId: r.compactString(),
    groupState: r.compactString(),
    groupEpoch: r.int32(),
    assignmentEpoch: r.int32(),
    assignorName: r.compactString(),
    members: readArray(r, true, v, readMember),
    authorizedOperations: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeDescribedGroup(w: Writer, v: number, o: DescribedGroup): void {
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  w.compactString(o.groupId);
  w.compactString(o.groupState);
  w.int32(o.groupEpoch);
  w.int32(o.assignmentEpoch);
  w.compactString(o.assignorName);
  writeArray(w, true, v, o.members, writeMember);
  w.int32(o.authorizedOperations);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicPartitions(r: Reader, v: number): TopicPartitions {
  const o: TopicPartitions = {
    topicId: r.uuid(),
    topicName: r.compactString(),
    partitions: readArray(r, true, v, readInt32Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicPartitions(w: Writer, v: number, o: TopicPartitions): void {
  w.uuid(o.topicId);
  w.compactString(o.topicName);
  writeArray(w, true, v, o.partitions, writeInt32Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readAssignment(r: Reader, v: number): Assignment {
  const o: Assignment = {
    topicPartitions: readArray(r, true, v, readTopicPartitions),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAssignment(w: Writer, v: number, o: Assignment): void {
  writeArray(w, true, v, o.topicPartitions, writeTopicPartitions);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** Assignment with every field at its default (Kafka's no-argument constructor). */
export function defaultAssignment(): Assignment {
  return {
    topicPartitions: [],
  };
}

/** ConsumerGroupDescribeResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultConsumerGroupDescribeResponse(): ConsumerGroupDescribeResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

/** DescribedGroup with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribedGroup(): DescribedGroup {
  return {
    errorCode: 0,
    errorMessage: null,
    groupId: "",
    groupState: "",
    groupEpoch: 0,
    assignmentEpoch: 0,
    assignorName: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

/** Member with every field at its default (Kafka's no-argument constructor). */
export function defaultMember(): Member {
  return {
    memberId: "",
    instanceId: null,
    rackId: null,
    memberEpoch: 0,
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
    subscribedTopicRegex: null,
    assignment: defaultAssignment(),
    targetAssignment: defaultAssignment(),
  };
}

/** TopicPartitions with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicPartitions(): TopicPartitions {
  return {
    topicId: ZERO_UUID,
    topicName: "",
    partitions: [],
  };
}
