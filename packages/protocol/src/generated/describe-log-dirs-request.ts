// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeLogDirsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readInt32Element, readNullableArray, writeArray, writeInt32Element, writeNullableArray } from '../wire/arrays';

/**
 * DescribeLogDirsRequest (api key 35); versions 0-4; flexible 2+; deprecated 0.
 */
export interface DescribeLogDirsRequest {
  /** Each topic that we want to describe log directories for, or null for all topics. (nullable) */
  topics: DescribableLogDirTopic[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribableLogDirTopic: versions 0-4.
 */
export interface DescribableLogDirTopic {
  /** The topic name */
  topic: string;
  /** The partition indexes. */
  partitions: number[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeLogDirsRequest: `read` and `write` its body at a given version. */
export const DescribeLogDirsRequest = {
  apiKey: 35,
  type: 'request',
  name: 'DescribeLogDirs',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readDescribeLogDirsRequest,
  write: writeDescribeLogDirsRequest,
} as const satisfies ApiMessageCodec<DescribeLogDirsRequest>;

function readDescribeLogDirsRequest(r: Reader, v: number): DescribeLogDirsRequest {
  checkVersion(v, 0, 4, 'DescribeLogDirsRequest');
  const flex = v >= 2;
  const o: DescribeLogDirsRequest = {
    topics: readNullableArray(r, flex, v, readDescribableLogDirTopic),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeLogDirsRequest(w: Writer, v: number, o: DescribeLogDirsRequest): void {
  checkVersion(v, 0, 4, 'DescribeLogDirsRequest');
  const flex = v >= 2;
  writeNullableArray(w, flex, v, o.topics, writeDescribableLogDirTopic);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeLogDirsRequest', v);
}

function readDescribableLogDirTopic(r: Reader, v: number): DescribableLogDirTopic {
  const flex = v >= 2;
  const o: DescribableLogDirTopic = {
    topic: flex ? r.compactString() : r.string(),
    partitions: readArray(r, flex, v, readInt32Element),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribableLogDirTopic(w: Writer, v: number, o: DescribableLogDirTopic): void {
  const flex = v >= 2;
  if (flex) w.compactString(o.topic);
  else w.string(o.topic);
  writeArray(w, flex, v, o.partitions, writeInt32Element);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribableLogDirTopic', v);
}

/** DescribableLogDirTopic with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribableLogDirTopic(): DescribableLogDirTopic {
  return {
    topic: "",
    partitions: [],
  };
}

/** DescribeLogDirsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeLogDirsRequest(): DescribeLogDirsRequest {
  return {
    topics: [],
  };
}
