// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeClientQuotasResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, readNullableArray, writeArray, writeNullableArray } from '../wire/arrays';

/**
 * DescribeClientQuotasResponse (api key 48); versions 0-1; flexible 1+.
 */
export interface DescribeClientQuotasResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or `0` if the quota description succeeded. */
  errorCode: number;
  /** The error message, or `null` if the quota description succeeded. (nullable) */
  errorMessage: string | null;
  /** A result entry. (nullable) */
  entries: EntryData[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * EntityData: versions 0-1.
 */
export interface EntityData {
  /** The entity type. */
  entityType: string;
  /** The entity name, or null if the default. (nullable) */
  entityName: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ValueData: versions 0-1.
 */
export interface ValueData {
  /** The quota configuration key. */
  key: string;
  /** The quota configuration value. */
  value: number;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * EntryData: versions 0-1.
 */
export interface EntryData {
  /** The quota entity description. */
  entity: EntityData[];
  /** The quota values for the entity. */
  values: ValueData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeClientQuotasResponse: `read` and `write` its body at a given version. */
export const DescribeClientQuotasResponse = {
  apiKey: 48,
  type: 'response',
  name: 'DescribeClientQuotas',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readDescribeClientQuotasResponse,
  write: writeDescribeClientQuotasResponse,
} as const satisfies ApiMessageCodec<DescribeClientQuotasResponse>;

function readDescribeClientQuotasResponse(r: Reader, v: number): DescribeClientQuotasResponse {
  checkVersion(v, 0, 1, 'DescribeClientQuotasResponse');
  const flex = v === 1;
  const o: DescribeClientQuotasResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
    entries: readNullableArray(r, flex, v, readEntryData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeClientQuotasResponse(w: Writer, v: number, o: DescribeClientQuotasResponse): void {
  checkVersion(v, 0, 1, 'DescribeClientQuotasResponse');
  const flex = v === 1;
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  writeNullableArray(w, flex, v, o.entries, writeEntryData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeClientQuotasResponse', v);
}

function readEntityData(r: Reader, v: number): EntityData {
  const flex = v === 1;
  const o: EntityData = {
    entityType: flex ? r.compactString() : r.string(),
    entityName: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeEntityData(w: Writer, v: number, o: EntityData): void {
  const flex = v === 1;
  if (flex) w.compactString(o.entityType);
  else w.string(o.entityType);
  if (flex) w.compactNullableString(o.entityName);
  else w.nullableString(o.entityName);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'EntityData', v);
}

function readValueData(r: Reader, v: number): ValueData {
  const flex = v === 1;
  const o: ValueData = {
    key: flex ? r.compactString() : r.string(),
    value: r.float64(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeValueData(w: Writer, v: number, o: ValueData): void {
  const flex = v === 1;
  if (flex) w.compactString(o.key);
  else w.string(o.key);
  w.float64(o.value);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ValueData', v);
}

function readEntryData(r: Reader, v: number): EntryData {
  const flex = v === 1;
  const o: EntryData = {
    entity: readArray(r, flex, v, readEntityData),
    values: readArray(r, flex, v, readValueData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeEntryData(w: Writer, v: number, o: EntryData): void {
  const flex = v === 1;
  writeArray(w, flex, v, o.entity, writeEntityData);
  writeArray(w, flex, v, o.values, writeValueData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'EntryData', v);
}

/** DescribeClientQuotasResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeClientQuotasResponse(): DescribeClientQuotasResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    entries: [],
  };
}

/** EntityData with every field at its default (Kafka's no-argument constructor). */
export function defaultEntityData(): EntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

/** EntryData with every field at its default (Kafka's no-argument constructor). */
export function defaultEntryData(): EntryData {
  return {
    entity: [],
    values: [],
  };
}

/** ValueData with every field at its default (Kafka's no-argument constructor). */
export function defaultValueData(): ValueData {
  return {
    key: "",
    value: 0,
  };
}
