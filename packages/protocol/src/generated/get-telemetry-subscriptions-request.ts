// generated — do not edit. Source: shared/kafka-protocol/messages/GetTelemetrySubscriptionsRequest.json (run `npm run gen` in packages/protocol).
// Schema language: shared/kafka-protocol/SCHEMA-FORMAT.md; runtime: src/wire/.
import type { Reader } from '../wire/reader';
import type { Writer } from '../wire/writer';
import type { ApiMessageCodec } from '../wire/message-codec';
import { type RawTaggedField, readTaggedFields, writeTaggedFields } from '../wire/tagged-fields';
import { checkVersion, ZERO_UUID } from '../wire/field-checks';

/**
 * GetTelemetrySubscriptionsRequest (api key 71); versions 0; flexible 0+.
 */
export interface GetTelemetrySubscriptionsRequest {
  /** Unique id for this client instance, must be set to 0 on the first request. */
  clientInstanceId: string;
  /** Tagged fields this codec does not know, kept verbatim so they re-encode byte for byte. */
  unknownTaggedFields?: RawTaggedField[];
}

/** Codec for GetTelemetrySubscriptionsRequest: `read` and `write` its body at a given version. */
export const GetTelemetrySubscriptionsRequest = {
  apiKey: 71,
  type: 'request',
  name: 'GetTelemetrySubscriptions',
  validVersions: { min: 0, max: 0 },
  flexibleVersions: { min: 0, max: 32767 },
  read: readGetTelemetrySubscriptionsRequest,
  write: writeGetTelemetrySubscriptionsRequest,
} as const satisfies ApiMessageCodec<GetTelemetrySubscriptionsRequest>;

function readGetTelemetrySubscriptionsRequest(r: Reader, v: number): GetTelemetrySubscriptionsRequest {
  checkVersion(v, 0, 0, 'GetTelemetrySubscriptionsRequest');
  const o: GetTelemetrySubscriptionsRequest = {
    clientInstanceId: r.uuid(),
  };
  readTaggedFields(r, o, null);
  return o;
}

function writeGetTelemetrySubscriptionsRequest(w: Writer, v: number, o: GetTelemetrySubscriptionsRequest): void {
  checkVersion(v, 0, 0, 'GetTelemetrySubscriptionsRequest');
  w.uuid(o.clientInstanceId);
  writeTaggedFields(w, null, o.unknownTaggedFields);
}

/** GetTelemetrySubscriptionsRequest with every field at its default (Kafka's no-argument constructor). */
export function defaultGetTelemetrySubscriptionsRequest(): GetTelemetrySubscriptionsRequest {
  return {
    clientInstanceId: ZERO_UUID,
  };
}
