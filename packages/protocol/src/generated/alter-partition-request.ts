// generated — do not edit. Source: shared/kafka-protocol/messages/AlterPartitionRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault, ZERO_UUID } from '../wire/field-checks';
import { readArray, readInt32Element, writeArray, writeInt32Element } from '../wire/arrays';

/**
 * AlterPartitionRequest (api key 56); versions 0-3; flexible 0+.
 */
export interface AlterPartitionRequest {
  /** The ID of the requesting broker */
  brokerId: number;
  /** The epoch of the requesting broker (default -1) */
  brokerEpoch: bigint;
  /** Topics */
  topics: TopicData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * BrokerState: versions 3.
 */
export interface BrokerState {
  /** The ID of the broker. */
  brokerId: number;
  /** The epoch of the broker. It will be -1 if the epoch check is not supported. (default -1) */
  brokerEpoch: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionData: versions 0-3.
 */
export interface PartitionData {
  /** The partition index */
  partitionIndex: number;
  /** The leader epoch of this partition */
  leaderEpoch: number;
  /** The ISR for this partition. Deprecated since version 3. (versions 0-2) */
  newIsr: number[];
  /** NewIsrWithEpochs (versions 3+) */
  newIsrWithEpochs: BrokerState[];
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. (versions 1+; default 0) */
  leaderRecoveryState: number;
  /** The expected epoch of the partition which is being updated. For legacy cluster this is the ZkVersion in the LeaderAndIsr request. */
  partitionEpoch: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * TopicData: versions 0-3.
 */
export interface TopicData {
  /** The name of the topic to alter ISRs for (versions 0-1; ignorable) */
  topicName: string;
  /** The ID of the topic to alter ISRs for (versions 2+; ignorable) */
  topicId: string;
  /** Partitions */
  partitions: PartitionData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterPartitionRequest: `read` and `write` its body at a given version. */
export const AlterPartitionRequest = {
  apiKey: 56,
  type: 'request',
  name: 'AlterPartition',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readAlterPartitionRequest,
  write: writeAlterPartitionRequest,
} as const satisfies ApiMessageCodec<AlterPartitionRequest>;

function readAlterPartitionRequest(r: Reader, v: number): AlterPartitionRequest {
  checkVersion(v, 0, 3, 'AlterPartitionRequest');
  const o: AlterPartitionRequest = {
    brokerId: r.int32(),
    brokerEpoch: r.int64(),
    topics: readArray(r, true, v, readTopicData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeAlterPartitionRequest(w: Writer, v: number, o: AlterPartitionRequest): void {
  checkVersion(v, 0, 3, 'AlterPartitionRequest');
  w.int32(o.brokerId);
  w.int64(o.brokerEpoch);
  writeArray(w, true, v, o.topics, writeTopicData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readBrokerState(r: Reader, v: number): BrokerState {
  const o: BrokerState = {
    brokerId: r.int32(),
    brokerEpoch: r.int64(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeBrokerState(w: Writer, v: number, o: BrokerState): void {
  w.int32(o.brokerId);
  w.int64(o.brokerEpoch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readPartitionData(r: Reader, v: number): PartitionData {
  const o: PartitionData = {
    partitionIndex: r.int32(),
    leaderEpoch: r.int32(),
    newIsr: v <= 2 ? readArray(r, true, v, readInt32Element) : [],
    newIsrWithEpochs: v === 3 ? readArray(r, true, v, readBrokerState) : [],
    leaderRecoveryState: v >= 1 ? r.int8() : 0,
    partitionEpoch: r.int32(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writePartitionData(w: Writer, v: number, o: PartitionData): void {
  w.int32(o.partitionIndex);
  w.int32(o.leaderEpoch);
  if (v <= 2) writeArray(w, true, v, o.newIsr, writeInt32Element);
  else if (o.newIsr.length !== 0) throw nonDefault('PartitionData.newIsr', v);
  if (v === 3) writeArray(w, true, v, o.newIsrWithEpochs, writeBrokerState);
  else if (o.newIsrWithEpochs.length !== 0) throw nonDefault('PartitionData.newIsrWithEpochs', v);
  if (v >= 1) w.int8(o.leaderRecoveryState);
  else if (o.leaderRecoveryState !== 0) throw nonDefault('PartitionData.leaderRecoveryState', v);
  w.int32(o.partitionEpoch);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readTopicData(r: Reader, v: number): TopicData {
  const o: TopicData = {
    topicName: v <= 1 ? r.compactString() : "",
    topicId: v >= 2 ? r.uuid() : ZERO_UUID,
    partitions: readArray(r, true, v, readPartitionData),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeTopicData(w: Writer, v: number, o: TopicData): void {
  if (v <= 1) w.compactString(o.topicName);
  if (v >= 2) w.uuid(o.topicId);
  writeArray(w, true, v, o.partitions, writePartitionData);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** AlterPartitionRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterPartitionRequest(): AlterPartitionRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    topics: [],
  };
}

/** BrokerState with every field at its default (Kafka's no-argument constructor). */
export function defaultBrokerState(): BrokerState {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

/** PartitionData with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    leaderEpoch: 0,
    newIsr: [],
    newIsrWithEpochs: [],
    leaderRecoveryState: 0,
    partitionEpoch: 0,
  };
}

/** TopicData with every field at its default (Kafka's no-argument constructor). */
export function defaultTopicData(): TopicData {
  return {
    topicName: "",
    topicId: ZERO_UUID,
    partitions: [],
  };
}
