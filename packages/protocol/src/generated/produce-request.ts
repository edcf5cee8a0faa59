// generated — do not edit. Source: shared/kafka-protocol/messages/ProduceRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ProduceRequest (api key 0); versions 0-11; flexible 9+; deprecated 0-6.
 */
export interface ProduceRequest {
  /** The transactional ID, or null if the producer is not transactional. (versions 3+; nullable; default null) */
  transactionalId: string | null;
  /** The number of acknowledgments the producer requires the leader to have received before considering a request complete. Allowed values: 0 for no acknowledgments, 1 for only the leader and -1 for the full ISR. */
  acks: number;
  /** The timeout to await a response in milliseconds. */
  timeoutMs: number;
  /** Each topic to produce to. */
  topicData: TopicProduceData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionProduceData: versions 0-11.
 */
export interface PartitionProduceData {
  /** The partition index. */
  index: number;
  /** The record data to be produced. (nullable) */
  records: Buffer | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicProduceData: versions 0-11.
 */
export interface TopicProduceData {
  /** The topic name. */
  name: string;
  /** Each partition to produce to. */
  partitionData: PartitionProduceData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ProduceRequest: `read` and `write` its body at a given version. */
export const ProduceRequest = {
  apiKey: 0,
  type: 'request',
  name: 'Produce',
  validVersions: { min: 0, max: 11 },
  flexibleVersions: { min: 9, max: 32767 },
  read: readProduceRequest,
  write: writeProduceRequest,
} as const satisfies ApiMessageCodec<ProduceRequest>;

function readProduceRequest(r: Reader, v: number): ProduceRequest {
  checkVersion(v, 0, 11, 'ProduceRequest');
  const flex = v >= 9;
  const o: ProduceRequest = {
    transactionalId: v >= 3 ? (flex ? r.compactNullableString() : r.nullableString()) : null,
    acks: r.int16(),
    timeoutMs: r.int32(),
    topicData: readArray(r, flex, v, readTopicProduceData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeProduceRequest(w: Writer, v: number, o: ProduceRequest): void {
  checkVersion(v, 0, 11, 'ProduceRequest');
  const flex = v >= 9;
  if (v >= 3) {
    if (flex) w.compactNullableString(o.transactionalId);
    else w.nullableString(o.transactionalId);
  } else if (o.transactionalId !== null) throw nonDefault('ProduceRequest.transactionalId', v);
  w.int16(o.acks);
  w.int32(o.timeoutMs);
  writeArray(w, flex, v, o.topicData, writeTopicProduceData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ProduceRequest', v);
}

function readPartitionProduceData(r: Reader, v: number): PartitionProduceData {
  const flex = v >= 9;
  const o: PartitionProduceData = {
    index: r.int32(),
    records: flex ? r.compactNullableBytes() : r.nullableBytes(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writePartitionProduceData(w: Writer, v: number, o: PartitionProduceData): void {
  const flex = v >= 9;
  w.int32(o.index);
  w.lengthPrefixedRef(o.records, flex);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'PartitionProduceData', v);
}

function readTopicProduceData(r: Reader, v: number): TopicProduceData {
  const flex = v >= 9;
  const o: TopicProduceData = {
    name: flex ? r.compactString() : r.string(),
    partitionData: readArray(r, flex, v, readPartitionProduceData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeTopicProduceData(w: Writer, v: number, o: TopicProduceData): void {
  const flex = v >= 9;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitionData, writePartitionProduceData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'TopicProduceData', v);
}

/** PartitionProduceData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionProduceData(): PartitionProduceData {
  return {
    index: 0,
    records: null,
  };
}

/** ProduceRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultProduceRequest(): ProduceRequest {
  return {
    transactionalId: null,
    acks: 0,
    timeoutMs: 0,
    topicData: [],
  };
}

/** TopicProduceData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicProduceData(): TopicProduceData {
  return {
    name: "",
    partitionData: [],
  };
}
