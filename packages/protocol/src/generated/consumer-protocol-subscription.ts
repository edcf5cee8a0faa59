// generated — do not edit. Source: shared/kafka-protocol/messages/ConsumerProtocolSubscription.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, readStringElement, writeArray, writeInt32Element, writeStringElement } from '../wire/arrays';

/**
 * ConsumerProtocolSubscription (data); versions 0-3; no flexible versions.
 */
export interface ConsumerProtocolSubscription {
  /** Topics */
  topics: string[];
  /** UserData (nullable; default null) */
  userData: Buffer | null;
  /** OwnedPartitions (versions 1+; ignorable) */
  ownedPartitions: TopicPartition[];
  /** GenerationId (versions 2+; default -1; ignorable) */
  generationId: number;
  /** RackId (versions 3+; nullable; default null; ignorable) */
  rackId: string | null;
}

/**
 * TopicPartition: versions 1-3.
 */
export interface TopicPartition {
  /** Topic */
  topic: string;
  /** Partitions */
  partitions: number[];
}

/** Codec for ConsumerProtocolSubscription: `read` and `write` its body at a given version. */
export const ConsumerProtocolSubscription = {
  type: 'data',
  name: 'ConsumerProtocolSubscription',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: null,
  read: readConsumerProtocolSubscription,
  write: writeConsumerProtocolSubscription,
} as const satisfies MessageCodec<ConsumerProtocolSubscription>;

function readConsumerProtocolSubscription(r: Reader, v: number): ConsumerProtocolSubscription {
  checkVersion(v, 0, 3, 'ConsumerProtocolSubscription');
  const o: ConsumerProtocolSubscription = {
    topics: readArray(r, false, v, readStringElement),
    userData: r.nullableBytes(),
    ownedPartitions: v >= 1 ? readArray(r, false, v, readTopicPartition) : [],
    generationId: v >= 2 ? r.int32() : -1,
    rackId: v === 3 ? r.nullableString() : null,
  };
  return o;
}

function writeConsumerProtocolSubscription(w: Writer, v: number, o: ConsumerProtocolSubscription): void {
  checkVersion(v, 0, 3, 'ConsumerProtocolSubscription');
  writeArray(w, false, v, o.topics, writeStringElement);
  w.lengthPrefixedRef(o.userData, false);
  if (v >= 1) writeArray(w, false, v, o.ownedPartitions, writeTopicPartition);
  if (v >= 2) w.int32(o.generationId);
  if (v === 3) w.nullableString(o.rackId);
}

function readTopicPartition(r: Reader, v: number): TopicPartition {
  const o: TopicPartition = {
    topic: r.string(),
    partitions: readArray(r, false, v, readInt32Element),
  };
  return o;
}

function writeTopicPartition(w: Writer, v: number, o: TopicPartition): void {
  w.string(o.topic);
  writeArray(w, false, v, o.partitions, writeInt32Element);
}

/** ConsumerProtocolSubscription with every field at its default (Kafka's no-argument constructor). */
export function defaultConsumerProtocolSubscription(): ConsumerProtocolSubscription {
  return {
    topics: [],
    userData: null,
    ownedPartitions: [],
    generationId: -1,
    rackId: null,
  };
}

/** TopicPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicPartition(): TopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}
