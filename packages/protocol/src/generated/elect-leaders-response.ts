// generated — do not edit. Source: shared/kafka-protocol/messages/ElectLeadersResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ElectLeadersResponse (api key 43); versions 0-2; flexible 2+.
 */
export interface ElectLeadersResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code. (versions 1+) */
  errorCode: number;
  /** The election results, or an empty array if the requester did not have permission and the request asks for all partitions. */
  replicaElectionResults: ReplicaElectionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * PartitionResult: versions 0-2.
 */
export interface PartitionResult {
  /** The partition id */
  partitionId: number;
  /** The result error, or zero if there was no error. */
  errorCode: number;
  /** The result message, or null if there was no error. (nullable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ReplicaElectionResult: versions 0-2.
 */
export interface ReplicaElectionResult {
  /** The topic name */
  topic: string;
  /** The results for each partition */
  partitionResult: PartitionResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ElectLeadersResponse: `read` and `write` its body at a given version. */
export const ElectLeadersResponse = {
  apiKey: 43,
  type: 'response',
  name: 'ElectLeaders',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readElectLeadersResponse,
  write: writeElectLeadersResponse,
} as const satisfies ApiMessageCodec<ElectLeadersResponse>;

function readElectLeadersResponse(r: Reader, v: number): ElectLeadersResponse {
  checkVersion(v, 0, 2, 'ElectLeadersResponse');
  const flex = v === 2;
  const o: ElectLeadersResponse = {
    throttleTimeMs: r.int32(),
    errorCode: v >= 1 ? r.int16() : 0,
    replicaElectionResults: readArray(r, flex, v, readReplicaElectionResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeElectLeadersResponse(w: Writer, v: number, o: ElectLeadersResponse): void {
  checkVersion(v, 0, 2, 'ElectLeadersResponse');
  const flex = v === 2;
  w.int32(o.throttleTimeMs);
  if (v >= 1) w.int16(o.errorCode);
  else if (o.errorCode !== 0) throw nonDefault('ElectLeadersResponse.errorCode', v);
  writeArray(w, flex, v, o.replicaElectionResults, writeReplicaElectionResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ElectLeadersResponse', v);
}

function readPartitionResult(r: Reader, v: number): PartitionResult {
  const flex = v === 2;
  const o: PartitionResult = {
    partitionId: r.int32(),
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writePartitionResult(w: Writer, v: number, o: PartitionResult): void {
  const flex = v === 2;
  w.int32(o.partitionId);
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'PartitionResult', v);
}

function readReplicaElectionResult(r: Reader, v: number): ReplicaElectionResult {
  const flex = v === 2;
  const o: ReplicaElectionResult = {
    topic: flex ? r.compactString() : r.string(),
    partitionResult: readArray(r, flex, v, readPartitionResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeReplicaElectionResult(w: Writer, v: number, o: ReplicaElectionResult): void {
  const flex = v === 2;
  if (flex) w.compactString(o.topic);
  else w.string(o.topic);
  writeArray(w, flex, v, o.partitionResult, writePartitionResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ReplicaElectionResult', v);
}

/** ElectLeadersResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultElectLeadersResponse(): ElectLeadersResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    replicaElectionResults: [],
  };
}

/** PartitionResult with every field at its default (Kafka's no-argument constructor). */
export function defaultPartitionResult(): PartitionResult {
  return {
    partitionId: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

/** ReplicaElectionResult with every field at its default (Kafka's no-argument constructor). */
export function defaultReplicaElectionResult(): ReplicaElectionResult {
  return {
    topic: "",
    partitionResult: [],
  };
}
