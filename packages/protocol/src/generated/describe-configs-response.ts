// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeConfigsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeConfigsResponse (api key 32); versions 0-4; flexible 4+.
 */
export interface DescribeConfigsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for each resource. */
  results: DescribeConfigsResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeConfigsSynonym: versions 1-4.
 */
export interface DescribeConfigsSynonym {
  /** The synonym name. */
  name: string;
  /** The synonym value. (nullable) */
  value: string | null;
  /** The synonym source. */
  source: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeConfigsResourceResult: versions 0-4.
 */
export interface DescribeConfigsResourceResult {
  /** The configuration name. */
  name: string;
  /** The configuration value. (nullable) */
  value: string | null;
  /** True if the configuration is read-only. */
  readOnly: boolean;
  /** True if the configuration is not set. (versions 0) */
  isDefault: boolean;
  /** The configuration source. (versions 1+; default -1; ignorable) */
  configSource: number;
  /** True if this configuration is sensitive. */
  isSensitive: boolean;
  /** The synonyms for this configuration key. (versions 1+; ignorable) */
  synonyms: DescribeConfigsSynonym[];
  /** The configuration data type. Type can be one of the following values - BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD (versions 3+; default 0; ignorable) */
  configType: number;
  /** The configuration documentation. (versions 3+; nullable; ignorable) */
  documentation: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeConfigsResult: versions 0-4.
 */
export interface DescribeConfigsResult {
  /** The error code, or 0 if we were able to successfully describe the configurations. */
  errorCode: number;
  /** The error message, or null if we were able to successfully describe the configurations. (nullable) */
  errorMessage: string | null;
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** Each listed configuration. */
  configs: DescribeConfigsResourceResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeConfigsResponse: `read` and `write` its body at a given version. */
export const DescribeConfigsResponse = {
  apiKey: 32,
  type: 'response',
  name: 'DescribeConfigs',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readDescribeConfigsResponse,
  write: writeDescribeConfigsResponse,
} as const satisfies ApiMessageCodec<DescribeConfigsResponse>;

function readDescribeConfigsResponse(r: Reader, v: number): DescribeConfigsResponse {
  checkVersion(v, 0, 4, 'DescribeConfigsResponse');
  const flex = v === 4;
  const o: DescribeConfigsResponse = {
    throttleTimeMs: r.int32(),
    results: readArray(r, flex, v, readDescribeConfigsResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeConfigsResponse(w: Writer, v: number, o: DescribeConfigsResponse): void {
  checkVersion(v, 0, 4, 'DescribeConfigsResponse');
  const flex = v === 4;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.results, writeDescribeConfigsResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeConfigsResponse', v);
}

function readDescribeConfigsSynonym(r: Reader, v: number): DescribeConfigsSynonym {
  const flex = v === 4;
  const o: DescribeConfigsSynonym = {
    name: flex ? r.compactString() : r.string(),
    value: flex ? r.compactNullableString() : r.nullableString(),
    source: r.int8(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeConfigsSynonym(w: Writer, v: number, o: DescribeConfigsSynonym): void {
  const flex = v === 4;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  if (flex) w.compactNullableString(o.value);
  else w.nullableString(o.value);
  w.int8(o.source);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeConfigsSynonym', v);
}

function readDescribeConfigsResourceResult(r: Reader, v: number): DescribeConfigsResourceResult {
  const flex = v === 4;
  const o: DescribeConfigsResourceResult = {
    name: flex ? r.compactString() : r.string(),
    value: flex ? r.compactNullableString() : r.nullableString(),
    readOnly: r.bool(),
    isDefault: v === 0 ? r.bool() : false,
    configSource: v >= 1 ? r.int8() : -1,
    isSensitive: r.bool(),
    synonyms: v >= 1 ? readArray(r, flex, v, readDescribeConfigsSynonym) : [],
    configType: v >= 3 ? r.int8() : 0,
    documentation: v >= 3 ? (flex ? r.compactNullableString() : r.nullableString()) : "",
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeConfigsResourceResult(w: Writer, v: number, o: DescribeConfigsResourceResult): void {
  const flex = v === 4;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  if (flex) w.compactNullableString(o.value);
  else w.nullableString(o.value);
  w.bool(o.readOnly);
  if (v === 0) w.bool(o.isDefault);
  else if (o.isDefault) throw nonDefault('DescribeConfigsResourceResult.isDefault', v);
  if (v >= 1) w.int8(o.configSource);
  w.bool(o.isSensitive);
  if (v >= 1) writeArray(w, flex, v, o.synonyms, writeDescribeConfigsSynonym);
  if (v >= 3) w.int8(o.configType);
  if (v >= 3) {
    if (flex) w.compactNullableString(o.documentation);
    else w.nullableString(o.documentation);
  }
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeConfigsResourceResult', v);
}

function readDescribeConfigsResult(r: Reader, v: number): DescribeConfigsResult {
  const flex = v === 4;
  const o: DescribeConfigsResult = {
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
    resourceType: r.int8(),
    resourceName: flex ? r.compactString() : r.string(),
    configs: readArray(r, flex, v, readDescribeConfigsResourceResult),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeConfigsResult(w: Writer, v: number, o: DescribeConfigsResult): void {
  const flex = v === 4;
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  w.int8(o.resourceType);
  if (flex) w.compactString(o.resourceName);
  else w.string(o.resourceName);
  writeArray(w, flex, v, o.configs, writeDescribeConfigsResourceResult);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeConfigsResult', v);
}

/** DescribeConfigsResourceResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeConfigsResourceResult(): DescribeConfigsResourceResult {
  return {
    name: "",
    value: "",
    readOnly: false,
    isDefault: false,
    configSource: -1,
    isSensitive: false,
    synonyms: [],
    configType: 0,
    documentation: "",
  };
}

/** DescribeConfigsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeConfigsResponse(): DescribeConfigsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

/** DescribeConfigsResult with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeConfigsResult(): DescribeConfigsResult {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

/** DescribeConfigsSynonym with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeConfigsSynonym(): DescribeConfigsSynonym {
  return {
    name: "",
    value: "",
    source: 0,
  };
}
