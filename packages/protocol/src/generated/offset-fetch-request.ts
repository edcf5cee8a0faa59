// generated — do not edit. Source: shared/kafka-protocol/messages/OffsetFetchRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, nonNull } from '../wire/field-checks';
import { readArray, readInt32Element, readNullableArray, writeArray, writeInt32Element, writeNullableArray } from '../wire/arrays';

/**
 * OffsetFetchRequest (api key 9); versions 0-9; flexible 6+; deprecated 0.
 */
export interface OffsetFetchRequest {
  /** The group to fetch offsets for. (versions 0-7) */
  groupId: string;
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. (versions 0-7; nullable 2-7) */
  topics: OffsetFetchRequestTopic[] | null;
  /** Each group we would like to fetch offsets for (versions 8+) */
  groups: OffsetFetchRequestGroup[];
  /** Whether broker should hold on returning unstable offsets but set a retriable error code for the partitions. (versions 7+; default false) */
  requireStable: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetFetchRequestTopic: versions 0-7.
 */
export interface OffsetFetchRequestTopic {
  /** The topic name. */
  name: string;
  /** The partition indexes we would like to fetch offsets for. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetFetchRequestTopics: versions 8-9.
 */
export interface OffsetFetchRequestTopics {
  /** The topic name. */
  name: string;
  /** The partition indexes we would like to fetch offsets for. */
  partitionIndexes: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * OffsetFetchRequestGroup: versions 8-9.
 */
export interface OffsetFetchRequestGroup {
  /** The group ID. */
  groupId: string;
  /** The member ID assigned by the group coordinator if using the new consumer protocol (KIP-848). (versions 9+; nullable; default null; ignorable) */
  memberId: string | null;
  /** The member epoch if using the new consumer protocol (KIP-848). (versions 9+; default -1; ignorable) */
  memberEpoch: number;
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. (nullable) */
  topics: OffsetFetchRequestTopics[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for OffsetFetchRequest: `read` and `write` its body at a given version. */
export const OffsetFetchRequest = {
  apiKey: 9,
  type: 'request',
  name: 'OffsetFetch',
  validVersions: { min: 0, max: 9 },
  flexibleVersions: { min: 6, max: 32767 },
  read: readOffsetFetchRequest,
  write: writeOffsetFetchRequest,
} as const satisfies ApiMessageCodec<OffsetFetchRequest>;

function readOffsetFetchRequest(r: Reader, v: number): OffsetFetchRequest {
  checkVersion(v, 0, 9, 'OffsetFetchRequest');
  const flex = v >= 6;
  const o: OffsetFetchRequest = {
    groupId: v <= 7 ? (flex ? r.compactString() : r.string()) : "",
    topics: v <= 7 ? (v >= 2 ? readNullableArray(r, flex, v, readOffsetFetchRequestTopic) : readArray(r, flex, v, readOffsetFetchRequestTopic)) : [],
    groups: v >= 8 ? readArray(r, true, v, readOffsetFetchRequestGroup) : [],
    requireStable: v >= 7 ? r.bool() : false,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchRequest(w: Writer, v: number, o: OffsetFetchRequest): void {
  checkVersion(v, 0, 9, 'OffsetFetchRequest');
  const flex = v >= 6;
  if (v <= 7) {
    if (flex) w.compactString(o.groupId);
    else w.string(o.groupId);
  } else if (o.groupId !== "") throw nonDefault('OffsetFetchRequest.groupId', v);
  if (v <= 7) {
    if (v >= 2) writeNullableArray(w, flex, v, o.topics, writeOffsetFetchRequestTopic);
    else writeArray(w, flex, v, nonNull(o.topics, 'OffsetFetchRequest.topics', v), writeOffsetFetchRequestTopic);
  } else if (o.topics === null || o.topics.length !== 0) throw nonDefault('OffsetFetchRequest.topics', v);
  if (v >= 8) writeArray(w, true, v, o.groups, writeOffsetFetchRequestGroup);
  else if (o.groups.length !== 0) throw nonDefault('OffsetFetchRequest.groups', v);
  if (v >= 7) w.bool(o.requireStable);
  else if (o.requireStable) throw nonDefault('OffsetFetchRequest.requireStable', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetFetchRequest', v);
}

function readOffsetFetchRequestTopic(r: Reader, v: number): OffsetFetchRequestTopic {
  const flex = v >= 6;
  const o: OffsetFetchRequestTopic = {
    name: flex ? r.compactString() : r.string(),
    partitionIndexes: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchRequestTopic(w: Writer, v: number, o: OffsetFetchRequestTopic): void {
  const flex = v >= 6;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitionIndexes, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OffsetFetchRequestTopic', v);
}

function readOffsetFetchRequestTopics(r: Reader, v: number): OffsetFetchRequestTopics {
  const o: OffsetFetchRequestTopics = {
    name: r.compactString(),
    partitionIndexes: readArray(r, true, v, readInt32Element),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchRequestTopics(w: Writer, v: number, o: OffsetFetchRequestTopics): void {
  w.compactString(o.name);
  writeArray(w, true, v, o.partitionIndexes, writeInt32Element);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readOffsetFetchRequestGroup(r: Reader, v: number): OffsetFetchRequestGroup {
  const o: OffsetFetchRequestGroup = {
    groupId: r.compactString(),
    memberId: v === 9 ? r.compactNullableString() : null,
    memberEpoch: v === 9 ? r.int32() : -1,
    topics: readNullableArray(r, true, v, readOffsetFetchRequestTopics),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeOffsetFetchRequestGroup(w: Writer, v: number, o: OffsetFetchRequestGroup): void {
  w.compactString(o.groupId);
  if (v === 9) w.compactNullableString(o.memberId);
  if (v === 9) w.int32(o.memberEpoch);
  writeNullableArray(w, true, v, o.topics, writeOffsetFetchRequestTopics);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** OffsetFetchRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchRequest(): OffsetFetchRequest {
  return {
    groupId: "",
    topics: [],
    groups: [],
    requireStable: false,
  };
}

/** OffsetFetchRequestGroup with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchRequestGroup(): OffsetFetchRequestGroup {
  return {
    groupId: "",
    memberId: null,
    memberEpoch: -1,
    topics: [],
  };
}

/** OffsetFetchRequestTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchRequestTopic(): OffsetFetchRequestTopic {
  return {
    name: "",
    partitionIndexes: [],
  };
}

/** OffsetFetchRequestTopics with every field at its default (Kafka's no-argument constructor). */
export function defaultOffsetFetchRequestTopics(): OffsetFetchRequestTopics {
  return {
    name: "",
    partitionIndexes: [],
  };
}
