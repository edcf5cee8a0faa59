// generated — do not edit. Source: shared/kafka-protocol/messages/DescribeConfigsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, nonDefault } from '../wire/field-checks';
import { readArray, readCompactStringElement, readNullableArray, readStringElement, writeArray, writeCompactStringElement, writeNullableArray, writeStringElement } from '../wire/arrays';

/**
 * DescribeConfigsRequest (api key 32); versions 0-4; flexible 4+; deprecated 0.
 */
export interface DescribeConfigsRequest {
  /** The resources whose configurations we want to describe. */
  resources: DescribeConfigsResource[];
  /** True if we should include all synonyms. (versions 1+; default false) */
  includeSynonyms: boolean;
  /** True if we should include configuration documentation. (versions 3+; default false) */
  includeDocumentation: boolean;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * DescribeConfigsResource: versions 0-4.
 */
export interface DescribeConfigsResource {
  /** The resource type. */
  resourceType: number;
  /** The resource name. */
  resourceName: string;
  /** The configuration keys to list, or null to list all configuration keys. (nullable) */
  configurationKeys: string[] | null;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for DescribeConfigsRequest: `read` and `write` its body at a given version. */
export const DescribeConfigsRequest = {
  apiKey: 32,
  type: 'request',
  name: 'DescribeConfigs',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 4, max: 32767 },
  read: readDescribeConfigsRequest,
  write: writeDescribeConfigsRequest,
} as const satisfies ApiMessageCodec<DescribeConfigsRequest>;

function readDescribeConfigsRequest(r: Reader, v: number): DescribeConfigsRequest {
  checkVersion(v, 0, 4, 'DescribeConfigsRequest');
  const flex = v === 4;
  const o: DescribeConfigsRequest = {
    resources: readArray(r, flex, v, readDescribeConfigsResource),
    includeSynonyms: v >= 1 ? r.bool() : false,
    includeDocumentation: v >= 3 ? r.bool() : false,
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeConfigsRequest(w: Writer, v: number, o: DescribeConfigsRequest): void {
  checkVersion(v, 0, 4, 'DescribeConfigsRequest');
  const flex = v === 4;
  writeArray(w, flex, v, o.resources, writeDescribeConfigsResource);
  if (v >= 1) w.bool(o.includeSynonyms);
  else if (o.includeSynonyms) throw nonDefault('DescribeConfigsRequest.includeSynonyms', v);
  if (v >= 3) w.bool(o.includeDocumentation);
  else if (o.includeDocumentation) throw nonDefault('DescribeConfigsRequest.includeDocumentation', v);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeConfigsRequest', v);
}

function readDescribeConfigsResource(r: Reader, v: number): DescribeConfigsResource {
  const flex = v === 4;
  const o: DescribeConfigsResource = {
    resourceType: r.int8(),
    resourceName: flex ? r.compactString() : r.string(),
    configurationKeys: readNullableArray(r, flex, v, flex ? readCompactStringElement : readStringElement),
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeDescribeConfigsResource(w: Writer, v: number, o: DescribeConfigsResource): void {
  const flex = v === 4;
  w.int8(o.resourceType);
  if (flex) w.compactString(o.resourceName);
  else w.string(o.resourceName);
  writeNullableArray(w, flex, v, o.configurationKeys, flex ? writeCompactStringElement : writeStringElement);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'DescribeConfigsResource', v);
}

/** DescribeConfigsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeConfigsRequest(): DescribeConfigsRequest {
  return {
    resources: [],
    includeSynonyms: false,
    includeDocumentation: false,
  };
}

/** DescribeConfigsResource with every field at its default (Kafka's no-argument constructor). */
export function defaultDescribeConfigsResource(): DescribeConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configurationKeys: [],
  };
}
