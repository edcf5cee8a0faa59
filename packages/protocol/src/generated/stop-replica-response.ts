// generated — do not edit. Source: shared/kafka-protocol/messages/StopReplicaResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * StopReplicaResponse (api key 5); versions 0-4; flexible 2+.
 */
export interface StopReplicaResponse {
  /** The top-level error code, or 0 if there was no top-level error. */
  errorCode: number;
  /** The responses for each partition. */
  partitionErrors: StopReplicaPartitionError[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * StopReplicaPartitionError: versions 0-4.
 */
export interface StopReplicaPartitionError {
  /** The topic name. */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no partition error. */
  errorCode: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for StopReplicaResponse: `read` and `write` its body at a given version. */
export const StopReplicaResponse = {
  apiKey: 5,
  type: 'response',
  name: 'StopReplica',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readStopReplicaResponse,
  write: writeStopReplicaResponse,
} as const satisfies ApiMessageCodec<StopReplicaResponse>;

function readStopReplicaResponse(r: Reader, v: number): StopReplicaResponse {
  checkVersion(v, 0, 4, 'StopReplicaResponse');
  const flex = v >= 2;
  const o: StopReplicaResponse = {
    errorCode: r.int16(),
    partitionErrors: readArray(r, flex, v, readStopReplicaPartitionError),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeStopReplicaResponse(w: Writer, v: number, o: StopReplicaResponse): void {
  checkVersion(v, 0, 4, 'StopReplicaResponse');
  const flex = v >= 2;
  w.int16(o.errorCode);
  writeArray(w, flex, v, o.partitionErrors, writeStopReplicaPartitionError);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'StopReplicaResponse', v);
}

function readStopReplicaPartitionError(r: Reader, v: number): StopReplicaPartitionError {
  const flex = v >= 2;
  const o: StopReplicaPartitionError = {
    topicName: flex ? r.compactString() : r.string(),
    partitionIndex: r.int32(),
    errorCode: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeStopReplicaPartitionError(w: Writer, v: number, o: StopReplicaPartitionError): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.topicName);
  else w.string(o.topicName);
  w.int32(o.partitionIndex);
  w.int16(o.errorCode);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'StopReplicaPartitionError', v);
}

/** StopReplicaPartitionError with every field at its default (Kafka's no-argument constructor). */
export function defaultStopReplicaPartitionError(): StopReplicaPartitionError {
  return {
    topicName: "",
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** StopReplicaResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultStopReplicaResponse(): StopReplicaResponse {
  return {
    errorCode: 0,
    partitionErrors: [],
  };
}
