// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeLogDirsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeLogDirsResponse (api key 35); versions 0-4; flexible 2+.
 */
export interface DescribeLogDirsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. (versions 3+; ignorable) */
  errorCode: number;
  /** The log directories. */
  results: DescribeLogDirsResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeLogDirsPartition: versions 0-4.
 */
export interface DescribeLogDirsPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The size of the log segments in this partition in bytes. */
  partitionSize: bigint;
  /** The lag of the log's LEO w.r.t. partition's HW (if it is the current log for the partition) or current replica's LEO (if it is the future log for the partition) */
  offsetLag: bigint;
  /** True if this log is created by AlterReplicaLogDirsRequest and will replace the current log of the replica in the future. */
  isFutureKey: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeLogDirsTopic: versions 0-4.
 */
export interface DescribeLogDirsTopic {
  /** The topic name. */
  name: string;
  /** Partitions */
  partitions: DescribeLogDirsPartition[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeLogDirsResult: versions 0-4.
 */
export interface DescribeLogDirsResult {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The absolute log directory path. */
  logDir: string;
  /** Each topic. */
  topics: DescribeLogDirsTopic[];
  /** The total size in bytes of the volume the log directory is in. (versions 4+; default -1; ignorable) */
  totalBytes: bigint;
  /** The usable size in bytes of the volume the log directory is in. (versions 4+; default -1; ignorable) */
  usableBytes: bigint;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeLogDirsResponse: `read` and `write` its body at a given version. */
export const DescribeLogDirsResponse = {
  apiKey: 35,
  type: 'response',
  name: 'DescribeLogDirs',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDescribeLogDirsResponse,
  write: writeDescribeLogDirsResponse,
} as const satisfies ApiMessageCodec<DescribeLogDirsResponse>;

function readDescribeLogDirsResponse(r: Reader, v: number): DescribeLogDirsResponse {
  checkVersion(v, 0, 4, 'DescribeLogDirsResponse');
  const flex = v >= 2;
  const o: DescribeLogDirsResponse = {
    throttleTimeMs: r.int32(),
    errorCode: v >= 3 ? r.int16() : 0,
    results: readArray(r, flex, v, readDescribeLogDirsResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeLogDirsResponse(w: Writer, v: number, o: DescribeLogDirsResponse): void {
  checkVersion(v, 0, 4, 'DescribeLogDirsResponse');
  const flex = v >= 2;
  w.int32(o.throttleTimeMs);
  if (v >= 3) w.int16(o.errorCode);
  writeArray(w, flex, v, o.results, writeDescribeLogDirsResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeLogDirsResponse', v);
}

function readDescribeLogDirsPartition(r: Reader, v: number): DescribeLogDirsPartition {
  const flex = v >= 2;
  const o: DescribeLogDirsPartition = {
    partitionIndex: r.int32(),
    partitionSize: r.int64(),
    offsetLag: r.int64(),
    isFutureKey: r.bool(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeLogDirsPartition(w: Writer, v: number, o: DescribeLogDirsPartition): void {
  const flex = v >= 2;
  w.int32(o.partitionIndex);
  w.int64(o.partitionSize);
  w.int64(o.offsetLag);
  w.bool(o.isFutureKey);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeLogDirsPartition', v);
}

function readDescribeLogDirsTopic(r: Reader, v: number): DescribeLogDirsTopic {
  const flex = v >= 2;
  const o: DescribeLogDirsTopic = {
    name: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readDescribeLogDirsPartition),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeLogDirsTopic(w: Writer, v: number, o: DescribeLogDirsTopic): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  writeArray(w, flex, v, o.partitions, writeDescribeLogDirsPartition);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeLogDirsTopic', v);
}

function readDescribeLogDirsResult(r: Reader, v: number): DescribeLogDirsResult {
  const flex = v >= 2;
  const o: DescribeLogDirsResult = {
    errorCode: r.int16(),
    logDir: flex ? r.compactString() : r.string(),
    topics: readArray(r, flex, v, readDescribeLogDirsTopic),
    totalBytes: v === 4 ? r.int64() : -1n,
    usableBytes: v === 4 ? r.int64() : -1n,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeLogDirsResult(w: Writer, v: number, o: DescribeLogDirsResult): void {
  const flex = v >= 2;
  w.int16(o.errorCode);
  if (flex) w.compactString(o.logDir);
  else w.string(o.logDir);
  writeArray(w, flex, v, o.topics, writeDescribeLogDirsTopic);
  if (v === 4) w.int64(o.totalBytes);
  if (v === 4) w.int64(o.usableBytes);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeLogDirsResult', v);
}

/** DescribeLogDirsPartition with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeLogDirsPartition(): DescribeLogDirsPartition {
  return {
    partitionIndex: 0,
    partitionSize: 0n,
    offsetLag: 0n,
    isFutureKey: false,
  };
}

/** DescribeLogDirsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeLogDirsResponse(): DescribeLogDirsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    results: [],
  };
}

/** DescribeLogDirsResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeLogDirsResult(): DescribeLogDirsResult {
  return {
    errorCode: 0,
    logDir: "",
    topics: [],
    totalBytes: -1n,
    usableBytes: -1n,
  };
}

/** DescribeLogDirsTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeLogDirsTopic(): DescribeLogDirsTopic {
  return {
    name: "",
    partitions: [],
  };
}
