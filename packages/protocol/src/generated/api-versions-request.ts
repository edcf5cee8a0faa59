// generated — do not edit. Source: shared/kafka-protocol/messages/ApiVersionsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { noTaggedFields, type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion } from '../wire/field-checks';

/**
 * ApiVersionsRequest (api key 18); versions 0-4; flexible 3+.
 */
export interface ApiVersionsRequest {
  /** The name of the client. (versions 3+; ignorable) */
  clientSoftwareName: string;
  /** The version of the client. (versions 3+; ignorable) */
  clientSoftwareVersion: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for ApiVersionsRequest: `read` and `write` its body at a given version. */
export const ApiVersionsRequest = {
  apiKey: 18,
  type: 'request',
  name: 'ApiVersions',
  validVersions: { min: 0, max: 4 },
  flexibleVersions: { min: 3, max: 32767 },
  read: readApiVersionsRequest,
  write: writeApiVersionsRequest,
} as const satisfies ApiMessageCodec<ApiVersionsRequest>;

function readApiVersionsRequest(r: Reader, v: number): ApiVersionsRequest {
  checkVersion(v, 0, 4, 'ApiVersionsRequest');
  const flex = v >= 3;
  const o: ApiVersionsRequest = {
    clientSoftwareName: v >= 3 ? r.compactString() : "",
    clientSoftwareVersion: v >= 3 ? r.compactString() : "",
  };
  if (flex) readTaggedFields(r, o, null);
  return o;
}

function writeApiVersionsRequest(w: Writer, v: number, o: ApiVersionsRequest): void {
  checkVersion(v, 0, 4, 'ApiVersionsRequest');
  const flex = v >= 3;
  if (v >= 3) w.compactString(o.clientSoftwareName);
  if (v >= 3) w.compactString(o.clientSoftwareVersion);
  if (flex) writeTaggedFields(w, null, o.unknownTaggedFields);
  else noTaggedFields(o, 'ApiVersionsRequest', v);
}

/** ApiVersionsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultApiVersionsRequest(): ApiVersionsRequest {
  return {
    clientSoftwareName: "",
    clientSoftwareVersion: "",
  };
}
