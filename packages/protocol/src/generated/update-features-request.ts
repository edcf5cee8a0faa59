// generated — do not edit. Source: shared/kafka-protocol/messages/UpdateFeaturesRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * UpdateFeaturesRequest (api key 57); versions 0-2; flexible 0+.
 */
export interface UpdateFeaturesRequest {
  /** How long to wait in milliseconds before timing out the request. (default 60000) */
  timeoutMs: number;
  /** The list of updates to finalized features. */
  featureUpdates: FeatureUpdateKey[];
  /** True if we should validate the request, but not perform the upgrade or downgrade. (versions 1+; default false) */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * FeatureUpdateKey: versions 0-2.
 */
export interface FeatureUpdateKey {
  /** The name of the finalized feature to be updated. */
  feature: string;
  /** The new maximum version level for the finalized feature. A value >= 1 is valid. A value < 1, is special, and can be used to request the deletion of the finalized feature. */
  maxVersionLevel: number;
  /** DEPRECATED in version 1 (see DowngradeType). When set to true, the finalized feature version level is allowed to be downgraded/deleted. The downgrade request will fail if the new maximum version level is a value that's not lower than the existing maximum finalized version level. (versions 0) */
  allowDowngrade: boolean;
  /** Determine which type of upgrade will be performed: 1 will perform an upgrade only (default), 2 is safe downgrades only (lossless), 3 is unsafe downgrades (lossy). (versions 1+; default 1) */
  upgradeType: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for UpdateFeaturesRequest: `read` and `write` its body at a given version. */
export const UpdateFeaturesRequest = {
  apiKey: 57,
  type: 'request',
  name: 'UpdateFeatures',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readUpdateFeaturesRequest,
  write: writeUpdateFeaturesRequest,
} as const satisfies ApiMessageCodec<UpdateFeaturesRequest>;

function readUpdateFeaturesRequest(r: Reader, v: number): UpdateFeaturesRequest {
  checkVersion(v, 0, 2, 'UpdateFeaturesRequest');
  const o: UpdateFeaturesRequest = {
    timeoutMs: r.int32(),
    featureUpdates: readArray(r, true, v, readFeatureUpdateKey),
    validateOnly: v >= 1 ? r.bool() : false,
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeUpdateFeaturesRequest(w: Writer, v: number, o: UpdateFeaturesRequest): void {
  checkVersion(v, 0, 2, 'UpdateFeaturesRequest');
  w.int32(o.timeoutMs);
  writeArray(w, true, v, o.featureUpdates, writeFeatureUpdateKey);
  if (v >= 1) w.bool(o.validateOnly);
  else if (o.validateOnly) throw nonDefault('UpdateFeaturesRequest.validateOnly', v);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readFeatureUpdateKey(r: Reader, v: number): FeatureUpdateKey {
  const o: FeatureUpdateKey = {
    feature: r.compactString(),
    maxVersionLevel: r.int16(),
    allowDowngrade: v === 0 ? r.bool() : false,
    upgradeType: v >= 1 ? r.int8() : 1,
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeFeatureUpdateKey(w: Writer, v: number, o: FeatureUpdateKey): void {
  w.compactString(o.feature);
  w.int16(o.maxVersionLevel);
  if (v === 0) w.bool(o.allowDowngrade);
  else if (o.allowDowngrade) throw nonDefault('FeatureUpdateKey.allowDowngrade', v);
  if (v >= 1) w.int8(o.upgradeType);
  else if (o.upgradeType !== 1) throw nonDefault('FeatureUpdateKey.upgradeType', v);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** FeatureUpdateKey with every field at its default (Kafka's no-argument constructor). */
export function defaultFeatureUpdateKey(): FeatureUpdateKey {
  return {
    feature: "",
    maxVersionLevel: 0,
    allowDowngrade: false,
    upgradeType: 1,
  };
}

/** UpdateFeaturesRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultUpdateFeaturesRequest(): UpdateFeaturesRequest {
  return {
    timeoutMs: 60000,
    featureUpdates: [],
    validateOnly: false,
  };
}
