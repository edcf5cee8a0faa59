// generated — do not edit. Source: shared/kafka-protocol/messages/AlterClientQuotasRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AlterClientQuotasRequest (api key 49); versions 0-1; flexible 1+.
 */
export interface AlterClientQuotasRequest {
  /** The quota configuration entries to alter. */
  entries: EntryData[];
  /** Whether the alteration should be validated, but not performed. */
  validateOnly: boolean;
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
 * OpData: versions 0-1.
 */
export interface OpData {
  /** The quota configuration key. */
  key: string;
  /** The value to set, otherwise ignored if the value is to be removed. */
  value: number;
  /** Whether the quota configuration value should be removed, otherwise set. */
  remove: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * EntryData: versions 0-1.
 */
export interface EntryData {
  /** The quota entity to alter. */
  entity: EntityData[];
  /** An individual quota configuration entry to alter. */
  ops: OpData[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterClientQuotasRequest: `read` and `write` its body at a given version. */
export const AlterClientQuotasRequest = {
  apiKey: 49,
  type: 'request',
  name: 'AlterClientQuotas',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readAlterClientQuotasRequest,
  write: writeAlterClientQuotasRequest,
} as const satisfies ApiMessageCodec<AlterClientQuotasRequest>;

function readAlterClientQuotasRequest(r: Reader, v: number): AlterClientQuotasRequest {
  checkVersion(v, 0, 1, 'AlterClientQuotasRequest');
  const flex = v === 1;
  const o: AlterClientQuotasRequest = {
    entries: readArray(r, flex, v, readEntryData),
    validateOnly: r.bool(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterClientQuotasRequest(w: Writer, v: number, o: AlterClientQuotasRequest): void {
  checkVersion(v, 0, 1, 'AlterClientQuotasRequest');
  const flex = v === 1;
  writeArray(w, flex, v, o.entries, writeEntryData);
  w.bool(o.validateOnly);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterClientQuotasRequest', v);
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

function readOpData(r: Reader, v: number): OpData {
  const flex = v === 1;
  const o: OpData = {
    key: flex ? r.compactString() : r.string(),
    value: r.float64(),
    remove: r.bool(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeOpData(w: Writer, v: number, o: OpData): void {
  const flex = v === 1;
  if (flex) w.compactString(o.key);
  else w.string(o.key);
  w.float64(o.value);
  w.bool(o.remove);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'OpData', v);
}

function readEntryData(r: Reader, v: number): EntryData {
  const flex = v === 1;
  const o: EntryData = {
    entity: readArray(r, flex, v, readEntityData),
    ops: readArray(r, flex, v, readOpData),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeEntryData(w: Writer, v: number, o: EntryData): void {
  const flex = v === 1;
  writeArray(w, flex, v, o.entity, writeEntityData);
  writeArray(w, flex, v, o.ops, writeOpData);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'EntryData', v);
}

/** AlterClientQuotasRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterClientQuotasRequest(): AlterClientQuotasRequest {
  return {
    entries: [],
    validateOnly: false,
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
    ops: [],
  };
}

/** OpData with every field at its default (Kafka's no-argument constructor). */
export function defaultOpData(): OpData {
  return {
    key: "",
    value: 0,
    remove: false,
  };
}
