// generated — do not edit. Source: shared/kafka-protocol/messages/ConsumerProtocolAssignment.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { MessageCodec } from '../wire/message-codec';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * ConsumerProtocolAssignment (data); versions 0-3; no flexible versions.
 */
export interface ConsumerProtocolAssignment {
  /** AssignedPartitions */
  assignedPartitions: TopicPartition[];
  /** UserData (nullable; default null) */
  userData: Buffer | null;
}

/**
 * TopicPartition: versions 0-3.
 */
export interface TopicPartition {
  /** Topic */
  topic: string;
  /** Partitions */
  partitions: number[];
}

/** Codec for ConsumerProtocolAssignment: `read` and `write` its body at a given version. */
export const ConsumerProtocolAssignment = {
  type: 'data',
  name: 'ConsumerProtocolAssignment',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: null,
  read: readConsumerProtocolAssignment,
  write: writeConsumerProtocolAssignment,
} as const satisfies MessageCodec<ConsumerProtocolAssignment>;

function readConsumerProtocolAssignment(r: Reader, v: number): ConsumerProtocolAssignment {
  checkVersion(v, 0, 3, 'ConsumerProtocolAssignment');
  const o: ConsumerProtocolAssignment = {
    assignedPartitions: readArray(r, false, v, readTopicPartition),
    userData: r.nullableBytes(),
  };
  return o;
}

function writeConsumerProtocolAssignment(w: Writer, v: number, o: ConsumerProtocolAssignment): void {
  checkVersion(v, 0, 3, 'ConsumerProtocolAssignment');
  writeArray(w, false, v, o.assignedPartitions, writeTopicPartition);
  w.lengthPrefixedRef(o.userData, false);
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

/** ConsumerProtocolAssignment with every field at its default (Kafka's no-argument constructor). */
export function defaultConsumerProtocolAssignment(): ConsumerProtocolAssignment {
  return {
    assignedPartitions: [],
    userData: null,
  };
}

/** TopicPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicPartition(): TopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}
