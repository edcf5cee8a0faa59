// generated — do not edit. Source: shared/kafka-protocol/messages/ElectLeadersRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readInt32Element, readNullableArray, writeArray, writeInt32Element, writeNullableArray } from '../wire/arrays';

/**
 * ElectLeadersRequest (api key 43); versions 0-2; flexible 2+.
 */
export interface ElectLeadersRequest {
  /** Type of elections to conduct for the partition. A value of '0' elects the preferred replica. A value of '1' elects the first live replica if there are no in-sync replica. (versions 1+) */
  electionType: number;
  /** The topic partitions to elect leaders. (nullable) */
  topicPartitions: TopicPartitions[] | null;
  /** The time in ms to wait for the election to complete. (default 60000) */
  timeoutMs: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicPartitions: versions 0-2.
 */
export interface TopicPartitions {
  /** The name of a topic. */
  topic: string;
  /** The partitions of this topic whose leader should be elected. */
  partitions: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ElectLeadersRequest: `read` and `write` its body at a given version. */
export const ElectLeadersRequest = {
  apiKey: 43,
  type: 'request',
  name: 'ElectLeaders',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readElectLeadersRequest,
  write: writeElectLeadersRequest,
} as const satisfies ApiMessageCodec<ElectLeadersRequest>;

function readElectLeadersRequest(r: Reader, v: number): ElectLeadersRequest {
  checkVersion(v, 0, 2, 'ElectLeadersRequest');
  const flex = v === 2;
  const o: ElectLeadersRequest = {
    electionType: v >= 1 ? r.int8() : 0,
    topicPartitions: readNullableArray(r, flex, v, readTopicPartitions),
    timeoutMs: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeElectLeadersRequest(w: Writer, v: number, o: ElectLeadersRequest): void {
  checkVersion(v, 0, 2, 'ElectLeadersRequest');
  const flex = v === 2;
  if (v >= 1) w.int8(o.electionType);
  else if (o.electionType !== 0) throw nonDefault('ElectLeadersRequest.electionType', v);
  writeNullableArray(w, flex, v, o.topicPartitions, writeTopicPartitions);
  w.int32(o.timeoutMs);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ElectLeadersRequest', v);
}

function readTopicPartitions(r: Reader, v: number): TopicPartitions {
  const flex = v === 2;
  const o: TopicPartitions = {
    topic: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTopicPartitions(w: Writer, v: number, o: TopicPartitions): void {
  const flex = v === 2;
  if (flex) w.compactString(o.topic);
  else w.string(o.topic);
  writeArray(w, flex, v, o.partitions, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TopicPartitions', v);
}

/** ElectLeadersRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultElectLeadersRequest(): ElectLeadersRequest {
  return {
    electionType: 0,
    topicPartitions: [],
    timeoutMs: 60000,
  };
}

/** TopicPartitions with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicPartitions(): TopicPartitions {
  return {
    topic: "",
    partitions: [],
  };
}
