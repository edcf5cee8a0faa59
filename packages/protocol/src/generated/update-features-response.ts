// generated — do not edit. Source: shared/kafka-protocol/messages/UpdateFeaturesResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * UpdateFeaturesResponse (api key 57); versions 0-2; flexible 0+.
 */
export interface UpdateFeaturesResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level error code, or `0` if there was no top-level error. */
  errorCode: number;
  /** The top-level error message, or `null` if there was no top-level error. (nullable) */
  errorMessage: string | null;
  /** Results for each feature update. (versions 0-1; ignorable) */
  results: UpdatableFeatureResult[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * UpdatableFeatureResult: versions 0-1.
 */
export interface UpdatableFeatureResult {
  /** The name of the finalized feature. */
  feature: string;
  /** The feature update error code or `0` if the feature update succeeded. */
  errorCode: number;
  /** The feature update error, or `null` if the feature update succeeded. (nullable) */
  errorMessage: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for UpdateFeaturesResponse: `read` and `write` its body at a given version. */
export const UpdateFeaturesResponse = {
  apiKey: 57,
  type: 'response',
  name: 'UpdateFeatures',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readUpdateFeaturesResponse,
  write: writeUpdateFeaturesResponse,
} as const satisfies ApiMessageCodec<UpdateFeaturesResponse>;

function readUpdateFeaturesResponse(r: Reader, v: number): UpdateFeaturesResponse {
  checkVersion(v, 0, 2, 'UpdateFeaturesResponse');
  const o: UpdateFeaturesResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
    results: v <= 1 ? readArray(r, true, v, readUpdatableFeatureResult) : [],
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeUpdateFeaturesResponse(w: Writer, v: number, o: UpdateFeaturesResponse): void {
  checkVersion(v, 0, 2, 'UpdateFeaturesResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  if (v <= 1) writeArray(w, true, v, o.results, writeUpdatableFeatureResult);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readUpdatableFeatureResult(r: Reader, v: number): UpdatableFeatureResult {
  const o: UpdatableFeatureResult = {
    feature: r.compactString(),
    errorCode: r.int16(),
    errorMessage: r.compactNullableString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeUpdatableFeatureResult(w: Writer, v: number, o: UpdatableFeatureResult): void {
  w.compactString(o.feature);
  w.int16(o.errorCode);
  w.compactNullableString(o.errorMessage);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** UpdatableFeatureResult with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdatableFeatureResult(): UpdatableFeatureResult {
  return {
    feature: "",
    errorCode: 0,
    errorMessage: "",
  };
}

/** UpdateFeaturesResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateFeaturesResponse(): UpdateFeaturesResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    results: [],
  };
}
