// generated — do not edit. Source: shared/kafka-protocol/messages/AlterConfigsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * AlterConfigsRequest (api key 33); versions 0-2; flexible 2+.
 */
export interface AlterConfigsRequest {
  /** The updates for each resource. */
  resources: AlterConfigsResource[];
  /** True if we should validate the request, but not change the configurations. */
  validateOnly: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AlterableConfig: versions 0-2.
 */
export interface AlterableConfig {
  /** The configuration key name. */
  name: string;
  /** The value to set for the configuration key. (nullable) */
  value: string | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * AlterConfigsResource: versions 0-2.
 */
export interface AlterConfigsResource {
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** The configurations. */
  configs: AlterableConfig[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for AlterConfigsRequest: `read` and `write` its body at a given version. */
export const AlterConfigsRequest = {
  apiKey: 33,
  type: 'request',
  name: 'AlterConfigs',
  validVersions: { min: 0, max: 2 },
  flexibleVersions: { min: 2, max: 32767 },
  read: readAlterConfigsRequest,
  write: writeAlterConfigsRequest,
} as const satisfies ApiMessageCodec<AlterConfigsRequest>;

function readAlterConfigsRequest(r: Reader, v: number): AlterConfigsRequest {
  checkVersion(v, 0, 2, 'AlterConfigsRequest');
  const flex = v === 2;
  const o: AlterConfigsRequest = {
    resources: readArray(r, flex, v, readAlterConfigsResource),
    validateOnly: r.bool(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterConfigsRequest(w: Writer, v: number, o: AlterConfigsRequest): void {
  checkVersion(v, 0, 2, 'AlterConfigsRequest');
  const flex = v === 2;
  writeArray(w, flex, v, o.resources, writeAlterConfigsResource);
  w.bool(o.validateOnly);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterConfigsRequest', v);
}

function readAlterableConfig(r: Reader, v: number): AlterableConfig {
  const flex = v === 2;
  const o: AlterableConfig = {
    name: flex ? r.compactString() : r.string(),
    value: flex ? r.compactNullableString() : r.nullableString(),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterableConfig(w: Writer, v: number, o: AlterableConfig): void {
  const flex = v === 2;
  if (flex) w.compactString(o.name);
  else w.string(o.name);
  if (flex) w.compactNullableString(o.value);
  else w.nullableString(o.value);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterableConfig', v);
}

function readAlterConfigsResource(r: Reader, v: number): AlterConfigsResource {
  const flex = v === 2;
  const o: AlterConfigsResource = {
    resourceType: r.int8(),
    resourceName: flex ? r.compactString() : r.string(),
    configs: readArray(r, flex, v, readAlterableConfig),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeAlterConfigsResource(w: Writer, v: number, o: AlterConfigsResource): void {
  const flex = v === 2;
  w.int8(o.resourceType);
  if (flex) w.compactString(o.resourceName);
  else w.string(o.resourceName);
  writeArray(w, flex, v, o.configs, writeAlterableConfig);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'AlterConfigsResource', v);
}

/** AlterConfigsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterConfigsRequest(): AlterConfigsRequest {
  return {
    resources: [],
    validateOnly: false,
  };
}

/** AlterConfigsResource with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterConfigsResource(): AlterConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

/** AlterableConfig with every field at its default (Kafka's no-argument constructor). */
export function defaultAlterableConfig(): AlterableConfig {
  return {
    name: "",
    value: "",
  };
}
