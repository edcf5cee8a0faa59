// generated — do not edit. Source: shared/kafka-protocol/messages/ListClientMetricsResourcesResponse.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';
import { readArray, writeArray } from '../wire/arrays';

/**
 * ListClientMetricsResourcesResponse (api key 74); versions 0; flexible 0+.
 */
export interface ListClientMetricsResourcesResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Each client metrics resource in the response. */
  clientMetricsResources: ClientMetricsResource[];
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/**
 * ClientMetricsResource: versions 0.
 */
export interface ClientMetricsResource {
  /** The resource name. */
  name: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListClientMetricsResourcesResponse: `read` and `write` its body at a given version. */
export const ListClientMetricsResourcesResponse = {
  apiKey: 74,
  type: 'response',
  name: 'ListClientMetricsResources',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readListClientMetricsResourcesResponse,
  write: writeListClientMetricsResourcesResponse,
} as const satisfies ApiMessageCodec<ListClientMetricsResourcesResponse>;

function readListClientMetricsResourcesResponse(r: Reader, v: number): ListClientMetricsResourcesResponse {
  checkVersion(v, 0, 0, 'ListClientMetricsResourcesResponse');
  const o: ListClientMetricsResourcesResponse = {
    throttleTimeMs: r.int32(),
    errorCode: r.int16(),
    clientMetricsResources: readArray(r, true, v, readClientMetricsResource),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListClientMetricsResourcesResponse(w: Writer, v: number, o: ListClientMetricsResourcesResponse): void {
  checkVersion(v, 0, 0, 'ListClientMetricsResourcesResponse');
  w.int32(o.throttleTimeMs);
  w.int16(o.errorCode);
  writeArray(w, true, v, o.clientMetricsResources, writeClientMetricsResource);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

function readClientMetricsResource(r: Reader, v: number): ClientMetricsResource {
  const o: ClientMetricsResource = {
    name: r.compactString(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeClientMetricsResource(w: Writer, v: number, o: ClientMetricsResource): void {
  w.compactString(o.name);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ClientMetricsResource with every field at its default (Kafka's no-argument constructor). */
export function defaultClientMetricsResource(): ClientMetricsResource {
  return {
    name: "",
  };
}

/** ListClientMetricsResourcesResponse with every field at its default (Kafka's no-argument constructor). */
export function defaultListClientMetricsResourcesResponse(): ListClientMetricsResourcesResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    clientMetricsResources: [],
  };
}
