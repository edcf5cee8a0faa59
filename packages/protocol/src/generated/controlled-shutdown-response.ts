// generated — do not edit. Source: shared/kafka-protocol/messages/ControlledShutdownResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ControlledShutdownResponse (api key 7); versions 0-3; flexible 3+.
 */
export interface ControlledShutdownResponse {
  /** The top-level error code. */
  errorCode: number;
  /** The partitions that the broker still leads. */
  remainingPartitions: RemainingPartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * RemainingPartition: versions 0-3.
 */
export interface RemainingPartition {
  /** The name of the topic. */
  topicName: string;
  /** The index of the partition. */
  partitionIndex: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ControlledShutdownResponse: `read` and `write` its body at a given version. */
export const ControlledShutdownResponse = {
  apiKey: 7,
  type: 'response',
  name: 'ControlledShutdown',
  validVersions: { min: 0, max: 3 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readControlledShutdownResponse,
  write: writeControlledShutdownResponse,
} as const satisfies ApiMessageCodec<ControlledShutdownResponse>;

function readControlledShutdownResponse(r: Reader, v: number): ControlledShutdownResponse {
  checkVersion(v, 0, 3, 'ControlledShutdownResponse');
  const flex = v === 3;
  const o: ControlledShutdownResponse = {
    errorCode: r.int16(),
    remainingPartitions: readArray(r, flex, v, readRemainingPartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeControlledShutdownResponse(w: Writer, v: number, o: ControlledShutdownResponse): void {
  checkVersion(v, 0, 3, 'ControlledShutdownResponse');
  const flex = v === 3;
  w.int16(o.errorCode);
  writeArray(w, flex, v, o.remainingPartitions, writeRemainingPartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ControlledShutdownResponse', v);
}

function readRemainingPartition(r: Reader, v: number): RemainingPartition {
  const flex = v === 3;
  const o: RemainingPartition = {
    topicName: flex ? r.compactString() : r.string(),
    partitionIndex: r.int32(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeRemainingPartition(w: Writer, v: number, o: RemainingPartition): void {
  const flex = v === 3;
  if (flex) w.compactString(o.topicName);
  else w.string(o.topicName);
  w.int32(o.partitionIndex);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'RemainingPartition', v);
}

/** ControlledShutdownResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultControlledShutdownResponse(): ControlledShutdownResponse {
  return {
    errorCode: 0,
    remainingPartitions: [],
  };
}

/** RemainingPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultRemainingPartition(): RemainingPartition {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}
