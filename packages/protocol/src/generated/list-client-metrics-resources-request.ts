// generated — do not edit. Source: shared/kafka-protocol/messages/ListClientMetricsResourcesRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * ListClientMetricsResourcesRequest (api key 74); versions 0; flexible 0+.
 */
export interface ListClientMetricsResourcesRequest {
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ListClientMetricsResourcesRequest: `read` and `write` its body at a given version. */
export const ListClientMetricsResourcesRequest = {
  apiKey: 74,
  type: 'request',
  name: 'ListClientMetricsResources',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readListClientMetricsResourcesRequest,
  write: writeListClientMetricsResourcesRequest,
} as const satisfies ApiMessageCodec<ListClientMetricsResourcesRequest>;

function readListClientMetricsResourcesRequest(r: Reader, v: number): ListClientMetricsResourcesRequest {
  checkVersion(v, 0, 0, 'ListClientMetricsResourcesRequest');
  const o: ListClientMetricsResourcesRequest = {
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeListClientMetricsResourcesRequest(w: Writer, v: number, o: ListClientMetricsResourcesRequest): void {
  checkVersion(v, 0, 0, 'ListClientMetricsResourcesRequest');
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** ListClientMetricsResourcesRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultListClientMetricsResourcesRequest(): ListClientMetricsResourcesRequest {
  return {};
}
