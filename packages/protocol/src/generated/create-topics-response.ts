// generated — do not edit. Source: shared/kafka-protocol/messages/CreateTopicsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';
import { readArray, readNullableArray, writeArray, writeNullableArray } from '../wire/arrays';

/**
 * CreateTopicsResponse (api key 19); versions 0-7; flexible 5+.
 */
export interface CreateTopicsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 2+; ignorable) */
  throttleTimeMs: number;
  /** Results for each topic we tried to create. */
  topics: CreatableTopicResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CreatableTopicConfigs: versions 5-7.
 */
export interface CreatableTopicConfigs {
  /** The configuration name. */
  name: string;
  /** The configuration value. (nullable) */
  value: string | null;
  /** True if the configuration is read-only. */
  readOnly: boolean;
  /** The configuration source. (default -1; ignorable) */
  configSource: number;
  /** True if this configuration is sensitive. */
  isSensitive: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * CreatableTopicResult: versions 0-7.
 */
export interface CreatableTopicResult {
  /** The topic name. */
  name: string;
  /** The unique topic ID (versions 7+; ignorable) */
  topicId: string;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. (versions 1+; nullable; ignorable) */
  errorMessage: string | null;
  /** Optional topic config error returned if configs are not returned in the response. (versions 5+; tagged 5+ as tag 0; ignorable) */
  topicConfigErrorCode: number;
  /** Number of partitions of the topic. (versions 5+; default -1; ignorable) */
  numPartitions: number;
  /** Replication factor of the topic. (versions 5+; default -1; ignorable) */
  replicationFactor: number;
  /** Configuration of the topic. (versions 5+; nullable; ignorable) */
  configs: CreatableTopicConfigs[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for CreateTopicsResponse: `read` and `write` its body at a given version. */
export const CreateTopicsResponse = {
  apiKey: 19,
  type: 'response',
  name: 'CreateTopics',
  validVersions: { min: 0, max: 7 },
  flexibleVersions: { min: 5, max: 32767 },
  read: readCreateTopicsResponse,
  write: writeCreateTopicsResponse,
} as const satisfies ApiMessageCodec<CreateTopicsResponse>;

function readCreateTopicsResponse(r: Reader, v: number): CreateTopicsResponse {
  checkVersion(v, 0, 7, 'CreateTopicsResponse');
  const flex = v >= 5;
  const o: CreateTopicsResponse = {
    throttleTimeMs: v >= 2 ? r.int32() : 0,
    topics: readArray(r, flex, v, readCreatableTopicResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeCreateTopicsResponse(w: Writer, v: number, o: CreateTopicsResponse): void {
  checkVersion(v, 0, 7, 'CreateTopicsResponse');
  const flex = v >= 5;
  if (v >= 2) w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.topics, writeCreatableTopicResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'CreateTopicsResponse', v);
}

function readCreatableTopicConfigs(r: Reader, v: number): CreatableTopicConfigs {
  const o: CreatableTopicConfigs = {
    name: r.compactString(),
    value: r.compactNullableString(),
    readOnly: r.bool(),
    configSource: r.int8(),
    isSensitive: r.bool(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeCreatableTopicConfigs(w: Writer, v: number, o: CreatableTopicConfigs): void {
  w.compactString(o.name);
  w.compactNullableString(o.value);
  w.bool(o.readOnly);
  w.int8(o.configSource);
  w.bool(o.isSensitive);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readCreatableTopicResult(r: Reader, v: number): CreatableTopicResult {
  const flex = v >= 5;
  const o: CreatableTopicResult = {
    name: flex ? r.compactString() : r.string(),
    topicId: v === 7 ? r.uuid() : ZERO_UUID,
    errorCode: r.int16(),
    errorMessage: v >= 1 ? (flex ? r.compactNullableString() : r.nullableString()) : "",
    topicConfigErrorCode: 0,
    numPartitions: v >= 5 ? r.int32() : -1,
    replicationFactor: v >= 5 ? r.int16() : -1,
    configs: v >= 5 ? readNullableArray(r, true, v, readCreatableTopicConfigs) : [],
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        o.topicConfigErrorCode = t.int16();
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeCreatableTopicResult(w: Writer, v: number, o: CreatableTopicResult): void {
  const flex = v >= 5;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  if (v === 7) w.uuid(o.topicId);
  w.int16(o.errorCode);
  if (v >= 1) {
    if (flex) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
  }
  if (v >= 5) w.int32(o.numPartitions);
  if (v >= 5) w.int16(o.replicationFactor);
  if (v >= 5) writeNullableArray(w, true, v, o.configs, writeCreatableTopicConfigs);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    const tag0 = o.topicConfigErrorCode;
    if (tag0 !== 0) tags.push([0, (tw) => tw.int16(tag0)]);
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'CreatableTopicResult', v);
}

/** CreatableTopicConfigs with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatableTopicConfigs(): CreatableTopicConfigs {
  return {
    name: "",
    value: "",
    readOnly: false,
    configSource: -1,
    isSensitive: false,
  };
}

/** CreatableTopicResult with every field at its default (Kafka's no-argument constructor). */
export function defaultCreatableTopicResult(): CreatableTopicResult {
  return {
    name: "",
    topicId: ZERO_UUID,
    errorCode: 0,
    errorMessage: "",
    topicConfigErrorCode: 0,
    numPartitions: -1,
    replicationFactor: -1,
    configs: [],
  };
}

/** CreateTopicsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultCreateTopicsResponse(): CreateTopicsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}
