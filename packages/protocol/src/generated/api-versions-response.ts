// generated — do not edit. Source: shared/kafka-protocol/messages/ApiVersionsResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, type TaggedFieldWrite, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ApiVersionsResponse (api key 18); versions 0-4; flexible 3+.
 */
export interface ApiVersionsResponse {
  /** The top-level error code. */
  errorCode: number;
  /** The APIs supported by the broker. */
  apiKeys: ApiVersion[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. (versions 1+; ignorable) */
  throttleTimeMs: number;
  /** Features supported by the broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted. (versions 3+; tagged 3+ as tag 0; ignorable) */
  supportedFeatures: SupportedFeatureKey[];
  /** The monotonically increasing epoch for the finalized features information. Valid values are >= 0. A value of -1 is special and represents unknown epoch. (versions 3+; tagged 3+ as tag 1; default -1; ignorable) */
  finalizedFeaturesEpoch: bigint;
  /** List of cluster-wide finalized features. The information is valid only if FinalizedFeaturesEpoch >= 0. (versions 3+; tagged 3+ as tag 2; ignorable) */
  finalizedFeatures: FinalizedFeatureKey[];
  /** Set by a KRaft controller if the required configurations for ZK migration are present (versions 3+; tagged 3+ as tag 3; default false; ignorable) */
  zkMigrationReady: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ApiVersion: versions 0-4.
 */
export interface ApiVersion {
  /** The API index. */
  apiKey: number;
  /** The minimum supported version, inclusive. */
  minVersion: number;
  /** The maximum supported version, inclusive. */
  maxVersion: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * SupportedFeatureKey: versions 3-4.
 */
export interface SupportedFeatureKey {
  /** The name of the feature. */
  name: string;
  /** The minimum supported version for the feature. */
  minVersion: number;
  /** The maximum supported version for the feature. */
  maxVersion: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * FinalizedFeatureKey: versions 3-4.
 */
export interface FinalizedFeatureKey {
  /** The name of the feature. */
  name: string;
  /** The cluster-wide finalized max version level for the feature. */
  maxVersionLevel: number;
  /** The cluster-wide finalized min version level for the feature. */
  minVersionLevel: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ApiVersionsResponse: `read` and `write` its body at a given version. */
export const ApiVersionsResponse = {
  apiKey: 18,
  type: 'response',
  name: 'ApiVersions',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readApiVersionsResponse,
  write: writeApiVersionsResponse,
} as const satisfies ApiMessageCodec<ApiVersionsResponse>;

function readApiVersionsResponse(r: Reader, v: number): ApiVersionsResponse {
  checkVersion(v, 0, 4, 'ApiVersionsResponse');
  const flex = v >= 3;
  const o: ApiVersionsResponse = {
    errorCode: r.int16(),
    apiKeys: readArray(r, flex, v, readApiVersion),
    throttleTimeMs: v >= 1 ? r.int32() : 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
  if (flex) readTaggedFields(r, o, (tag, t) => {
    switch (tag) {
      case 0:
        o.supportedFeatures = readArray(t, true, v, readSupportedFeatureKey);
        return true;
      case 1:
        o.finalizedFeaturesEpoch = t.int64();
        return true;
      case 2:
        o.finalizedFeatures = readArray(t, true, v, readFinalizedFeatureKey);
        return true;
      case 3:
        o.zkMigrationReady = t.bool();
        return true;
      default:
        return false;
    }
  });
  return o;
}

function writeApiVersionsResponse(w: Writer, v: number, o: ApiVersionsResponse): void {
  checkVersion(v, 0, 4, 'ApiVersionsResponse');
  const flex = v >= 3;
  w.int16(o.errorCode);
  writeArray(w, flex, v, o.apiKeys, writeApiVersion);
  if (v >= 1) w.int32(o.throttleTimeMs);
  if (flex) {
    const tags: TaggedFieldWrite[] = [];
    const tag0 = o.supportedFeatures;
    if (tag0.length !== 0) tags.push([0, (tw) => writeArray(tw, true, v, tag0, writeSupportedFeatureKey)]);
    const tag1 = o.finalizedFeaturesEpoch;
    if (tag1 !== -1n) tags.push([1, (tw) => tw.int64(tag1)]);
    const tag2 = o.finalizedFeatures;
    if (tag2.length !== 0) tags.push([2, (tw) => writeArray(tw, true, v, tag2, writeFinalizedFeatureKey)]);
    const tag3 = o.zkMigrationReady;
    if (tag3) tags.push([3, (tw) => tw.bool(tag3)]);
    writeTaggedFields(w, tags, o.unknownTaggedFields);
  } else noTaggedFields(o, 'ApiVersionsResponse', v);
}

function readApiVersion(r: Reader, v: number): ApiVersion {
  const flex = v >= 3;
  const o: ApiVersion = {
    apiKey: r.int16(),
    minVersion: r.int16(),
    maxVersion: r.int16(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeApiVersion(w: Writer, v: number, o: ApiVersion): void {
  const flex = v >= 3;
  w.int16(o.apiKey);
  w.int16(o.minVersion);
  w.int16(o.maxVersion);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ApiVersion', v);
}

function readSupportedFeatureKey(r: Reader, v: number): SupportedFeatureKey {
  const o: SupportedFeatureKey = {
    name: r.compactString(),
    minVersion: r.int16(),
    maxVersion: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeSupportedFeatureKey(w: Writer, v: number, o: SupportedFeatureKey): void {
  w.compactString(o.name);
  w.int16(o.minVersion);
  w.int16(o.maxVersion);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readFinalizedFeatureKey(r: Reader, v: number): FinalizedFeatureKey {
  const o: FinalizedFeatureKey = {
    name: r.compactString(),
    maxVersionLevel: r.int16(),
    minVersionLevel: r.int16(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeFinalizedFeatureKey(w: Writer, v: number, o: FinalizedFeatureKey): void {
  w.compactString(o.name);
  w.int16(o.maxVersionLevel);
  w.int16(o.minVersionLevel);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ApiVersion with every field at its default (Kafka's no-argument constructor). */
export function defaultApiVersion(): ApiVersion {
  return {
    apiKey: 0,
    minVersion: 0,
    maxVersion: 0,
  };
}

/** ApiVersionsResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultApiVersionsResponse(): ApiVersionsResponse {
  return {
    errorCode: 0,
    apiKeys: [],
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}

/** FinalizedFeatureKey with every field at its default (Kafka's no-argument constructor). */
export function defaultFinalizedFeatureKey(): FinalizedFeatureKey {
  return {
    name: "",
    maxVersionLevel: 0,
    minVersionLevel: 0,
  };
}

/** SupportedFeatureKey with every field at its default (Kafka's no-argument constructor). */
export function defaultSupportedFeatureKey(): SupportedFeatureKey {
  return {
    name: "",
    minVersion: 0,
    maxVersion: 0,
  };
}
