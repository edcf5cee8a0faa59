// generated — do not edit. Source: shared/kafka-protocol/messages/AlterClientQuotasResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AlterClientQuotasResponse (api key 49); versions 0-1; flexible 1+.
 */
export interface AlterClientQuotasResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The quota configuration entries to alter. */
  entries: EntryData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * EntityData: versions 0-1.
 */
export interface EntityData {
  /** The entity type. */
  entityType: string;
  /** The name of the entity, or null if the default. (nullable) */
  entityName: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * EntryData: versions 0-1.
 */
export interface EntryData {
  /** The error code, or `0` if the quota alteration succeeded. */
  errorCode: number;
  /** The error message, or `null` if the quota alteration succeeded. (nullable) */
  errorMessage: string | null;
  /** The quota entity to alter. */
  entity: EntityData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterClientQuotasResponse: `read` and `write` its body at a given version. */
export const AlterClientQuotasResponse = {
  apiKey: 49,
  type: 'response',
  name: 'AlterClientQuotas',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readAlterClientQuotasResponse,
  write: writeAlterClientQuotasResponse,
} as const satisfies ApiMessageCodec<AlterClientQuotasResponse>;

function readAlterClientQuotasResponse(r: Reader, v: number): AlterClientQuotasResponse {
  checkVersion(v, 0, 1, 'AlterClientQuotasResponse');
  const flex = v === 1;
  const o: AlterClientQuotasResponse = {
    throttleTimeMs: r.int32(),
    entries: readArray(r, flex, v, readEntryData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterClientQuotasResponse(w: Writer, v: number, o: AlterClientQuotasResponse): void {
  checkVersion(v, 0, 1, 'AlterClientQuotasResponse');
  const flex = v === 1;
  w.int32(o.throttleTimeMs);
  writeArray(w, flex, v, o.entries, writeEntryData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterClientQuotasResponse', v);
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

function readEntryData(r: Reader, v: number): EntryData {
  const flex = v === 1;
  const o: EntryData = {
    errorCode: r.int16(),
    errorMessage: flex ? r.compactNullableString() : r.nullableString(),
    entity: readArray(r, flex, v, readEntityData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeEntryData(w: Writer, v: number, o: EntryData): void {
  const flex = v === 1;
  w.int16(o.errorCode);
  if (flex) w.compactNullableString(o.errorMessage);
  else w.nullableString(o.errorMessage);
  writeArray(w, flex, v, o.entity, writeEntityData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'EntryData', v);
}

/** AlterClientQuotasResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterClientQuotasResponse(): AlterClientQuotasResponse {
  return {
    throttleTimeMs: 0,
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
    errorCode: 0,
    errorMessage: "",
    entity: [],
  };
}
