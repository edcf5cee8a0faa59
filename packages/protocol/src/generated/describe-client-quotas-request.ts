// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeClientQuotasRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * DescribeClientQuotasRequest (api key 48); versions 0-1; flexible 1+.
 */
export interface DescribeClientQuotasRequest {
  /** Filter components to apply to quota entities. */
  components: ComponentData[];
  /** Whether the match is strict, i.e. should exclude entities with unspecified entity types. */
  strict: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ComponentData: versions 0-1.
 */
export interface ComponentData {
  /** The entity type that the filter component applies to. */
  entityType: string;
  /** How to match the entity {0 = exact name, 1 = default name, 2 = any specified name}. */
  matchType: number;
  /** The string to match against, or null if unused for the match type. (nullable) */
  match: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeClientQuotasRequest: `read` and `write` its body at a given version. */
export const DescribeClientQuotasRequest = {
  apiKey: 48,
  type: 'request',
  name: 'DescribeClientQuotas',
  validVersions: { min: 0, max: 1 },
  flexibleVersions: { min: 1, max: 32767 },
  read: readDescribeClientQuotasRequest,
  write: writeDescribeClientQuotasRequest,
} as const satisfies ApiMessageCodec<DescribeClientQuotasRequest>;

function readDescribeClientQuotasRequest(r: Reader, v: number): DescribeClientQuotasRequest {
  checkVersion(v, 0, 1, 'DescribeClientQuotasRequest');
  const flex = v === 1;
  const o: DescribeClientQuotasRequest = {
    components: readArray(r, flex, v, readComponentData),
    strict: r.bool(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeClientQuotasRequest(w: Writer, v: number, o: DescribeClientQuotasRequest): void {
  checkVersion(v, 0, 1, 'DescribeClientQuotasRequest');
  const flex = v === 1;
  writeArray(w, flex, v, o.components, writeComponentData);
  w.bool(o.strict);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeClientQuotasRequest', v);
}

function readComponentData(r: Reader, v: number): ComponentData {
  const flex = v === 1;
  const o: ComponentData = {
    entityType: flex ? r.compactString() : r.string(),
    matchType: r.int8(),
    match: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeComponentData(w: Writer, v: number, o: ComponentData): void {
  const flex = v === 1;
  if (flex) w.compactString(o.entityType);
  else w.string(o.entityType);
  w.int8(o.matchType);
  if (flex) w.compactNullableString(o.match);
  else w.nullableString(o.match);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ComponentData', v);
}

/** ComponentData with every field at its default (Kafka's no-argument constructor). */
export function defaultComponentData(): ComponentData {
  return {
    entityType: "",
    matchType: 0,
    match: "",
  };
}

/** DescribeClientQuotasRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeClientQuotasRequest(): DescribeClientQuotasRequest {
  return {
    components: [],
    strict: false,
  };
}
